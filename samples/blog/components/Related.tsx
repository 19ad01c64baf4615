import { createSignal, For, Show } from "dx";
import { posts } from "./posts";

// The other posts, below a post. The page holds it in a <Suspense>: once posts come from a loader (the data
// issue), dx-server streams the post at once and this part when it is ready; dx-server's test hook
// (?dx-hold=MS with --test-hooks) streams it that way today.
export default function Related(props: { current: string }) {
  const [dates, setDates] = createSignal(false);
  return (
    <section class="related">
      <h2>More posts</h2>
      <ul>
        <For each={posts.filter((p) => p.slug !== props.current)}>
          {(p) => (
            <li>
              <a href={`/blog/${p.slug}`}>{p.title}</a>
              <Show when={dates()}><time> {p.date}</time></Show>
            </li>
          )}
        </For>
      </ul>
      <button class="dates" onClick={() => setDates(!dates())}>{dates() ? "Hide dates" : "Show dates"}</button>
    </section>
  );
}
