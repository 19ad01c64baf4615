// A discriminated union in a signal (tests/e2e/control.test.mjs): set to each variant by clicks, shown through
// a switch over its tag and a field every variant has.
import { createSignal } from "dx";

type Load = { state: "idle" } | { state: "done"; items: string[] } | { state: "failed"; reason: string };

function view(l: Load): string {
  switch (l.state) {
    case "done":
      return l.items.join(", ");
    case "failed":
      return "error: " + l.reason;
    default:
      return "…";
  }
}

export default function Loader() {
  const [load, setLoad] = createSignal<Load>({ state: "idle" });
  return (
    <div id="loader">
      <p id="load-view">{view(load())}</p>
      <p id="load-state">{load().state}</p>
      <button id="load-ok" onClick={() => setLoad({ state: "done", items: ["a", "b"] })}>ok</button>
      <button id="load-fail" onClick={() => setLoad(load().state === "done" ? { state: "failed", reason: "after done" } : { state: "idle" })}>fail</button>
    </div>
  );
}
