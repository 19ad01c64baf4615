import { createSignal, Show } from "dx";

interface PanelProps {
  children?: JSX.Element;
}

function Panel(props: PanelProps) {
  const [open, setOpen] = createSignal(true);
  return (
    <section>
      <Show when={open()}>{props.children}</Show>
    </section>
  );
}

export default function Page() {
  return <Panel><p>inside</p></Panel>;
}
