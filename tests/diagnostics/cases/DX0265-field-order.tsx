interface Point {
  x: number;
  y: number;
}

export default function Page() {
  const a: Point = { x: 1, y: 2 };
  const b: Point = { y: 3, x: 4 };
  const log = () => console.log(a, b);
  return <button onClick={log}>log</button>;
}
