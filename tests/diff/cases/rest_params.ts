import { num, str, strs, nums } from "../prelude";

// function f(a, ...xs: T[]): none, one or many arguments for the rest; spreads into it (a copy: the callee's
// array is its own); records and strings; recursion through a rest parameter.
function sum(...xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
function tag(name: string, ...parts: string[]): string {
  parts.push("!");
  return name + "(" + parts.join(",") + ")" + parts.length;
}
interface P { x: number }
function maxX(first: P, ...rest: P[]): number {
  let m = first.x;
  for (const p of rest) if (p.x > m) m = p.x;
  return m;
}
function count(...xs: number[]): number {
  return xs.length === 0 ? 0 : 1 + count(...xs.slice(1));
}

export function restParams(): string {
  const more = [4, 5];
  const words = ["b", "c"];
  const r = tag("t", ...words);
  return num(sum()) + num(sum(1)) + num(sum(1, 2, 3.5)) + num(sum(...more)) + num(sum(1, ...more, -0, ...more)) +
    str(tag("a")) + str(tag("a", "x")) + str(r) + strs(words) + num(maxX({ x: 1 })) +
    num(maxX({ x: 1 }, { x: 7 }, { x: 3 })) + num(count(9, 8, 7)) + nums(more);
}
