// An interface may redeclare a base's property only with the same type.
interface Named {
  id: number;
  name: string;
}
interface Post extends Named {
  id: string;
  title: string;
}

export default function Page() {
  const p: Post = { id: "1", name: "a", title: "t" };
  return <h1>{p.title}</h1>;
}
