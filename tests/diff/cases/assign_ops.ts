import { num, str, nums, maybeNum } from "../prelude";

// Logical assignment (||=, &&=, ??=: the target is written only when the test says so) and Math.min/max
// over spread arrays (NaN wins, -0 is below +0, none at all gives ±Infinity).
interface Box {
  n: number;
  label: string;
  opt?: number;
}

export function logical(): string {
  let a = 0;
  a ||= 5;
  let b = 3;
  b ||= 7;
  let c = 2;
  c &&= 9;
  let d = 0;
  d &&= 9;
  let e: number | null = null;
  e ??= 4;
  let g: number | undefined = 1;
  g ??= 8;
  let s = "";
  s ||= "empty";
  const box: Box = { n: 0, label: "x" };
  box.n ||= 11;
  box.label &&= box.label + "!";
  box.opt ??= -0;
  const arr = [0, 1];
  arr[0] ||= 6;
  arr[1] &&= 0;
  const r1 = (a ||= 100);
  let nn = NaN;
  nn ||= 1;
  return num(a) + num(b) + num(c) + num(d) + maybeNum(e) + maybeNum(g) + str(s) + num(box.n) + str(box.label) +
    maybeNum(box.opt) + nums(arr) + num(r1) + num(nn);
}
export function minMax(): string {
  const xs = [3, -1, 2.5];
  const none: number[] = [];
  const zeros = [0, -0];
  return num(Math.max(...xs)) + num(Math.min(...xs)) + num(Math.max(...none)) + num(Math.min(...none)) +
    num(Math.max(1, ...xs, 10)) + num(Math.min(...xs, ...[-5])) + num(Math.max(...[NaN, 1])) + num(Math.min(...zeros)) +
    num(Math.max(...zeros)) + num(Math.max(...[-0, 0])) + num(Math.max(-Infinity, ...none));
}

export function nonNull(): string {
  const boxes: Box[] = [{ n: 1, label: "one" }, { n: 2, label: "two", opt: 5 }];
  const found = boxes.find((b) => b.n === 2)!.label;
  const opt = boxes[1].opt!;
  const maybe: string | null = boxes.length > 1 ? "yes" : null;
  let failed = "";
  try {
    failed = boxes.find((b) => b.n === 3)!.label;
  } catch (e) {
    failed = e.name;
  }
  return str(found) + num(opt + 1) + str(maybe!.toUpperCase()) + str(failed);
}

interface Handlers {
  onPick?: (id: number) => string;
  onLog?: (s: string) => void;
  score: (n: number) => number;
}
function twice(n: number): number {
  return n * 2;
}
export function optionalCalls(): string {
  let log = "";
  const full: Handlers = { onPick: (id) => "picked" + id, onLog: (s) => { log += s; }, score: (n) => n + 1 };
  const bare: Handlers = { score: twice };
  const none: ((n: number) => number) | null = null;
  const some: ((n: number) => number) | undefined = twice;
  full.onLog?.("a");
  bare.onLog?.("b");
  return str(full.onPick?.(1) ?? "none") + str(bare.onPick?.(2) ?? "none") + str(log) + maybeNum(none?.(3)) +
    maybeNum(some?.(4)) + num(bare.score?.(5)) + num(twice?.(6));
}

export function optionalMethods(): string {
  const names: string[] | null = ["ab", "c"];
  const none: string[] | undefined = undefined;
  const s: string | null = "héllo";
  const u: string | undefined = undefined;
  const joined = names?.map((x) => x.toUpperCase())?.join("+");
  let calls = 0;
  none?.forEach(() => { calls++; });
  names?.forEach(() => { calls++; });
  return str(s?.toUpperCase() ?? "none") + str(u?.toUpperCase() ?? "none") + str(joined ?? "none") +
    str(none?.join(",") ?? "none") + maybeNum(names?.indexOf("c")) + maybeNum(none?.indexOf("c")) + num(calls) +
    str(s?.slice(1, 3) ?? "-") + maybeNum(s?.charCodeAt(0));
}
