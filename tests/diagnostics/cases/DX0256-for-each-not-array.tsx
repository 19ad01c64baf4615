import { createSignal, For } from "dx";
export default function Page() {
  const [count, setCount] = createSignal(3);
  return (
    <ul>
      <For each={count()}>{(n) => <li>{n}</li>}</For>
    </ul>
  );
}
