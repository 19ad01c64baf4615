import { For } from "dx";
import { posts } from "../../components/posts";

export default function Blog() {
  return (
    <div>
      <h1>All posts</h1>
      <ul class="posts">
        <For each={posts}>
          {(p) => (
            <li>
              <a href={`/blog/${p.slug}`}>{p.title}</a>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
