// dxc build's native phase: app.wasm → dist/_server/app.so (wasm2c + cc), the entry page prerendered with
// it into index.html, errors while prerendering reported with the app's source location, and the module
// usable on several threads at once (runtime-wasm/native/, runtime-server/ssr/).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "dx/ssr/app_module.h"
#include "dx/ssr/snapshot.h"
#include "inspect/inspect.h"
#include "project_fixture.h"

namespace fs = std::filesystem;

namespace {

const char* kListPage = R"(import { createSignal, For, Show } from "dx";

interface Item { id: number; label: string; done: boolean }

export default function Page() {
  const [items, setItems] = createSignal<Item[]>([
    { id: 1, label: "milk & <eggs>", done: false },
    { id: 2, label: "say \"hi\"", done: true },
  ]);
  const [title, setTitle] = createSignal("Shopping");
  return (
    <main class="page" data-title={title()}>
      <h1>{title()} ({items().length})</h1>
      <ul>
        <For each={items()}>{(it) => <li class={it.done ? "done" : ""}>{it.label}</li>}</For>
      </ul>
      <Show when={items().length > 5} fallback={<p>short list</p>}><p>long list</p></Show>
      <input value={title()} />
    </main>
  );
}
)";

}  // namespace

TEST_CASE("dxc build writes dist/_server/app.so and prerenders the entry page into index.html", "[ssr][native]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", kListPage}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  fs::path so = b.dist() / "_server" / "app.so";
  REQUIRE(fs::is_regular_file(so));
  const std::string expected =
      "<main class=\"page\" data-title=\"Shopping\"><h1>Shopping (2)</h1><ul><li class=\"\">milk &amp; &lt;eggs&gt;</li>"
      "<li class=\"done\">say \"hi\"</li></ul><p>short list</p><!----><input value=\"Shopping\"></main>";
  std::string html = dxt::read_text(b.dist() / "index.html");
  CHECK(html.find("<div id=\"dx-root\">" + expected + "</div>") != std::string::npos);

  // The page carries its resumption snapshot; dxc inspect reads it back from index.html.
  std::string dump, derr;
  REQUIRE(dxc::inspect::dump_artifact(std::vector<uint8_t>(html.begin(), html.end()), dump, derr));
  CHECK(dump.find("snapshot version 2") != std::string::npos);
  CHECK(dump.find("nodes ") != std::string::npos);

  // The same module, loaded again: several instances on several threads render the same page at once.
  std::string err;
  std::shared_ptr<dx::ssr::AppLibrary> lib = dx::ssr::AppLibrary::open(so.string(), &err);
  REQUIRE(lib);
  std::vector<std::string> out(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < out.size(); t++)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; i++) {
        std::string e;
        if (!dx::ssr::render_entry(lib, &out[t], &e)) out[t] = "error: " + e;
      }
    });
  for (auto& th : threads) th.join();
  for (const std::string& o : out) CHECK(o == expected);
}

TEST_CASE("without the server module (--no-ssr): no app.so, an empty mount element", "[ssr][native]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", "export default function A() { return <p>hi</p>; }\n"}});
  dxc::Diagnostics d;
  REQUIRE(dxt::build_project(p.dir, d, false, false));
  CHECK_FALSE(fs::exists(p.dir / "dist" / "_server"));
  CHECK(dxt::read_text(p.dir / "dist" / "index.html").find("<div id=\"dx-root\"></div>") != std::string::npos);
}

TEST_CASE("a throw while the entry page renders fails the build with the app's report (DX0411), nothing written",
          "[ssr][native]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
function check(n: number): number {
  if (n > 2) throw new Error("too many: " + n);
  return n;
}
export default function A() {
  const [n, setN] = createSignal(3);
  return <p>{check(n())}</p>;
}
)"}});
  INFO(b.rendered);
  CHECK_FALSE(b.ok);
  CHECK(b.rendered.find("DX0411") != std::string::npos);
  CHECK(b.rendered.find("too many: 3") != std::string::npos);
  CHECK(b.rendered.find("pages/index.tsx:3:") != std::string::npos);
  CHECK_FALSE(fs::exists(b.dist()));
}

