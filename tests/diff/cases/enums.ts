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
