import { Suspense } from "dx";
import PostList from "../../components/PostList";

// The blog section's layout, nested inside the site layout: a sidebar with every post (in a <Suspense>: a
// streamed page shows it when it is ready, before the post's own related posts).
export default function BlogSection(props: { children?: JSX.Element }) {
  return (
    <div class="blog">
      <aside>
        <h2>Posts</h2>
        <Suspense fallback={<p class="loading-posts">Loading posts…</p>}>
          <PostList />
        </Suspense>
      </aside>
      <section class="content">{props.children}</section>
    </div>
  );
}
