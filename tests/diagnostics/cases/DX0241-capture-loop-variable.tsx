export default function Page() {
  const run = () => {
    for (const x of [1, 2]) {
      const get = () => x;
    }
  };
  return <button onClick={run}>run</button>;
}
