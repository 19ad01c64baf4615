// A discriminated union's fields that not every variant has are read after a test of its tag narrows it; a
// union of records needs such a tag, and a variant's tag field holds its literal.
interface Circle { kind: "circle"; r: number }
interface Square { kind: "square"; side: number }
type Shape = Circle | Square;
type Untagged = { a: number } | { b: string };

export default function Page() {
  const s: Shape = { kind: "circle", r: 1 };
  const r = s.r;
  const c: Circle = { kind: "square", r: 2 };
  const u: Shape = { kind: "triangle", r: 1 };
  const x: Untagged = { a: 1 };
  return <h1>{r}</h1>;
}
