import { createSignal, For } from "dx";
export default function Page() {
  const [items, setItems] = createSignal<string[]>([]);
  return (
    <ul>
      <For each={items()}>{(item, i, all) => <li>{item}</li>}</For>
    </ul>
  );
}
