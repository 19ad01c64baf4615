export default function Item(props: { params: { id: string } }) {
  return <h1>{props.params.id}</h1>;
}
