import { createSignal } from "dx";
export default function Page() {
  const [items, setItems] = createSignal<number[]>([1, 2]);
  const copy = () => items().map((x, i, all) => x);
  return <p>{copy().length}</p>;
}
