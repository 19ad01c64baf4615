import { createSignal, For } from "dx";
import { posts } from "../components/posts";

export default function Home() {
  const [count, setCount] = createSignal(0);
  return (
    <div class="home">
      <h1>Welcome</h1>
      <p>{posts.length} posts so far. The newest:</p>
      <ul class="latest">
        <For each={posts}>
          {(p) => (
            <li>
              <a href={`/blog/${p.slug}`}>{p.title}</a> <time>{p.date}</time>
            </li>
          )}
        </For>
      </ul>
      <button id="home-counter" onClick={() => setCount(count() + 1)}>
        clicked {count()} times
      </button>
    </div>
  );
}
