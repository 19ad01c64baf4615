import { createSignal, Match } from "dx";
export default function Page() {
  const [n, setN] = createSignal(0);
  return (
    <div>
      <Match when={n() > 0}>positive</Match>
    </div>
  );
}
