export default function Page() {
  const text = localStorage.getItem("todos") ?? "[]";
  const saved = JSON.parse(text);
  return <p>{text}</p>;
}
