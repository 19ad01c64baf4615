import { num, str, strs, nums, maybeNum, maybeBool } from "../prelude";

// at, findLast, findLastIndex, reduceRight, and find over numbers and booleans (undefined when nothing matches).
interface P {
  id: number;
  name: string;
}

export function atAndFind(): string {
  const xs = [5, -0, 7.5, NaN];
  const ps: P[] = [{ id: 1, name: "a" }, { id: 2, name: "b" }, { id: 3, name: "a" }];
  const bs = [true, false];
  const last = ps.findLast((p) => p.name === "a");
  const none = ps.findLast((p) => p.id > 9);
  return maybeNum(xs.at(0)) + maybeNum(xs.at(-1)) + maybeNum(xs.at(-4)) + maybeNum(xs.at(4)) + maybeNum(xs.at(-5)) +
    maybeNum(xs.at(1.9)) + maybeNum(xs.at(NaN)) + maybeNum(xs.at(-Infinity)) + str(ps.at(-1)!.name) + maybeBool(bs.at(1)) +
    maybeBool(bs.at(2)) + maybeNum(xs.find((x) => x > 6)) + maybeNum(xs.find((x) => x > 100)) +
    maybeNum(xs.findLast((x) => x < 6)) + num(xs.findLastIndex((x) => x === 5)) + num(xs.findLastIndex((x) => x > 100)) +
    str(last === undefined ? "none" : last.name + last.id) + str(none === undefined ? "none" : none.name) +
    maybeBool(bs.find((b) => !b)) + num(ps.findIndex((p) => p.name === "a"));
}
export function reduceRights(): string {
  const words = ["a", "b", "c"];
  const empty: number[] = [];
  return str(words.reduceRight((acc, w, i) => acc + w + i, ">")) + num(empty.reduceRight((a, x) => a + x, 7)) +
    nums([1, 2, 3].reduceRight((acc: number[], x) => [...acc, x * 2], [])) +
    strs(words.reduceRight((acc: string[], w) => acc.concat([w.toUpperCase()]), []));
}

export function fromLength(): string {
  const sq = Array.from({ length: 4 }, (_, i) => i * i);
  const labels = Array.from({ length: 2.7 }, (_, i) => `#${i}`);
  const none = Array.from({ length: -3 }, (_, i) => i);
  const copy = Array.from(sq);
  copy[0] = 99;
  const mapped = Array.from(["a", "bb"], (s, i) => s.length + i);
  const zeros = new Array(3).fill(0);
  const names: string[] = Array(2).fill("n");
  const grid = Array.from({ length: 2 }, (_, r) => new Array(3).fill(r));
  let bad = "";
  try {
    bad = String(new Array(-1).fill(0).length);
  } catch (e) {
    bad = e.name + ":" + e.message;
  }
  let bad2 = "";
  try {
    bad2 = String(Array.from({ length: 2 ** 32 }, (_, i) => i).length);
  } catch (e) {
    bad2 = e.name + ":" + e.message;
  }
  return nums(sq) + strs(labels) + num(none.length) + nums(copy) + num(sq[0]) + nums(mapped) + nums(zeros) + strs(names) +
    nums(grid[1]) + num(grid.length) + str(bad) + str(bad2);
}

export function flatAndChars(): string {
  const nested = [[1, 2], [], [3]];
  const words = ["ab", "", "c"];
  const emptyOuter: string[][] = [];
  const s = "héllo";
  return nums(nested.flat()) + nums(nested.flat(1)) + nums([4, 5].flat()) + strs(words.flatMap((w) => w.split(""))) +
    nums(words.flatMap((w, i) => [w.length, i])) + strs(emptyOuter.flat()) + nums([1, 2].flatMap((x) => x * 10)) +
    str(String.fromCharCode(72, 105, 0x1F600 & 0xffff, 65536 + 65, -1)) + str(String.fromCharCode()) +
    str(s.at(0) ?? "u") + str(s.at(-1) ?? "u") + str(s.at(1.5) ?? "u") + str(s.at(9) ?? "u") + str(s.at(-9) ?? "u") + str("".at(0) ?? "u");
}

export function idioms(): string {
  const mixed = [0, 1, NaN, -0, 2, 3];
  const names = ["a", "", "b"];
  const maybe: (string | null)[] = ["x", null, "", "y"];
  const k = "lit" as const;
  const opts = ["one", "two"] as const;
  return nums(mixed.filter(Boolean)) + strs(names.filter(Boolean)) + num(maybe.filter(Boolean).length) + str(k) +
    str(opts.join("/")) + str([1, 2.5, -0].toString()) + str([true, false].toString()) + num(Number.parseFloat(" 3.5e2x")) +
    num(Number.parseInt("ff", 16)) + num(Number.parseInt("12.9"));
}
