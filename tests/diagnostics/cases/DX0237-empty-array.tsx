import { createSignal } from "dx";
export default function Page() {
  const [items, setItems] = createSignal([]);
  return <p>{items().length}</p>;
}
