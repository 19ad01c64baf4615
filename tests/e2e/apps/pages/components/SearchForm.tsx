// A GET form to /search: the browser's own submission with JavaScript off, a client navigation with it on.
export default function SearchForm(props: { q: string }) {
  return (
    <form id="search-form" action="/search">
      <input id="q" name="q" value={props.q} />
      <select id="order" name="order">
        <option value="asc">a to z</option>
        <option value="desc">z to a</option>
      </select>
      <button id="search-go" type="submit">Search</button>
    </form>
  );
}
