import { str } from "../prelude";

// JSON.stringify of numbers, strings, booleans, null, undefined and (nested) arrays of them.
function orU(s: string | undefined): string {
  if (s === undefined) return "(undefined)";
  return str(s);
}
export function jsonNumbers(): string {
  const xs = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012345680000, 5e-324, 1.7976931348623157e308, 0 / 0, 1 / 0, -1 / 0];
  let out = "";
  for (const x of xs) out += JSON.stringify(x) + "|";
  return out + JSON.stringify(xs);
}
export function jsonStrings(): string {
  const ss = ["", "plain", "quote \" and \\ back", "\b\f\n\r\t", "\u0000\u0001\u001f\u007f\u0080", "é€", "😀",
    "😀".charAt(0), "😀".charAt(1), "x" + "😀".charAt(1) + "😀".charAt(0) + "y", "</script>", "\u2028\u2029"];
  let out = "";
  for (const s of ss) out += str(JSON.stringify(s)) + "|";
  return out + JSON.stringify(ss);
}
export function jsonOthers(): string {
  const maybe: string | null = null;
  const nothing: string | undefined = undefined;
  const some: string | undefined = "s";
  const holes: (string | undefined)[] = [];
  holes.push("a"); holes.push(undefined); holes.push("b");
  const nulls: (string | null)[] = [];
  nulls.push(null); nulls.push("x");
  return JSON.stringify(true) + JSON.stringify(false) + JSON.stringify(null) + JSON.stringify(maybe) +
    orU(JSON.stringify(undefined)) + orU(JSON.stringify(nothing)) + orU(JSON.stringify(some)) +
    JSON.stringify(holes) + JSON.stringify(nulls) + JSON.stringify([true, false]);
}
export function jsonNested(): string {
  const empty: number[][] = [];
  const grid = [[1, 2], [], [3]];
  return JSON.stringify(empty) + JSON.stringify(grid) + JSON.stringify([[["a"], ["b", "c"]], []]) +
    JSON.stringify([[[true]]]) + JSON.stringify("x".split(""));
}
interface Item { id: number; text: string; done: boolean; tags: string[]; note: string | undefined; parent: string | null; }
export function jsonRecords(): string {
  const a: Item = { text: "a \"q\"", id: 1, done: false, tags: ["x"], note: undefined, parent: null };
  const b: Item = { text: "b", id: 0 / 0, done: true, tags: [], note: "n", parent: "p" };
  const c: Item = { ...b, id: -0 };
  const nested = { name: "n", items: [a, b, c], empty: { }, deep: { k: { k2: [1 / 0] } } };
  return JSON.stringify(a) + JSON.stringify([b, c]) + JSON.stringify(nested) + JSON.stringify({ "a b": 2, c: "\u0001" });
}
