// new Map([...]) needs its types (from type arguments or where it goes); keys(), values() and entries() are
// iterators, used where their elements are taken at once.
export default function Page() {
  const m = new Map<string, number>();
  const all = [...m];
  const pairs = Array.from(m.entries());
  const copy = new Map([["a", 1]]);
  const it = m.keys();
  return <h1>{all.length}{pairs.length}{copy.size}</h1>;
}
