import { num, str, bool } from "../prelude";

// TypeScript enums: numeric (auto-incremented from 0 or from an initializer, negative values) and string
// enums, as types of variables, parameters and fields, in comparisons, switch, template literals and JSON.
enum Color { Red, Green, Blue }
enum Level { Low = -1, Mid = 5, High, Top = 100 }
enum Dir { Up = "UP", Down = "DOWN", "left-ish" = "L" }
export enum Size { S = 1, M, L }

interface Cell { color: Color; dir: Dir }

function name(c: Color): string {
  switch (c) {
    case Color.Red: return "red";
    case Color.Green: return "green";
    default: return "other " + c;
  }
}
function flip(d: Dir): Dir {
  return d === Dir.Up ? Dir.Down : Dir.Up;
}

export function numeric(): string {
  const all: Color[] = [Color.Red, Color.Green, Color.Blue];
  let c: Color = Color.Blue;
  c = Color.Green;
  return num(Color.Red) + num(Color.Blue) + num(Level.Low) + num(Level.Mid) + num(Level.High) + num(Level.Top) +
    str(all.map((x) => name(x)).join(",")) + bool(c === Color.Green) + bool(c > Color.Red) + num(Size.L) + `${Level.High}`;
}
export function strings(): string {
  const cells: Cell[] = [{ color: Color.Blue, dir: Dir.Up }, { color: Color.Red, dir: flip(Dir.Up) }];
  return str(Dir.Up) + str(Dir.Down) + str(flip(Dir.Down)) + str(JSON.stringify(cells)) + str(cells[1].dir.toLowerCase()) +
    bool(cells[0].dir === Dir.Up) + num(cells.filter((x) => x.color === Color.Red).length);
}

// The reverse mapping of a numeric enum (the name of the member with that value; the last one declared when
// two share it; undefined for none; -0 is 0), and members read by name, E["Name"].
enum Twice { A = 1, B = 1, C = 2 }

export function reverse(): string {
  const names = [0, 1, 2, 3, -0, 0.5, NaN, 5, 6, 100, -1].map((v) => Color[v] ?? "none").join();
  const lv = [Level.Low, Level.High, Level.Top].map((v) => Level[v]).join("|");
  const tw = [1, 2].map((v) => Twice[v] ?? "?").join();
  const c: Color = Color.Blue;
  const label = `${Color[c]}:${Color[c + 10] === undefined}`;
  return str(names) + str(lv) + str(tw) + str(label) + num(Color["Green"]) + str(Dir["Down"]) + str(Dir["left-ish"]) + num(Level["Top"]);
}
