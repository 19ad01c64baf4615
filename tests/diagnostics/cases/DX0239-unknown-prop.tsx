interface ButtonProps {
  label: string;
}

function Button(props: ButtonProps) {
  return <button>{props.label}</button>;
}

export default function Page() {
  return <Button text="Save" />;
}
