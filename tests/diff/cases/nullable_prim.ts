import { num, str, bool, maybeNum, maybeBool } from "../prelude";

// null and undefined for numbers and booleans (types.h Nullable: NaN payloads and 2/3): literals, narrowing,
// ??, ?., optional fields and parameters, equality (NaN stays a number; the
// subset has no NaN/Infinity names, so 0 / 0 and 1 / 0), String(), templates, console, JSON.
interface Item {
  id: number;
  count?: number;
  done?: boolean;
  score: number | null;
}
type Point = { x: number; y?: number | null };
// Printed and stringified: every literal writes every key in one order (JS prints insertion order).
type Row = { id: number; count?: number; done?: boolean | null; score: number | null };

const edges: (number | null)[] = [0, -0, 0 / 0, 1 / 0, -1 / 0, null, 1.5, -2];

function orZero(x?: number): number {
  return x ?? 0;
}
function flag(b?: boolean): string {
  return maybeBool(b) + "/" + bool(!!b) + "/" + bool(b ?? true);
}
function halve(x: number | null): number | null {
  if (x === null) return null;
  return x / 2;
}
function pick(c: number): number | undefined {
  return c > 0 ? c * 10 : undefined;
}
function firstPositive(xs: number[]): number | null {
  for (const x of xs) if (x > 0) return x;
  return null;
}

