import { num, str, nums, strs } from "../prelude";

// ES2023's copying array methods (toSorted, toReversed, toSpliced, with: the original unchanged), fill with
// relative bounds, and lastIndexOf (=== equality: NaN never found, -0 is 0, strings by content).
interface P {
  n: number;
}

export function copies(): string {
  const xs = [3, -0, NaN, 1, 2];
  const sorted = xs.toSorted((a, b) => a - b);
  const byDefault = [10, 9, 1, 100].toSorted();
  const rev = xs.toReversed();
  const spliced = xs.toSpliced(1, 2, 7, 8, 9);
  const tail = xs.toSpliced(-2);
  const none = xs.toSpliced();
  const w1 = xs.with(-1, 42);
  const w2 = xs.with(NaN, 5);
  const w3 = xs.with(1.9, 6);
  const words = ["b", "a", "é", "A"].toSorted();
  const recs: P[] = [{ n: 2 }, { n: 1 }];
  const rs = recs.toSorted((a, b) => a.n - b.n).map((p) => p.n);
  const same = recs.toReversed()[1] === recs[0];
  return nums(sorted) + nums(byDefault) + nums(rev) + nums(spliced) + nums(tail) + nums(none) + nums(w1) + nums(w2) + nums(w3) +
    nums(xs) + strs(words) + nums(rs) + String(same);
}

export function withOutside(): string {
  let out = "";
  for (const i of [5, -6, 2.5e9, Infinity, -0.5]) {
    try {
      out += [1, 2, 3, 4, 5].with(i, 0).join("") + ";";
    } catch (e) {
      out += e.name + ": " + e.message + ";";
    }
  }
  return str(out);
}

export function fills(): string {
  const a = [1, 2, 3, 4, 5];
  const same = a.fill(0, 1, 3) === a;
  const b = [1, 2, 3, 4].fill(9, -2);
  const c = [1, 2, 3].fill(7, 5);
  const d = [1, 2, 3].fill(8, -10, -1);
  const e = ["x", "y"].fill("z");
  const g = [1, 2, 3].fill(4, NaN, 2.7);
  return nums(a) + String(same) + nums(b) + nums(c) + nums(d) + strs(e) + nums(g);
}

export function lastIndex(): string {
  const xs = [1, NaN, -0, 2, 1, 0];
  const ss = ["a", "b", "a", ""];
  return num(xs.lastIndexOf(1)) + num(xs.lastIndexOf(NaN)) + num(xs.lastIndexOf(0)) + num(xs.lastIndexOf(-0, 3)) + num(xs.lastIndexOf(1, -3)) +
    num(xs.lastIndexOf(1, -100)) + num(xs.lastIndexOf(2, 100)) + num(ss.lastIndexOf("a")) + num(ss.lastIndexOf("")) + num(ss.lastIndexOf("c")) +
    num(([] as number[]).lastIndexOf(1)) + num(xs.lastIndexOf(1, NaN));
}
