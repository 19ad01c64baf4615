// Props taken apart (tests/e2e/control.test.mjs): each name reads its prop, and stays reactive; a default
// stands in while the prop is undefined.
export default function Pill({ text, hot: isHot, size = 3, tag = "b" }: { text: string; hot: boolean; size?: number; tag?: string }) {
  return <span class={isHot ? "pill hot" : "pill"} data-size={size} data-tag={tag}>{text}</span>;
}
