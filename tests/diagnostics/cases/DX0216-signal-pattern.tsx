import { createSignal } from "dx";
export default function Page() {
  const [count, setCount, more] = createSignal(0);
  return <p>{count()}</p>;
}
