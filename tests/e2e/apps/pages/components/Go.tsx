// Links that dx.js follows without a full load (tests/e2e/navigation.test.mjs), and some it must leave to the
// browser: a new window, rel="external", a page that 404s, a file of the app that is not a dx page.
export default function Go() {
  return (
    <p class="go">
      <a id="go-home" href="/">go home</a> <a id="go-about" href="/about/">go about</a>{" "}
      <a id="go-about-redirect" href="/about">go about (redirected)</a> <a id="go-blog" href="/blog/">go blog</a>{" "}
      <a id="go-portal" href="/portal/">go portal</a> <a id="go-long" href="/long/">go long</a>{" "}
      <a id="go-long-end" href="/long/#end">go long, end</a> <a id="go-missing" href="/missing/">go missing</a>{" "}
      <a id="go-plain" href="/plain.html">go plain</a> <a id="go-blank" href="/about/" target="_blank">go about, new window</a>{" "}
      <a id="go-external" href="/about/" rel="external">go about, full load</a>
    </p>
  );
}
