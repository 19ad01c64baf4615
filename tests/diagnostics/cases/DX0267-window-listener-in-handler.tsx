import { createSignal } from "dx";

export default function Page() {
  const [hash, setHash] = createSignal(window.location.hash);
  const follow = () => window.addEventListener("hashchange", () => setHash(window.location.hash));
  return <button onClick={follow}>{hash()}</button>;
}
