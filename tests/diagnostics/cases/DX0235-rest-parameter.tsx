// A rest parameter is refused with the supported form; its name is still declared (no "cannot find name").
function sum(...xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export default function Page() {
  return <p>{sum(1, 2)}</p>;
}
