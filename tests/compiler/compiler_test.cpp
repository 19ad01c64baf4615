// Whole-pipeline tests: dxc::build on small projects, through Binaryen and the real runtime.wasm.
#include <catch2/catch.hpp>

#include <sstream>

#include "dx/schema/dxb.h"
#include "project_fixture.h"

namespace {
std::string runtime_dir() { return dxc::find_runtime_dir(nullptr); }
}  // namespace

TEST_CASE("build writes a complete dist/ for the counter sample", "[build]") {
  const char* src = std::getenv("DX_SOURCE_DIR");
  std::string root = src ? src : ".";
  dxt::TempProject out(std::map<std::string, std::string>{});
  dxc::BuildOptions o;
  o.project = root + "/samples/counter";
  o.out = (out.dir / "dist").string();
  o.runtime_dir = runtime_dir();
  dxc::SourceManager sm;
  dxc::Diagnostics d;
  std::ostringstream dump;
  dxc::BuildResult r = dxc::build(o, sm, d, dump);
  INFO((d.all().empty() ? std::string() : dxc::render_diagnostic(sm, d.all()[0], false)));
  REQUIRE(r.ok);
  for (const char* f : {"index.html", "dx.js", "app.wasm", "app.dxb", "manifest.json", "app.wasm.br", "app.wasm.gz", "dx.js.br"})
    CHECK(std::filesystem::exists(out.dir / "dist" / f));
  std::ifstream in(out.dir / "dist" / "index.html");
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Relative: works from any sub-path. data-build: 16 hex digits of the module's and templates' SHA-256.
  size_t script = html.find("<script src=\"dx.js\" data-build=\"");
  REQUIRE(script != std::string::npos);
  std::string build = html.substr(script + 32, 16);
  CHECK(build.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(html.substr(script + 48, 18) == "\" defer></script>\n");
  CHECK(html.find("<title>dx counter</title>") != std::string::npos);
  CHECK(html.find("id=\"dx-root\"") != std::string::npos);
  std::ifstream db(out.dir / "dist" / "app.dxb", std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(db)), std::istreambuf_iterator<char>());
  dx::schema::DxbView v;
  dx::schema::DxbError e;
  REQUIRE(v.open(bytes.data(), uint32_t(bytes.size()), &e));
  CHECK(v.page_count() == 1);
  CHECK(v.handler_count() == 4);
}

TEST_CASE("a failed build leaves the previous dist/ untouched", "[build]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>ok</p>; }"}});
  dxc::BuildOptions o;
  o.project = p.dir.string();
  o.runtime_dir = runtime_dir();
  {
    dxc::SourceManager sm;
    dxc::Diagnostics d;
    std::ostringstream dump;
    REQUIRE(dxc::build(o, sm, d, dump).ok);
  }
  auto before = std::filesystem::last_write_time(p.dir / "dist" / "app.wasm");
  std::ofstream(p.dir / "pages" / "index.tsx") << "export default function A() { return <p>{nope}</p>; }";
  dxc::SourceManager sm;
  dxc::Diagnostics d;
  std::ostringstream dump;
  CHECK_FALSE(dxc::build(o, sm, d, dump).ok);
  CHECK(d.has_errors());
  CHECK(std::filesystem::last_write_time(p.dir / "dist" / "app.wasm") == before);
  for (auto& entry : std::filesystem::directory_iterator(p.dir))  // no temporary directories left behind
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("stop-after and dump print each phase", "[build]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { const [n, setN] = createSignal(1); return <p>{n()}</p>; }\nimport { createSignal } from \"dx\";"}});
  for (const char* phase : {"discover", "parse", "analyze", "lower", "emit"}) {
    dxc::BuildOptions o;
    o.project = p.dir.string();
    o.runtime_dir = runtime_dir();
    o.stop_after = phase;
    o.dump = phase;
    dxc::SourceManager sm;
    dxc::Diagnostics d;
    std::ostringstream dump;
    dxc::build(o, sm, d, dump);
    INFO(phase);
    CHECK_FALSE(d.has_errors());
    CHECK_FALSE(dump.str().empty());
    CHECK_FALSE(std::filesystem::exists(p.dir / "dist"));
  }
}
