interface ColorProps {
  label: string;
}

export default function Blue(props: ColorProps) {
  return <i class="blue">blue {props.label}</i>;
}
