// A record with every field of a parameter's record type is still another type: the help says what to write.
interface Named { id: number; name: string }
interface Post extends Named { title: string }
function describe(n: Named): string { return n.name; }
export default function Page() {
  const p: Post = { id: 1, name: "a", title: "t" };
  return <h1>{describe(p)}</h1>;
}
