// Pick<T, K> names properties T has.
interface User {
  id: number;
  name: string;
}
type Card = Pick<User, "id" | "avatar">;

export default function Page() {
  const c: Card = { id: 1 };
  return <p>{c.id}</p>;
}
