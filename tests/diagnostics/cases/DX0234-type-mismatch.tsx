export default function Page() {
  const count: number = "zero";
  return <p>{count}</p>;
}
