import { createSignal } from "dx";
export default function Page() {
  const [count, setCount] = createSignal(0);
  const reset = () => {
    count = 0;
  };
  return <button onClick={reset}>{count()}</button>;
}
