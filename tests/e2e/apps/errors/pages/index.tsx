import { createSignal } from "dx";

function check(n: number): number {
  if (n % 2 === 1) throw new Error(`odd count ${n}`);
  return n;
}

export default function Errors() {
  const [count, setCount] = createSignal(0);
  const [label, setLabel] = createSignal("start");
  const boom = () => {
    setCount(count() + 1);
    check(count());
    setLabel("not reached");
  };
  const plain = () => {
    setLabel("plain");
    throw new Error();
  };
  // try/catch makes this app throw wasm exceptions: an uncaught one (boom, plain) is reported as before.
  const [caught, setCaught] = createSignal("none");
  const safe = () => {
    try {
      check(count());
      setCaught("even " + count());
    } catch (e) {
      setCaught(e.name + ": " + e.message);
    } finally {
      setCount(count() + 1);
    }
  };
  return (
    <main>
      <p id="count">{count()}</p>
      <p id="label">{label()}</p>
      <button id="boom" onClick={boom}>boom</button>
      <button id="plain" onClick={plain}>plain</button>
      <p id="caught">{caught()}</p>
      <button id="safe" onClick={safe}>safe</button>
      <button id="inc" onClick={() => { setCount(count() + 1); console.log("count is", count(), [count(), -0], ["a'b"]); console.warn({ n: count(), ok: true }); }}>inc</button>
    </main>
  );
}
