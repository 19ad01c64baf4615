export default function Page() {
  const size = (s: string | null): number => s.length;
  return <p>{size("ab")}</p>;
}
