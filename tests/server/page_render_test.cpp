// page_render_test.cpp — pages rendered per request (dxs/page_render.h) over real sockets on 127.0.0.1.
//
// The app is tests/e2e/apps/pages built by the real dxc (once per run). Its pages are static but two (/search
// reads the query and /contact a form, so dxc writes no HTML file for them), so each
// test gives the dist a routes.dxr of its own (dx::schema::build_dxr): the first post's page becomes
// "/x/:id", the portal page (never resumable) "/p/:a/:b", the long page the 404 page; plus a shell.html with
// every placeholder. What the server renders for a page must be what dxc prerendered for it.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <csignal>
#include <filesystem>
#include <map>
#include <thread>

#include "client.h"
#include "dx/schema/dxr_build.h"
#include "fixtures.h"
#include "running.h"
#include "subprocess.h"

#ifndef DXC_BINARY
#error "DXC_BINARY must name the built dxc"
#endif

namespace fs = std::filesystem;
namespace sc = dx::schema;
using namespace dxs_test;

namespace {

constexpr std::string_view kShell =
    "<!doctype html>\n<html><head><script src=\"{{dx:up}}dx.js\" data-page=\"{{dx:page}}\" "
    "data-params=\"{{dx:params}}\" defer></script><link rel=\"preload\" href=\"{{dx:up}}app.wasm\"></head>\n"
    "<body><div id=\"dx-root\">{{dx:body}}</div>\n{{dx:state}}{{dx:other}}</body></html>\n";

// What the shell becomes for one request.
std::string shell_with(const std::string& up, uint32_t page, const std::string& params, const std::string& body,
                       const std::string& state) {
  std::string out(kShell);
  auto put = [&](std::string_view tag, const std::string& v) {
    for (size_t at = 0; (at = out.find(tag, at)) != std::string::npos; at += v.size()) out.replace(at, tag.size(), v);
  };
  put("{{dx:up}}", up);
  put("{{dx:page}}", std::to_string(page));
  put("{{dx:params}}", params);
  put("{{dx:body}}", body);
  put("{{dx:state}}", state);
  return out;
}

// The mount element's inner HTML in a page dxc prerendered.
std::string inner_html(const std::string& page) {
  const std::string open = "<div id=\"dx-root\">";
  size_t from = page.find(open);
  size_t script = page.find("\n<script type=\"application/dx-state\"");
  size_t stop = script != std::string::npos ? script : page.rfind("\n</body>");
  size_t end = page.rfind("</div>", stop);
  return from == std::string::npos || end == std::string::npos ? "" : page.substr(from + open.size(), end - from - open.size());
}

// The state <script> of a response (with its newline), or "".
std::string state_script(const std::string& body) {
  size_t at = body.find("<script type=\"application/dx-state\" id=\"dx-state\">");
  if (at == std::string::npos) return "";
  size_t end = body.find("</script>\n", at);
  return end == std::string::npos ? "" : body.substr(at, end + 10 - at);
}

// A gzip body inflated (at most `max` bytes); "" when it is not a whole gzip stream.
std::string gunzip(std::string body, size_t max) {
  std::string out(max, '\0');
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return "";
  z.next_in = reinterpret_cast<Bytef*>(body.data());
  z.avail_in = uInt(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  bool whole = inflate(&z, Z_FINISH) == Z_STREAM_END;
  out.resize(z.total_out);
  inflateEnd(&z);
  return whole ? out : "";
}

// A page without its state <script>.
std::string without_state(std::string body) {
  std::string st = state_script(body);
  if (!st.empty()) body.erase(body.find(st), st.size());
  return body;
}

// The pages app built by dxc: `variant` changes the first post's heading (a new app.so for the reload test).
const fs::path& built_app(bool variant) {
  static TempDir dirs[2];
  static bool built[2] = {false, false};
  const TempDir& t = dirs[variant];
  if (!built[variant]) {
    fs::copy(fs::path(DX_TEST_SOURCE_DIR) / "tests/e2e/apps/pages", t.path() / "app", fs::copy_options::recursive);
    if (variant) {
      fs::path post = t.path() / "app/pages/blog/first-post.tsx";
      std::string src = read_file(post);
      size_t at = src.find("<h1>First post</h1>");
      REQUIRE(at != std::string::npos);
      write_file(post, src.replace(at, 19, "<h1>Second version</h1>"));
    }
    std::string out, err;
    int rc = run({DXC_BINARY, "build", "-q", t.str("app")}, &out, &err, 300000);
    INFO(out << err);
    REQUIRE(rc == 0);
    built[variant] = true;
  }
  static fs::path dist[2];
  dist[variant] = t.path() / "app/dist";
  return dist[variant];
}

// Page indices of the built app, from the routes.dxr dxc wrote (route i is page i).
struct Pages {
  std::map<std::string, uint32_t> by_pattern;
  uint32_t count = 0;
  uint32_t operator[](const std::string& p) const { return by_pattern.at(p); }
};

Pages pages_of(const fs::path& dist) {
  std::string bytes = read_file(dist / "routes.dxr");
  sc::DxrView v;
  sc::DxrError e;
  REQUIRE(v.open(reinterpret_cast<const uint8_t*>(bytes.data()), uint32_t(bytes.size()), &e));
  Pages p;
  p.count = v.route_count();
  for (uint32_t i = 0; i < p.count; ++i) {
    sc::DxrView::Str s = v.pattern(v.route(i));
    p.by_pattern[std::string(reinterpret_cast<const char*>(s.data), s.size)] = i;
  }
  return p;
}

sc::DxrRouteSpec route_of(const std::string& pattern, uint32_t page) {
  sc::DxrRouteSpec r;
  r.page = page;
  for (size_t at = 1; at < pattern.size();) {
    size_t end = pattern.find('/', at);
    if (end == std::string::npos) end = pattern.size();
    std::string seg = pattern.substr(at, end - at);
    if (seg[0] == ':') r.segments.push_back({sc::kDxrParam, seg.substr(1)});
    else if (seg[0] == '*') r.segments.push_back({sc::kDxrCatchAll, seg.substr(1)});
    else r.segments.push_back({sc::kDxrStatic, seg});
    at = end + 1;
  }
  return r;
}

// routes.dxr for the built app: route i is page i, `replace` gives some pages another pattern, `not_found`
// is the 404 page.
std::string routes_for(const Pages& pages, const std::map<uint32_t, std::string>& replace, uint32_t not_found) {
  std::vector<sc::DxrRouteSpec> routes(pages.count);
  for (const auto& [pattern, i] : pages.by_pattern) routes[i] = route_of(pattern, i);
  for (const auto& [i, pattern] : replace) routes[i] = route_of(pattern, i);
  sc::DxrBuildResult b = sc::build_dxr(routes, not_found);
  REQUIRE(b.ok());
  return std::string(b.bytes.begin(), b.bytes.end());
}

// The test dist: the built app (or its variant) with our routes and shell.
void make_page_dist(const fs::path& dist, bool variant = false, bool dynamic_post_at_y = false) {
  fs::remove_all(dist);
  fs::copy(built_app(variant), dist, fs::copy_options::recursive);
  Pages p = pages_of(dist);
  std::map<uint32_t, std::string> replace = {{p["/blog/first-post"], dynamic_post_at_y ? "/y/:id" : "/x/:id"},
                                             {p["/portal"], "/p/:a/:b"}};
  write_file(dist / "routes.dxr", routes_for(p, replace, p["/long"]));
  write_file(dist / "_server/shell.html", kShell);
}

Response fetch(Client& c, const std::string& path, const std::string& method = "GET") {
  REQUIRE(c.send(method + " " + path + " HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto r = c.read_response(method == "HEAD");
  REQUIRE(r);
  return *r;
}

auto page_dist = [](dxs::ServerOptions&, const fs::path& dist) { make_page_dist(dist); };

}  // namespace

TEST_CASE("server: pages: a [param] route renders its page in the shell, as dxc prerenders it", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  fs::path dist = s.tmp.path() / "dist";
  Pages p = pages_of(built_app(false));
  const uint32_t post = p["/blog/first-post"];
  const std::string prerendered = read_file(dist / "blog/first-post/index.html");
  const std::string html = inner_html(prerendered);
  REQUIRE(html.find("<h1>First post</h1>") != std::string::npos);
  Client c(s.port());

  Response r = fetch(c, "/x/hello?q=1");
  CHECK(r.status == 200);
  CHECK(r.header("content-type") == "text/html; charset=utf-8");
  CHECK(r.header("cache-control") == "no-store");
  CHECK(r.header("content-length") == std::to_string(r.body.size()));
  CHECK_FALSE(r.has("etag"));
  std::string state = state_script(r.body);
  CHECK(state.size() > 100);  // the page is resumable: it carries a snapshot
  CHECK(r.body == shell_with("../", post, "{&quot;id&quot;:&quot;hello&quot;}", html, state));

  // One more directory level: one more "../"; the trailing slash counts ("/x/hello/" is a directory).
  Response deeper = fetch(c, "/x/hello/");
  CHECK(deeper.status == 200);
  CHECK(deeper.body == shell_with("../../", post, "{&quot;id&quot;:&quot;hello&quot;}", html, state_script(deeper.body)));

  // Params are percent-decoded, then JSON- and attribute-escaped: <"&'é
  Response esc = fetch(c, "/x/%3C%22%26%27%C3%A9");
  CHECK(esc.status == 200);
  CHECK(esc.body.find("data-params=\"{&quot;id&quot;:&quot;&lt;\\&quot;&amp;&#39;\xC3\xA9&quot;}\"") != std::string::npos);

  // Two params, in path order; a page that cannot be resumed (a <Portal>) has no state script.
  Response portal = fetch(c, "/p/one/two%20three");
  CHECK(portal.status == 200);
  CHECK(portal.body == shell_with("../../", p["/portal"], "{&quot;a&quot;:&quot;one&quot;,&quot;b&quot;:&quot;two three&quot;}",
                                  inner_html(read_file(dist / "portal/index.html")), ""));
}

TEST_CASE("server: pages: HEAD, pipelining and keep-alive", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  Client c(s.port());
  Response g = fetch(c, "/x/1");
  Response h = fetch(c, "/x/1", "HEAD");
  CHECK(h.status == 200);
  CHECK(h.body.empty());
  CHECK(h.header("content-length") == std::to_string(g.body.size()));
  CHECK(h.header("content-type") == g.header("content-type"));
  // Three pipelined in one write: every answer whole and in order (the renderer's scratch is reused).
  REQUIRE(c.send(get("/x/a") + get("/p/b/c") + get("/x/a")));
  auto a = c.read_response(), b = c.read_response(), a2 = c.read_response();
  REQUIRE((a && b && a2));
  CHECK(a->body.find("data-params=\"{&quot;id&quot;:&quot;a&quot;}\"") != std::string::npos);
  CHECK(b->body.find("<h1>Portal</h1>") != std::string::npos);
  CHECK(a2->body.find("data-params=\"{&quot;id&quot;:&quot;a&quot;}\"") != std::string::npos);
  CHECK(a->body.find("<h1>First post</h1>") != std::string::npos);
  // Other methods on a page path: 405, as for files.
  REQUIRE(c.send("DELETE /x/1 HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto d = c.read_response();
  REQUIRE(d);
  CHECK(d->status == 405);
}

TEST_CASE("server: pages: the 404 page for paths nothing matches, rendered for their directory", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  fs::path dist = s.tmp.path() / "dist";
  Pages p = pages_of(built_app(false));
  const std::string html = inner_html(read_file(dist / "long/index.html"));
  Client c(s.port());
  Response r = fetch(c, "/no/such/page");
  CHECK(r.status == 404);
  CHECK(r.header("cache-control") == "no-store");
  CHECK(r.body == shell_with("../../", p["/long"], "{}", html, state_script(r.body)));
  CHECK_FALSE(state_script(r.body).empty());
  Response top = fetch(c, "/nothing");
  CHECK(top.status == 404);
  CHECK(top.body.find("<script src=\"dx.js\"") != std::string::npos);
  CHECK(fetch(c, "/x").status == 404);         // "/x/:id" needs its param
  CHECK(fetch(c, "/x/1/2").status == 404);     // and only one segment
  CHECK(fetch(c, "/x//").status == 404);       // an empty segment matches nothing
  Response h = fetch(c, "/no/such/page", "HEAD");
  CHECK(h.status == 404);
  CHECK(h.header("content-length") == r.header("content-length"));
}

TEST_CASE("server: pages: params that are not percent-encoded UTF-8 get 400", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  {
    Client bad(s.port());
    CHECK(fetch(bad, "/x/%ZZ").status == 400);  // a bad escape: refused with every path, and closed
  }
  Client c(s.port());
  CHECK(fetch(c, "/x/%C3%28").status == 400);   // not UTF-8 once decoded: the connection stays open
  CHECK(fetch(c, "/x/%FF").status == 400);
  CHECK(fetch(c, "/x/%ED%A0%80").status == 400);  // a surrogate
  CHECK(fetch(c, "/x/ok").status == 200);       // the connection is still usable
}

TEST_CASE("server: pages: files win over routes, _server/ is never served", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  fs::path dist = s.tmp.path() / "dist";
  // A file where a route would match: the file.
  write_file(dist / "x/file/index.html", "a file under /x/");
  std::string err;
  REQUIRE(s.server->reload(&err));
  Client c(s.port());
  Response about = fetch(c, "/about/");
  CHECK(about.status == 200);
  CHECK(about.body == read_file(dist / "about/index.html"));
  CHECK(fetch(c, "/about").status == 301);
  CHECK(fetch(c, "/dx.js").body == read_file(dist / "dx.js"));
  CHECK(fetch(c, "/x/file/").body == "a file under /x/");
  for (const char* path : {"/_server/app.so", "/_server/shell.html", "/_server/", "/_server"}) {
    Response r = fetch(c, path);
    INFO(path);
    CHECK(r.status == 404);
    CHECK(r.body.find("{{dx:up}}") == std::string::npos);  // the 404 page, not the shell's file
    CHECK(r.body.find("ELF") == std::string::npos);
  }
}

TEST_CASE("server: pages: several workers and clients render at once", "[server][pages]") {
  Running s(EACH_IO, 2, 10000, page_dist);
  std::vector<std::string> bodies(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < bodies.size(); ++t)
    threads.emplace_back([&, t] {
      Client c(s.port());
      for (int i = 0; i < 10; ++i) {
        if (!c.send(get("/x/same"))) return;
        auto r = c.read_response();
        if (!r || r->status != 200) return;
        if (i > 0 && inner_html(r->body) != inner_html(bodies[t])) return;
        bodies[t] = r->body;
      }
    });
  for (auto& th : threads) th.join();
  for (const std::string& b : bodies) CHECK(inner_html(b).find("<h1>First post</h1>") != std::string::npos);
}

TEST_CASE("server: pages: a reload swaps routes, shell and app module together", "[server][pages][reload]") {
  built_app(true);  // before the keep-alive connection opens: building may take longer than its idle timeout
  Running s(EACH_IO, 2, 10000, page_dist);
  fs::path dist = s.tmp.path() / "dist";
  Client c(s.port());
  CHECK(fetch(c, "/x/1").body.find("<h1>First post</h1>") != std::string::npos);
  // dxc replaces dist/ as a whole: the same path now holds another app.so, routes and shell.
  fs::path next = s.tmp.path() / "next";
  make_page_dist(next, /*variant=*/true, /*dynamic_post_at_y=*/true);
  std::string shell = read_file(next / "_server/shell.html");
  write_file(next / "_server/shell.html", shell.replace(shell.find("<body>"), 6, "<body class=\"v2\">"));
  fs::remove_all(dist);
  fs::rename(next, dist);
  std::string err;
  REQUIRE(s.server->reload(&err));
  Response y = fetch(c, "/y/1");  // the same keep-alive connection
  CHECK(y.status == 200);
  CHECK(y.body.find("<h1>Second version</h1>") != std::string::npos);  // the new app.so, not the old one
  CHECK(y.body.find("<body class=\"v2\">") != std::string::npos);
  Response x = fetch(c, "/x/1");
  CHECK(x.status == 404);
  CHECK(x.body.find("<body class=\"v2\">") != std::string::npos);
  for (int i = 0; i < 4; ++i) {  // new connections, whichever worker takes them
    Client n(s.port());
    CHECK(fetch(n, "/y/2").body.find("<h1>Second version</h1>") != std::string::npos);
  }
}

TEST_CASE("server: pages: a client that takes gzip gets the rendered page gzip-compressed", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, page_dist);
  Client c(s.port());
  Response plain = fetch(c, "/x/hello");
  REQUIRE(plain.status == 200);
  CHECK(plain.header("vary") == "Accept-Encoding");
  CHECK_FALSE(plain.has("content-encoding"));
  for (const char* accept : {"gzip", "br;q=1, gzip;q=0.5", "gzip, deflate, br"}) {
    INFO(accept);
    REQUIRE(c.send(std::string("GET /x/hello HTTP/1.1\r\nHost: test\r\nAccept-Encoding: ") + accept + "\r\n\r\n"));
    auto r = c.read_response(false);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->header("content-encoding") == "gzip");
    CHECK(r->header("vary") == "Accept-Encoding");
    CHECK(r->header("content-length") == std::to_string(r->body.size()));
    CHECK(r->body.size() < plain.body.size());
    // Inflated, it is the same page (its snapshot compared apart: another render of the same URL).
    std::string out = gunzip(r->body, plain.body.size() * 2);
    CHECK(without_state(out) == without_state(plain.body));
    CHECK(state_script(out).size() == state_script(plain.body).size());
  }
  // No gzip (or gzip;q=0): as is.
  REQUIRE(c.send("GET /x/hello HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip;q=0, identity\r\n\r\n"));
  auto r = c.read_response(false);
  REQUIRE(r);
  CHECK_FALSE(r->has("content-encoding"));
  CHECK(r->body == plain.body);
}

TEST_CASE("server: pages: a shell without app.so: the browser renders dynamic routes and the 404 page", "[server][pages]") {
  uint32_t post = 0, missing = 0;
  Running s(EACH_IO, 1, 10000, [&](dxs::ServerOptions&, const fs::path& dist) {
    Pages p = pages_of(built_app(false));  // before make_page_dist replaces these patterns
    post = p["/blog/first-post"], missing = p["/long"];
    make_page_dist(dist);  // as dxc serve's dev builds (and --no-ssr) write it: the shell, no app.so
    fs::remove(dist / "_server/app.so");
  });
  CHECK(s.server->warnings().empty());
  Client c(s.port());
  Response r = fetch(c, "/x/1");
  CHECK(r.status == 200);
  CHECK(r.body == shell_with("../", post, "{&quot;id&quot;:&quot;1&quot;}", "", ""));
  Response gone = fetch(c, "/a/b/c");
  CHECK(gone.status == 404);
  CHECK(gone.body == shell_with("../../", missing, "{}", "", ""));
}

TEST_CASE("server: pages: without app.so and shell there are no dynamic routes, 404.html is sent as is", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions&, const fs::path& dist) {
    make_page_dist(dist);
    fs::remove(dist / "_server/app.so");
    fs::remove(dist / "_server/shell.html");
    write_file(dist / "404.html", "<!doctype html><title>not here</title>");
  });
  CHECK(s.server->warnings().size() == 1);
  if (!s.server->warnings().empty())
    CHECK(s.server->warnings()[0] == (s.tmp.path() / "dist/_server/app.so").string() +
                                         ": missing (a build with --no-ssr?): 4 routes rendered per request answer 404");
  Client c(s.port());
  Response r = fetch(c, "/x/1");
  CHECK(r.status == 404);
  CHECK(r.body == "<!doctype html><title>not here</title>");
  CHECK(fetch(c, "/a/b/c").body == "<!doctype html><title>not here</title>");
  CHECK(fetch(c, "/404.html").status == 200);
}

TEST_CASE("server: pages: a dist whose routes cannot be served is refused", "[server][pages]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_page_dist(dist);
  Pages p = pages_of(built_app(false));
  auto create = [&](std::string* err) {
    dxs::ServerOptions o;
    o.dist = dist.string();
    o.port = 0;
    o.workers = 1;
    return dxs::Server::create(o, err) != nullptr;
  };
  std::string err;
  std::string good = read_file(dist / "routes.dxr");
  write_file(dist / "routes.dxr", good.substr(0, 60));
  CHECK_FALSE(create(&err));
  CHECK(err == (dist / "routes.dxr").string() + ": file_size does not match the file's length (truncated?) at offset 12");

  // One route more than app.dxb has pages: route i must be page i.
  Pages more = p;
  more.by_pattern["/extra"] = p.count;
  more.count = p.count + 1;
  write_file(dist / "routes.dxr", routes_for(more, {}, sc::kDxrNone));
  CHECK_FALSE(create(&err));
  CHECK(err == (dist / "routes.dxr").string() + ": " + std::to_string(p.count + 1) + " routes but app.dxb has " +
                   std::to_string(p.count) + " pages (route i is page i)");

  write_file(dist / "routes.dxr", good);
  write_file(dist / "_server/app.so", "not an ELF file");
  CHECK_FALSE(create(&err));
  CHECK(err.rfind((dist / "_server/app.so").string() + ": ", 0) == 0);
  CHECK(err.find("/proc/self/fd") == std::string::npos);
}

namespace {
// An app with a pages/items/[id].tsx that reads its param, a pages/find.tsx that reads the query and a
// pages/404.tsx, built by dxc as a user would (once per run).
const TempDir& own_app() {
  static TempDir app;
  static bool built = false;
  if (!built) {
    write_file(app.path() / "pages/index.tsx", "export default function Home() { return <h1>home</h1>; }\n");
    write_file(app.path() / "pages/items/[id].tsx", R"(import { useParams } from "dx";
export default function Item() {
  const p = useParams<{ id: string }>();
  return <main><h1>item {p.id}</h1></main>;
}
)");
    write_file(app.path() / "pages/find.tsx", R"(import { useSearchParams } from "dx";
export default function Find() {
  const q = useSearchParams<{ q: string; empty: string; none: string; "a b": string }>();
  return <main><p id="q">[{q.q}]</p><p id="e">[{q.empty}|{q.none}|{q["a b"]}]</p></main>;
}
)");
    write_file(app.path() / "pages/contact.tsx", R"(import { useFormData } from "dx";
export default function Contact() {
  const f = useFormData<{ name: string; topic: string }>();
  return <main><p id="f">[{f.name}|{f.topic}]</p></main>;
}
)");
    write_file(app.path() / "pages/spin/[how].tsx", R"(import { useParams } from "dx";
function spin(n: number): number {
  let x = 0;
  while (n > 0) x = (x * 31 + n) % 1000003;
  return x;
}
function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
export default function Spin() {
  const p = useParams<{ how: string }>();
  return <p>{p.how === "loop" ? spin(1) : p.how === "recursion" ? fib(80) : fib(10)}</p>;
}
)");
    write_file(app.path() / "pages/404.tsx", "export default function Missing() { return <p>nothing here</p>; }\n");
    std::string out, err;
    int rc = run({DXC_BINARY, "build", "-q", app.str()}, &out, &err, 300000);
    INFO(out << err);
    REQUIRE(rc == 0);
    built = true;
  }
  return app;
}
}  // namespace

TEST_CASE("server: pages: dxc's own [param] page and 404 page, end to end", "[server][pages]") {
  const TempDir& app = own_app();
  REQUIRE(fs::is_regular_file(app.path() / "dist/_server/shell.html"));
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions&, const fs::path& dist) {
    fs::remove_all(dist);
    fs::copy(own_app().path() / "dist", dist, fs::copy_options::recursive);
  });
  Pages p = pages_of(app.path() / "dist");
  Client c(s.port());
  Response r = fetch(c, "/items/%3Cb%3E%20%C3%A9");
  CHECK(r.status == 200);
  CHECK(r.body.find("<div id=\"dx-root\"><main><h1>item &lt;b&gt; \xC3\xA9</h1></main></div>") != std::string::npos);
  CHECK(r.body.find("data-page=\"" + std::to_string(p["/items/:id"]) + "\"") != std::string::npos);
  CHECK(r.body.find("src=\"../dx.js\"") != std::string::npos);
  CHECK_FALSE(state_script(r.body).empty());
  Response nf = fetch(c, "/no/where");
  CHECK(nf.status == 404);
  CHECK(nf.body.find("<div id=\"dx-root\"><p>nothing here</p></div>") != std::string::npos);
  CHECK(nf.body.find("src=\"../dx.js\"") != std::string::npos);
  CHECK(fetch(c, "/").body.find("<h1>home</h1>") != std::string::npos);
}

