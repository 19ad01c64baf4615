interface CardProps {
  title: string;
  children?: JSX.Element;
}

// A layout component: what the caller passes between its tags renders where {props.children} stands.
export default function Card(props: CardProps) {
  return (
    <section class="card">
      <h2>{props.title}</h2>
      {props.children}
      <footer>end</footer>
    </section>
  );
}
