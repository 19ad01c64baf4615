import { ErrorBoundary } from "dx";

export default function Page() {
  return <p>hi</p>;
}
