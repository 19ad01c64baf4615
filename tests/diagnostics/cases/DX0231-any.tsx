export default function Page() {
  const show = (value: any) => "x";
  return <p>{show(1)}</p>;
}