TEST_CASE("an entry page that never finishes rendering fails the build at the time limit (DX0411)", "[ssr][native]") {
  const char* old = std::getenv("DXC_PRERENDER_TIMEOUT_MS");
  std::string saved = old ? old : "";
  setenv("DXC_PRERENDER_TIMEOUT_MS", "300", 1);
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
export default function A() {
  const [start, setStart] = createSignal(1);
  let n = start();
  while (n > 0) n = n + 1;
  return <p>{n}</p>;
}
)"}});
  if (old) setenv("DXC_PRERENDER_TIMEOUT_MS", saved.c_str(), 1);
  else unsetenv("DXC_PRERENDER_TIMEOUT_MS");
  INFO(b.rendered);
  CHECK_FALSE(b.ok);
  CHECK(b.rendered.find("DX0411") != std::string::npos);
  CHECK(b.rendered.find("ran past its time limit") != std::string::npos);
  CHECK(b.rendered.find("300 ms") != std::string::npos);
  CHECK_FALSE(fs::exists(b.dist()));
}

TEST_CASE("an app that imports the host's clocks and random numbers prerenders with the server's", "[ssr][native]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
export default function A() {
  const [r, setR] = createSignal(Math.random());
  const [t, setT] = createSignal(Date.now());
  const [stored, setStored] = createSignal(localStorage.getItem("k") ?? "none");
  return <p>{r() >= 0 && r() < 1 ? "ok" : "bad"} {t() > 1.7e12 ? "now" : "then"} {stored()} {performance.now() >= 0 ? "mono" : "?"}</p>;
}
)"}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  CHECK(dxt::read_text(b.dist() / "index.html").find("<p>ok now none mono</p>") != std::string::npos);
}

TEST_CASE("Math functions and ** prerender with the server's libm, JS's special cases kept", "[ssr][native]") {
  // The values V8 gives (node -p): where both round correctly they agree; C's pow(1, NaN) and pow(-1, ±∞)
  // are 1 where JS says NaN, and glibc's double cbrt(27) is 3.0000000000000004.
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(const xs = [27, 1000, 0.5];
export default function A() {
  const parts: string[] = [];
  for (const x of xs) parts.push(`${Math.cbrt(x)} ${x ** 0.5} ${Math.pow(x, 2)} ${Math.hypot(x, 0)} ${x >>> 1} ${Math.imul(x, 3)}`);
  return <p>{parts.join("|")} {Math.pow(1, NaN)} {(-1) ** Infinity} {2 ** -1074} {Math.sin(0)} {Math.atan2(1, 1)} {Math.exp(0)} {Math.log10(1e-7)}</p>;
}
)"}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  std::string html = dxt::read_text(b.dist() / "index.html");
  INFO(html);
  CHECK(html.find("<p>3 5.196152422706632 729 27 13 81|10 31.622776601683793 1000000 1000 500 3000|"
                  "0.7937005259840998 0.7071067811865476 0.25 0.5 0 0 NaN NaN 5e-324 0 0.7853981633974483 1 -7</p>") !=
        std::string::npos);
}

TEST_CASE("destructuring in component bodies binds instance fields, set once at creation", "[ssr][native]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
interface Cfg { title: string; size: number; tags: string[]; note?: string }
const cfg: Cfg = { title: "T", size: 3, tags: ["a", "b", "c"] };
function Card(props: { c: Cfg }) {
  const { title, note = "-", tags: [t0, ...others] } = props.c;
  const [n, setN] = createSignal(props.c.size);
  const show = () => `${title}${note}${t0}${others.length}`;
  return <div onClick={() => setN(n() + 1)}>{show()}:{n()}</div>;
}
export default function Page() {
  const { title } = cfg;
  const [first, second] = cfg.tags;
  return <main>{title}{second}{first}<Card c={cfg} /></main>;
}
)"}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  std::string html = dxt::read_text(b.dist() / "index.html");
  INFO(html);
  CHECK(html.find("<main>Tba<div>T-a2:3</div><!----></main>") != std::string::npos);
}

TEST_CASE("deep recursion traps in the server module instead of crashing it", "[ssr][native]") {
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
function depth(n: number): number { return n <= 0 ? 0 : 1 + depth(n - 1); }
export default function A() {
  const [n, setN] = createSignal(1000000);
  return <p>{depth(n())}</p>;
}
)"}});
  INFO(b.rendered);
  CHECK_FALSE(b.ok);
  CHECK(b.rendered.find("DX0411") != std::string::npos);
}

