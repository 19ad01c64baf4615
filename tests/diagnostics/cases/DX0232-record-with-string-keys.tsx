// Record<K, V> needs K to be string literals: a record's fields are fixed.
const scores: Record<string, number> = {};

export default function Page() {
  return <h1>{String(scores)}</h1>;
}
