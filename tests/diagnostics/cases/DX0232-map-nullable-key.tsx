// Map keys and Set elements cannot be null or undefined (a deleted entry is marked with undefined).
export default function Page() {
  const m = new Map<string | null, number>();
  const s: Set<number | undefined> = new Set();
  return <h1>{s.size}</h1>;
}
