// A <Portal> open on the first render (tests/e2e/control.test.mjs): the server cannot put its content outside
// the root, so dxc writes no resumption state and the client renders the page.
import { createSignal, Show, Portal } from "dx";

export default function PortalAtStart() {
  const [open, setOpen] = createSignal(true);
  const [n, setN] = createSignal(0);
  return (
    <main>
      <button id="toggle" onClick={() => setOpen(!open())}>toggle</button>
      <Show when={open()}>
        <Portal mount="overlay">
          <button id="inc" onClick={() => setN(n() + 1)}>n = {n()}</button>
        </Portal>
      </Show>
    </main>
  );
}
