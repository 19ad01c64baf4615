import { For } from "dx";
import Nav from "../../components/Nav";
import Go from "../../components/Go";

interface Post { slug: string; title: string }

export default function Blog() {
  const posts: Post[] = [{ slug: "first-post", title: "First post" }];
  return (
    <main>
      <Nav />
      <Go />
      <h1>Blog</h1>
      <ul>
        <For each={posts}>{(p) => <li><a href={"/blog/" + p.slug}>{p.title}</a></li>}</For>
      </ul>
    </main>
  );
}