TEST_CASE("server: pages: a render that runs past --render-timeout-ms stops with 500; the worker goes on", "[server][pages]") {
  const TempDir& app = own_app();
  REQUIRE(fs::is_directory(app.path() / "dist"));
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const fs::path& dist) {
    o.render_timeout_ms = 200;
    fs::remove_all(dist);
    fs::copy(own_app().path() / "dist", dist, fs::copy_options::recursive);
  });
  Client c(s.port());
  // A loop that never ends, and a recursion that would take years: each stops at the limit (without one the
  // response would never come and the client's read would give up).
  for (const char* how : {"/spin/loop", "/spin/recursion"}) CHECK(fetch(c, how).status == 500);
  Response ok = fetch(c, "/spin/fine");  // the same worker, the same connection
  CHECK(ok.status == 200);
  CHECK(ok.body.find("<p>55</p>") != std::string::npos);
}

TEST_CASE("server: pages: a page that reads the query is rendered per request with it, decoded as a form's", "[server][pages]") {
  const TempDir& app = own_app();
  REQUIRE_FALSE(fs::exists(app.path() / "dist/find/index.html"));  // dxc wrote no file: dx-server renders it
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions&, const fs::path& dist) {
    fs::remove_all(dist);
    fs::copy(own_app().path() / "dist", dist, fs::copy_options::recursive);
  });
  Client c(s.port());
  auto body = [&](const std::string& target) {
    Response r = fetch(c, target);
    CHECK(r.status == 200);
    size_t at = r.body.find("<main>"), end = r.body.find("</main>");
    return at == std::string::npos || end == std::string::npos ? r.body : r.body.substr(at, end + 7 - at);
  };
  auto q = [](const std::string& text, const std::string& rest = "[||]") {
    return "<main><p id=\"q\">[" + text + "]</p><p id=\"e\">" + rest + "</p></main>";
  };
  CHECK(body("/find") == q(""));
  CHECK(body("/find/") == q(""));
  // '+' is a space, %XX a byte; the first of a repeated name counts; a name without '=' is ""; HTML-escaped.
  CHECK(body("/find?q=a+b%20c%2B&q=second") == q("a b c+"));
  CHECK(body("/find?empty&q=%3Cb%3E%26&&none=&a+b=x%3Dy") == q("&lt;b&gt;&amp;", "[||x=y]"));
  CHECK(body("/find?q=caf%C3%A9") == q("caf\xC3\xA9"));
  // As URLSearchParams: bytes that are not UTF-8 are U+FFFD, one per maximal invalid sequence. (A '%' without
  // two hex digits never gets here: the HTTP layer answers such a request-target 400.)
  CHECK(body("/find?q=%E9t%C3%A9%F0%9F%98") == q("\xEF\xBF\xBDt\xC3\xA9\xEF\xBF\xBD"));
  // data-params keeps the route's params only: dx.js reads the query from the URL itself.
  Response r = fetch(c, "/find?q=x");
  CHECK(r.body.find("data-params=\"{}\"") != std::string::npos);
  CHECK_FALSE(state_script(r.body).empty());
  CHECK(fetch(c, "/items/7?q=x").body.find("<h1>item 7</h1>") != std::string::npos);
}

