// new Map() and new Set() need their types: type arguments, or a declared type where the value goes.
export default function Page() {
  const seen = new Set();
  const byId: Map<number, string> = new Map();
  return <h1>{byId.size}</h1>;
}
