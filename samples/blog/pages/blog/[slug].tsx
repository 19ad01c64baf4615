import { For, Show, Suspense } from "dx";
import Likes from "../../components/Likes";
import Related from "../../components/Related";
import { findPost } from "../../components/posts";

// /blog/:slug — rendered per request by dx-server; the slug comes from the URL.
export default function PostPage(props: { params: { slug: string } }) {
  const post = findPost(props.params.slug);
  return (
    <article>
      <Show when={post !== null} fallback={<h1 class="missing">No post called “{props.params.slug}”</h1>}>
        <h1>{post !== null ? post.title : ""}</h1>
        <time>{post !== null ? post.date : ""}</time>
        <For each={post !== null ? post.body : []}>{(para) => <p>{para}</p>}</For>
        <Likes />
        <Suspense fallback={<p class="loading">Loading more posts…</p>}>
          <Related current={props.params.slug} />
        </Suspense>
      </Show>
    </article>
  );
}
