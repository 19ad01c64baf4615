import { Portal } from "dx";
export default function Page() {
  return (
    <Portal mount={document.querySelector("#modal")}>
      <p>hello</p>
    </Portal>
  );
}
