import { str, strs } from "../prelude";

// Number.prototype.toFixed / toPrecision / toString(): V8's exact strings for halfway cases (1.005 is below
// its decimal, 2.5 rounds up), huge and tiny values, -0, negatives rounding to zero, NaN and Infinity.
const xs = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.045, 0.1, 0.125, 0.375, 123.456, -123.456, 1e-7, 5e-324,
  -5e-324, 1e20, 9.999e20, 1e21, -1e21, 1.7976931348623157e308, 9007199254740993, 0.000001, 0.0000001,
  123456789.987654321, 99.995, 0.95, 9.5, NaN, Infinity, -Infinity, -0.0001, 4.35, 1.255];

export function fixed(): string {
  const out: string[] = [];
  for (const x of xs) for (const d of [0, 1, 2, 3, 5, 10, 20, 100]) out.push(x.toFixed(d));
  for (const x of xs) out.push(x.toFixed());
  out.push((1.45).toFixed(1.9), (2.5).toFixed(NaN), (0).toFixed(2), (-1.5).toFixed(0));
  return strs(out);
}
export function precision(): string {
  const out: string[] = [];
  for (const x of xs) for (const p of [1, 2, 3, 6, 7, 15, 17, 21, 22, 100]) out.push(x.toPrecision(p));
  out.push((123.456).toPrecision(2.9), (0).toPrecision(5), (-0).toPrecision(1), (1e-7).toPrecision(1), (999.99).toPrecision(4));
  return strs(out);
}
export function toStrings(): string {
  const out: string[] = [];
  for (const x of xs) out.push(x.toString());
  return strs(out);
}
export function ranges(): string {
  let out = "";
  const bad = [-1, 101, Infinity, -Infinity];
  for (const d of bad) {
    try {
      out += (1.5).toFixed(d);
    } catch (e) {
      out += e.name + ":" + e.message + ";";
    }
  }
  for (const p of [0, 101, -Infinity]) {
    try {
      out += (1.5).toPrecision(p);
    } catch (e) {
      out += e.name + ":" + e.message + ";";
    }
  }
  return str(out + NaN.toPrecision(0) + Infinity.toPrecision(200));
}
