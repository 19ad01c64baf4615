interface Todo {
  id: number;
  title: string;
}

const count = (t: Todo) => {
  let n = 0;
  for (const key in t) n = n + 1;
  return n;
};

export default function Page() {
  return <p>{count({ id: 1, title: "a" })}</p>;
}
