export function Total(props: { items: number[] }) {
  let sum = 0;
  for (const n of props.items {
    sum += n;
  }
  return <p>{sum}</p>;
}
