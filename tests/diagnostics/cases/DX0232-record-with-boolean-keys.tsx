// A dictionary's keys are strings (Record<string, V>; Record<number, V> too: JS turns number keys into
// strings); Record<'a' | 'b', V> is a record. Booleans are neither.
const flags: Record<boolean, number> = {};

export default function Page() {
  return <h1>{String(flags)}</h1>;
}
