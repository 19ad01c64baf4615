import { num, nums } from "../prelude";

// `**`, the Math functions computed by the page's own Math (sin, pow, …), and the int32 operators: bitwise
// operators, shifts, Math.imul/clz32/fround, with the edge values ToInt32 must wrap (huge, negative, NaN,
// ±Infinity, -0, fractions).
const edges = [0, -0, 1, -1, 0.5, -0.5, 1.5, -2.5, 3.9999, 2147483647, 2147483648, -2147483648, -2147483649,
  4294967295, 4294967296, 4294967297.5, -4294967297, 9007199254740991, 9007199254740993, 1e20, -1e20, 1.7976931348623157e308,
  5e-324, NaN, Infinity, -Infinity, 123456789.987, -987654321.123];

export function bitwise(): string {
  const out: number[] = [];
  for (const a of edges) {
    out.push(a | 0, a & 0xff, a ^ -1, ~a, a >> 1, a >>> 0, a << 3, a >>> 28);
    out.push(Math.clz32(a), Math.fround(a));
  }
  return nums(out);
}
export function pairs(): string {
  const out: number[] = [];
  const small = [0, 1, -1, 31, 32, 33, -33, 2147483648, 0.9, NaN];
  for (const a of small)
    for (const b of small) out.push(a & b, a | b, a ^ b, a << b, a >> b, a >>> b, Math.imul(a, b));
  let x = 5;
  x |= 2;
  x &= 6;
  x ^= 3;
  x <<= 4;
  x >>= 1;
  x >>>= 1;
  x **= 2;
  out.push(x);
  return nums(out);
}
export function powers(): string {
  const bases = [0, -0, 1, -1, 2, -2, 0.5, 10, NaN, Infinity, -Infinity, 1e-300];
  const exps = [0, -0, 1, -1, 0.5, 2, 3, -3, 1e10, NaN, Infinity, -Infinity, 1 / 3];
  const out: number[] = [];
  for (const b of bases) for (const e of exps) out.push(b ** e, Math.pow(b, e));
  out.push(2 ** 10, 2 ** -1074, 2 ** 1024, (-8) ** (1 / 3), 10 ** 21, 10 ** -7);
  return nums(out);
}
export function transcendental(): string {
  const xs = [0, -0, 1, -1, 0.5, Math.PI, -Math.PI / 2, 1e-10, 1e10, 1e300, 100, -710, 710, NaN, Infinity, -Infinity, 2.5, 0.999];
  const out: number[] = [];
  for (const x of xs) {
    out.push(Math.sin(x), Math.cos(x), Math.tan(x), Math.asin(x), Math.acos(x), Math.atan(x));
    out.push(Math.sinh(x), Math.cosh(x), Math.tanh(x), Math.asinh(x), Math.acosh(x), Math.atanh(x));
    out.push(Math.exp(x), Math.expm1(x), Math.log(x), Math.log1p(x), Math.log2(x), Math.log10(x), Math.cbrt(x));
    out.push(Math.atan2(x, 2), Math.atan2(-1, x), Math.hypot(x, 3));
  }
  return nums(out);
}
export function mixed(): string {
  let h = 0;
  for (const ch of ["a", "bc", "déf"]) for (let i = 0; i < ch.length; i++) h = (Math.imul(h, 31) + ch.charCodeAt(i)) | 0;
  const angle = Math.atan2(3, 4);
  return num(h) + num(h >>> 0) + num(Math.round(Math.sin(angle) * 1000) / 1000) + num(2 ** 0.5 * 2 ** 0.5) +
    num(Math.log(Math.E)) + num(Math.exp(1)) + num(-(2 ** 2)) + num((-2) ** 2) + num(2 ** 3 ** 2);
}
