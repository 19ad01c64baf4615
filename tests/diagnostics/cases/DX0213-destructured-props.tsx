interface Props {
  name?: string;
}

function Greeting({ name = "you" }: Props) {
  return <p>Hello {name}</p>;
}

export default function Page() {
  return <Greeting name="Ada" />;
}
