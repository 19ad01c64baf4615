// File routing end to end: [param] and catch-all pages take their params (props.params, useParams), layouts
// nest pages, the 404 page, routes.dxr and the server's page shell in dist/, and the errors of each
// (compiler/src/discover, analyze/declare.cpp, runtime-wasm/src/params.cpp).
#include <catch2/catch.hpp>

#include "dx/schema/dxr.h"
#include "dx/ssr/app_module.h"
#include "project_fixture.h"

namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string> kSite = {
    {"pages/_layout.tsx",
     "export default function Site(props: { children?: JSX.Element }) {\n"
     "  return <div class=\"site\"><nav>site</nav>{props.children}</div>;\n}\n"},
    {"pages/index.tsx", "export default function Home() { return <h1>home</h1>; }\n"},
    {"pages/404.tsx", "export default function Missing() { return <h1>not here</h1>; }\n"},
    {"pages/users/_layout.tsx",
     "export default function Users(props: { children?: JSX.Element }) {\n"
     "  return <section class=\"users\">{props.children}</section>;\n}\n"},
    {"pages/users/[id].tsx",
     "export default function User(props: { params: { id: string } }) {\n"
     "  return <h1 title={props.params.id}>user {props.params.id} ({props.params.id.length})</h1>;\n}\n"},
    {"pages/docs/[...rest].tsx",
     "import { useParams } from \"dx\";\n"
     "export default function Doc() {\n"
     "  const p = useParams<{ rest: string; other: string }>();\n"
     "  return <p>{p.rest}|{p.other}|</p>;\n}\n"},
};

// The route of `path` ("/users/7") in dist's routes.dxr, found as the server finds it: its index (the page's
// ENTRY index) and its flags.
std::pair<uint32_t, uint16_t> route_of(const fs::path& dist, const std::string& path) {
  std::string bytes = dxt::read_text(dist / "routes.dxr");
  dx::schema::DxrView v;
  dx::schema::DxrError err;
  REQUIRE(v.open(reinterpret_cast<const uint8_t*>(bytes.data()), uint32_t(bytes.size()), &err));
  dx::schema::DxrMatch m;
  REQUIRE(v.lookup(path.data(), uint32_t(path.size()), &m));
  return {m.route, v.route(m.route).flags};
}
uint32_t page_of(const fs::path& dist, const std::string& path) { return route_of(dist, path).first; }

std::string render(const fs::path& dist, uint32_t page, const dx::ssr::Params& params) {
  std::string err;
  auto lib = dx::ssr::AppLibrary::open((dist / "_server" / "app.so").string(), &err);
  REQUIRE(lib);
  dx::ssr::Resumable r;
  INFO(err);
  REQUIRE(dx::ssr::render_entry_resumable(lib, &r, &err, page, &params));
  CHECK_FALSE(r.snapshot.empty());
  return r.html;
}

}  // namespace

TEST_CASE("param pages render with their params inside their layouts; static pages and 404 are prerendered", "[routes][native]") {
  dxt::TempProject p(kSite);
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  CHECK(rendered.find("warning") == std::string::npos);
  fs::path dist = p.dir / "dist";

  // Static pages: prerendered inside the site layout; the 404 page as 404.html.
  CHECK(dxt::read_text(dist / "index.html").find("<div class=\"site\"><nav>site</nav><h1>home</h1>") != std::string::npos);
  std::string missing = dxt::read_text(dist / "404.html");
  CHECK(missing.find("<div class=\"site\"><nav>site</nav><h1>not here</h1>") != std::string::npos);
  CHECK(missing.find("<script src=\"dx.js\" data-page=\"0\"") == std::string::npos);  // page 0 needs no data-page

  // Param pages: no HTML file; dx-server renders them into _server/shell.html.
  CHECK_FALSE(fs::exists(dist / "users"));
  std::string shell = dxt::read_text(dist / "_server" / "shell.html");
  for (const char* token : {"{{dx:up}}dx.js", "data-page=\"{{dx:page}}\"", "data-params=\"{{dx:params}}\"",
                            "<div id=\"dx-root\">{{dx:body}}</div>", "{{dx:state}}</body>"})
    CHECK(shell.find(token) != std::string::npos);

  // props.params inside two layouts; values are escaped where rendered.
  uint32_t user = page_of(dist, "/users/7");
  std::string html = render(dist, user, {{"id", "<b>&\"é"}});
  CHECK(html == "<div class=\"site\"><nav>site</nav><section class=\"users\"><h1 title=\"<b>&amp;&quot;é\">user &lt;b&gt;&amp;\"é (6)</h1>"
                "<!----><!----></section><!----><!----></div><!---->");
  // useParams: a name the route lacks reads as "".
  uint32_t doc = page_of(dist, "/docs/a/b");
  CHECK(render(dist, doc, {{"rest", "a/b"}}) == "<div class=\"site\"><nav>site</nav><p>a/b||</p><!----><!----></div><!---->");
  CHECK(dxt::read_text(dist / "manifest.json").find("\"params\": [\n        \"id\"\n      ]") != std::string::npos);
}

