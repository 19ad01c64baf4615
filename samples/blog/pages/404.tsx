export default function NotFound() {
  return (
    <div class="not-found">
      <h1>Page not found</h1>
      <p>
        Try the <a href="/blog">list of posts</a>.
      </p>
    </div>
  );
}
