// A dictionary (Record<string, V>) is read by string keys (or numbers, String(n) as in JS, not booleans), its
// entries are values (not methods), and compound assignment works on number entries only (a missing entry
// reads as undefined).
export default function Page() {
  const names: Record<string, string> = { a: "x" };
  const n = 1;
  const v = names[n] ?? names[n > 0];
  names.a += "y";
  names.toString();
  const rec = { [String(n)]: 1 };
  return <h1>{Object.values({ id: 1, name: "x" }).length}</h1>;
}
