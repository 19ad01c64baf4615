export default function Page() {
  const fact = (n: number) => (n > 1 ? n * fact(n - 1) : 1);
  return <p>{fact(5)}</p>;
}
