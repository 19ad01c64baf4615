const sizes = [count()];

function count() {
  return sizes.length;
}

export default function Page() {
  return <p>{count()}</p>;
}
