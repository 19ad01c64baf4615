import { num, str } from "../prelude";

// switch: fallthrough, default in any position, strings, nested in loops (break leaves the switch only).
function kind(n: number): string {
  switch (n) {
    case 0: return "zero";
    case 1:
    case 2: return "small";
    default: return "other";
    case 10: return "ten";
  }
}
function fall(n: number): string {
  let out = "";
  switch (n) {
    case 1: out += "a";
    case 2: out += "b"; break;
    case 3: out += "c";
    default: out += "d";
    case 4: out += "e";
  }
  return out;
}
export function switches(): string {
  return str(kind(0) + kind(2) + kind(7) + kind(10) + kind(0 / 0) + kind(-0)) + str(fall(1) + fall(2) + fall(3) + fall(4) + fall(9));
}
export function switchStrings(): string {
  let out = "";
  for (const w of ["x", "y", "zz", ""]) {
    switch (w) {
      case "x": out += "1"; break;
      case "zz": out += "2"; continue;
      case "": out += "3";
    }
    out += "|";
  }
  return str(out);
}
export function switchNoMatch(): string {
  let n = 0;
  switch (5) { case 1: n = 1; }
  switch (true) { case 1 > 2: n += 10; break; case 2 > 1: n += 100; }
  return num(n);
}
