import { createSignal } from "dx";
export default function Page() {
  const [count] = createSignal(0);
  return <p>{count()}</p>;
}
