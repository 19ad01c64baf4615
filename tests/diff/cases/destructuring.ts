import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// Destructuring: object and array patterns in declarations, for…of, parameters and callbacks; defaults
// (for undefined only), renaming, nesting, holes, `...rest` of arrays, and closures over the names.
interface Point {
  x: number;
  y: number;
}
interface Item {
  id: number;
  name: string;
  tags: string[];
  at: Point;
  note?: string;
  score?: number;
}

function norm({ x, y }: Point): number {
  return Math.sqrt(x * x + y * y);
}
function label({ name, note = "none" }: Item, [first, second = "-"]: string[]): string {
  return name + ":" + note + ":" + first + second;
}
function sumPairs(pairs: number[][]): number {
  let s = 0;
  for (const [a, b = 10] of pairs) s += a * b;
  return s;
}

export function declarations(): string {
  const item: Item = { id: 7, name: "é", tags: ["a", "b", "c"], at: { x: 3, y: -0 }, score: undefined };
  const { id, name: title, at: { x, y }, tags: [t0, , t2], note = "dflt", score = 99 } = item;
  const [first, ...rest] = [1, 2, 3, 4];
  const [only, ...none] = ["z"];
  let { x: mx } = item.at;
  mx += 1;
  const [[deep]] = [[5]];
  return num(id) + str(title) + num(x) + num(y) + str(t0) + str(t2) + str(note) + num(score) + num(first) + nums(rest) +
    str(only) + num(none.length) + num(mx) + num(deep);
}
export function loopsAndParams(): string {
  const items: Item[] = [
    { id: 1, name: "a", tags: [], at: { x: 3, y: 4 }, note: "n1" },
    { id: 2, name: "b", tags: ["t"], at: { x: 0, y: 0 } },
  ];
  const out: string[] = [];
  for (const { id, name, at: { x } } of items) out.push(name + id + x);
  const norms = items.map(({ at }) => norm(at));
  const names = items.filter(({ id }) => id > 1).map(({ name, tags: [t = "?"] }) => name + t);
  return strs(out) + nums(norms) + strs(names) + str(label(items[0], ["p"])) + str(label(items[1], ["p", "q"])) +
    num(sumPairs([[1], [2, 3], [4, 5, 6]])) + bool(items.some(({ note }) => note === undefined));
}
export function closures(): string {
  let total = 0;
  for (const [a, b] of [[1, 2], [3, 4]]) total += a * 10 + b;
  const { x, y } = { x: 1.5, y: 2 };
  const add = (n: number) => n + x + y;
  const maybe: Item = { id: 1, name: "m", tags: [], at: { x: 0, y: 0 } };
  const { score } = maybe;
  return num(total) + num(add(1)) + maybeNum(score);
}
interface Rec { c: boolean; a: number; d?: number; b: string }
export function objectRest(): string {
  const item: Item = { id: 7, name: "r", tags: ["a", "b"], at: { x: 1, y: 2 }, note: "nn" };
  const { id, tags, ...rest } = item;
  const { ...all } = item.at;
  all.x = 10;  // a copy: item.at is unchanged
  const recs: Rec[] = [{ c: true, a: 1, d: 4, b: "x" }, { c: false, a: 2, d: undefined, b: "y" }];
  const json = recs.map(({ a, ...others }) => JSON.stringify(others) + a);
  const { c, ...cut } = recs[0];
  const { b, ...cut2 } = cut;
  return num(id) + strs(tags) + str(rest.name) + num(rest.at.y) + str(rest.note ?? "-") + maybeNum(rest.score) + num(all.x) + num(item.at.x) +
    strs(json) + str(JSON.stringify(cut)) + str(JSON.stringify(cut2)) + bool(c) + str(b);
}
