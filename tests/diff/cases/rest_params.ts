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

// Rest parameters on const arrows and function expressions at module level (named functions, called by name).
const sumAll = (...xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const label = function (head: string, ...parts: string[]): string {
  return head + "<" + parts.join("/") + ">" + parts.length;
};
const spreadInto = (first: number, ...rest: number[]) => rest.map((r) => r * first);

export function restArrows(): string {
  const more = [4, -0, 2.5];
  return num(sumAll()) + num(sumAll(1, 2, 3)) + num(sumAll(...more, 1)) + str(label("h")) + str(label("h", "a", "", "é")) +
    nums(spreadInto(2, ...more)) + nums(spreadInto(-1)) + num(sumAll(...[])) + num(sumAll(...more, ...more));
}

// …and on a const arrow in a function body, called by name (spreads too), closing over the function's locals.
export function restLocal(): string {
  let calls = 0;
  const count = (...xs: number[]): number => {
    calls++;
    return xs.length;
  };
  const wrap = (pre: string, ...ws: string[]): string => pre + ws.join(pre);
  const ys = [7, 8];
  return num(count()) + num(count(1)) + num(count(...ys, 9, ...ys)) + num(calls) + str(wrap("-")) + str(wrap("-", "a", "b"));
}
