interface ColorProps {
  label: string;
}

export default function Red(props: ColorProps) {
  return <b class="red">red {props.label}</b>;
}
