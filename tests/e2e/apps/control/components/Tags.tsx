// A Map and a Set that outlive events: made while the server rendered, carried in the snapshot, then read
// and changed in place by clicks; a dictionary in a signal listed by <For> over Object.entries, its rows taking
// the [key, value] tuples apart (tests/e2e/control.test.mjs).
import { createSignal, For } from "dx";

export default function Tags() {
  const counts = new Map<string, number>();
  counts.set("red", 1);
  const [version, setVersion] = createSignal(0);
  const [picked, setPicked] = createSignal(new Set<string>(["red"]));
  const bump = (tag: string) => {
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    setVersion(version() + 1);
  };
  const drop = (tag: string) => {
    counts.delete(tag);
    setVersion(version() + 1);
  };
  const [scores, setScores] = createSignal<Record<string, number>>({ ann: 1, "10": 0 });
  const score = (name: string) => setScores({ ...scores(), [name]: (scores()[name] ?? 0) + 1 });
  const toggle = (tag: string) => {
    const s = new Set(picked());
    if (!s.delete(tag)) s.add(tag);
    setPicked(s);
  };
  return (
    <div id="tags">
      <For each={["red", "green", "blue"]}>
        {(t) => (
          <span>
            <button id={"bump-" + t} onClick={() => bump(t)}>{t}</button>
            <button id={"pick-" + t} class={picked().has(t) ? "on" : ""} onClick={() => toggle(t)}>pick</button>
            <button id={"drop-" + t} onClick={() => drop(t)}>x</button>
          </span>
        )}
      </For>
      <p id="tag-counts">{version() + ":" + [...counts.keys()].map((k) => k + "=" + counts.get(k)).join(",")}</p>
      <p id="tag-picked">{[...picked()].join(",")}</p>
      <ul id="scores">
        <For each={Object.entries(scores())}>{([name, n]) => <li onClick={() => score(name)}>{name}={n}</li>}</For>
      </ul>
      <button id="score-2" onClick={() => score("2")}>2</button>
      <button id="score-bo" onClick={() => score("bo")}>bo</button>
    </div>
  );
}
