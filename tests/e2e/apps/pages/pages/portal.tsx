import { createSignal, onMount, Portal } from "dx";
import Go from "../components/Go";

// A <Portal> open on the first render: the server writes no resumption state, so dx.js runs dx_start for
// this page, on a full load and after a client navigation alike. The portal's content goes to
// document.body (outside the mount element) and must leave with the page; so must the window listener.
export default function PortalPage() {
  const [n, setN] = createSignal(0);
  const [hashes, setHashes] = createSignal(0);
  onMount(() => {
    window.addEventListener("hashchange", () => setHashes(hashes() + 1));
  });
  return (
    <main>
      <Go />
      <h1>Portal</h1>
      <p id="hashes">hash changes: {hashes()}</p>
      <div class="tall" style="height: 3000px"></div>
      <Portal>
        <button id="portal-inc" onClick={() => setN(n() + 1)}>portal n = {n()}</button>
      </Portal>
    </main>
  );
}
