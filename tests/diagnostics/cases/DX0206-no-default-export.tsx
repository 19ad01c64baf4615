export function Page() {
  return <p>hi</p>;
}
