import { createSignal } from "dx";
import Nav from "../components/Nav";
import Go from "../components/Go";
import SearchForm from "../components/SearchForm";

export default function Home() {
  const [clicks, setClicks] = createSignal(0);
  return (
    <main>
      <Nav />
      <Go />
      <h1>Home</h1>
      <button id="home-click" onClick={() => setClicks(clicks() + 1)}>
        home clicks: {clicks()}
      </button>
      <SearchForm q="" />
    </main>
  );
}
