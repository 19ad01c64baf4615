// Links between the pages: ordinary anchors (they work with JavaScript off). rel="external" keeps them full
// loads with JavaScript on, which tests/e2e/pages.test.mjs relies on (every page resumes its own snapshot);
// the links dx.js navigates to in place are in Go.tsx (tests/e2e/navigation.test.mjs).
export default function Nav() {
  return (
    <nav>
      <a id="to-home" href="/" rel="external">Home</a> <a id="to-about" href="/about" rel="external">About</a>{" "}
      <a id="to-blog" href="/blog" rel="external">Blog</a> <a id="to-first" href="/blog/first-post" rel="external">First post</a>
    </nav>
  );
}
