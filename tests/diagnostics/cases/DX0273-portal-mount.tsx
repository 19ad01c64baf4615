import { Portal } from "dx";

export default function Page() {
  const overlay = "overlay";
  return (
    <Portal mount={overlay}>
      <p>on top</p>
    </Portal>
  );
}
