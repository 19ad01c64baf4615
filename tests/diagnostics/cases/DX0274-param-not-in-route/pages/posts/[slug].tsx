// The file is [slug].tsx, so its param is `slug`, not `id`.
export default function Post(props: { params: { id: string } }) {
  return <h1>{props.params.id}</h1>;
}
