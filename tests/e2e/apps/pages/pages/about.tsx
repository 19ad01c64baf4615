import { createSignal } from "dx";
import Nav from "../components/Nav";
import Go from "../components/Go";

const team = ["Ada", "Grace", "Linus"];

export default function About() {
  const [shown, setShown] = createSignal(1);
  return (
    <main>
      <Nav />
      <Go />
      <h1>About</h1>
      <p id="team">{team.slice(0, shown()).join(", ")}</p>
      <button id="more" onClick={() => setShown(Math.min(shown() + 1, team.length))}>
        more
      </button>
    </main>
  );
}
