// Streaming a page with <Suspense> (schemas/stream.md, dx/ssr/stream_render.h): boundaries held back show
// their fallbacks between markers, each release yields the boundary's content as TEMPLATE + ACTIVATE chunks,
// and the document the browser ends with once every chunk is applied is exactly a plain render's.
#include <catch2/catch.hpp>

#include "dx/ssr/stream_render.h"
#include "project_fixture.h"

namespace fs = std::filesystem;

namespace {

const char* kPage = R"(import { createSignal, For, Suspense } from "dx";

export default function Item(props: { params: { id: string } }) {
  const [n, setN] = createSignal(1);
  const [rows, setRows] = createSignal(["a", "b"]);
  return (
    <div>
      text before
      <Suspense fallback={<span>wait {props.params.id}</span>}>
        text inside {n()}
        <b onClick={() => setN(n() * 2)}>x{props.params.id}</b>
        <Suspense fallback={<i>inner wait</i>}><em>inner {n()}</em></Suspense>
      </Suspense>
      <ul>
        <For each={rows()}>{(r) => <li><Suspense>row {r}</Suspense></li>}</For>
      </ul>
      <Suspense fallback={<p>no children yet</p>}>{""}</Suspense>
    </div>
  );
}
)";

// What dx.js does with the chunks: each boundary's markers and what lies between them are replaced by the
// content of its <template>, in the order the chunks come.
std::string apply_chunks(std::string doc, const std::string& chunks) {
  size_t at = 0;
  while ((at = chunks.find("<template data-dx-s=\"", at)) != std::string::npos) {
    size_t q = chunks.find('"', at + 21);
    std::string id = chunks.substr(at + 21, q - at - 21);
    size_t body = chunks.find('>', q) + 1, end = chunks.find("</template>", body);
    std::string content = chunks.substr(body, end - body);
    std::string open = "<!--dx-s:" + id + "-->", close = "<!--/dx-s:" + id + "-->";
    size_t a = doc.find(open), b = doc.find(close);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    doc.replace(a, b + close.size() - a, content);
    CHECK(chunks.find("<script type=\"application/dx-activate\" data-dx-s=\"" + id + "\"></script>", end) == end + 11);
    at = end;
  }
  return doc;
}

}  // namespace

TEST_CASE("a page with held <Suspense> boundaries streams to the document a plain render gives", "[ssr][stream]") {
  dxt::TempProject p(std::map<std::string, std::string>{
      {"pages/index.tsx", "export default function Home() { return <p>home</p>; }\n"}, {"pages/[id].tsx", kPage}});
  dxc::Diagnostics d;
  REQUIRE(dxt::build_project(p.dir, d));
  std::string err;
  auto lib = dx::ssr::AppLibrary::open((p.dir / "dist" / "_server" / "app.so").string(), &err);
  REQUIRE(lib);
  dx::ssr::Params params{{"id", "<7>"}};

  dx::ssr::StreamRender plain(lib);
  REQUIRE(plain.start(0, &params, false, &err));
  CHECK_FALSE(plain.pending());
  dx::ssr::Resumable whole;
  REQUIRE(plain.finish(&whole, &err));
  CHECK(whole.html.find("x&lt;7&gt;") != std::string::npos);
  CHECK(whole.html.find("wait") == std::string::npos);

  dx::ssr::StreamRender s(lib);
  REQUIRE(s.start(0, &params, true, &err));
  REQUIRE(s.pending());
  std::string shell;
  REQUIRE(s.append_shell(shell, &err));
  INFO(shell);
  // Fallbacks between markers (ids in creation order); the held content is not there yet.
  CHECK(shell.find("<!--dx-s:1--><span>wait &lt;7&gt;</span><!--/dx-s:1-->") != std::string::npos);
  CHECK(shell.find("<li><!--dx-s:2--><!--/dx-s:2--><!----></li>") != std::string::npos);  // no fallback: nothing
  CHECK(shell.find("<!--dx-s:4--><p>no children yet</p><!--/dx-s:4-->") != std::string::npos);
  CHECK(shell.find("inner") == std::string::npos);
  CHECK(shell.find("text inside") == std::string::npos);

  std::string chunks;
  int released = 0;
  while (s.pending()) {
    REQUIRE(s.release_next(chunks, &err));
    REQUIRE(++released < 10);
  }
  INFO(chunks);
  CHECK(released == 5);  // four in the shell, then the one inside the first
  // The first boundary's content holds the inner one, marked in its template; its text follows "text
  // before" with a separator, as in the whole document.
  CHECK(chunks.find("<template data-dx-s=\"1\"><!---->text inside 1<b>x&lt;7&gt;</b><!--dx-s:5--><i>inner wait</i>"
                    "<!--/dx-s:5-->") != std::string::npos);
  CHECK(chunks.find("<template data-dx-s=\"5\"><em>inner 1</em></template>") != std::string::npos);

  dx::ssr::Resumable streamed;
  REQUIRE(s.finish(&streamed, &err));
  CHECK(streamed.html == whole.html);
  CHECK(apply_chunks(shell, chunks) == whole.html);
  CHECK_FALSE(streamed.snapshot.empty());
}
