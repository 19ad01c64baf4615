export default function Page() {
  return <input>text</input>;
}
