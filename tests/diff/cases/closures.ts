import { num, str, nums } from "../prelude";

// Closures capturing parameters and locals of enclosing functions (environment records).
export function captureParam(): string {
  const adder = (n: number): ((x: number) => number) => (x: number): number => x + n;
  const add5 = adder(5);
  const add7 = adder(7);
  return num(add5(1)) + num(add7(1)) + num(add5(add7(0)));
}
export function counterClosure(): string {
  const make = (): (() => number) => {
    let count = 0;
    return (): number => { count += 1; return count; };
  };
  const a = make();
  const b = make();
  a(); a();
  return num(a()) + num(b());
}
export function twoLevels(): string {
  const outer = (a: number): number => {
    const b = a * 2;
    const middle = (c: number): number => {
      const inner = (d: number): number => a + b + c + d;
      return inner(1000);
    };
    return middle(100);
  };
  return num(outer(1)) + num(outer(3));
}
export function writeThroughClosure(): string {
  let total = 0;
  const bump = (by: number) => { total += by; };
  bump(2); bump(3);
  let label = "x";
  const grow = () => { label = label + label; };
  grow(); grow();
  return num(total) + str(label);
}
export function closuresInArrays(): string {
  const base = 100;
  const fs = [(x: number): number => x + base, (x: number): number => x * base];
  let out = "";
  for (const f of fs) out += num(f(2)) + ";";
  return out;
}
export function callbackWithCapturedScale(): string {
  const scale = (xs: number[], k: number): number[] => xs.map((x) => x * k);
  return nums(scale([1, 2, 3], 10)) + nums(scale([], 2));
}
