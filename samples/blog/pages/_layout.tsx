// The site layout: every page renders inside it.
export default function Site(props: { children?: JSX.Element }) {
  return (
    <div class="site">
      <header>
        <a class="brand" href="/">The dx blog</a>
        <nav>
          <a id="nav-home" href="/">Home</a>
          <a id="nav-blog" href="/blog">Posts</a>
          <a id="nav-about" href="/about">About</a>
        </nav>
      </header>
      <main>{props.children}</main>
      <footer>Built with dx</footer>
    </div>
  );
}
