// wasm_smoke.mjs — the string, number and array functions of the *wasm* build (smoke.wasm: the runtime's
// objects + smoke.cpp) against node's own JavaScript, directly: random and edge inputs go through both and the
// results must be identical (bits for numbers, code units for strings). The native tests check the same
// functions in depth; this checks that the wasm build computes the same (f64 ops, call_indirect comparators).
// Usage: node wasm_smoke.mjs smoke.wasm
import { readFileSync } from "node:fs";

const bytes = readFileSync(process.argv[2]);
const fail = (what) => { throw new Error(what); };
const env = new Proxy({}, { get: (_, name) => () => fail(`unexpected import ${String(name)}`) });
const { instance } = await WebAssembly.instantiate(bytes, {
  dxgen: new Proxy({}, { get: (_, name) => (name === "dxgen_heap_base" ? () => 0 : () => fail(`dxgen ${String(name)}`)) }),
  dx: { seed: () => 1, now: () => 0, perf_now: () => 0, ls_get: () => -1, ls_take() {}, ls_set() {}, ls_remove() {}, hash: () => 0, locale_compare: () => 0 },
  env,
});
const x = instance.exports;
const mem = () => x.memory.buffer;
const heapBase = (x.__heap_base.value + 0xffff) & ~0xffff;
x.test_init(heapBase);

function mk(s) {
  let wide = false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) wide = true;
  const p = x.dx_alloc(12 + s.length * (wide ? 2 : 1));
  const v = new DataView(mem());
  v.setUint32(p, 0, true);
  v.setUint32(p + 4, 1 | ((wide ? 1 : 0) << 8), true);
  v.setUint32(p + 8, s.length, true);
  for (let i = 0; i < s.length; i++) {
    if (wide) v.setUint16(p + 12 + 2 * i, s.charCodeAt(i), true);
    else v.setUint8(p + 12 + i, s.charCodeAt(i));
  }
  return p;
}
function rd(p) {
  if (p === 0) return "";
  const v = new DataView(mem());
  const wide = v.getUint32(p + 4, true) >>> 8, n = v.getUint32(p + 8, true);
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(wide ? v.getUint16(p + 12 + 2 * i, true) : v.getUint8(p + 12 + i));
  return s;
}
function arr(kind, items) {
  const a = x.dx_new_array(kind, 0);
  for (const it of items) kind === 0 ? x.dx_array_push_f64(a, it) : x.dx_array_push_i32(a, mk(it));
  return a;
}
function rdArr(a) {
  const v = new DataView(mem());
  const kind = v.getUint32(a + 4, true) >>> 8, n = v.getUint32(a + 8, true), d = v.getUint32(a + 16, true);
  const out = [];
  for (let i = 0; i < n; i++) out.push(kind === 0 ? v.getFloat64(d + 8 * i, true) : rd(v.getUint32(d + 4 * i, true)));
  return out;
}

let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };
const alphabet = "ab$&`' \t\n\u00a0\u00e9\u00ff\u0130\u00df\u03a3\u20ac\u2028\u3000\ufeff\ud83d\ude00";
const rstr = (max) => { let s = ""; for (let i = rnd(max + 1); i > 0; i--) s += rnd(3) ? "ab"[rnd(2)] : alphabet[rnd(alphabet.length)]; return s; };
const idxs = [0, -0, 1, 2, -1, -3, 1.5, NaN, Infinity, -Infinity, 100, -100];
const ridx = () => (rnd(2) ? idxs[rnd(idxs.length)] : rnd(11) - 4);

