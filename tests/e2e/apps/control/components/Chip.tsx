// Props taken apart in the body, `const { … } = props` (tests/e2e/control.test.mjs): as Pill's parameter
// pattern, each name reads its prop and stays reactive; a default stands in while the prop is undefined. A class
// that may be undefined has no attribute then (as Solid renders it), on the server and after a click.
export default function Chip(props: { text: string; hot: boolean; size?: number }) {
  const { text, hot: isHot, size = 3 } = props;
  return (
    <>
      <span class={isHot ? "chip hot" : "chip"} data-size={size}>{text}</span>
      <em class={isHot ? "flag" : undefined}>!</em>
      <b class={isHot ? undefined : "calm"}>.</b>
    </>
  );
}
