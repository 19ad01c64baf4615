export default function Page() {
  const clicks = 0;
  const add = () => {
    clicks = clicks + 1;
  };
  return <button onClick={add}>add</button>;
}
