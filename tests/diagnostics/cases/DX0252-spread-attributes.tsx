export default function Page() {
  const attrs = { id: "main" };
  return <div {...attrs}>hi</div>;
}
