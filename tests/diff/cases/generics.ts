import { num, str, bool, nums, strs, maybeNum } from "../prelude";

// Generic module-level functions: each distinct list of type arguments compiles to its own instance. Type
// arguments come from plain arguments, arrays, nullable arguments, callbacks' results, or are given.
interface Point {
  x: number;
  y: number;
}

function first<T>(xs: T[]): T {
  return xs[0];
}
function lastOr<T>(xs: T[], fallback: T): T {
  return xs.length > 0 ? xs[xs.length - 1] : fallback;
}
function mapAll<T, U>(xs: T[], f: (x: T) => U): U[] {
  const out: U[] = [];
  for (const x of xs) out.push(f(x));
  return out;
}
function keep<T>(xs: T[], pred: (x: T) => boolean): T[] {
  return xs.filter((x) => pred(x));
}
function orElse<T>(v: T | null, d: T): T {
  return v === null ? d : v;
}
function swap<A, B>(a: A, b: B): string {
  return `${b}:${a}`;
}
function repeat<T>(x: T, n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(x);
  return out;
}
function reduceAll<T, R>(xs: T[], f: (acc: R, x: T) => R, init: R): R {
  let acc = init;
  for (const x of xs) acc = f(acc, x);
  return acc;
}
function total<T>(xs: T[], f: (x: T) => number): number {
  return xs.length === 0 ? 0 : f(xs[0]) + total(xs.slice(1), f);
}
function indexWhere<T>(xs: T[], pred: (x: T) => boolean, from: number = 0): number {
  for (let i = from; i < xs.length; i++) if (pred(xs[i])) return i;
  return -1;
}
const twice = <T,>(x: T): T[] => [x, x];
function nested<T>(xs: T[][]): T[] {
  const out: T[] = [];
  for (const row of xs) for (const x of row) out.push(x);
  return out;
}
function firstOf<T>(xs: T[]): T | undefined {
  return xs.length ? first(xs) : undefined;
}

export function inferred(): string {
  const ps: Point[] = [{ x: 1, y: 2 }, { x: -0, y: 0.5 }];
  return num(first([3, 4])) + str(first(["é", "b"])) + num(first(ps).y) + num(lastOr([1, 2, 3], 0)) +
    str(lastOr([], "none")) + num(lastOr(ps, { x: 9, y: 9 }).x) + bool(first([true, false]));
}
export function callbacks(): string {
  const words = ["alpha", "", "Gamma"];
  return nums(mapAll([1, 2.5, -0], (x) => x * 2)) + strs(mapAll(words, (w) => w.toUpperCase())) +
    nums(mapAll(words, (w) => w.length)) + strs(keep(words, (w) => w.length > 0)) +
    num(reduceAll([1, 2, 3], (acc: number, x) => acc * 10 + x, 0)) +
    str(reduceAll(words, (acc: string, w) => acc + "[" + w + "]", ">")) +
    num(total([{ x: 1, y: 2 }, { x: 3, y: 4 }], (p) => p.x + p.y)) + num(total([], (n: number) => n)) +
    num(indexWhere([5, 6, 7], (n) => n > 5)) + num(indexWhere([5, 6, 7], (n) => n > 5, 2)) +
    num(indexWhere(words, (w) => w === "x"));
}
export function explicitAndNullable(): string {
  const none: string | null = null;
  const some: number | null = 4;
  return str(orElse(none, "dflt")) + num(orElse(some, 0)) + str(swap(1, "a")) + str(swap(true, -0)) +
    strs(repeat("ab", 3)) + nums(repeat(NaN, 2)) + num(repeat<number>(1, 0).length) + nums(twice(Infinity)) +
    strs(twice("x")) + nums(nested([[1], [], [2, 3]])) + strs(nested<string>([])) +
    maybeNum(firstOf([8, 9])) + maybeNum(firstOf<number>([])) + num(first<number>([7]));
}
