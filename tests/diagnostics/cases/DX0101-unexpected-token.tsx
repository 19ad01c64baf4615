export default function Counter() {
  const [count, setCount] = createSignal(0);
  const next = count() + ;
  return <button onClick={() => setCount(next)}>{count()}</button>;
}
