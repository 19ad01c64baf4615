interface Props {
  user: { name: string };
}

function Greeting({ user: { name } }: Props) {
  return <p>Hello {name}</p>;
}

export default function Page() {
  return <Greeting user={{ name: "Ada" }} />;
}
