import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// Dictionaries: Record<string, V> and { [key: string]: V } — literals (computed keys, spreads, overwrites),
// reads by name and by key (undefined when absent), writes, compound assignment, ??=, delete, in,
// Object.keys/values/entries in JS's property order (array-index keys ascending first), Object.fromEntries,
// for…in (deleted keys skipped), nested dictionaries.
interface Scores {
  [name: string]: number;
}

const LABELS: Record<string, string> = { red: "Red", green: "Green", "dark blue": "Dark blue" };

function label(k: string): string {
  return LABELS[k] ?? "?" + k;
}

export function lookups(): string {
  return label("red") + label("dark blue") + label("pink") + " " + bool("green" in LABELS) + bool("x" in LABELS) + " " + strs(Object.keys(LABELS));
}

export function counting(): string {
  const counts: Record<string, number> = {};
  for (const w of "b a c a b a 10 2 1 x".split(" ")) counts[w] = (counts[w] ?? 0) + 1;
  counts.z = 5;
  counts["z"] += 1;
  let out = "";
  for (const k in counts) out += k + "=" + counts[k] + ";";
  return out + " " + strs(Object.keys(counts)) + " " + nums(Object.values(counts)) + " " + maybeNum(counts.missing);
}

export function literalsAndSpread(): string {
  const k = "dyn";
  const base: Scores = { a: 1, b: 2, 7: 70, 3: 30 };
  const more: Scores = { ...base, [k]: 9, a: 10, [k + "2"]: 11 };
  delete more.b;
  delete more["nope"];
  const entries = Object.entries(more);
  let out = "";
  for (const [key, v] of entries) out += key + ":" + v + ",";
  return out + " " + strs(Object.keys(base)) + " " + entries.length;
}

export function nullishAssign(): string {
  const groups: Record<string, string[]> = {};
  for (const w of ["apple", "avocado", "banana", "blueberry", "cherry"]) {
    groups[w.charAt(0)] ??= [];
    groups[w.charAt(0)]?.push(w);
  }
  let out = "";
  for (const [first, ws] of Object.entries(groups)) out += first + strs(ws);
  return out;
}

export function fromEntriesAndOrder(): string {
  const pairs: [string, number][] = [["b", 1], ["10", 2], ["a", 3], ["2", 4], ["01", 5], ["-1", 6], ["4294967295", 7], ["4294967294", 8]];
  const d = Object.fromEntries(pairs);
  const back = Object.entries(d).map(([k, v]) => k + v);
  return strs(Object.keys(d)) + " " + strs(back);
}

export function deleteDuringForIn(): string {
  const d: Record<string, number> = { a: 1, b: 2, c: 3, d: 4 };
  let out = "";
  for (const k in d) {
    out += k;
    if (k === "a") delete d.c;
    if (k === "b") d.e = 5;
  }
  return out + " " + strs(Object.keys(d));
}

export function nested(): string {
  const byUser: Record<string, Record<string, number>> = {};
  const add = (user: string, item: string, n: number) => {
    const inner = byUser[user] ?? {};
    inner[item] = (inner[item] ?? 0) + n;
    byUser[user] = inner;
  };
  add("ann", "tea", 2);
  add("bo", "cake", 1);
  add("ann", "tea", 3);
  add("ann", "jam", 1);
  let out = "";
  for (const user of Object.keys(byUser)) {
    const inner = byUser[user];
    if (inner) for (const item in inner) out += user + "." + item + "=" + inner[item] + " ";
  }
  return out;
}

export function many(): string {
  const d: Record<string, number> = {};
  for (let i = 300; i >= 0; i -= 3) d[String(i)] = i;
  for (let i = 0; i < 50; i++) d["k" + i] = i;
  for (let i = 0; i <= 300; i += 6) delete d[String(i)];
  const ks = Object.keys(d);
  return ks.length + " " + strs(ks.slice(0, 5)) + " " + strs(ks.slice(ks.length - 3)) + " " + nums(Object.values(d).slice(0, 4));
}

// Object.keys/values/entries of records with fixed fields: the keys in the order the object literals write them.
const COLORS = { red: "#f00", green: "#0f0", blue: "#00f" };
interface Point {
  y: number;
  x: number;
}

export function ofRecords(): string {
  const p: Point = { x: 1, y: 2 };
  const mixed = { b: 1, a: "x", c: true };
  let out = strs(Object.keys(COLORS)) + strs(Object.values(COLORS)) + " ";
  for (const [name, hex] of Object.entries(COLORS)) out += name + hex;
  out += " " + strs(Object.keys(p)) + nums(Object.values(p)) + " " + strs(Object.keys(mixed)) + " " + Object.entries(p).length;
  return out;
}