TEST_CASE("server: pages: a POSTed form reaches only a page that reads one (useFormData), decoded as a form's", "[server][pages]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions&, const fs::path& dist) {
    fs::remove_all(dist);
    fs::copy(own_app().path() / "dist", dist, fs::copy_options::recursive);
  });
  Client c(s.port());
  auto post = [&](const std::string& target, const std::string& body, const std::string& type = "application/x-www-form-urlencoded",
                  bool chunked = false) {
    std::string framing = chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + std::to_string(body.size()) + "\r\n";
    std::string sent = chunked ? body.empty() ? "0\r\n\r\n" : [&] {
      char len[16];
      std::snprintf(len, sizeof len, "%zx", body.size());
      return std::string(len) + "\r\n" + body + "\r\n0\r\n\r\n";
    }() : body;
    REQUIRE(c.send("POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Type: " + type + "\r\n" + framing + "\r\n" + sent));
    auto r = c.read_response();
    REQUIRE(r);
    return *r;
  };
  auto main_of = [](const Response& r) {
    size_t at = r.body.find("<main>"), end = r.body.find("</main>");
    return at == std::string::npos || end == std::string::npos ? r.body : r.body.substr(at, end + 7 - at);
  };
  Response r = post("/contact", "name=A%3Cb%3E+%C3%A9&topic=x%3Dy&name=second");
  CHECK(r.status == 200);
  CHECK(main_of(r) == "<main><p id=\"f\">[A&lt;b&gt; \xC3\xA9|x=y]</p></main>");
  // The fields travel in data-params (named "=" and theirs), so dx.js can start the page with them too.
  // A repeated name: the first counts, there as in the render.
  CHECK(r.body.find("data-params=\"{&quot;=name&quot;:&quot;A&lt;b&gt; \xC3\xA9&quot;,&quot;=topic&quot;:&quot;x=y&quot;}\"") !=
        std::string::npos);
  CHECK_FALSE(state_script(r.body).empty());
  CHECK(main_of(post("/contact", "topic=t", "application/x-www-form-urlencoded; charset=UTF-8", true)) == "<main><p id=\"f\">[|t]</p></main>");
  CHECK(main_of(post("/contact", "")) == "<main><p id=\"f\">[|]</p></main>");
  CHECK(main_of(fetch(c, "/contact")) == "<main><p id=\"f\">[|]</p></main>");  // a GET: no form
  // Pages that read no form, prerendered pages and other types: refused, and the connection goes on.
  r = post("/find?q=a", "q=b");
  CHECK(r.status == 405);
  CHECK(r.header("allow") == "GET, HEAD");
  CHECK(post("/items/7", "x=1").status == 405);
  CHECK(post("/", "x=1").status == 405);
  CHECK(post("/contact", "--b\r\n", "multipart/form-data; boundary=b").status == 415);
  CHECK(post("/contact", "name=x", "text/plain").status == 415);
  CHECK(post("/nowhere", "x=1").status == 404);
  CHECK(main_of(post("/contact", "name=again")) == "<main><p id=\"f\">[again|]</p></main>");
}

