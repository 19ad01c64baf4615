import { num, str, bool, nums } from "../prelude";

// Places read and then written: `a[i] += v`, `o.n++`, `d[k] ??= v` evaluate their object and key once, in JS's
// order (a side effect in them happens once); tuple elements are written; ++ and -- on array elements, tuple
// elements and dictionary entries (a missing entry gives NaN, as undefined + 1 does).
interface Counter {
  n: number;
  name: string;
}

export function heldIndex(): string {
  const xs = [10, 20, 30, 40];
  let i = 0;
  xs[i++] += 5;
  xs[i++]++;
  ++xs[i++];
  xs[i++] -= 0.5;
  let calls = 0;
  const pick = (): number => { calls++; return 1; };
  xs[pick()] *= 2;
  xs[pick()]--;
  const before = xs[pick()]++;
  const after = ++xs[pick()];
  return nums(xs) + num(i) + num(calls) + num(before) + num(after);
}

export function heldObject(): string {
  const counters: Counter[] = [{ n: 1, name: "a" }, { n: 5, name: "b" }];
  let k = 0;
  const next = (): Counter => counters[k++ % 2];
  next().n++;
  next().n += 10;
  next().name += "!";
  --next().n;
  let order = "";
  const at = (s: string, v: number): number => { order += s; return v; };
  const grid = [[1, 2], [3, 4]];
  grid[at("a", 1)][at("b", 0)] += at("c", 100);
  grid[at("d", 0)][at("e", 1)] ||= at("f", 7);
  return num(counters[0].n) + str(counters[0].name) + num(counters[1].n) + str(counters[1].name) + num(k) + str(order) +
    nums(grid[0]) + nums(grid[1]);
}

export function tupleWrites(): string {
  const t: [number, string, boolean] = [1, "x", false];
  t[0] = 7;
  t[1] += "y";
  t[2] = !t[2];
  t[0]++;
  t[0] **= 2;
  const pairs: [string, number][] = [["a", 1], ["b", 2]];
  for (const p of pairs) p[1] *= 10;
  pairs[1][0] = pairs[1][0].toUpperCase();
  const [a, b] = pairs[1];
  return num(t[0]) + str(t[1]) + bool(t[2]) + str(pairs.map(([k, v]) => k + v).join(",")) + str(a) + num(b);
}

export function dictCounts(): string {
  const words = ["b", "a", "b", "c", "b", "a"];
  const counts: Record<string, number> = {};
  for (const w of words) {
    counts[w] ??= 0;
    counts[w]++;
  }
  const missing: Record<string, number> = {};
  missing.x++;
  let m = missing.y--;
  let order = "";
  const key = (s: string): string => { order += s; return s; };
  counts[key("a")] += 100;
  counts[key("z")] ??= -1;
  return str(Object.entries(counts).map(([k, v]) => k + "=" + v).join(",")) + num(missing.x ?? -5) + num(m) + str(order);
}

export function numberKeys(): string {
  const names: Record<number, string> = { 1: "one", 2.50: "two and a half", 0x10: "sixteen", 1e21: "big", [1 + 2]: "three" };
  names[4] = "four";
  names[-0] = "zero";
  names[0.1 + 0.2] = "float";
  names[-1] = "minus one";
  delete names[2.5];
  const byId: { [id: number]: number } = {};
  byId[7] = 1;
  byId[7] += 2;
  byId[10]++;
  let total = 0;
  for (const k in byId) total += k.length;
  const hits = [1, 3, 5, 16, 0].map((n) => (n in names ? "y" : "n")).join("");
  return str(Object.keys(names).join("|")) + str(names[16] ?? "-") + str(names[3] ?? "-") + str(names[5] ?? "-") +
    str(hits) + num(byId[7] ?? -1) + num(byId[10] ?? -1) + num(total) + bool("0.30000000000000004" in names);
}

// The key and the object are read before the right-hand side runs, even when it reassigns their variables.
export function heldNames(): string {
  const xs = [1, 2, 3];
  let i = 0;
  xs[i] += (i = 2);
  let o: Counter = { n: 1, name: "old" };
  const first = o;
  o.n += (o = { n: 10, name: "new" }).n;
  let j = 1;
  xs[j]++;
  j = 0;
  return nums(xs) + num(i) + num(first.n) + num(o.n) + str(o.name) + num(j);
}
