function fail(n: number): number {
  if (n > 0) throw new Error("render failed " + n);
  return n;
}
export default function P() {
  const x = fail(3);
  return <p id="x">{x}</p>;
}
