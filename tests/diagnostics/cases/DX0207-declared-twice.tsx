export default function Page() {
  const total = 1;
  const total = 2;
  return <p>{total}</p>;
}
