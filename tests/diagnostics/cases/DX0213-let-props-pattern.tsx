// Props taken apart in a component's body are read-only: `const { title } = props`, not `let`.
function Title(props: { title: string }) {
  let { title } = props;
  return <h1>{title}</h1>;
}

export default function Page() {
  return <Title title="hi" />;
}
