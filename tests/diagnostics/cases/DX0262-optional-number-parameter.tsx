function pad(text: string, width?: number): string {
  return text;
}

export default function Page() {
  return <p>{pad("a")}</p>;
}
