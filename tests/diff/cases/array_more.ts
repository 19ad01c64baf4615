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
