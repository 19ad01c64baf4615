interface Todo {
  title: string;
}

export default function Page() {
  const todo: Todo = { title: "a" };
  return <p>{"title" in todo ? "yes" : "no"}</p>;
}
