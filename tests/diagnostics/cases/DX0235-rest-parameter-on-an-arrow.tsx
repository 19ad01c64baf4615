// A rest parameter is supported on function declarations; an arrow's is refused with the supported form, and
// its name is still declared (no "cannot find name").
const sum = (...xs: number[]): number => xs.reduce((a, b) => a + b, 0);

export default function Page() {
  return <p>{sum(1, 2)}</p>;
}
