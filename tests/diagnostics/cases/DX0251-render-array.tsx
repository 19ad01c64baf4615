import { createSignal } from "dx";
export default function Page() {
  const [items, setItems] = createSignal<number[]>([1, 2]);
  return <p>{items()}</p>;
}
