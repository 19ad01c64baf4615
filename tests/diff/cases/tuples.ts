import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// Tuples [A, B]: literals where a tuple is expected, indexing by a constant, length, destructuring (with
// defaults and holes), arrays of tuples in for…of and callbacks, functions returning tuples, and a Map's
// entries as tuples ([...map], Array.from(map), map.entries(), new Map(pairs)).
type Pair = [string, number];

function minMax(xs: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function swap(p: Pair): [number, string] {
  return [p[1], p[0]];
}

export function basics(): string {
  const p: Pair = ["a", 1];
  const [lo, hi] = minMax([3, -1, 7, 0]);
  const [n, s] = swap(p);
  const q: [boolean, string | null, number] = [true, null, -0];
  const [, second = "dflt", third] = q;
  return p[0] + num(p[1]) + p.length + " " + num(lo) + "," + num(hi) + " " + num(n) + s + " " + bool(q[0]) + second + num(third);
}

export function arraysOfTuples(): string {
  const pairs: Pair[] = [["b", 2], ["a", 1], ["c", 3]];
  pairs.push(["d", 0]);
  pairs.sort((x, y) => x[1] - y[1]);
  let out = "";
  for (const [k, v] of pairs) out += k + v;
  const names = pairs.map(([k]) => k.toUpperCase());
  const total = pairs.reduce((acc, [, v]) => acc + v, 0);
  const found = pairs.find((p) => p[1] > 1);
  return out + " " + strs(names) + " " + total + " " + (found ? found[0] : "none") + " " + pairs.filter(([k, v]) => v % 2 === 1).length;
}

export function mapEntries(): string {
  const m = new Map<string, number>([["x", 1], ["y", 2]]);
  m.set("z", 3);
  m.delete("y");
  const entries = [...m];
  const viaFrom = Array.from(m.entries(), ([k, v]) => k + "=" + v);
  let out = "";
  for (const e of m) out += e[0] + e[1] + e.length;
  const copy = new Map(entries);
  copy.set("w", 4);
  const pairs: Pair[] = [["k", 1], ["k", 2]];
  const dup = new Map(pairs);
  return entries.length + " " + strs(viaFrom) + " " + out + " " + copy.size + " " + maybeNum(dup.get("k")) + " " +
    strs(Array.from(new Set(["q", "r"]).entries(), ([a, b]) => a + b));
}

function counter(start: number): [() => number, (by: number) => void] {
  let n = start;
  return [() => n, (by: number) => { n += by; }];
}

export function tuplesOfFunctions(): string {
  const [get, add] = counter(10);
  add(5);
  add(-2);
  const t = counter(0);
  t[1](7);
  return num(get()) + " " + num(t[0]());
}

export function nested(): string {
  const grid: [number, number][][] = [[[0, 1], [2, 3]], [[4, 5]]];
  let out = "";
  for (const row of grid) for (const [a, b] of row) out += a * b + ",";
  const deep: [string, [number, number]] = ["p", [1, 2]];
  const [name, [x, y]] = deep;
  return out + " " + name + (x + y) + str(deep[1][0] + "");
}
