interface Props {
  name: string;
}

function Greeting({ name }: Props) {
  return <p>Hello</p>;
}

export default function Page() {
  return <Greeting name="Ada" />;
}
