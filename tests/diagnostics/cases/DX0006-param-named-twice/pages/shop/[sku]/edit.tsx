export default function Edit(props: { params: { sku: string } }) {
  return <h1>edit {props.params.sku}</h1>;
}
