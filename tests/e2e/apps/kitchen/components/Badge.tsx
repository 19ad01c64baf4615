interface BadgeProps {
  label: string;
  count: number;
  hot: boolean;
}

export default function Badge(props: BadgeProps) {
  const shout = () => props.label.length > 3;
  return (
    <span id="badge" class={props.hot ? "hot" : "cold"} data-shout={shout() ? "yes" : "no"}>
      {props.label}: {props.count}
    </span>
  );
}
