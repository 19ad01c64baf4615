export default function Page() {
  let selected = null;
  return <p>none</p>;
}
