// js_oracle.js — the reference for the runtime's string, number and array functions: what node (V8) returns.
// Usage: node js_oracle.js IN OUT. Each line of IN is an operation name and its arguments, tab-separated;
// OUT receives one encoded result per line. Values are encoded so that both sides compare exact bits:
//   s<hex UTF-16 units, 4 digits each>   n<16 hex digits of the IEEE-754 bits> (nNaN for every NaN)
//   b0 / b1   u (undefined)   e<error name> (the operation threw)   [v,v,…] (an array of such values)
// Used by tests/runtime/test_str_ops.cpp, test_str_case.cpp, test_num_parse.cpp and test_array_ops.cpp (oracle.h).
"use strict";
const fs = require("fs");
const [input, output] = process.argv.slice(2);
const view = new DataView(new ArrayBuffer(8));

function decode(t) {
  switch (t[0]) {
    case "s": {
      let r = "";
      for (let i = 1; i < t.length; i += 4) r += String.fromCharCode(parseInt(t.slice(i, i + 4), 16));
      return r;
    }
    case "n":
      if (t === "nNaN") return NaN;
      view.setBigUint64(0, BigInt("0x" + t.slice(1)));
      return view.getFloat64(0);
    case "b": return t === "b1";
    case "u": return undefined;
    case "[": return t.length === 2 ? [] : t.slice(1, -1).split(",").map(decode);
    default: throw new Error("bad token " + t);
  }
}

function encode(v) {
  if (v === undefined) return "u";
  if (typeof v === "boolean") return v ? "b1" : "b0";
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "nNaN";
    view.setFloat64(0, v);
    return "n" + view.getBigUint64(0).toString(16).padStart(16, "0");
  }
  if (typeof v === "string") {
    let r = "s";
    for (let i = 0; i < v.length; i++) r += v.charCodeAt(i).toString(16).padStart(4, "0");
    return r;
  }
  if (Array.isArray(v)) return "[" + v.map(encode).join(",") + "]";
  throw new Error("cannot encode " + typeof v);
}

const ops = {
  charAt: (s, i) => s.charAt(i),
  index: (s, i) => s[i],
  charCodeAt: (s, i) => s.charCodeAt(i),
  slice: (s, a, b) => s.slice(a, b),
  substring: (s, a, b) => s.substring(a, b),
  indexOf: (s, t, p) => s.indexOf(t, p),
  lastIndexOf: (s, t, p) => s.lastIndexOf(t, p),
  includes: (s, t, p) => s.includes(t, p),
  startsWith: (s, t, p) => s.startsWith(t, p),
  endsWith: (s, t, p) => s.endsWith(t, p),
  trim: (s) => s.trim(),
  trimStart: (s) => s.trimStart(),
  trimEnd: (s) => s.trimEnd(),
  toUpperCase: (s) => s.toUpperCase(),
  toLowerCase: (s) => s.toLowerCase(),
  repeat: (s, n) => s.repeat(n),
  padStart: (s, n, f) => s.padStart(n, f),
  padEnd: (s, n, f) => s.padEnd(n, f),
  replace: (s, p, r) => s.replace(p, r),
  replaceAll: (s, p, r) => s.replaceAll(p, r),
  split: (s, sep) => s.split(sep),
  join: (a, sep) => a.join(sep),
  Number: (s) => Number(s),
  parseFloat: (s) => parseFloat(s),
  parseInt: (s, r) => parseInt(s, r),
  String: (n) => String(n),
  // Arrays: the result, then the array after the call (in-place methods).
  aslice: (a, s, e) => a.slice(s, e),
  aindexOf: (a, v, f) => a.indexOf(v, f),
  aincludes: (a, v, f) => a.includes(v, f),
  areverse: (a) => [a.reverse(), a],
  apop: (a) => [a.pop(), a],
  ashift: (a) => [a.shift(), a],
  aunshift: (a, items) => [a.unshift(...items), a],
  asplice: (a, s, dc, items) => [a.splice(s, dc, ...items), a],
  asplice1: (a, s) => [a.splice(s), a],
  asort: (a, cmp) => [a.sort(comparators[cmp]), a],
  asortcalls: (a, cmp) => {  // how many times the comparator runs
    let calls = 0;
    a.sort((x, y) => (calls++, comparators[cmp](x, y)));
    return calls;
  },
};
const comparators = {
  none: undefined,
  num: (x, y) => x - y,
  desc: (x, y) => y - x,
  nan: () => NaN,
  mod3: (x, y) => (x % 3) - (y % 3),
  units: (x, y) => (x < y ? -1 : x > y ? 1 : 0),
  len: (x, y) => x.length - y.length,
};

const lines = fs.readFileSync(input, "utf8").split("\n").filter((l) => l.length);
const out = lines.map((line) => {
  const [op, ...args] = line.split("\t");
  try {
    return encode(ops[op](...args.map(decode)));
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
    return "e" + e.name;
  }
});
fs.writeFileSync(output, out.join("\n") + "\n");
