import { num, str, bool, nums, strs } from "../prelude";

// Numbers: formatting, arithmetic, edge values.
export function formatting(): string {
  return [num(0), num(-0), num(1 / 3), num(0.1 + 0.2), num(1e21), num(1e-7), num(123e-20), num(-1e-7), num(9007199254740992)].length + "";
}
export function fmt1(): string { return num(0.1 + 0.2) + num(1 / 3) + num(-1 / 3); }
export function fmt2(): string { return num(1e21) + " " + num(1e20) + " " + num(1e-7) + " " + num(1e-6); }
export function fmt3(): string { return num(5e-324) + " " + num(1.7976931348623157e308) + " " + num(-1.7976931348623157e308 * 10); }
export function fmt4(): string { return num(0 / 0) + num(-0) + num(0 * -1) + num(123456789012345680000); }
export function fmt5(): string { return num(4.35) + num(0.000001234) + num(100) + num(1e100) + num(2.5e-8); }
export function arith(): string { return num(7 % 3) + num(-7 % 3) + num(7 % -3) + num(5.5 % 2) + num(-0 % 5) + num(5 % 0) + num(1e308 % 3); }
export function division(): string { return num(1 / 0) + num(-1 / 0) + num(0 / 0) + num(1 / -0); }
export function precedence(): string { return num(2 + 3 * 4 - 10 / 4) + num((2 + 3) * (4 - 10) / 4); }
export function mathRound(): string {
  return num(Math.round(0.5)) + num(Math.round(-0.5)) + num(Math.round(2.5)) + num(Math.round(-2.5)) + num(Math.round(-0.2)) +
    num(Math.round(0.49999999999999994)) + num(Math.round(4503599627370497)) + num(Math.round(-0));
}
export function mathMisc(): string {
  return num(Math.sign(-0)) + num(Math.sign(3)) + num(Math.sqrt(2)) + num(Math.min(0, -0)) + num(Math.max(0, -0)) +
    num(Math.min(1, 0 / 0)) + num(Math.trunc(-1.9)) + num(Math.floor(-0.5)) + num(Math.ceil(-0.5)) + num(Math.abs(-0));
}

// Strings: concatenation, templates, comparison, length, non-ASCII.
export function concat(): string { return str("a" + 1 + 2) + str(1 + 2 + "a") + str("x" + true + false) + str("" + -0 + 0.1); }
export function template(): string { const n = 3; return str(`n=${n} half=${n / 2} ok=${n > 2} s=${"é"}`); }
export function lengths(): string { return num("".length) + num("abc".length) + num("é".length) + num("😀".length) + num("日本語".length); }
export function compare(): string {
  return bool("a" < "b") + bool("B" < "a") + bool("é" > "z") + bool("😀" > "\uffff") + bool("ab" < "abc") + bool("" < "a") + bool("10" < "9");
}
export function stringTruthiness(): string { return bool(!"") + bool(!"0") + str("" || "fallback") + str("x" && "y"); }

// Booleans and numbers as conditions.
export function truthiness(): string {
  return bool(!0) + bool(!-0) + bool(!(0 / 0)) + bool(!1) + bool(!0.0001) + num(0 || 5) + num(3 && 4) + num((0 / 0) || 7);
}
export function equality(): string { return bool(0 === -0) + bool((0 / 0) === (0 / 0)) + bool("a" === "a") + bool(1 !== 1) + bool(true === !false); }

// Records and arrays.
interface Point { x: number; y: number; label: string; }
export function records(): string {
  const p: Point = { x: 1, y: 2, label: "p" };
  const q = { ...p, y: 5 };
  p.x = 10;
  return num(p.x) + num(q.x) + num(q.y) + str(q.label);
}
export function arrays(): string {
  const xs = [3, 1, 2];
  xs.push(4, 5);
  const ys = [...xs, 6].filter((x) => x % 2 === 1).map((x) => x * 10);
  xs[0] = -1;
  return nums(xs) + nums(ys) + num(ys.length) + num(xs[4]);
}
export function arrayOfStrings(): string {
  const s = ["b", "a"];
  const t = s.map((x) => x + x);
  t.push("é");
  return strs(t) + strs([]) + strs(s.filter((x) => x > "a"));
}
export function arrayOfRecords(): string {
  const ps: Point[] = [{ x: 1, y: 2, label: "a" }, { x: 3, y: 4, label: "b" }];
  const moved = ps.map((p) => ({ ...p, x: p.x + 1 }));
  return nums(moved.map((p) => p.x)) + strs(moved.filter((p) => p.y > 2).map((p) => p.label));
}

// Control flow and functions.
function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
export function recursion(): string { return num(fib(20)); }
export function loops(): string {
  let s = 0;
  for (let i = 0; i < 10; i++) { if (i === 3) continue; if (i === 8) break; s += i; }
  let j = 0;
  while (j < 5) j++;
  do { j += 10; } while (j < 30);
  let t = "";
  outer: for (const a of [1, 2, 3]) { for (const b of [1, 2, 3]) { if (b === 2) continue outer; if (a === 3) break outer; t += `${a}${b} `; } }
  return num(s) + num(j) + str(t);
}
export function closures(): string {
  const base = 10;
  const add = (a: number, b: number): number => a + b + base;
  const twice = (f: (n: number) => number, n: number): number => f(f(n));
  return num(add(1, 2)) + num(twice((n) => n * 3, 2));
}
export function ifElse(): string {
  const classify = (n: number): string => {
    if (n < 0) return "neg";
    else if (n === 0) return "zero";
    return n > 100 ? "big" : "pos";
  };
  return str(classify(-1) + classify(0) + classify(5) + classify(1000) + classify(0 / 0));
}
export function compound(): string {
  let n = 1;
  n += 2; n *= 5; n -= 1; n /= 4; n %= 2;
  let s = "a";
  s += 1; s += true;
  let k = 0;
  const a = k++;
  const b = ++k;
  return num(n) + str(s) + num(a) + num(b) + num(k--) + num(k);
}
