import { Dynamic } from "dx";

export default function Page() {
  return <Dynamic component="Header" />;
}
