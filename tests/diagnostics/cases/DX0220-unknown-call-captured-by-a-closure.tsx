// A local whose initializer failed is not reported again where a closure captures it (no DX0241).
export default function P() {
  const s = undefinedThing<{ q: string }>();
  const f = () => ["a"].filter((w) => w.includes(s.q)).length;
  return <p>{f()}</p>;
}
