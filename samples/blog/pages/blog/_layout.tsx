import { For } from "dx";
import { posts } from "../../components/posts";

// The blog section's layout, nested inside the site layout: a sidebar with every post.
export default function BlogSection(props: { children?: JSX.Element }) {
  return (
    <div class="blog">
      <aside>
        <h2>Posts</h2>
        <ul>
          <For each={posts}>
            {(p) => (
              <li>
                <a href={`/blog/${p.slug}`}>{p.title}</a>
              </li>
            )}
          </For>
        </ul>
      </aside>
      <section class="content">{props.children}</section>
    </div>
  );
}
