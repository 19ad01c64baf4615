import { createSignal } from "dx";
export default function Page() {
  const add = () => {
    const [n, setN] = createSignal(0);
  };
  return <button onClick={add}>add</button>;
}
