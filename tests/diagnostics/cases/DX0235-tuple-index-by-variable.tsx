// Tuples are read and written by a constant index and taken apart; indexing by a variable and optional or
// rest elements are refused with what to write instead.
export default function Page() {
  const p: [string, number] = ["a", 1];
  const i = 1;
  const v = p[i];
  const three: [number, number] = [1, 2, 3];
  const opt: [number, string?] = [1];
  return <h1>{p[0]}</h1>;
}
