export default function Page() {
  const log = (name: string) => console.log(name, 1);
  return <button onClick={() => log("a")}>log</button>;
}
