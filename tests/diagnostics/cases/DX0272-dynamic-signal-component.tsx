import { createSignal, Dynamic } from "dx";
export default function Page() {
  const [tag, setTag] = createSignal("h1");
  return <Dynamic component={tag()} />;
}
