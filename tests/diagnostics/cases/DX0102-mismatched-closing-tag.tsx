export function Card(props: { title: string }) {
  return (
    <section class="card">
      <h2>{props.title}</h3>
    </section>
  );
}
