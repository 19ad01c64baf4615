interface Todo {
  id: number;
  title: string;
}

export default function Page() {
  const first: Todo = { id: 1 };
  return <p>{first.id}</p>;
}
