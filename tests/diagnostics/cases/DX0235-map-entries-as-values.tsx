// A Map's entries are [key, value] tuples, which are values only inside for…of: spreading a Map, entries()
// outside a loop and new Map(pairs) are refused with what to write instead.
export default function Page() {
  const m = new Map<string, number>();
  const all = [...m];
  const pairs = Array.from(m.entries());
  const copy = new Map([["a", 1]]);
  const it = m.keys();
  return <h1>{all.length}{pairs.length}{copy.size}</h1>;
}
