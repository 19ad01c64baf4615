import { num, str, bool } from "../prelude";

// try / catch / finally: caught errors and their name and message, rethrow, finally on every way out
// (normal end, return, break, continue, a throw), nested tries, and errors the runtime raises (JSON.parse,
// the RangeErrors of repeat and padStart).
interface Point {
  x: number;
}
function parse(s: string): number {
  try {
    if (s === "") throw new Error("empty");
    const n: number = JSON.parse(s);
    return n;
  } catch (e) {
    return e.name === "Error" ? -1 : -2;
  }
}
function order(log: string[], fail: boolean): string {
  try {
    log.push("try");
    if (fail) throw new Error("boom");
    log.push("after");
    return "returned";
  } catch (e) {
    log.push("catch " + e.message);
    return "caught";
  } finally {
    log.push("finally");
  }
}
function loops(): string {
  let out = "";
  for (let i = 0; i < 5; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      out += "b" + i;
    } finally {
      out += "f" + i;
    }
  }
  outer: for (const x of [1, 2]) {
    for (const y of [1, 2, 3]) {
      try {
        if (y === 2) continue outer;
        out += x + "" + y;
      } finally {
        out += ";";
      }
    }
  }
  return out;
}
function nested(): string {
  let out = "";
  try {
    try {
      out += "a";
      throw new Error("inner");
    } catch (e) {
      out += "b:" + e.message;
      throw e;
    } finally {
      out += "c";
    }
  } catch (e2) {
    out += "d:" + e2.message + ":" + e2.name;
  } finally {
    out += "e";
  }
  return out;
}
function deep(n: number): number {
  if (n === 0) throw new Error("bottom");
  return deep(n - 1) + 1;
}
function finallyValue(): number {
  let x = 1;
  try {
    x = 2;
    return x * 10;
  } finally {
    x = 3;
  }
}
function noCatch(log: string[]): void {
  try {
    log.push("in");
    throw new Error("passes");
  } finally {
    log.push("cleanup");
  }
}

export function basics(): string {
  return num(parse("")) + num(parse("12.5")) + num(parse("{")) + num(parse("[1")) + num(parse("1e3"));
}
export function ordering(): string {
  const a: string[] = [];
  const b: string[] = [];
  return str(order(a, false)) + str(a.join(",")) + str(order(b, true)) + str(b.join(","));
}
export function jumps(): string {
  return str(loops()) + num(finallyValue());
}
export function rethrow(): string {
  const log: string[] = [];
  let got = "";
  try {
    noCatch(log);
  } catch (e) {
    got = e.message;
  }
  return str(nested()) + str(log.join(",")) + str(got);
}
export function unwinding(): string {
  let caught = 0;
  for (let i = 0; i < 2000; i++) {
    try {
      deep(20);
    } catch (e) {
      caught++;
    }
  }
  let msg = "";
  try {
    const v: Point = JSON.parse("{\"x\": }");
    msg = "parsed " + v.x;
  } catch (e) {
    msg = e.name;
  }
  return num(caught) + str(msg) + bool(msg === "SyntaxError");
}
export function catchWithoutBinding(): string {
  let out = "start";
  try {
    throw new Error("ignored");
  } catch {
    out += "-caught";
  }
  return str(out);
}
function repeatError(s: string, n: number): string {
  try {
    return s.repeat(n);
  } catch (e) {
    return e.name + ": " + e.message;
  }
}
export function rangeErrors(): string {
  let pad = "";
  try {
    pad = "x".padStart(1073741824, "ab");
  } catch (e) {
    pad = e.name + "|" + e.message;
  }
  return str(repeatError("ab", 2)) + str(repeatError("ab", -1)) + str(repeatError("ab", -2.5)) + str(repeatError("ab", 1 / 0)) +
    str(repeatError("", -1 / 0)) + str(repeatError("ab", 536870912)) + str(pad) + str(repeatError("ab", -4503599627370496));
}
function parseName(text: string): string {
  try {
    const n: number = JSON.parse(text);
    return "ok " + n;
  } catch (e) {
    return e.name;
  }
}
export function syntaxBeforeShape(): string {
  // Malformed text is a SyntaxError whatever the target; only well-formed JSON of another shape is dx's TypeError.
  return str(parseName("{\"a\": }")) + str(parseName("[1,")) + str(parseName("{} x")) + str(parseName("tru")) + str(parseName("7"));
}
