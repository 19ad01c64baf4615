import { createSignal } from "dx";
export default function Page() {
  const [items, setItems] = createSignal<number[]>([1, 2]);
  const double = 2;
  const doubled = () => items().map(double);
  return <p>{doubled().length}</p>;
}
