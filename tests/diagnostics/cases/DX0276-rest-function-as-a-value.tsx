// A function with a rest parameter can only be called: passed as a value, it is wrapped in an arrow.
function total(...xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export default function Page() {
  const lists = [[1, 2], [3]];
  const f = total;
  return <p>{lists.length} {f(1)}</p>;
}
