export default function About() {
  return (
    <div class="about">
      <h1>About</h1>
      <p>This blog is a dx sample: static pages are prerendered at build time, post pages are rendered per request.</p>
      <p>
        Read the <a id="about-docs" href="/docs/routing/params">routing docs</a>.
      </p>
    </div>
  );
}
