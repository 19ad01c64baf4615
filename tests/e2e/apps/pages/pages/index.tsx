import { createSignal } from "dx";
import Nav from "../components/Nav";

export default function Home() {
  const [clicks, setClicks] = createSignal(0);
  return (
    <main>
      <Nav />
      <h1>Home</h1>
      <button id="home-click" onClick={() => setClicks(clicks() + 1)}>
        home clicks: {clicks()}
      </button>
    </main>
  );
}
