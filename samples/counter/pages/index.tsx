import { createSignal, createMemo } from "dx";

// The smallest dx app: one signal, one memo, three handlers. Every number shown is computed in wasm.
export default function Counter() {
  const [count, setCount] = createSignal(0);
  const doubled = createMemo(() => count() * 2);
  const parity = () => (count() % 2 === 0 ? "even" : "odd");

  return (
    <main class="counter">
      <h1>Counter</h1>
      <p>
        Count: <output id="count">{count()}</output> ({parity()})
      </p>
      <p>
        Doubled: <span id="doubled">{doubled()}</span>
      </p>
      <button id="dec" onClick={() => setCount(count() - 1)}>
        −
      </button>
      <button id="inc" onClick={() => setCount(count() + 1)}>
        +
      </button>
      <button id="half" onClick={() => setCount(count() / 2)}>
        ÷2
      </button>
      <button id="reset" class={count() === 0 ? "muted" : "active"} onClick={() => setCount(0)}>
        reset
      </button>
    </main>
  );
}
