import { Show } from "dx";

export default function Page() {
  return <Show>hello</Show>;
}