export function literalsN(): string {
  const a: number | null = null;
  const b: number | undefined = undefined;
  const c: number | null | undefined = 3;
  return maybeNum(a) + maybeNum(b) + maybeNum(c) + str(`${a}|${b}|${c}`) + str("" + a + b + c) + str(String(a) + String(b) + String(c));
}
export function narrowingN(): string {
  let out = "";
  for (const x of edges) {
    if (x !== null) out += num(x * 2) + ";";
    else out += "N;";
    if (x != null) out += "a";
    if (typeof x === "number") out += "t";
    if (x) out += "T";
    if (!x) out += "F";
  }
  return str(out);
}
export function equalityN(): string {
  let out = "";
  for (const x of edges) {
    for (const y of edges) {
      out += x === y ? "1" : "0";
      out += x == y ? "1" : "0";
      out += x !== y ? "1" : "0";
    }
    out += x !== x ? "n" : "-";
    out += x === null ? "z" : "-";
    out += x === undefined ? "u" : "-";
    out += x == undefined ? "l" : "-";
    out += x === 0 ? "0" : "-";
    out += "|";
  }
  const u: number | undefined = undefined;
  const n: number | null | undefined = null;
  return str(out) + bool(u == n) + bool(u === n) + bool(n === null) + bool(u != null);
}
export function nullishN(): string {
  const xs: (number | null)[] = [null, 0, -0, 0 / 0, 7];
  let out = "";
  for (const x of xs) out += num(x ?? -1) + "," + num(x || -1) + "," + maybeNum(x && 5) + ";";
  return str(out) + num(orZero()) + num(orZero(4)) + num(orZero(undefined)) + maybeNum(halve(null)) + maybeNum(halve(9)) +
    maybeNum(pick(0)) + maybeNum(pick(2)) + maybeNum(firstPositive([-1, 0])) + maybeNum(firstPositive([-1, 3]));
}
export function booleansB(): string {
  const vs: (boolean | null)[] = [true, false, null];
  let out = "";
  for (const v of vs) {
    out += maybeBool(v) + (v ? "T" : "F") + (v === true ? "t" : "-") + (v === false ? "f" : "-") + (v === null ? "n" : "-") +
      (v == undefined ? "u" : "-") + (v !== null ? "x" : "-") + String(v) + `${v}` + maybeBool(v ?? false) + ";";
    for (const w of vs) out += v === w ? "=" : v != w ? "!" : "?";
  }
  return str(out) + flag() + flag(true) + flag(false) + flag(undefined);
}
export function recordsN(): string {
  const a: Item = { id: 1, score: null };
  const b: Item = { id: 2, count: 0, done: false, score: -0 };
  const c: Item = { id: 3, count: 0 / 0, done: true, score: 4.5 };
  let out = "";
  for (const it of [a, b, c]) {
    out += maybeNum(it.count) + maybeBool(it.done) + maybeNum(it.score) + num(it.count ?? 100) + bool(it.done ?? true) + ";";
    if (it.count !== undefined) out += "c" + num(it.count + 1);
    if (typeof it.score === "number") out += "s" + num(it.score * 2);
  }
  const p: Point = { x: 1 };
  const q: Point = { x: 2, y: null };
  const r: Point = { ...q, y: 5 };
  const s: Point = { ...p };
  b.count = undefined;
  c.score = null;
  a.done = true;
  return str(out) + maybeNum(p.y) + maybeNum(q.y) + maybeNum(r.y) + maybeNum(s.y) + maybeNum(b.count) + maybeNum(c.score) + maybeBool(a.done);
}
export function chainsN(): string {
  const items: (Item | null)[] = [null, { id: 5, count: 2, score: 1 }, { id: 6, score: null }];
  let out = "";
  for (const it of items) {
    const n = it?.count;
    const d = it?.done;
    out += maybeNum(n) + maybeBool(d) + maybeNum(it?.id) + maybeNum(it?.score) + num(it?.count ?? -1) + ";";
  }
  return str(out);
}
export function arraysN(): string {
  const xs: (number | null)[] = [1, null, 3];
  xs.push(null);
  xs.push(0 / 0);
  xs[0] = null;
  let out = "";
  for (let i = 0; i < xs.length; i++) out += maybeNum(xs[i]) + ",";
  const bs: (boolean | undefined)[] = [true, undefined, false];
  for (const b of bs) out += maybeBool(b) + ",";
  return str(out) + num(xs.length) + str(JSON.stringify(xs)) + str(JSON.stringify(bs));
}
export function conversionsN(): string {
  const vals: (number | null | undefined)[] = [null, undefined, 0, -0, 0 / 0, 1 / 0, 12.5];
  let out = "";
  for (const v of vals) out += num(Number(v)) + "," + String(v) + "," + typeof v + "," + `<${v}>` + ";";
  const bs: (boolean | null | undefined)[] = [null, undefined, true, false];
  for (const b of bs) out += num(Number(b)) + "," + String(b) + "," + typeof b + ";";
  return str(out);
}
export function jsonN(): string {
  const rows: Row[] = [
    { id: 1, count: undefined, done: undefined, score: null },
    { id: 2, count: -0, done: null, score: 0 / 0 },
    { id: 3, count: 1e21, done: true, score: 2 },
  ];
  const back: Row[] = JSON.parse('[{"id":1,"score":null},{"id":2,"count":3,"done":null,"score":1.25},{"score":-0,"done":false,"id":3}]');
  const n: number | null = JSON.parse("null");
  const m: number | null = JSON.parse(" 42 ");
  const ps: (number | null)[] = JSON.parse("[1,null,-0,2e3]");
  const bs: (boolean | null)[] = JSON.parse("[true,null,false]");
  let out = "";
  for (const it of back) out += maybeNum(it.count) + maybeBool(it.done) + maybeNum(it.score) + ";";
  for (const p of ps) out += maybeNum(p) + ",";
  for (const b of bs) out += maybeBool(b) + ",";
  const u: number | undefined = undefined;
  const bu: boolean | undefined = undefined;
  const bn: boolean | null = null;
  return str(JSON.stringify(rows)) + str(out) + maybeNum(n) + maybeNum(m) + str(JSON.stringify(n)) + str(JSON.stringify(m)) +
    bool(JSON.stringify(u) === undefined) + bool(JSON.stringify(bu) === undefined) + str(JSON.stringify(bn) ?? "-") +
    str(JSON.stringify(ps)) + str(JSON.stringify(bs));
}
export function consoleN(): string {
  const a: number | null = null;
  const b: number | undefined = undefined;
  const c: boolean | null = null;
  const d: boolean | undefined = undefined;
  const e: number | null = -0;
  console.log(a, b, c, d, e);
  const xs: (number | null)[] = [1, null, 2, 0 / 0, -0];
  const ys: (number | null)[] = [1, 2, 3, 4, 5, 6, 7, null, 9];
  const zs: (number | undefined)[] = [10, 200, 3, 4, 5, 6, 7, 8];
  const bs: (boolean | null)[] = [true, null, false];
  console.log(xs);
  console.log(ys, zs);
  console.log(bs);
  const r: Row = { id: 1, count: 2, done: true, score: null };
  const s: Row = { id: 2, count: undefined, done: null, score: -0 };
  console.log(r, s);
  return "logged";
}
export function switchN(): string {
  let out = "";
  const xs: (number | null)[] = [1, null, 2, 0 / 0];
  for (const x of xs) {
    switch (x) {
      case null: out += "null;"; break;
      case 1: out += "one;"; break;
      default: out += "other;";
    }
  }
  return str(out);
}
export function callbacksN(): string {
  const xs = [1, 0, -3];
  const ys: (boolean | null)[] = xs.map((x) => { if (x === 0) return null; return x > 0; });
  const zs = xs.map((x) => (x > 0 ? x : undefined));
  const ws = xs.map((x) => { if (x < 0) return null; return x * 2; });
  const vs = xs.map((x) => { if (x > 0) return x === 1; return undefined; });
  let out = "";
  for (const y of ys) out += maybeBool(y) + ",";
  for (const z of zs) out += maybeNum(z) + ",";
  for (const w of ws) out += maybeNum(w) + ",";
  for (const v of vs) out += maybeBool(v) + ",";
  const best = ws.filter((w) => w !== null).length;
  return str(out) + num(best) + bool(ys.some((y) => y === null)) + bool(zs.every((z) => z !== undefined));
}
export function typeofN(): string {
  const ps: (Point | null | undefined)[] = [null, undefined, { x: 1 }];
  const ss: (string | null)[] = ["ab", null];
  let out = "";
  for (const p of ps) {
    out += typeof p + (typeof p === "object" ? "o" : "-") + (typeof p !== "undefined" ? "d" : "-");
    if (typeof p !== "object" && typeof p !== "undefined") out += "?";
  }
  for (const s of ss) out += typeof s + num(typeof s === "string" ? s.length : -1);
  const f = (n: number): number => n;
  const g: ((n: number) => number) | null = null;
  return str(out) + typeof f + typeof g + typeof true + typeof "" + typeof 1;
}
