import { num, str, bool, nums, strs } from "../prelude";

interface Item { id: number; name: string; }
function items(): Item[] {
  return [{ id: 3, name: "c" }, { id: 1, name: "a" }, { id: 2, name: "b" }];
}

export function searching(): string {
  const xs = [1, 0 / 0, -0, 2, 1];
  return num(xs.indexOf(1)) + num(xs.indexOf(1, 1)) + num(xs.indexOf(0 / 0)) + bool(xs.includes(0 / 0)) + num(xs.indexOf(0)) +
    bool(xs.includes(0)) + num(xs.indexOf(9)) + num(["a", "b"].indexOf("b")) + bool(["a"].includes("a" + "")) + num(xs.indexOf(1, -2));
}
export function slicing(): string {
  const xs = [1, 2, 3, 4, 5];
  return nums(xs.slice(1, 3)) + nums(xs.slice(-2)) + nums(xs.slice()) + nums(xs.slice(4, 1)) + nums(xs.concat([6, 7])) + nums(xs.slice(0 / 0, 2));
}
export function reversing(): string {
  const xs = [1, 2, 3];
  const ys = xs.reverse();
  ys.push(0);
  return nums(xs) + strs(["x", "y"].reverse());
}
export function sorting(): string {
  const xs = [10, 9, 1, 100, -0, 0, 25];
  const copy = xs.slice();
  copy.sort();
  const byValue = xs.slice().sort((a, b) => a - b);
  const desc = xs.slice().sort((a, b) => b - a);
  const words = ["banana", "Apple", "cherry", "apple", "é", "Z"];
  const ws = words.slice().sort();
  const byLen = words.slice().sort((a, b) => a.length - b.length);
  const sortedItems = items().slice().sort((a, b) => a.id - b.id);
  return nums(copy) + nums(byValue) + nums(desc) + strs(ws) + strs(byLen) + strs(sortedItems.map((i) => i.name));
}
export function scanning(): string {
  const xs = [3, 8, 12, 5];
  const found = items().find((i) => i.id === 2);
  const missing = items().find((i) => i.id === 9);
  let seen = "";
  xs.forEach((x, i) => { seen += `${i}:${x} `; });
  return bool(xs.some((x) => x > 10)) + bool(xs.some((x) => x > 100)) + bool(xs.every((x) => x > 2)) + bool(xs.every((x) => x > 3)) +
    bool(([] as number[]).every((x) => x > 0)) + num(xs.findIndex((x) => x % 2 === 0)) + num(xs.findIndex((x) => x > 99)) +
    str(found ? found.name : "none") + str(missing?.name ?? "none") + str(seen);
}
export function reducing(): string {
  const xs = [1, 2, 3, 4];
  return num(xs.reduce((acc, x) => acc + x, 0)) + num(xs.reduce((acc, x, i) => acc + x * i, 0.5)) +
    str(xs.reduce((acc, x) => acc + x + ",", "")) + str(items().reduce((acc, it) => (it.id > 1 ? acc + it.name : acc), "")) +
    num(([] as number[]).reduce((a, b) => a + b, 7));
}
export function mutating(): string {
  const xs = [1, 2, 3, 4, 5];
  xs.pop();
  xs.shift();
  const n = xs.unshift(-1, -2);
  const removed = xs.splice(1, 2, 9, 8, 7);
  const tail = xs.splice(3);
  const none = xs.splice(0, 0);
  const words = ["a", "b"];
  const last = words.pop();
  const first = words.shift();
  const gone = words.pop();
  return num(n) + nums(xs) + nums(removed) + nums(tail) + nums(none) + str(last ?? "-") + str(first ?? "-") + str(gone ?? "empty") +
    num(words.length) + num(xs.splice(-1, 1, 0).length) + nums(xs);
}

// String(array) and `${array}`: Array.prototype.toString (join with ","), nested arrays flattened, null and
// undefined elements as "", records as [object Object].
interface Tagged {
  tag: string;
}
export function arrayToString(): string {
  const nums = [1, -0, 2.5, NaN];
  const deep: number[][][] = [[[1, 2]], [], [[3], [4, 5]]];
  const nested: number[][] = [[1, 2], [], [3]];
  const maybe: (number | null)[] = [1, null, 3];
  const names: (string | undefined)[] = ["a", undefined, "c"];
  const flags: (boolean | null)[] = [true, null, false];
  const recs: Tagged[] = [{ tag: "x" }];
  const empty: string[] = [];
  return str(String(nums)) + str(`${nested}`) + str(String(deep)) + str(String(maybe)) + str(`<${names}>`) + str(String(flags)) + str(String(recs)) +
    str(`[${empty}]`) + str(String([["a"], ["b", "c"]]));
}
