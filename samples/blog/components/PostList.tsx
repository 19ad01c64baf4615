import { For } from "dx";
import { posts } from "./posts";

// A link to every post: the blog index's list, and the blog layout's sidebar.
export default function PostList(props: { class?: string }) {
  return (
    <ul class={props.class}>
      <For each={posts}>
        {(p) => (
          <li>
            <a href={`/blog/${p.slug}`}>{p.title}</a>
          </li>
        )}
      </For>
    </ul>
  );
}
