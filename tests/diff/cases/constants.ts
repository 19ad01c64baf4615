import { num, str, bool } from "../prelude";

// The number constants of the global object, Math and Number, and the number predicates.
export function globals(): string {
  return num(Infinity) + num(-Infinity) + num(NaN) + bool(NaN !== NaN) + num(1 / Infinity) + num(Infinity - Infinity) +
    str(String(Infinity)) + str(`${NaN}`);
}
export function mathConstants(): string {
  return num(Math.PI) + num(Math.E) + num(Math.LN2) + num(Math.LN10) + num(Math.LOG2E) + num(Math.LOG10E) + num(Math.SQRT2) +
    num(Math.SQRT1_2) + num(Math.PI * 2) + num(Math.floor(Math.E * 1000));
}
export function numberConstants(): string {
  return num(Number.MAX_SAFE_INTEGER) + num(Number.MIN_SAFE_INTEGER) + num(Number.EPSILON) + num(Number.MAX_VALUE) +
    num(Number.MIN_VALUE) + num(Number.POSITIVE_INFINITY) + num(Number.NEGATIVE_INFINITY) + num(Number.NaN) +
    num(Number.MAX_SAFE_INTEGER + 2) + bool(1 + Number.EPSILON > 1);
}
export function predicates(): string {
  const xs = [0, -0, 1.5, -7, 1e21, NaN, Infinity, -Infinity, 9007199254740991, 9007199254740992, 1e300, 5e-324];
  let out = "";
  for (const x of xs) {
    out += (Number.isInteger(x) ? "i" : "-") + (Number.isSafeInteger(x) ? "s" : "-") + (Number.isFinite(x) ? "f" : "-") +
      (Number.isNaN(x) ? "n" : "-") + (isNaN(x) ? "N" : "-") + (isFinite(x) ? "F" : "-") + " ";
  }
  return str(out);
}
