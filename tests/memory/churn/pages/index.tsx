import { createSignal, createMemo, For, Show } from "dx";

interface Rec {
  id: number;
  name: string;
  tags: string[];
}

// Every click allocates records, strings, arrays and closures, replaces the list (rows destroyed and
// created), and drops the previous generation: the memory test dispatches it 100,000 times.
export default function Churn() {
  const [items, setItems] = createSignal<Rec[]>([]);
  const [n, setN] = createSignal(0);
  const total = createMemo(() => items().map((r) => r.name.length).length);
  const churn = () => {
    const k = n() + 1;
    const fresh: Rec[] = [];
    for (let i = 0; i < 12; i++) fresh.push({ id: k * 100 + i, name: `item ${k}-${i}`, tags: ["a" + i, "b" + k] });
    const keep = (r: Rec): boolean => r.id % 3 !== k % 3;
    setItems(fresh.filter((r) => keep(r)).map((r) => ({ ...r, name: r.name.toUpperCase() + "é" })));
    setN(k);
  };
  return (
    <div>
      <button onClick={churn}>go</button>
      <p>
        {n()} {total()}
      </p>
      <ul>
        <For each={items()}>
          {(r) => (
            <li>
              {r.name} {r.tags.join(",")}
            </li>
          )}
        </For>
      </ul>
      <Show when={n() % 2 === 0} fallback={<i>odd</i>}>
        <b>even {n()}</b>
      </Show>
    </div>
  );
}
