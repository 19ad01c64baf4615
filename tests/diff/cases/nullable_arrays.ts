import { num, str, bool, nums, maybeNum, maybeBool } from "../prelude";

// Arrays of nullable numbers and booleans (types.h Nullable: NaN payloads and 2 / 3) through the runtime's
// search, join and sort (array_ops.cpp, the `_nullable` exports), and pop/shift of number and boolean arrays,
// whose empty result is undefined. Edge values: -0, NaN, ±Infinity, null, undefined, empty arrays.
function showAll(xs: (number | null | undefined)[]): string {
  let out = "[";
  for (let i = 0; i < xs.length; i++) out += (i > 0 ? "," : "") + maybeNum(xs[i]);
  return out + "]";
}

const nan = 0 / 0;
const inf = 1 / 0;

export function indexOfNullable(): string {
  const xs: (number | null)[] = [1, null, -0, nan, 2, null, inf];
  const e: (number | null)[] = [];
  const u: (number | undefined)[] = [undefined, 3, undefined];
  return [xs.indexOf(null), xs.indexOf(null, 2), xs.indexOf(null, -1), xs.indexOf(0), xs.indexOf(-0), xs.indexOf(nan),
          xs.indexOf(2), xs.indexOf(inf), xs.indexOf(7), e.indexOf(null), e.indexOf(1), u.indexOf(undefined),
          u.indexOf(undefined, 1), u.indexOf(3), u.indexOf(nan)].map((i) => num(i)).join(" ");
}

export function includesNullable(): string {
  const xs: (number | null)[] = [1, null, -0, nan];
  const noNull: (number | null)[] = [1, 2, nan];
  const noNan: (number | null)[] = [null, 5];
  const u: (number | null | undefined)[] = [undefined, null];
  const e: (number | undefined)[] = [];
  return [xs.includes(null), xs.includes(nan), xs.includes(0), xs.includes(1, 1), xs.includes(null, 2), noNull.includes(null),
          noNull.includes(nan), noNan.includes(nan), noNan.includes(null), u.includes(undefined), u.includes(null),
          u.includes(nan), u.includes(0), e.includes(undefined), e.includes(nan)].map((b) => bool(b)).join(" ");
}

export function searchNullableBooleans(): string {
  const bs: (boolean | null)[] = [true, null, false];
  const ub: (boolean | undefined)[] = [false, undefined];
  return num(bs.indexOf(null)) + num(bs.indexOf(false)) + num(ub.indexOf(undefined)) + num(ub.indexOf(true)) +
         bool(bs.includes(null)) + bool(ub.includes(undefined)) + bool(ub.includes(true));
}

export function joinNullable(): string {
  const xs: (number | null | undefined)[] = [1, null, -0, undefined, nan, -inf, 2.5];
  const only: (number | null)[] = [null];
  const e: (number | null)[] = [];
  const bs: (boolean | null | undefined)[] = [true, null, false, undefined];
  const nb: (boolean | null)[] = [null, null];
  return str(xs.join()) + str(xs.join("-")) + str(only.join()) + str(e.join("+")) + str(bs.join()) + str(bs.join("")) +
         str(nb.join(";"));
}

export function sortNullable(): string {
  const xs: (number | null | undefined)[] = [3, undefined, null, -1, undefined, 0, null, 10];
  let calls = "";
  xs.sort((a, b) => {
    calls += maybeNum(a) + maybeNum(b) + ";";
    const x = a ?? -100;
    const y = b ?? -100;
    return x - y;
  });
  const ys: (number | null | undefined)[] = [5, null, 1, null, -0, 0];
  ys.sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
  const allU: (number | null | undefined)[] = [undefined, undefined, undefined];
  allU.sort((a, b) => (a ?? 0) - (b ?? 0));
  const one: (number | null | undefined)[] = [undefined, 2];
  one.sort((a, b) => (a ?? 0) - (b ?? 0));
  const bs: (boolean | undefined | null)[] = [true, undefined, false, null, true];
  bs.sort((a, b) => (a === true ? 1 : 0) - (b === true ? 1 : 0));
  let bt = "";
  for (const b of bs) bt += maybeBool(b) + ",";
  return showAll(xs) + "|" + calls + "|" + showAll(ys) + "|" + showAll(allU) + "|" + showAll(one) + "|" + bt;
}

export function sortNullableDefault(): string {
  const xs: (number | null | undefined)[] = [10, undefined, null, 9, -1, nan, inf, 1, undefined, 0];
  xs.sort();
  const bs: (boolean | null | undefined)[] = [true, undefined, null, false, true, null];
  bs.sort();
  let bt = "";
  for (const b of bs) bt += maybeBool(b) + ",";
  return showAll(xs) + "|" + bt;
}

export function popShiftNumbers(): string {
  const xs: number[] = [1, -0, 2];
  const a = xs.pop();
  const b = xs.shift();
  const c = xs.pop();
  const d = xs.pop();
  const e = xs.shift();
  const n: (number | null)[] = [null, 4];
  const f = n.shift();
  const g = n.pop();
  const h = n.pop();
  return maybeNum(a) + maybeNum(b) + maybeNum(c) + maybeNum(d) + maybeNum(e) + maybeNum(f) + maybeNum(g) + maybeNum(h) + nums(xs) + (d === undefined ? "U" : "D") +
         num((h ?? 7) + 1) + str(String(d));
}

export function popShiftBooleans(): string {
  const bs: boolean[] = [false, true];
  const a = bs.shift();
  const b = bs.pop();
  const c = bs.pop();
  const nb: (boolean | null)[] = [null];
  const d = nb.pop();
  const e = nb.shift();
  return maybeBool(a) + maybeBool(b) + maybeBool(c) + maybeBool(d) + maybeBool(e) + bool(c === undefined) + bool(!c);
}
