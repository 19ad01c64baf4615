export default function Page() {
  const fail = () => {
    throw "broken";
  };
  return <button onClick={fail}>fail</button>;
}
