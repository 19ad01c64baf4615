interface CardProps {
  title: string;
  subtitle?: string;
  children?: JSX.Element;
}

// A layout component: what the caller passes between its tags renders where {props.children} stands.
export default function Card(props: CardProps) {
  return (
    <section class="card">
      <h2>{props.title}</h2>
      <h3 title={props.subtitle}>{props.subtitle ?? "no subtitle"}</h3>
      {props.children}
      <footer>end</footer>
    </section>
  );
}
