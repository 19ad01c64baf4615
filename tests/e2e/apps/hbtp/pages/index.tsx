import { createSignal } from "dx";

export default function Hbtp() {
  const [n, setN] = createSignal(0);
  return (
    <main>
      <button id="inc" onClick={() => setN(n() + 1)}>clicked {n()}</button>
    </main>
  );
}