#ifdef DX_SERVER_BINARY
TEST_CASE("server: pages: a page that throws gets 500 and its report goes to stderr only", "[process][pages]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_page_dist(dist);
  fs::copy_file(DXS_TRAP_APP, dist / "_server/app.so", fs::copy_options::overwrite_existing);
  write_file(dist / "404.html", "<!doctype html><title>not here</title>");
  Subprocess proc({DX_SERVER_BINARY, dist.string(), "--port", "0", "--workers", "1"});
  std::string line;
  REQUIRE(proc.read_stdout_line(&line, 20000));
  uint16_t port = uint16_t(std::stoi(line.substr(line.rfind(':') + 1)));
  {
    Client c(port);
    Response r = fetch(c, "/x/boom");
    CHECK(r.status == 500);
    CHECK(r.body.find("500 Internal Server Error") != std::string::npos);
    CHECK(r.body.find("stub page always throws") == std::string::npos);
    Response nf = fetch(c, "/a/b/c");  // the 404 page threw while the dist loaded: 404.html instead
    CHECK(nf.status == 404);
    CHECK(nf.body == "<!doctype html><title>not here</title>");
  }
  proc.signal(SIGTERM);
  CHECK(proc.wait(20000) == 0);
  const std::string& e = proc.err();
  INFO(e);
  Pages p = pages_of(built_app(false));
  std::string report = "dx-server: /x/boom (route /x/:id, page " + std::to_string(p["/blog/first-post"]) +
                       ") threw: Error: stub page always throws\n";
  size_t at = e.find(report);
  CHECK(at != std::string::npos);
  CHECK(e.find(report, at + 1) == std::string::npos);  // once
  CHECK(e.find("dx-server: warning: " + (dist / "_server/app.so").string() + ": the 404 page (page " +
               std::to_string(p["/long"]) + ") threw: Error: stub page always throws; 404s get 404.html\n") !=
        std::string::npos);
}
#endif

