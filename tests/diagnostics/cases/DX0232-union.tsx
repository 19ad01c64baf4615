export default function Page() {
  const label = (id: number | string) => "item";
  return <p>{label(1)}</p>;
}
