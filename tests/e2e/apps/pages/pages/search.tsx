// A page that reads the URL's query (useSearchParams): dx-server renders it per request, with JavaScript off
// too, and its GET form is a client navigation with JavaScript on (tests/e2e/forms.test.mjs).
import { createSignal, For, useSearchParams } from "dx";
import SearchForm from "../components/SearchForm";

const fruit = ["apple", "banana", "cherry", "café crème", "date", "grape"];

export default function Search() {
  const search = useSearchParams<{ q: string; order: string }>();
  const [clicks, setClicks] = createSignal(0);
  const hits = () => {
    const q = search.q.toLowerCase();
    const found = fruit.filter((f) => f.includes(q));
    return search.order === "desc" ? found.reverse() : found;
  };
  return (
    <main>
      <h1 id="searched">Results for “{search.q}”</h1>
      <p id="count">{hits().length} found</p>
      <ul id="hits">
        <For each={hits()} fallback={<li>nothing</li>}>{(f) => <li>{f}</li>}</For>
      </ul>
      <button id="search-click" onClick={() => setClicks(clicks() + 1)}>clicks: {clicks()}</button>
      <SearchForm q={search.q} />
    </main>
  );
}
