console.log("loaded");

export default function Page() {
  return <p>hi</p>;
}
