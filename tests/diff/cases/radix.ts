import { str } from "../prelude";

// Number.prototype.toString(radix) for integers, fractions, huge and tiny doubles, negatives, -0, NaN,
// ±Infinity, every radix 2…36, and a few hundred pseudo-random doubles; out-of-range radixes throw.
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
export function fixedValues(): string {
  const xs = [0, -0, 1, -1, 255, 0.5, 0.1, -0.1, 1 / 3, 2 / 3, 123.456, 1e21, 1.7976931348623157e308, 5e-324, 2 ** 53, 2 ** 53 + 2,
    0.000001, 1e-7, 3.14159, 0 / 0, 1 / 0, -1 / 0, 4294967295, 0.9999999999999999];
  let out = "";
  for (const x of xs) for (const r of [2, 3, 8, 16, 36]) out += x.toString(r) + "|";
  return str(out);
}
export function everyRadix(): string {
  let out = "";
  for (let r = 2; r <= 36; r++) out += (1234.5678).toString(r) + "," + (-0.3).toString(r) + "," + (987654321).toString(r) + "|";
  return str(out);
}
export function randomValues(): string {
  const next = lcg(42);
  let out = "";
  for (let i = 0; i < 300; i++) {
    const x = (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    out += x.toString(2 + Math.floor(next() * 35)) + "|";
  }
  const id = (0.123456789).toString(36).slice(2);
  return str(out + id);
}
export function badRadix(): string {
  let out = "";
  for (const r of [1, 37, 0, -2]) {
    try {
      out += (5).toString(r);
    } catch (e) {
      out += "caught ";
    }
  }
  return str(out + (5).toString(10.7) + (255).toString(16.9));
}
