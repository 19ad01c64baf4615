// Record<number, V> is refused: JS would turn its keys into strings. Record<string, V> is a dictionary, Record<'a' | 'b', V> a record.
const scores: Record<number, number> = {};

export default function Page() {
  return <h1>{String(scores)}</h1>;
}
