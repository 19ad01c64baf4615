export default function Page() {
  return (
    <main>
      <h1>Welcome</h1>
  );
}
