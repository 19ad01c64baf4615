export default function Page() {
  const double = (n: number) => n * 2;
  return <p>{double(1, 2)}</p>;
}
