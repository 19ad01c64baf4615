// A rest parameter needs its array type.
function sum(...xs) {
  return xs.length;
}

export default function Page() {
  return <p>{sum(1, 2)}</p>;
}
