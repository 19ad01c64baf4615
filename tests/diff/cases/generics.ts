import { num, str, bool, nums, strs, maybeNum } from "../prelude";

// Generic module-level functions: each distinct list of type arguments compiles to its own instance. Type
// arguments come from plain arguments, arrays, nullable arguments, callbacks' results, instances of generic
// types, or are given. Generic interfaces and type aliases, recursive ones too.
interface Point {
  x: number;
  y: number;
}

interface Box<T> {
  value: T;
  tag: string;
}
type Pair<A, B> = { first: A; second: B };
type List<T> = T[];
interface Tree<T> {
  value: T;
  kids: Tree<T>[];
}
interface Chain<T> {
  item: T;
  next: Chain<T> | null;
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

function box<T>(value: T, tag: string): Box<T> {
  return { value: value, tag: tag };
}
function unbox<T>(b: Box<T>): T {
  return b.value;
}
function pairOf<A, B>(a: A, b: B): Pair<A, B> {
  return { first: a, second: b };
}
function swapPair<A, B>(p: Pair<A, B>): Pair<B, A> {
  return { first: p.second, second: p.first };
}
function walk<T>(t: Tree<T>, out: List<T>): List<T> {
  out.push(t.value);
  for (const k of t.kids) walk(k, out);
  return out;
}
function chainOf<T>(xs: T[]): Chain<T> | null {
  let head: Chain<T> | null = null;
  for (let i = xs.length - 1; i >= 0; i--) head = { item: xs[i], next: head };
  return head;
}
function chainLength<T>(c: Chain<T> | null): number {
  let n = 0;
  for (let at = c; at !== null; at = at.next) n++;
  return n;
}

export function genericTypes(): string {
  const b: Box<number> = { value: -0, tag: "n" };
  const s = box("é", "s");
  const p = pairOf(1.5, "x");
  const q = swapPair(p);
  const t: Tree<string> = { value: "r", kids: [{ value: "a", kids: [{ value: "a1", kids: [] }] }, { value: "b", kids: [] }] };
  const nt: Tree<number> = { value: 1, kids: [{ value: 2, kids: [] }] };
  const xs: List<boolean> = [true];
  return num(unbox(b)) + str(unbox(s)) + str(s.tag) + num(p.first) + str(p.second) + str(q.first) + num(q.second) +
    strs(walk(t, [])) + nums(walk(nt, [])) + num(xs.length) + num(chainLength(chainOf([1, 2, 3]))) +
    num(chainLength(chainOf<string>([]))) + num(unbox(box(unbox(b) + 1, "m")));
}
