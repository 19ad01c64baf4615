function pad(text: string, width?: number, fill: string): string {
  return text;
}

export default function Page() {
  return <p>{pad("a", 2, " ")}</p>;
}
