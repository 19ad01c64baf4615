import { num, str, bool, nums } from "../prelude";

// Default and optional parameters: an omitted argument gets its default, evaluated at call time in the
// callee's scope (it may read the parameters before it); `undefined` for a reference parameter does too.
function greet(name: string, greeting = "Hello", punct: string = "!"): string {
  return greeting + ", " + name + punct;
}
function scaled(x: number, k = 2, offset = x * k): number {
  return x * k + offset;
}
function flag(on = true): string {
  return on ? "on" : "off";
}
let calls = 0;
function nextId(): number {
  calls += 1;
  return calls * 10;
}
function tagged(label: string, id = nextId()): string {
  return label + "#" + id;
}
function fresh(x: number, acc: number[] = []): number[] {
  acc.push(x);
  return acc;
}
function maybe(a: string, b?: string): string {
  if (b === undefined) return a + "(no b)";
  return a + b;
}
function negZero(x = -0): string {
  return num(x);
}
function nanDefault(x = 0 / 0): string {
  return num(x);
}

export function defaultsOmitted(): string {
  return str(greet("Ann")) + str(greet("Bob", "Hi")) + str(greet("Cy", "Yo", "?")) + str(greet("Di", undefined, "."));
}
export function defaultsReadEarlierParams(): string {
  return num(scaled(3)) + "," + num(scaled(3, 5)) + "," + num(scaled(3, 5, 1)) + "," + num(scaled(-0));
}
export function defaultsBoolean(): string {
  return flag() + flag(false) + flag(true);
}
export function defaultsEvaluatedPerCall(): string {
  const a = tagged("a");
  const b = tagged("b", 7);
  const c = tagged("c");
  return a + b + c + num(calls);
}
export function defaultsFreshArray(): string {
  const one = fresh(1);
  const two = fresh(2);
  const mine = [9];
  fresh(3, mine);
  return nums(one) + nums(two) + nums(mine);
}
export function optionalParam(): string {
  return maybe("x") + maybe("x", "y") + maybe("x", undefined) + maybe("x", "");
}
export function defaultsSpecialNumbers(): string {
  return negZero() + negZero(0) + nanDefault() + nanDefault(1) + negZero(0 / 0) + nanDefault(-0);
}
export function defaultsInLocalArrow(): string {
  const join = (xs: string[], sep = ", "): string => xs.join(sep);
  const pad = (s: string, width: number = 5, fill = "."): string => s.padStart(width, fill);
  return str(join(["a", "b"])) + str(join(["a", "b"], "-")) + str(pad("x")) + str(pad("x", 3)) + str(pad("x", 3, "*"));
}
export function defaultsCapturedByClosure(): string {
  const make = (base = 100, step = 1): (() => number) => {
    let n = base;
    return (): number => { n += step; return n + base; };
  };
  const a = make();
  const b = make(10, 5);
  const c = make(0);
  a();
  return num(a()) + "," + num(b()) + "," + num(c());
}
