interface Todo {
  id: number;
  title: string;
}

const name = (t: Todo) => t.name;

export default function Page() {
  return <p>{name({ id: 1, title: "a" })}</p>;
}
