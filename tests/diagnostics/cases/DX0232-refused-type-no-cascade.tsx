// A refused annotation is the one error: its initializer is not checked against a type it lacks.
export default function Page() {
  const v: number | string = 1;
  const vs: (number | string)[] = [1, "a"];
  return <p>{vs.length}</p>;
}
