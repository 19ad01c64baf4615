export default function Page() {
  window.addEventListener("hashchange", () => console.log("changed"), true);
  return <p>hi</p>;
}
