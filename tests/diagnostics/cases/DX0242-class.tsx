class Counter {}

export default function Page() {
  return <p>hi</p>;
}
