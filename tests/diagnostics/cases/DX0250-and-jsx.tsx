import { createSignal } from "dx";
export default function Page() {
  const [count, setCount] = createSignal(0);
  return (
    <div>
      {count() && <p>{count()} items</p>}
    </div>
  );
}
