import { num, str, strs, nums, bool } from "../prelude";

// Callbacks given as function values: module functions, local arrows, closures in variables, function-typed
// parameters and fields, optional parameters (which get the index, as in JS), Number and String.
interface Rule { name: string; keep: (n: number) => boolean }

function double(n: number): number { return n * 2; }
function isEven(n: number): boolean { return n % 2 === 0; }
function label(s: string, i?: number): string { return i === undefined ? s : s + "#" + i; }
function apply(xs: number[], f: (n: number) => number): number[] { return xs.map(f); }

export function values(): string {
  const xs = [1, 2, 3, 4, 5];
  const triple = (n: number) => n * 3;
  let base = 10;
  const plusBase = (n: number) => n + base;
  base = 100;
  const rule: Rule = { name: "big", keep: (n) => n > 2 };
  return nums(xs.map(double)) + nums(xs.filter(isEven)) + nums(xs.map(triple)) + nums(xs.map(plusBase)) +
    nums(xs.filter(rule.keep)) + nums(apply(xs, double)) + str(["a", "b"].map(label).join(",")) +
    bool(xs.some(isEven)) + bool(xs.every(isEven)) + num(xs.findIndex(isEven)) + num(xs.find(isEven) ?? -1);
}
export function conversions(): string {
  const ss = ["1", "2.5", "x", "", " 7 "];
  const ns = [1, -0, 1e21, 0.1];
  return nums(ss.map(Number)) + strs(ns.map(String)) + strs([true, false].map(String)) + str(ns.map(String).join("|"));
}
