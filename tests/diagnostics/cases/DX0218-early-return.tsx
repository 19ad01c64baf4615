export default function Page() {
  const empty = true;
  if (empty) return <p>nothing yet</p>;
  return <ul></ul>;
}
