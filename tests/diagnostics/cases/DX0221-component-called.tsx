function Header() {
  return <h1>Todos</h1>;
}

export default function Page() {
  return <main>{Header()}</main>;
}
