export default function Page() {
  const double = (n) => n * 2;
  return <p>{double(2)}</p>;
}
