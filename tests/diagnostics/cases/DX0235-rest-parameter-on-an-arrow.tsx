// A rest parameter is supported on named functions (declarations, and arrows bound to a const); an arrow held
// by a `let` (which may be reassigned, so its calls are not known) is refused with the supported form, and its
// name is still declared (no "cannot find name").
function total(a: number, b: number): number {
  let sum = (...xs: number[]): number => xs.reduce((p, q) => p + q, 0);
  return sum(a, b);
}

export default function Page() {
  return <p>{total(1, 2)}</p>;
}
