import { num, str } from "../prelude";

// The comma operator (each operand in order, the last one's value: for loops with two counters) and join of
// nested arrays (an inner array joins with ",", a record is "[object Object]", an empty array is "").
interface P {
  x: number;
}

export function commas(): string {
  let s = "";
  for (let i = 0, j = 5; i < j; i++, j--) s += i + ":" + j + " ";
  let k = 0;
  const v = (k++, k += 10, k * 2);
  let log = "";
  const note = (t: string): number => { log += t; return t.length; };
  const w = (note("a"), note("bc"), note("def"));
  const xs = [1, 2, 3];
  let total = 0;
  for (let i = 0, n = xs.length; i < n; i++) total += xs[i];
  return str(s) + num(v) + num(k) + num(w) + str(log) + num(total);
}

export function nestedJoin(): string {
  const grid = [[1, 2], [3], [], [-0, 0.5]];
  const words: string[][] = [["a", "b"], [""], ["é", "日本"]];
  const deep = [[[1, 2], [3]], [[4]]];
  const recs: P[] = [{ x: 1 }, { x: 2 }];
  const bools = [[true], [false, true]];
  return str(grid.join(";")) + str(grid.toString()) + str(String(grid)) + str(`${words}`) + str(words.join(" | ")) +
    str(deep.join("/")) + str(recs.join("+")) + str(bools.join()) + str(([[], []] as number[][]).join("x"));
}

// Tuples convert as the arrays they are: String(t), `${t}`, and join of an array of tuples (null and undefined
// elements as "").
export function tupleStrings(): string {
  const pair: [string, number] = ["a", -0];
  const trio: [boolean, number[], string] = [true, [1, 2.5], "x"];
  const maybe: [string | null, number | undefined] = [null, undefined];
  const pairs: [string, number][] = [["k", 1], ["", 2], ["z", NaN]];
  const d: Record<string, number> = { b: 2, a: 1, "10": 3 };
  return str(String(pair)) + str(`${trio}`) + str(String(maybe)) + str(pairs.join(";")) + str(pairs.toString()) +
    str(Object.entries(d).join(" ")) + str(([] as [number, number][]).join());
}
