export default function Header() {
  return <h1>Todos</h1>;
}
