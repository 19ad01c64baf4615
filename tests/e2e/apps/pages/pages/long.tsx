import { createSignal } from "dx";
import Go from "../components/Go";

// A page taller than the window, for the scroll positions client navigation keeps (and #end for a fragment).
export default function Long() {
  const [clicks, setClicks] = createSignal(0);
  return (
    <main>
      <Go />
      <h1>Long</h1>
      <button id="long-click" onClick={() => setClicks(clicks() + 1)}>long clicks: {clicks()}</button>
      <div class="tall" style="height: 3000px"></div>
      <p id="end">the end</p>
      <div class="tall" style="height: 1500px"></div>
    </main>
  );
}
