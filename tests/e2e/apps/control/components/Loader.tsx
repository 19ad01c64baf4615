// A discriminated union in a signal (tests/e2e/control.test.mjs): set to each variant by clicks, shown through
// a switch over its tag and a field every variant has. The fail button's handler is a function declaration in
// the component body (hoisted: declared after its use), and so is the counter it calls with a rest parameter.
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
  const [fails, setFails] = createSignal(0);
  return (
    <div id="loader">
      <p id="load-view">{view(load())}</p>
      <p id="load-state">{load().state}</p>
      <button id="load-ok" onClick={() => setLoad({ state: "done", items: ["a", "b"] })}>ok</button>
      <button id="load-fail" onClick={fail}>fail</button>
      <p id="load-fails">{fails()}</p>
    </div>
  );
  function fail() {
    setLoad(load().state === "done" ? { state: "failed", reason: "after done" } : { state: "idle" });
    setFails(count(fails(), 1));
  }
  function count(...xs: number[]): number {
    return xs.reduce((a, b) => a + b, 0);
  }
}