TEST_CASE("a page that reads the query, itself or through a component or layout, is rendered per request", "[routes][native]") {
  std::map<std::string, std::string> files = kSite;
  files["components/Query.tsx"] =
      "import { useSearchParams } from \"dx\";\n"
      "export default function Query() {\n"
      "  const s = useSearchParams<{ q: string; \"sort by\": string }>();\n"
      "  return <p>{s.q}|{s[\"sort by\"]}|{s.q.length}</p>;\n}\n";
  files["pages/find.tsx"] = "import Query from \"../components/Query\";\nexport default function Find() { return <main><Query /></main>; }\n";
  files["pages/about.tsx"] = "export default function About() { return <h1>about</h1>; }\n";
  files["pages/shop/_layout.tsx"] =
      "import Query from \"../../components/Query\";\n"
      "export default function Shop(props: { children?: JSX.Element }) { return <div><Query />{props.children}</div>; }\n";
  files["pages/shop/index.tsx"] = "export default function ShopHome() { return <h1>shop</h1>; }\n";
  dxt::TempProject p(files);
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  fs::path dist = p.dir / "dist";
  CHECK(fs::exists(dist / "about" / "index.html"));     // reads nothing: prerendered
  CHECK_FALSE(fs::exists(dist / "find"));               // reads the query through a component
  CHECK_FALSE(fs::exists(dist / "shop"));               // through its layout
  CHECK(fs::exists(dist / "_server" / "shell.html"));
  // The query's parameters are the params named "?" and theirs; route params and "?"-less names are not read.
  uint32_t find = page_of(dist, "/find");
  CHECK(render(dist, find, {{"?q", "a<b"}, {"?sort by", "price"}, {"q", "route"}, {"?q", "second"}}) ==
        "<div class=\"site\"><nav>site</nav><main><p>a&lt;b|price|3</p><!----></main><!----><!----></div><!---->");
  CHECK(render(dist, find, {}) == "<div class=\"site\"><nav>site</nav><main><p>||0</p><!----></main><!----><!----></div><!---->");
}

TEST_CASE("a page that reads a POSTed form is rendered per request and flagged in routes.dxr", "[routes][native]") {
  std::map<std::string, std::string> files = kSite;
  files["components/Sent.tsx"] =
      "import { useFormData } from \"dx\";\n"
      "export default function Sent() {\n"
      "  const f = useFormData<{ name: string; \"e-mail\": string }>();\n"
      "  return <p>{f.name}|{f[\"e-mail\"]}|{f.name.length}</p>;\n}\n";
  files["pages/contact.tsx"] = "import Sent from \"../components/Sent\";\nexport default function C() { return <main><Sent /></main>; }\n";
  files["pages/find.tsx"] =
      "import { useSearchParams } from \"dx\";\n"
      "export default function Find() { const s = useSearchParams<{ q: string }>(); return <p>{s.q}</p>; }\n";
  dxt::TempProject p(files);
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  fs::path dist = p.dir / "dist";
  CHECK_FALSE(fs::exists(dist / "contact"));  // no HTML file: rendered per request
  // Only the page that reads a form takes POSTs; one that reads the query does not.
  for (const std::string path : {"/contact", "/find", "/", "/users/7"}) {
    INFO(path);
    CHECK(route_of(dist, path).second == (path == "/contact" ? dx::schema::kDxrRouteForm : 0));
  }
  // A form's fields are the params named "=" and theirs; the query's ("?") and route params are not read.
  uint32_t contact = page_of(dist, "/contact");
  CHECK(render(dist, contact, {{"=name", "a<b"}, {"?name", "query"}, {"name", "route"}, {"=e-mail", "x@y"}}) ==
        "<div class=\"site\"><nav>site</nav><main><p>a&lt;b|x@y|3</p><!----></main><!----><!----></div><!---->");
  CHECK(render(dist, contact, {}) == "<div class=\"site\"><nav>site</nav><main><p>||0</p><!----></main><!----><!----></div><!---->");
}

TEST_CASE("route, layout and params mistakes are reported at their files", "[routes]") {
  struct Case { std::map<std::string, std::string> files; std::string want; };
  const std::string home = "export default function Home() { return <h1>home</h1>; }\n";
  std::vector<Case> cases = {
      {{{"pages/index.tsx", home}, {"pages/a/[x].tsx", home}, {"pages/a/[y]/edit.tsx", home}},
       "pages/a/[y]/edit.tsx: error[DX0006]: this page file names the param at /a/:y/edit 'y', another page names it 'x' (pages/a/[x].tsx)"},
      {{{"pages/index.tsx", home}, {"pages/_layout.tsx", "export default function L() { return <div>no children</div>; }\n"}},
       "error[DX0208]: the layout 'L' takes no children"},
      {{{"pages/index.tsx", home}, {"pages/_layout.tsx", "export const x = 1;\n"}},
       "pages/_layout.tsx: error[DX0208]: the layout has no default export"},
      {{{"pages/index.tsx", home}, {"pages/[id].tsx", "export default function P(props: { params: { slug: string } }) { return <p>{props.params.slug}</p>; }\n"}},
       "error[DX0274]: this page's route has no param 'slug' (it has: id)"},
      {{{"pages/index.tsx", home}, {"pages/[id].tsx", "export default function P(props: { params: { id: number } }) { return <p>{props.params.id}</p>; }\n"}},
       "error[DX0274]: route param 'id' is 'number': route params are strings"},
      {{{"pages/index.tsx", "import { useParams } from \"dx\";\nexport default function H() { const p = useParams(); return <p>x</p>; }\n"}},
       "error[DX0275]: give useParams the params' type"},
      {{{"pages/index.tsx", home}, {"pages/util.ts", "export const x = 1;\n"}}, "pages/util.ts: warning[DX0004]: not a page"},
  };
  for (const Case& c : cases) {
    dxt::TempProject p(c.files);
    dxc::Diagnostics d;
    std::string rendered;
    dxt::build_project(p.dir, d, false, false, &rendered);
    INFO(rendered);
    CHECK(rendered.find(c.want) != std::string::npos);
  }
}