// samples-like app with a <Suspense> on its [param] page, streamed through --test-hooks' ?dx-hold=MS
// (schemas/stream.md): the shell leaves at once with the fallback marked, each boundary follows as its own
// chunk, and the document ends with the snapshot and the shell's end.
TEST_CASE("server: pages: ?dx-hold streams a page's <Suspense> boundaries under --test-hooks", "[server][pages][stream]") {
  static TempDir app;
  static bool built = false;
  if (!built) {
    write_file(app.path() / "pages/index.tsx", "export default function Home() { return <h1>home</h1>; }\n");
    write_file(app.path() / "pages/items/[id].tsx", R"(import { Suspense } from "dx";
export default function Item(props: { params: { id: string } }) {
  return (
    <main>
      <h1>item {props.params.id}</h1>
      <Suspense fallback={<p>loading</p>}><section>details of {props.params.id}</section></Suspense>
    </main>
  );
}
)");
    write_file(app.path() / "pages/plain/[id].tsx",
               "export default function Plain(props: { params: { id: string } }) { return <p>plain {props.params.id}</p>; }\n");
    std::string out, err;
    int rc = run({DXC_BINARY, "build", "-q", app.str()}, &out, &err, 300000);
    INFO(out << err);
    REQUIRE(rc == 0);
    built = true;
  }
  auto copy = [](dxs::ServerOptions& o, const fs::path& dist) {
    o.test_hooks = true;
    fs::remove_all(dist);
    fs::copy(app.path() / "dist", dist, fs::copy_options::recursive);
  };
  Running s(EACH_IO, 1, 10000, copy);
  {  // A boundary held for a minute: the shell arrives now, with the fallback between the markers.
    Client c(s.port());
    REQUIRE(c.send(get("/items/7?dx-hold=60000")));
    std::string got;
    REQUIRE(c.peek_until("</div>\n", &got));
    CHECK(got.find("Transfer-Encoding: chunked") != std::string::npos);
    CHECK(got.find("<div id=\"dx-root\"><main><h1>item 7</h1><!--dx-s:1--><p>loading</p><!--/dx-s:1--><!----></main></div>") !=
          std::string::npos);
    CHECK(got.find("details") == std::string::npos);
    CHECK(got.find("dx-state") == std::string::npos);
  }
  Client c(s.port());
  REQUIRE(c.send(get("/items/8?dx-hold=1") + get("/items/9")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->chunks >= 3);  // the shell, the boundary, the end
  size_t chunk = r->body.find("<template data-dx-s=\"1\"><section>details of 8</section></template>"
                              "<script type=\"application/dx-activate\" data-dx-s=\"1\"></script>\n");
  size_t state = r->body.find("<script type=\"application/dx-state\" id=\"dx-state\">");
  CHECK(chunk != std::string::npos);
  CHECK(state != std::string::npos);
  CHECK(chunk < state);
  CHECK(r->body.find("<!--dx-s:1--><p>loading</p><!--/dx-s:1-->") < chunk);
  CHECK(r->body.size() >= 16);
  CHECK(r->body.substr(r->body.size() - 16) == "</body>\n</html>\n");
  // Without ?dx-hold the page comes whole: its boundary in place, no markers.
  auto plain = c.read_response();
  REQUIRE(plain);
  CHECK(plain->header("content-length") == std::to_string(plain->body.size()));
  CHECK(plain->body.find("<main><h1>item 9</h1><section>details of 9</section><!----></main>") != std::string::npos);
  CHECK(plain->body.find("dx-s:") == std::string::npos);
  // ?dx-hold on a page that holds nothing: sent whole, as without it.
  REQUIRE(c.send(get("/plain/3?dx-hold=1")));
  auto whole = c.read_response();
  REQUIRE(whole);
  CHECK(whole->status == 200);
  CHECK(whole->header("content-length") == std::to_string(whole->body.size()));
  CHECK(whole->body.find("<div id=\"dx-root\"><p>plain 3</p></div>") != std::string::npos);
  CHECK_FALSE(state_script(whole->body).empty());

  // A client that takes gzip gets one gzip stream, flushed piece by piece: inflated, the same document.
  REQUIRE(c.send("GET /items/8?dx-hold=1 HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip\r\n\r\n"));
  auto zipped = c.read_response();
  REQUIRE(zipped);
  CHECK(zipped->header("content-encoding") == "gzip");
  CHECK(zipped->header("vary") == "Accept-Encoding");
  CHECK(zipped->chunks >= 3);
  std::string inflated = gunzip(zipped->body, r->body.size() * 2);
  CHECK(without_state(inflated) == without_state(r->body));
  CHECK(state_script(inflated).size() == state_script(r->body).size());
}
