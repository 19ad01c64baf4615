// Build output details owned by emit (the optimizer settings for large apps) and package (the .gz/.br copies,
// computed on several threads with two brotli qualities, the smaller kept).
#include <brotli/decode.h>
#include <catch2/catch.hpp>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dx/schema/dxb.h"
#include "dx/ssr/snapshot.h"
#include "project_fixture.h"

namespace {

std::vector<uint8_t> read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<uint8_t> gunzip(const std::vector<uint8_t>& in) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::vector<uint8_t> out;
  uint8_t buf[65536];
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = uInt(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = buf;
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.insert(out.end(), buf, buf + (sizeof buf - z.avail_out));
  }
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

std::vector<uint8_t> unbrotli(const std::vector<uint8_t>& in, size_t expected) {
  std::vector<uint8_t> out(expected + 1);  // one spare byte: a longer output shows as a size mismatch
  size_t size = out.size();
  CHECK(BrotliDecoderDecompress(in.size(), in.data(), &size, out.data()) == BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

bool build(const std::filesystem::path& project, const std::filesystem::path& out, int optimize, std::string& why) {
  dxc::BuildOptions o;
  o.project = project.string();
  o.out = out.string();
  o.runtime_dir = dxc::find_runtime_dir(nullptr);
  o.optimize = optimize;
  o.ssr = false;
  dxc::SourceManager sm;
  dxc::Diagnostics d;
  std::ostringstream dump;
  bool ok = dxc::build(o, sm, d, dump).ok;
  if (!d.all().empty()) why = dxc::render_diagnostic(sm, d.all()[0], false);
  return ok;
}

}  // namespace

TEST_CASE("every .gz and .br copy decompresses to its file, and the manifest has their sizes", "[package]") {
  const char* src = std::getenv("DX_SOURCE_DIR");
  std::string root = src ? src : ".";
  dxt::TempProject out(std::map<std::string, std::string>{});
  std::string why;
  bool ok = build(root + "/samples/todo", out.dir / "dist", 2, why);
  INFO(why);
  REQUIRE(ok);
  std::filesystem::path dist = out.dir / "dist";
  nlohmann::json manifest = nlohmann::json::parse(read_bytes(dist / "manifest.json"));
  size_t compressed = 0;
  for (auto& [name, f] : manifest["files"].items()) {
    INFO(name);
    std::vector<uint8_t> bytes = read_bytes(dist / name);
    CHECK(f["bytes"].get<size_t>() == bytes.size());
    if (!f.contains("br")) continue;
    ++compressed;
    std::vector<uint8_t> gz = read_bytes(dist / (name + ".gz")), br = read_bytes(dist / (name + ".br"));
    CHECK(f["gzip"].get<size_t>() == gz.size());
    CHECK(f["br"].get<size_t>() == br.size());
    CHECK(gunzip(gz) == bytes);
    CHECK(unbrotli(br, bytes.size()) == bytes);
  }
  CHECK(compressed >= 4);  // app.wasm, app.dxb, dx.js, index.html, style.css
}

TEST_CASE("an app with more blocks and handlers than the dispatch limit builds at -O2", "[package][emit]") {
  // 70 components, each a block with a click handler: over emit's kManyCases (64), so single-caller inlining
  // is capped. The build re-reads its app.wasm in verify; the handler count shows every one made it.
  std::string page = "import { createSignal } from \"dx\";\n";
  std::string uses;
  for (int i = 0; i < 70; ++i) {
    std::string n = std::to_string(i);
    page += "function C" + n + "() {\n  const [n, setN] = createSignal(" + n + ");\n  return <button onClick={() => setN(n() + " + n +
            ")}>{n()}</button>;\n}\n";
    uses += "<C" + n + " />";
  }
  page += "export default function App() {\n  return <main>" + uses + "</main>;\n}\n";
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", page}});
  std::string why;
  bool ok = build(p.dir, p.dir / "dist", 2, why);
  INFO(why);
  REQUIRE(ok);
  std::vector<uint8_t> dxb = read_bytes(p.dir / "dist" / "app.dxb");
  dx::schema::DxbView v;
  dx::schema::DxbError e;
  REQUIRE(v.open(dxb.data(), uint32_t(dxb.size()), &e));
  CHECK(v.handler_count() == 70);
  std::vector<uint8_t> wasm = read_bytes(p.dir / "dist" / "app.wasm");
  CHECK(wasm.size() > 8);
}

TEST_CASE("an app with one page and no params ships dx.js without client navigation", "[package]") {
  const std::string page = "export default function Page() {\n  return <a href=\"other/\">other</a>;\n}\n";
  std::filesystem::path rt = dxc::find_runtime_dir(nullptr);
  std::vector<uint8_t> full = read_bytes(rt / "dx.js"), spa = read_bytes(rt / "dx-spa.js");
  REQUIRE(!full.empty());
  REQUIRE(!spa.empty());
  std::string why;
  dxt::TempProject one(std::map<std::string, std::string>{{"pages/index.tsx", page}});
  bool ok = build(one.dir, one.dir / "dist", 0, why);
  INFO(why);
  REQUIRE(ok);
  CHECK(read_bytes(one.dir / "dist" / "dx.js") == spa);
  // Two pages (a page with params needs pages/index.tsx beside it): the full dx.js, which turns links between
  // them into client navigations.
  dxt::TempProject two(std::map<std::string, std::string>{{"pages/index.tsx", page}, {"pages/[id].tsx", page}});
  ok = build(two.dir, two.dir / "dist", 0, why);
  INFO(why);
  REQUIRE(ok);
  CHECK(read_bytes(two.dir / "dist" / "dx.js") == full);
  // esbuild minified them: the single-page file has no navigation code left, and neither has the HBTP client.
  std::string f(full.begin(), full.end()), s(spa.begin(), spa.end());
  CHECK(f.find("popstate") != std::string::npos);
  CHECK(s.find("popstate") == std::string::npos);
  CHECK(s.size() < f.size());
  for (const std::string* js : {&f, &s}) CHECK(js->find("/_dx/hbtp") == std::string::npos);
}

TEST_CASE("\"hbtp\": true in dx.config.json ships the dx.js variant with the HBTP client", "[package][hbtp]") {
  const std::string page = "export default function Page() {\n  return <p>hi</p>;\n}\n";
  std::filesystem::path rt = dxc::find_runtime_dir(nullptr);
  for (bool two_pages : {false, true}) {
    INFO("two pages: " << two_pages);
    std::map<std::string, std::string> files = {{"pages/index.tsx", page}, {"dx.config.json", "{ \"hbtp\": true }"}};
    if (two_pages) files["pages/about.tsx"] = page;
    dxt::TempProject p(files);
    std::string why;
    bool ok = build(p.dir, p.dir / "dist", 0, why);
    INFO(why);
    REQUIRE(ok);
    std::vector<uint8_t> variant = read_bytes(rt / (two_pages ? "dx-hbtp.js" : "dx-spa-hbtp.js"));
    REQUIRE(!variant.empty());
    CHECK(read_bytes(p.dir / "dist" / "dx.js") == variant);
    std::string js(variant.begin(), variant.end());
    CHECK(js.find("/_dx/hbtp") != std::string::npos);  // hbtp.js's default URL
    CHECK(js.find(".hbtp=") != std::string::npos);     // window.__dx.hbtp = { connect, … }
    CHECK((js.find("popstate") != std::string::npos) == two_pages);
  }
}

TEST_CASE("a resumed page's snapshot leaves out what instantiation sets up (the one-character strings)", "[package][ssr]") {
  // The page shows "x" from str_single's table; the runtime's constructor builds that table on the server's
  // fresh instance and on the client's alike, so no snapshot range holds a record of it.
  dxt::TempProject p(std::map<std::string, std::string>{
      {"pages/index.tsx", "export default function Page() {\n  const s = \"xyz\";\n  return <p>{s.charAt(0)}</p>;\n}\n"}});
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  std::vector<uint8_t> html = read_bytes(p.dir / "dist" / "index.html"), bytes;
  std::string text(html.begin(), html.end());
  CHECK(text.find("<p>x</p>") != std::string::npos);
  REQUIRE(dx::ssr::snapshot_in_html(text, &bytes));
  dx::ssr::Snapshot snap;
  std::string err;
  REQUIRE(dx::ssr::decode_snapshot(bytes, &snap, &err));
  // A one-character string record: static (refcount all ones), a Latin-1 string, length 1, the character.
  const uint8_t record[] = {0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 'x', 0, 0, 0};
  for (const dx::ssr::Snapshot::Range& r : snap.ranges)
    CHECK(std::search(r.bytes.begin(), r.bytes.end(), std::begin(record), std::end(record)) == r.bytes.end());
}
