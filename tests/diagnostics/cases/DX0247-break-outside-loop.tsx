export default function Page() {
  const stop = () => {
    break;
  };
  return <button onClick={stop}>stop</button>;
}
