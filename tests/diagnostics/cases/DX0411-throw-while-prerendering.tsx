import { createSignal } from "dx";

function check(n: number): number {
  if (n > 2) throw new Error("too many items: " + n);
  return n;
}

export default function Page() {
  const [count, setCount] = createSignal(3);
  return <p>{check(count())}</p>;
}
