import { createSignal, Index } from "dx";
export default function Page() {
  const [names, setNames] = createSignal<string[]>([]);
  return (
    <ul>
      <Index each={names()}>
        <li>name</li>
      </Index>
    </ul>
  );
}
