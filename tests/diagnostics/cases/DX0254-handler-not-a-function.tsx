import { createSignal } from "dx";
export default function Page() {
  const [count, setCount] = createSignal(0);
  return <button onClick={setCount(1)}>reset</button>;
}
