// Timers (tests/e2e/control.test.mjs): an interval started in onMount (on the server too: the resumed page
// runs it), a timeout, clearInterval; the interval is cleared with the component; onCleanup.
import { createSignal, onMount, onCleanup } from "dx";

export default function Ticker(props: { every: number; onGone: () => void }) {
  const [ticks, setTicks] = createSignal(0);
  const [late, setLate] = createSignal("waiting");
  let id = 0;
  onMount(() => {
    id = setInterval(() => setTicks(ticks() + 1), props.every);
    setTimeout(() => setLate("done"), 10);
  });
  onCleanup(() => props.onGone());
  return (
    <div class="ticker">
      <span class="ticks">{ticks()}</span> <span class="late">{late()}</span>
      <button class="stop" onClick={() => clearInterval(id)}>stop</button>
    </div>
  );
}
