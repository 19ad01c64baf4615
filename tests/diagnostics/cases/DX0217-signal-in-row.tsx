import { createSignal, For } from "dx";
export default function Page() {
  const [items, setItems] = createSignal<string[]>([]);
  return (
    <ul>
      <For each={items()}>
        {(item) => {
          const [open, setOpen] = createSignal(false);
          return <li>{item}</li>;
        }}
      </For>
    </ul>
  );
}
