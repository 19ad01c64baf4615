// An optional callback prop, called with ?.() (absent: the click does nothing).
export default function Chip(props: { label: string; onPress?: (label: string) => number }) {
  return <button class="chip" onClick={() => props.onPress?.(props.label.toUpperCase())}>{props.label}</button>;
}
