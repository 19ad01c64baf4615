import { num, str, strs, nums, bool, maybeNum } from "../prelude";

// console.log and JSON.stringify of tuples, dictionaries, Maps and Sets, as node prints them.
interface Item {
  id: number;
  name: string;
}

export function json(): string {
  const pair: [string, number | null] = ["a", null];
  const nested: [number, [boolean, string]] = [1, [true, "x\"y"]];
  const d: Record<string, number | undefined> = { b: 1, a: undefined, 2: 3, 1: -0 };
  const items: Record<string, Item> = { first: { id: 1, name: "one" } };
  const m = new Map<string, number>([["k", 1]]);
  const s = new Set<number>([1, 2]);
  const empty: Record<string, string> = {};
  return JSON.stringify(pair) + " " + JSON.stringify(nested) + " " + JSON.stringify(d) + " " + JSON.stringify(items) + " " +
    JSON.stringify(m) + JSON.stringify(s) + JSON.stringify(empty) + " " + JSON.stringify([pair, pair]);
}

export function logged(): string {
  const pair: [string, number] = ["a", 1];
  const long: [number, number, number, number, number, number, number, number] = [1, 22, 333, 4444, 1, 2, 3, 4];
  const d: Record<string, string> = { plain: "x", "needs quotes": "y", 10: "ten", _ok1: "z" };
  const m = new Map<string, number[]>();
  m.set("a", [1, 2]);
  m.set("b", []);
  const s = new Set<string>(["x", "y'z"]);
  const deep = new Map<number, Map<number, Map<number, Set<number>>>>();
  const inner = new Map<number, Map<number, Set<number>>>();
  inner.set(2, new Map<number, Set<number>>([[3, new Set([4])]]));
  deep.set(1, inner);
  const big = new Map<string, string>();
  for (let i = 0; i < 12; i++) big.set("key" + i, "value number " + i);
  console.log(pair, long);
  console.log(d);
  console.log(m, s, new Map<string, number>(), new Set<boolean>());
  console.log(deep);
  console.log(big);
  const items: Record<string, Item> = { first: { id: 1, name: "one" }, second: { id: 2, name: "two" } };
  console.log(items, [pair]);
  return "ok";
}

export function parsed(): string {
  const d: Record<string, number> = JSON.parse('{"b": 1, "a": 2, "7": 3, "b": 4}');
  const t: [string, number | null] = JSON.parse('["x", null]');
  const pairs: [string, boolean][] = JSON.parse('[["p", true], ["q", false]]');
  const nested: Record<string, [number, string][]> = JSON.parse('{"k": [[1, "one"]], "e": []}');
  let out = strs(Object.keys(d)) + nums(Object.values(d)) + " " + t[0] + maybeNum(t[1]) + " " + pairs.length + bool(pairs[1][1]);
  out += " " + JSON.stringify(nested) + " " + JSON.stringify(JSON.parse("{}") as Record<string, string>);
  return out;
}
