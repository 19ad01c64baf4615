export default function Page() {
  return <div innerHTML={"<b>hi</b>"}></div>;
}
