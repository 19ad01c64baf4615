import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// Map and Set: insertion order, SameValueZero keys (NaN, -0), get/set/has/delete/clear/size, for…of over
// entries/keys/values, forEach, spread and Array.from, new Set(array), copies, deletion and insertion while
// iterating, growth past the first table, records as keys (identity) and values.
interface Todo {
  id: number;
  title: string;
}

export function wordCounts(): string {
  const counts = new Map<string, number>();
  for (const w of "the cat and the hat and the bat".split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
  let out = "";
  for (const [w, n] of counts) out += w + "=" + n + ";";
  return out + " size " + counts.size + " has " + bool(counts.has("cat")) + bool(counts.has("dog")) + " " + maybeNum(counts.get("dog"));
}

export function numberKeys(): string {
  const m = new Map<number, string>();
  m.set(NaN, "nan");
  m.set(-0, "zero");
  m.set(1, "one");
  m.set(0, "zero again");
  m.set(NaN, "nan again");
  let out = "";
  for (const k of m.keys()) out += num(k) + ",";
  for (const v of m.values()) out += str(v) + ",";
  return out + bool(m.has(-0)) + bool(m.has(NaN)) + m.size;
}

export function setBasics(): string {
  const s = new Set<string>();
  s.add("b").add("a");
  s.add("b");
  const before = s.size;
  const had = s.delete("b");
  const again = s.delete("b");
  s.add("c");
  s.add("b");
  return before + " " + bool(had) + bool(again) + " " + strs([...s]) + " " + strs(Array.from(s));
}

export function fromArray(): string {
  const s = new Set([3, 1, 3, 2, 1, NaN, NaN, -0, 0]);
  const t = new Set(s);
  t.add(9);
  return nums([...s]) + " " + nums(Array.from(t)) + " " + s.size + " " + t.size;
}

export function deleteWhileIterating(): string {
  const m = new Map<number, number>();
  for (let i = 0; i < 10; i++) m.set(i, i * i);
  let out = "";
  for (const [k, v] of m) {
    out += k + ":" + v + " ";
    if (k % 3 === 0) m.delete(k + 1);
    if (k === 4) m.set(100, 1);
  }
  return out + "| " + nums([...m.keys()]) + " " + m.size;
}

export function growAndShrink(): string {
  const s = new Set<number>();
  for (let i = 0; i < 500; i++) s.add(i * 7 % 101);
  let removed = 0;
  for (let i = 0; i < 101; i += 2) if (s.delete(i)) removed++;
  for (let i = 0; i < 60; i++) s.add(1000 + i);
  let sum = 0;
  for (const x of s) sum += x;
  return s.size + " " + removed + " " + sum + " " + nums([...s].slice(0, 12));
}

export function clearAndReuse(): string {
  const m = new Map<string, string[]>();
  m.set("a", ["x"]);
  m.get("a")?.push("y");
  m.clear();
  const empty = m.size;
  m.set("b", []);
  m.set("a", ["z"]);
  let out = "";
  m.forEach((v, k) => {
    out += k + "=" + strs(v) + ";";
  });
  return empty + " " + out;
}

export function recordKeys(): string {
  const a: Todo = { id: 1, title: "a" };
  const b: Todo = { id: 1, title: "a" };
  const seen = new Set<Todo>();
  seen.add(a);
  seen.add(b);
  seen.add(a);
  const byId = new Map<number, Todo>();
  for (const t of [a, b, { id: 2, title: "c" }]) byId.set(t.id, t);
  let out = seen.size + " " + bool(seen.has(a)) + bool(seen.has({ id: 1, title: "a" })) + " ";
  for (const { id, title } of byId.values()) out += id + title;
  return out + " " + (byId.get(1) === b ? "b" : "a") + " " + (byId.get(3)?.title ?? "none");
}

export function copies(): string {
  const m = new Map<string, number>();
  m.set("x", 1);
  m.set("y", 2);
  const c = new Map(m);
  c.set("x", 10);
  c.delete("y");
  c.set("z", 3);
  let out = "";
  for (const [k, v] of m.entries()) out += k + v;
  out += "/";
  for (const [k, v] of c) out += k + v;
  return out + " " + m.size + c.size;
}

export function setForEachAndValues(): string {
  const s = new Set<boolean>([true, false, true]);
  let out = "";
  s.forEach((v) => {
    out += bool(v) + ",";
  });
  for (const [a, b] of s.entries()) out += bool(a) + bool(b);
  for (const v of s.values()) out += v ? "T" : "F";
  return out + s.size;
}

export function mapArrayFrom(): string {
  const m = new Map<string, number>();
  m.set("one", 1);
  m.set("two", 2);
  m.set("three", 3);
  m.delete("two");
  const doubled = Array.from(m.values(), (v) => v * 2);
  const keys = Array.from(m.keys()).map((k) => k.toUpperCase());
  return nums(doubled) + " " + strs(keys) + " " + strs([...m.keys(), "four"]);
}

export function emptyOnes(): string {
  const m = new Map<number, number>();
  const s = new Set<string>();
  let n = 0;
  for (const x of s) n += x.length;
  m.forEach(() => {
    n++;
  });
  return n + " " + m.size + " " + maybeNum(m.get(1)) + " " + bool(m.delete(1)) + " " + strs([...s]);
}

export function churn(): string {
  // add and delete repeatedly: the table squeezes its holes and the order stays insertion order
  const m = new Map<number, string>();
  for (let round = 0; round < 50; round++) {
    for (let i = 0; i < 20; i++) m.set(round * 100 + i, "v" + round);
    for (let i = 0; i < 20; i++) if (i % 5 !== 0 || round % 7 !== 0) m.delete(round * 100 + i);
  }
  return m.size + " " + nums([...m.keys()]) + " " + strs([...m.values()].slice(0, 3));
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function groupBy(words: string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const g = groups.get(w.length);
    if (g) g.push(w);
    else groups.set(w.length, [w]);
  }
  return groups;
}

interface Bag {
  name: string;
  tags: Set<string>;
}

export function genericsAndFields(): string {
  const bags: Bag[] = [{ name: "a", tags: new Set(["x", "y"]) }, { name: "b", tags: new Set<string>() }];
  bags[1].tags.add("z");
  bags[0].tags.delete("x");
  let out = nums(uniq([3, 1, 3, 2, 1])) + " " + strs(uniq(["b", "a", "b"])) + " ";
  for (const [len, ws] of groupBy(["aa", "b", "cc", "ddd", "e"])) out += len + ":" + strs(ws) + ";";
  for (const b of bags) out += b.name + "=" + strs([...b.tags]) + b.tags.size;
  const maybe: Map<string, number> | null = bags.length > 5 ? new Map<string, number>() : null;
  return out + " " + maybeNum(maybe?.size) + maybeNum(maybe?.get("q"));
}

export function emptyStrings(): string {
  // "" made by charAt out of range and by slice are one key, and a stored "" is a value, not undefined
  const m = new Map<string, string>();
  m.set("xyz".charAt(9), "a");
  m.set("xyz".slice(5), "b");
  m.set("k", "xyz".charAt(9));
  const s = new Set(["q".charAt(3), "", "q".substring(2)]);
  const d: Record<string, string> = {};
  d["w".charAt(4)] = "x".charAt(7);
  return m.size + str(m.get("") ?? "none") + str(m.get("k") ?? "none") + s.size + " " + Object.keys(d).length + str(d[""] ?? "none");
}

// Generic functions over collections and tuples: the type arguments inferred through Map<K, V>, Set<T>,
// Record<string, V> and [A, B].
function groupByKey<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}
function keysOf<K, V>(m: Map<K, V>): K[] {
  return [...m.keys()];
}
function union<T>(a: Set<T>, b: Set<T>): Set<T> {
  return new Set([...a, ...b]);
}
function countBy<T>(xs: T[], f: (x: T) => string): Record<string, number> {
  const d: Record<string, number> = {};
  for (const x of xs) d[f(x)] = (d[f(x)] ?? 0) + 1;
  return d;
}
function valuesOf<V>(d: Record<string, V>): V[] {
  return Object.values(d);
}
function swapPair<A, B>(p: [A, B]): [B, A] {
  return [p[1], p[0]];
}

export function generics(): string {
  const g = groupByKey(["apple", "avocado", "banana", "cherry", "blue"], (s) => s.charAt(0));
  const sizes = keysOf(g).map((k) => k + (g.get(k)?.length ?? 0));
  const u = union(new Set([1, 2]), new Set([2, 3]));
  const c = countBy([1, 2, 3, 4, 5], (n) => (n % 2 === 0 ? "even" : "odd"));
  const [n, s] = swapPair(["x", 4]);
  const [b, a] = swapPair([true, [1, 2]]);
  return strs(sizes) + " " + nums([...u]) + " " + nums(valuesOf(c)) + " " + num(n) + s + " " + nums(b) + bool(a);
}