let checked = 0, failures = 0;
function same(a, b) {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || (a !== a && b !== b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return a === b;
}
function check(name, args, got, want) {
  checked++;
  if (!same(got, want) && ++failures <= 20) console.error(`${name}(${JSON.stringify(args)}): wasm ${JSON.stringify(got)}, JS ${JSON.stringify(want)}`);
}

for (let i = 0; i < 4000; i++) {
  const s = rstr(8), t = rnd(2) && s ? s.substr(rnd(s.length), rnd(3)) : rstr(2), a = ridx(), b = ridx(), r = rstr(4);
  const pa = (Number.isFinite(a) ? a : 2) + 6, pb = (Number.isFinite(b) ? b : 2) + 6;  // +Infinity: RangeError
  check("charAt", [s, a], rd(x.dx_str_char_at(mk(s), a)), s.charAt(a));
  check("index", [s, a], ((p) => (p ? rd(p) : undefined))(x.dx_str_index(mk(s), a)), s[a]);
  check("charCodeAt", [s, a], x.dx_str_char_code_at(mk(s), a), s.charCodeAt(a));
  check("slice", [s, a, b], rd(x.dx_str_slice(mk(s), a, b)), s.slice(a, b));
  check("substring", [s, a, b], rd(x.dx_str_substring(mk(s), a, b)), s.substring(a, b));
  check("indexOf", [s, t, a], x.dx_str_index_of(mk(s), mk(t), a), s.indexOf(t, a));
  check("lastIndexOf", [s, t, a], x.dx_str_last_index_of(mk(s), mk(t), a), s.lastIndexOf(t, a));
  check("includes", [s, t, a], !!x.dx_str_includes(mk(s), mk(t), a), s.includes(t, a));
  check("startsWith", [s, t, a], !!x.dx_str_starts_with(mk(s), mk(t), a), s.startsWith(t, a));
  check("endsWith", [s, t, a], !!x.dx_str_ends_with(mk(s), mk(t), a), s.endsWith(t, a));
  check("trim", [s], rd(x.dx_str_trim(mk(s))), s.trim());
  check("trimStart", [s], rd(x.dx_str_trim_start(mk(s))), s.trimStart());
  check("trimEnd", [s], rd(x.dx_str_trim_end(mk(s))), s.trimEnd());
  check("toUpperCase", [s], rd(x.dx_str_to_upper(mk(s))), s.toUpperCase());
  check("toLowerCase", [s], rd(x.dx_str_to_lower(mk(s))), s.toLowerCase());
  check("repeat", [s, i % 4], rd(x.dx_str_repeat(mk(s), i % 4)), s.repeat(i % 4));
  check("padStart", [s, pa, t], rd(x.dx_str_pad_start(mk(s), pa, mk(t))), s.padStart(pa, t));
  check("padEnd", [s, pb, t], rd(x.dx_str_pad_end(mk(s), pb, mk(t))), s.padEnd(pb, t));
  check("replace", [s, t, r], rd(x.dx_str_replace(mk(s), mk(t), mk(r))), s.replace(t, r));
  check("replaceAll", [s, t, r], rd(x.dx_str_replace_all(mk(s), mk(t), mk(r))), s.replaceAll(t, r));
  check("split", [s, t], rdArr(x.dx_str_split(mk(s), mk(t))), s.split(t));
  const parts = s.split(t);
  check("join", [parts, r], rd(x.dx_array_join(arr(2, parts), mk(r))), parts.join(r));
  const nums = [...Array(rnd(6))].map(() => (rnd(3) ? idxs[rnd(idxs.length)] : (rnd(1e6) - 5e5) / 64));
  check("join numbers", [nums], rd(x.dx_array_join(arr(0, nums), mk(","))), nums.join(","));
  check("slice array", [nums, a, b], rdArr(x.dx_array_slice(arr(0, nums), a, b)), nums.slice(a, b));
  const v = idxs[rnd(idxs.length)];
  check("indexOf array", [nums, v, a], x.dx_array_index_of_f64(arr(0, nums), v, a), nums.indexOf(v, a));
  check("includes array", [nums, v, a], !!x.dx_array_includes_f64(arr(0, nums), v, a), nums.includes(v, a));
  // Numbers from strings.
  const digits = () => String(rnd(1e9)).slice(rnd(5));
  const n = [digits() + "." + digits() + "e" + (rnd(700) - 350), " 0x" + rnd(1e9).toString(16), String(Math.random() * 10 ** (rnd(40) - 20)),
    s, "-" + digits(), digits().repeat(1 + rnd(4))][i % 6];
  check("Number", [n], x.dx_str_to_num(mk(n)), Number(n));
  check("parseFloat", [n], x.dx_parse_float(mk(n)), parseFloat(n));
  const radix = [0, 2, 8, 10, 16, 36, 7][rnd(7)];
  check("parseInt", [n, radix], x.dx_parse_int(mk(n), radix), parseInt(n, radix));
  // Sort through call_indirect (smoke.cpp's comparators) and the default order.
  const big = [...Array(rnd(100))].map(() => (rnd(4) ? rnd(50) - 25 : idxs[rnd(idxs.length)]));
  const which = rnd(3);
  const cmpJs = [(p, q) => p - q, (p, q) => (p < q ? -1 : p > q ? 1 : 0), undefined][which];
  const sorted = arr(0, big);
  x.dx_array_sort(sorted, which === 2 ? 0 : x.dx_new_closure(x.test_cmp(which), 0));
  check("sort", [big, which], rdArr(sorted), [...big].sort(cmpJs));
  const words = [...Array(rnd(40))].map(() => rstr(4));
  const sw = arr(2, words);
  x.dx_array_sort(sw, x.dx_new_closure(x.test_cmp(2), 0));
  check("sort strings by length", [words], rdArr(sw), [...words].sort((p, q) => p.length - q.length));
}
console.log(`${checked} checks, ${failures} failures`);
process.exit(failures ? 1 : 0);
