export default function Page() {
  const load = async () => 1;
  return <button onClick={load}>load</button>;
}
