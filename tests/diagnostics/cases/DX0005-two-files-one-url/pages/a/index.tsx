export default function AIndex() {
  return <p>a too</p>;
}
