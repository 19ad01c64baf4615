// Props taken apart (tests/e2e/control.test.mjs): each name reads its prop, and stays reactive.
export default function Pill({ text, hot: isHot }: { text: string; hot: boolean }) {
  return <span class={isHot ? "pill hot" : "pill"}>{text}</span>;
}
