// One test per diagnostic code of the later phases (DX0004, DX0217, DX0245, DX04xx, DX05xx). DX0401 and
// DX0405 are internal errors no input should reach; robustness_test asserts no input in its corpus does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "emit/emit.h"
#include "package/package.h"
#include "project_fixture.h"
#include "verify/verify.h"

namespace {
bool has(const dxc::Diagnostics& d, const std::string& code) {
  for (auto& x : d.all()) if (x.code == code) return true;
  return false;
}
const char* kPage = "export default function A() { return <p>hi</p>; }\n";

dxc::BuildResult build_dir(const std::filesystem::path& dir, dxc::Diagnostics& d, const std::string& out = "",
                           const std::string& runtime = "") {
  dxc::BuildOptions o;
  o.project = dir.string();
  o.out = out;
  o.runtime_dir = runtime.empty() ? dxc::find_runtime_dir(nullptr) : runtime;
  o.optimize = 0;
  static dxc::SourceManager sm;  // diagnostics point into it
  std::ostringstream dump;
  return dxc::build(o, sm, d, dump);
}
}  // namespace

TEST_CASE("DX0004: a .ts file under pages/ is not a page; reported, and the build still succeeds", "[diagnostics]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}, {"pages/users/helpers.ts", "export const x = 1;\n"}});
  dxc::Diagnostics d;
  CHECK(build_dir(p.dir, d).ok);
  CHECK(has(d, "DX0004"));
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("DX0217: createSignal inside a list row", "[diagnostics]") {
  auto c = dxt::compile_page(
      "import { createSignal, For } from \"dx\";\nexport default function A() {\n"
      "  const [xs, setXs] = createSignal<number[]>([]);\n"
      "  return <ul><For each={xs()}>{(x) => { const [a, setA] = createSignal(0); return <li>{a()}</li>; }}</For></ul>;\n}\n",
      false);
  INFO(c->rendered);
  CHECK(c->has("DX0217"));
}

TEST_CASE("DX0245: a recursive function needs a return type", "[diagnostics]") {
  auto c = dxt::compile_page(
      "export default function A() {\n  const f = (n: number) => (n > 0 ? f(n - 1) : 0);\n  return <p>{f(3)}</p>;\n}\n", false);
  INFO(c->rendered);
  CHECK(c->has("DX0245"));
  auto ok = dxt::compile_page(
      "export default function A() {\n  const f = (n: number): number => (n > 0 ? f(n - 1) : 0);\n  return <p>{f(3)}</p>;\n}\n", false);
  INFO(ok->rendered);
  CHECK_FALSE(ok->diags.has_errors());
}

TEST_CASE("DX0402/DX0403: a missing or foreign runtime.wasm", "[diagnostics]") {
  auto c = dxt::compile_page(kPage);
  REQUIRE_FALSE(c->diags.has_errors());
  dxt::TempProject tmp(std::map<std::string, std::string>{});
  std::filesystem::create_directories(tmp.dir);
  dxc::EmitOptions o;
  o.runtime_wasm = (tmp.dir / "missing.wasm").string();
  dxc::EmitResult r;
  dxc::Diagnostics d1;
  CHECK_FALSE(dxc::emit::emit(c->prog, c->lp, o, r, d1, false));
  CHECK(has(d1, "DX0402"));
  const unsigned char empty_module[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};  // valid wasm, but not the dx runtime
  std::ofstream(tmp.dir / "empty.wasm", std::ios::binary).write(reinterpret_cast<const char*>(empty_module), 8);
  o.runtime_wasm = (tmp.dir / "empty.wasm").string();
  dxc::Diagnostics d2;
  CHECK_FALSE(dxc::emit::emit(c->prog, c->lp, o, r, d2, false));
  CHECK(has(d2, "DX0403"));
}

TEST_CASE("DX0404: static data larger than the initial memory", "[diagnostics]") {
  std::string big(5 * 1024 * 1024, 'x');
  auto c = dxt::compile_page("export default function A() { return <p>{\"" + big + "\"}</p>; }\n");
  REQUIRE_FALSE(c->diags.has_errors());
  dxc::EmitOptions o;
  o.runtime_wasm = dxc::find_runtime_dir(nullptr) + "/runtime.wasm";
  o.optimize = 0;
  dxc::EmitResult r;
  dxc::Diagnostics d;
  CHECK_FALSE(dxc::emit::emit(c->prog, c->lp, o, r, d, false));
  CHECK(has(d, "DX0404"));
}

TEST_CASE("DX0406: verify rejects artifacts that do not read back", "[diagnostics]") {
  dxc::EmitResult r;
  r.dxb = {0, 'D', 'X', 'B'};
  dxc::Diagnostics d;
  CHECK_FALSE(dxc::verify::verify(r, d));
  CHECK(has(d, "DX0406"));
}

TEST_CASE("DX0504/DX0505: a project's index.html shell needs </head> and the mount element", "[diagnostics]") {
  {
    dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}, {"index.html", "<html><body><div id=\"dx-root\"></div>"}});
    dxc::Diagnostics d;
    CHECK_FALSE(build_dir(p.dir, d).ok);
    CHECK(has(d, "DX0504"));
  }
  {
    dxt::TempProject p(std::map<std::string, std::string>{
        {"pages/index.tsx", kPage}, {"dx.config.json", "{\"root\": \"main\"}"}, {"index.html", "<head></head><body><div id=\"app\"></div>"}});
    dxc::Diagnostics d;
    CHECK_FALSE(build_dir(p.dir, d).ok);
    CHECK(has(d, "DX0505"));
  }
  {  // a good shell: dxc's tags go before </head>, dx.js is told the mount id
    dxt::TempProject p(std::map<std::string, std::string>{
        {"pages/index.tsx", kPage}, {"dx.config.json", "{\"root\": \"main\"}"}, {"index.html", "<HEAD><title>t</title></HEAD><body><div id=\"main\"></div>"}});
    dxc::Diagnostics d;
    REQUIRE(build_dir(p.dir, d).ok);
    std::ifstream in(p.dir / "dist" / "index.html");
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(html.find("<title>t</title><link rel=\"preload\" href=\"app.wasm\"") != std::string::npos);
    CHECK(html.find("<script src=\"dx.js\" data-root=\"main\" data-build=\"") != std::string::npos);
    CHECK(html.find(" defer></script>\n</HEAD>") != std::string::npos);
  }
}

