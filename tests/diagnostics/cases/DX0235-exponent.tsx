export default function Page() {
  const square = (n: number) => n ** 2;
  return <p>{square(3)}</p>;
}
