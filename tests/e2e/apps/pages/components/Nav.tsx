// Links between the pages: ordinary anchors (they work with JavaScript off).
export default function Nav() {
  return (
    <nav>
      <a id="to-home" href="/">Home</a> <a id="to-about" href="/about">About</a> <a id="to-blog" href="/blog">Blog</a>{" "}
      <a id="to-first" href="/blog/first-post">First post</a>
    </nav>
  );
}
