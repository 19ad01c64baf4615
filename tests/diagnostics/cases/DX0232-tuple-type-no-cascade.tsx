// A refused annotation is the one error: its initializer is not checked against a type it lacks.
export default function Page() {
  const pair: [number, string] = [1, "a"];
  const pairs: [number, string][] = [[1, "a"], [2, "b"]];
  return <p>{pairs.length}</p>;
}