TEST_CASE("DX0501/DX0502/DX0503: package problems, DX0410: no server module", "[diagnostics]") {
  {
    dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}});
    dxc::Diagnostics d;
    CHECK_FALSE(build_dir(p.dir, d, "/proc/dx-cannot-write-here/dist").ok);
    CHECK(has(d, "DX0501"));
  }
  {
    dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}, {"public/index.html", "<p>mine</p>"}});
    dxc::Diagnostics d;
    CHECK_FALSE(build_dir(p.dir, d).ok);
    CHECK(has(d, "DX0503"));
    CHECK_FALSE(std::filesystem::exists(p.dir / "dist"));
  }
  {
    dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}});
    dxt::TempProject rt(std::map<std::string, std::string>{});  // a runtime dir with runtime.wasm but no dx.js
    std::filesystem::create_directories(rt.dir);
    std::filesystem::copy_file(dxc::find_runtime_dir(nullptr) + "/runtime.wasm", rt.dir / "runtime.wasm");
    {  // … nor the native sources the server module is compiled with: DX0410, before package
      dxc::Diagnostics d;
      CHECK_FALSE(build_dir(p.dir, d, "", rt.dir.string()).ok);
      CHECK(has(d, "DX0410"));
      CHECK_FALSE(std::filesystem::exists(p.dir / "dist"));
    }
    std::filesystem::copy(dxc::find_runtime_dir(nullptr) + "/native", rt.dir / "native", std::filesystem::copy_options::recursive);
    dxc::Diagnostics d;
    CHECK_FALSE(build_dir(p.dir, d, "", rt.dir.string()).ok);
    CHECK(has(d, "DX0502"));
  }
}

TEST_CASE("syntax errors in many imported files, parsed side by side, are reported in import order", "[diagnostics][parse]") {
  std::map<std::string, std::string> files;
  std::string page;
  for (int i = 0; i < 12; i++) {
    std::string name = "C" + std::to_string(i);
    page += "import " + name + " from \"../components/" + name + "\";\n";
    // Every other one has two syntax errors; the rest are fine.
    files["components/" + name + ".tsx"] = i % 2 ? "export default function " + name + "() { return <p>ok</p>; }\n"
                                                 : "export default function " + name + "() { let = ; return <p>{1 +}</p>; }\n";
  }
  files["pages/index.tsx"] = page + "export default function A() { return <main><C0 /><C1 /></main>; }\n";
  dxt::TempProject p(files);
  dxc::BuildOptions o;
  o.project = p.dir.string();
  o.runtime_dir = dxc::find_runtime_dir(nullptr);
  o.optimize = 0;
  for (int run = 0; run < 3; run++) {  // the same report each time, whichever thread parses which file
    dxc::SourceManager sm;
    dxc::Diagnostics d;
    std::ostringstream dump;
    CHECK_FALSE(dxc::build(o, sm, d, dump).ok);
    std::vector<std::string> where;
    for (const dxc::Diagnostic& x : d.all()) {
      CHECK(x.code == "DX0101");
      where.push_back(sm.path(x.span.file) + ":" + std::to_string(x.span.start));
    }
    REQUIRE(where.size() >= 6);
    std::vector<std::string> sorted = where;
    std::stable_sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
      auto num = [](const std::string& s) { return std::stoi(s.substr(s.find("/C") + 2)); };
      return num(a) < num(b);
    });
    CHECK(where == sorted);
    CHECK(where.front().rfind("components/C0.tsx:", 0) == 0);
    CHECK(where.back().rfind("components/C10.tsx:", 0) == 0);
  }
}
