import { num, str, strs } from "../prelude";

// for…of over xs.entries() (index and element), xs.keys() and xs.values(); empty arrays; break/continue;
// an array that grows while it is walked (the length is read before each step, as the iterator does).
export function entriesKeysValues(): string {
  const words = ["alpha", "beta", "gamma"];
  const nums = [1.5, -0, NaN];
  let out = "";
  for (const [i, w] of words.entries()) out += i + "=" + w + ";";
  for (const [i] of nums.entries()) out += i;
  for (const [, x] of nums.entries()) out += String(x) + ",";
  for (const k of words.keys()) out += k * 2;
  for (const v of words.values()) out += v.length;
  const empty: string[] = [];
  for (const [i, e] of empty.entries()) out += i + e;
  return str(out);
}

export function entriesControlFlow(): string {
  const xs = [3, 1, 4, 1, 5, 9, 2, 6];
  const picked: string[] = [];
  for (let [i, x] of xs.entries()) {
    if (x === 1) continue;
    if (i > 5) break;
    x = x * 10;
    picked.push(i + ":" + x);
  }
  const grow = [1, 2];
  let steps = 0;
  for (const [i, g] of grow.entries()) {
    if (grow.length < 5) grow.push(g + i);
    steps++;
  }
  return strs(picked) + num(steps) + strs(grow.map(String));
}