TEST_CASE("every static page is its own prerendered HTML file; pages with params have none", "[ssr][native][pages]") {
  dxt::BuiltProject b(dxt::Files{
      {"pages/index.tsx", "export default function Home() { return <h1>home</h1>; }\n"},
      {"pages/about.tsx", "export default function About() { return <h1>about</h1>; }\n"},
      {"pages/docs/index.tsx", "export default function Docs() { return <h1>docs</h1>; }\n"},
      {"pages/docs/deep/page-two.tsx", "export default function Two() { return <h1>two</h1>; }\n"},
      {"pages/users/[id].tsx", "export default function User() { return <h1>user</h1>; }\n"}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  CHECK(b.rendered.find("warning") == std::string::npos);
  fs::path dist = b.dist();
  struct Want { std::string file, h1, up, page; };
  // Pages in routes.dxr's order (page files sorted): about, docs/deep/page-two, docs, index, users/[id].
  for (const Want& w : {Want{"index.html", "home", "", " data-page=\"3\""}, Want{"about/index.html", "about", "../", ""},
                        Want{"docs/index.html", "docs", "../", " data-page=\"2\""},
                        Want{"docs/deep/page-two/index.html", "two", "../../../", " data-page=\"1\""}}) {
    INFO(w.file);
    std::string html = dxt::read_text(dist / w.file);
    CHECK(html.find("<div id=\"dx-root\"><h1>" + w.h1 + "</h1></div>") != std::string::npos);
    CHECK(html.find("<script src=\"" + w.up + "dx.js\"" + w.page + " data-build=\"") != std::string::npos);
    CHECK(html.find("href=\"" + w.up + "app.wasm\"") != std::string::npos);
    CHECK(html.find("id=\"dx-state\"") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dist / "users"));
  CHECK(dxt::read_text(dist / "manifest.json").find("\"route\": \"/docs/deep/page-two\"") != std::string::npos);
}

TEST_CASE("two page files for one URL are refused, naming both (DX0005)", "[ssr][pages]") {
  dxt::TempProject p(std::map<std::string, std::string>{
      {"pages/index.tsx", "export default function Home() { return <h1>home</h1>; }\n"},
      {"pages/a.tsx", "export default function A() { return <h1>a</h1>; }\n"},
      {"pages/a/index.tsx", "export default function B() { return <h1>b</h1>; }\n"}});
  dxc::Diagnostics d;
  std::string rendered;
  CHECK_FALSE(dxt::build_project(p.dir, d, false, false, &rendered));
  CHECK(rendered.find("pages/a/index.tsx: error[DX0005]: this page has the URL /a of pages/a.tsx too") != std::string::npos);
}

TEST_CASE("an app with more blocks and handlers than a br_table dispatch serves renders and handles through the table", "[ssr][native]") {
  // Over 64 blocks or handlers, create/update/handler dispatch is a call_indirect (codegen_blocks.cpp): every
  // component renders, and the server module runs the same dispatch.
  std::map<std::string, std::string> files;
  std::string page = "import { createSignal } from \"dx\";\n";
  std::string body;
  for (int i = 0; i < 70; ++i) {
    std::string n = std::to_string(i);
    files["components/C" + n + ".tsx"] = "import { createSignal } from \"dx\";\nexport default function C" + n +
                                         "() {\n  const [v, setV] = createSignal(" + n + ");\n  return <button onClick={() => setV(v() + 1)}>c" +
                                         n + ":{v()}</button>;\n}\n";
    page += "import C" + n + " from \"../components/C" + n + "\";\n";
    body += "<C" + n + " />";
  }
  files["pages/index.tsx"] = page + "export default function Page() {\n  return <main>" + body + "</main>;\n}\n";
  dxt::TempProject p(files);
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  std::string html = dxt::read_text(p.dir / "dist" / "index.html");
  for (int i : {0, 1, 33, 64, 69}) CHECK(html.find("<button>c" + std::to_string(i) + ":" + std::to_string(i) + "</button>") != std::string::npos);

  // A click on the 70th component runs its handler and updates its block through the table dispatch.
  std::string err;
  auto lib = dx::ssr::AppLibrary::open((p.dir / "dist" / "_server" / "app.so").string(), &err);
  REQUIRE(lib);
  dx::ssr::AppInstance inst(lib);
  dx::ssr::HtmlDoc doc;
  REQUIRE(inst.start(doc, &err));
  std::vector<dx::ssr::Listener> ls = doc.listeners();
  REQUIRE(ls.size() == 70);
  CHECK(inst.dispatch(doc, &err, ls[69].handler, ls[69].node));
  CHECK(doc.inner_html().find("<button>c69:70</button>") != std::string::npos);
}

TEST_CASE("the snapshot leaves out the arena's scratch and free pages (runtime-wasm/src/scratch.cpp)", "[ssr][native][snapshot]") {
  // Building a 3,000-character string one character at a time leaves megabytes of dead arena data behind;
  // the client never reads it (arena allocations are zeroed), so the snapshot carries only live state.
  dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", R"(import { createSignal } from "dx";
export default function Page() {
  let s = "";
  for (let i = 0; i < 3000; i++) s = s + "abcdefghijklmnopqrstuvwxyz".charAt(i % 26);
  const [text, setText] = createSignal(s);
  return <p onClick={() => setText(text() + "!")}>{text().length}:{text().slice(0, 5)}</p>;
}
)"}});
  INFO(b.rendered);
  REQUIRE(b.ok);
  std::string html = dxt::read_text(b.dist() / "index.html");
  CHECK(html.find("<p>3000:abcde</p>") != std::string::npos);
  std::vector<uint8_t> bytes;
  REQUIRE(dx::ssr::snapshot_in_html(html, &bytes));
  dx::ssr::Snapshot snap;
  std::string err;
  REQUIRE(dx::ssr::decode_snapshot(bytes, &snap, &err));
  size_t changed = 0;
  for (const auto& r : snap.ranges) changed += r.bytes.size();
  CHECK(changed < 128 * 1024);  // live state and some heap blocks freed on the way; without the exclusion, megabytes
}

TEST_CASE("the server module converts numbers as wasm does, compiled by tcc and by clang", "[ssr][native][tcc]") {
  // -O0 (these builds) compiles the module's C with tcc when it is installed (native.cpp, fast_c_compiler):
  // clz32, the u64 ↔ f64 conversions tcc calls libtcc1 for, and ToInt32 of huge doubles, against node's values.
  const char* page = R"(const xs = [0, 1, 2147483648, 12345, -1, 4294967301, 1e20, -2.5, 18446744073709552000];
const ss = ["18446744073709551615", "9007199254740993", "0x7fffffffffffffff", "1e-320", "-0", "123456789012345678901234567890"];
export default function A() {
  const parts: string[] = [];
  for (const x of xs) parts.push(`${Math.clz32(x)} ${x >>> 0} ${x | 0} ${Math.round(x / 3)} ${Math.trunc(-x / 7)} ${x * 1e-310}`);
  for (const s of ss) parts.push(`${parseFloat(s)} ${Number(s)} ${parseInt(s)} ${parseInt(s, 16)}`);
  return <p>{parts.join("|")}</p>;
}
)";
  const std::string expected =
      "<p>32 0 0 0 0 0|31 1 1 0 0 1e-310|0 2147483648 -2147483648 715827883 -306783378 2.1474836479999934e-301|"
      "18 12345 12345 4115 -1763 1.2344999999999963e-306|0 4294967295 -1 0 0 -1e-310|"
      "29 5 5 1431655767 -613566757 4.294967300999987e-301|"
      "1 1661992960 1661992960 33333333333333330000 -14285714285714287000 9.99999999999997e-291|"
      "0 4294967294 -2 -1 0 -2.5e-310|32 0 0 6148914691236517000 -2635249153387078700 1.8446744073709495e-291|"
      "18446744073709552000 18446744073709552000 18446744073709552000 1.1459861526630101e+23|"
      "9007199254740992 9007199254740992 9007199254740992 10378291982571407000|"
      "0 9223372036854776000 9223372036854776000 9223372036854776000|1e-320 1e-320 1 30|0 0 0 0|"
      "1.2345678901234568e+29 1.2345678901234568e+29 1.2345678901234568e+29 9.452287968736547e+34</p>";
  for (const char* fast_cc : {"", "none"}) {
    INFO("DXC_FAST_CC=" << fast_cc);
    if (*fast_cc) setenv("DXC_FAST_CC", fast_cc, 1);
    dxt::BuiltProject b(dxt::Files{{"pages/index.tsx", page}});
    unsetenv("DXC_FAST_CC");
    INFO(b.rendered);
    REQUIRE(b.ok);
    std::string html = dxt::read_text(b.dist() / "index.html");
    INFO(html);
    CHECK(html.find(expected) != std::string::npos);
  }
}
