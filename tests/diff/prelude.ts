// Serializers for the differential tests: compiled by dxc (into wasm) and by TypeScript (for node), so a
// case's result is compared as one string. Written in the TS subset dxc supports.
export function num(n: number): string {
  if (n === 0 && 1 / n < 0) return "-0";
  return "" + n;
}

export function str(s: string): string {
  return s.length + ":" + s;
}

export function bool(b: boolean): string {
  return b ? "true" : "false";
}

// A number or boolean that may be null or undefined.
export function maybeNum(x: number | null | undefined): string {
  if (x === null) return "null";
  if (x === undefined) return "undef";
  return num(x);
}

export function maybeBool(b: boolean | null | undefined): string {
  if (b === null) return "null";
  if (b === undefined) return "undef";
  return bool(b);
}

export function nums(xs: number[]): string {
  let out = "[";
  let first = true;
  for (const x of xs) {
    if (!first) out += ",";
    out += num(x);
    first = false;
  }
  return out + "]";
}

export function strs(xs: string[]): string {
  let out = "[";
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) out += ",";
    out += str(xs[i]);
  }
  return out + "]";
}
