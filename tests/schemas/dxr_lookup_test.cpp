// routes.dxr lookup semantics (schemas/dxr.md "Matching"): precedence with backtracking, params as raw
// offsets into the path, catch-alls, trailing slashes and empty segments, the 404 fallthrough — and a
// randomized comparison against a brute-force reference matcher.
#include <random>

#include "dxr_test_util.h"

using dxr_test::Trie;

TEST_CASE("static routes, the root, trailing slashes and empty segments", "[dxr]") {
  Trie t({"/", "/about", "/blog/posts"});
  CHECK(t.match("/") == "route 0");
  CHECK(t.match("/about") == "route 1");
  CHECK(t.match("/about/") == "route 1");  // one trailing slash after a segment is ignored
  CHECK(t.match("/about//") == "none");    // an empty segment matches nothing
  CHECK(t.match("//") == "none");
  CHECK(t.match("//about") == "none");
  CHECK(t.match("/blog//posts") == "none");
  CHECK(t.match("/blog/posts") == "route 2");
  CHECK(t.match("/blog") == "none");
  CHECK(t.match("/About") == "none");  // byte-exact, case-sensitive
  CHECK(t.match("/aboutx") == "none");
  CHECK(t.match("about") == "none");   // must start with '/'
  CHECK(t.match("") == "none");
  CHECK(t.match("/about?x=1") == "none");  // the caller strips the query
}

TEST_CASE("params are raw byte ranges of the path, never decoded", "[dxr]") {
  Trie t({"/users/:id", "/users/:id/posts/:post", "/caf%C3%A9"});
  CHECK(t.match("/users/42") == "route 0 [42]");
  CHECK(t.match("/users/42/") == "route 0 [42]");
  CHECK(t.match("/users/a%2Fb") == "route 0 [a%2Fb]");
  CHECK(t.match("/users/42/posts/7") == "route 1 [42] [7]");
  CHECK(t.match("/users") == "none");   // a param needs a non-empty segment
  CHECK(t.match("/users//") == "none");
  CHECK(t.match("/caf%C3%A9") == "route 2");
  CHECK(t.match("/caf%c3%a9") == "none");  // hex case is not normalized either
  dx::schema::DxrMatch m;
  std::string path = "/users/42/posts/7";
  REQUIRE(t.view.lookup(path.data(), uint32_t(path.size()), &m));
  CHECK(m.param_count == 2);
  CHECK(m.params[0].offset == 7);
  CHECK(m.params[0].size == 2);
  CHECK(m.params[1].offset == 16);
  CHECK(m.params[1].size == 1);
  dx::schema::DxrRoute r = t.view.route(m.route);
  CHECK(std::string((const char*)t.view.param_name(r, 1).data, t.view.param_name(r, 1).size) == "post");
}

TEST_CASE("a catch-all takes one or more segments, raw, without the trailing slash", "[dxr]") {
  Trie t({"/docs/*rest", "/docs", "/docs/intro", "/*all"});
  CHECK(t.match("/docs") == "route 1");
  CHECK(t.match("/docs/intro") == "route 2");
  CHECK(t.match("/docs/a") == "route 0 [a]");
  CHECK(t.match("/docs/a/b/c") == "route 0 [a/b/c]");
  CHECK(t.match("/docs/a/b/") == "route 0 [a/b]");
  CHECK(t.match("/docs/intro/more") == "route 0 [intro/more]");  // backtracks from the static leaf
  CHECK(t.match("/docs/a//b") == "none");
  CHECK(t.match("/elsewhere/x") == "route 3 [elsewhere/x]");
  CHECK(t.match("/") == "none");  // no index route; a catch-all needs a segment
}

TEST_CASE("precedence: static, then param, then catch-all, backtracking on dead ends", "[dxr]") {
  Trie t({"/users/new", "/users/:id/edit", "/users/:id", "/users/*rest", "/:section/new", "/users/new/:tab/x"});
  CHECK(t.match("/users/new") == "route 0");              // static beats param
  CHECK(t.match("/users/new/edit") == "route 1 [new]");   // static `new` dead-ends: back to :id
  CHECK(t.match("/users/7") == "route 2 [7]");
  CHECK(t.match("/users/7/edit") == "route 1 [7]");
  CHECK(t.match("/users/7/other") == "route 3 [7/other]");  // :id dead-ends: catch-all
  CHECK(t.match("/users/new/a/x") == "route 5 [a]");
  CHECK(t.match("/users/new/a/y") == "route 3 [new/a/y]");  // both branches dead-end deep down
  CHECK(t.match("/posts/new") == "route 4 [posts]");
  // A param bound on an abandoned branch does not leak into the match.
  Trie u({"/:a/:b/x", "/:c/y"});
  CHECK(u.match("/p/y") == "route 1 [p]");
  CHECK(u.match("/p/q/x") == "route 0 [p] [q]");
}

TEST_CASE("no match falls through to the 404 page stored in the header", "[dxr]") {
  Trie t({"/", "/404", "/a"}, 1);
  CHECK(t.view.not_found() == 1);
  CHECK(t.view.route(1).page == 1);
  CHECK(t.match("/404") == "none");  // the 404 page is not a route in the trie
  CHECK(t.match("/b") == "none");
  Trie none({"/"});
  CHECK(none.view.not_found() == dx::schema::kDxrNone);
}

TEST_CASE("eight params fit, a ninth is refused by the builder", "[dxr]") {
  Trie t({"/:a/:b/:c/:d/:e/:f/:g/*h"});
  CHECK(t.match("/1/2/3/4/5/6/7/8/9") == "route 0 [1] [2] [3] [4] [5] [6] [7] [8/9]");
  auto b = dx::schema::build_dxr({dxr_test::spec("/:a/:b/:c/:d/:e/:f/:g/:h/:i", 0)});
  CHECK(b.error == "route has more than 8 params");
  auto c = dx::schema::build_dxr({dxr_test::spec("/a/*x/b", 0)});
  CHECK(c.error == "a catch-all must be the last segment");
  auto d = dx::schema::build_dxr({dxr_test::spec("/a/:x", 0), dxr_test::spec("/a/:y", 1)});
  CHECK(d.error == "two routes have the same pattern /a/:y");
  CHECK(d.route == 1);
  CHECK(d.other == 0);
}

namespace {
// The reference: try every route; among those that match, the winner is the one whose segment kinds,
// read left to right, are smallest (static < param < catch-all) — what the spec's precedence means.
std::string reference(const std::vector<dx::schema::DxrRouteSpec>& routes, const std::string& path) {
  if (path.empty() || path[0] != '/') return "none";
  std::string p = path;
  if (p.size() >= 2 && p.back() == '/' && p[p.size() - 2] != '/') p.pop_back();
  std::vector<std::pair<size_t, size_t>> segs;  // (offset, size)
  if (p != "/")
    for (size_t i = 1; i <= p.size();) {
      size_t j = p.find('/', i);
      if (j == std::string::npos) j = p.size();
      if (j == i) return "none";
      segs.push_back({i, j - i});
      i = j + 1;
    }
  std::string best;
  std::vector<int> best_kinds;
  for (size_t r = 0; r < routes.size(); ++r) {
    const auto& s = routes[r].segments;
    std::vector<int> kinds;
    std::string got = "route " + std::to_string(r);
    bool ok = true;
    size_t k = 0;
    for (; k < s.size() && ok; ++k) {
      kinds.push_back(s[k].kind);
      if (k >= segs.size()) ok = false;
      else if (s[k].kind == dx::schema::kDxrCatchAll) { got += " [" + p.substr(segs[k].first) + "]"; k = segs.size(); break; }
      else if (s[k].kind == dx::schema::kDxrParam) got += " [" + p.substr(segs[k].first, segs[k].second) + "]";
      else ok = p.compare(segs[k].first, segs[k].second, s[k].text) == 0 && s[k].text.size() == segs[k].second;
    }
    if (!ok || (k < segs.size() && (s.empty() || s.back().kind != dx::schema::kDxrCatchAll)) || (s.empty() && !segs.empty())) continue;
    if (best.empty() || kinds < best_kinds) { best = got; best_kinds = kinds; }
  }
  return best.empty() ? "none" : best;
}
}  // namespace

TEST_CASE("random route sets: the trie agrees with the reference matcher", "[dxr]") {
  std::mt19937 rng(20261122);
  auto pick = [&](int n) { return int(rng() % uint32_t(n)); };
  const char* labels[] = {"a", "b", "c", "ab", "new"};
  int matched = 0, with_params = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> patterns;
    std::vector<std::string> shapes;
    int n = 1 + pick(round < 100 ? 8 : 40);
    for (int i = 0; i < n; ++i) {
      std::string pat, shape;
      int depth = pick(5);
      for (int d = 0; d < depth; ++d) {
        int kind = pick(10);
        if (kind < 6) { std::string l = labels[pick(5)]; pat += "/" + l; shape += "/" + l; }
        else if (kind < 9) { pat += "/:p" + std::to_string(d); shape += "/:"; }
        else { pat += "/*rest"; shape += "/*"; break; }
      }
      if (pat.empty()) pat = "/";
      if (std::find(shapes.begin(), shapes.end(), shape) != shapes.end()) continue;  // would conflict
      shapes.push_back(shape);
      patterns.push_back(pat);
    }
    Trie t(patterns);
    std::vector<dx::schema::DxrRouteSpec> routes;
    for (uint32_t i = 0; i < patterns.size(); ++i) routes.push_back(dxr_test::spec(patterns[i], i));
    const char* segs[] = {"a", "b", "c", "ab", "new", "x", "", "a%20b"};
    for (int q = 0; q < 200; ++q) {
      std::string path;
      int depth = pick(6);
      for (int d = 0; d < depth; ++d) path += "/" + std::string(segs[pick(d == 0 ? 6 : 8)]);
      if (path.empty() || pick(6) == 0) path += "/";
      INFO("round " << round << " path " << path);
      std::string want = reference(routes, path);
      REQUIRE(t.match(path) == want);
      matched += want != "none";
      with_params += want.find('[') != std::string::npos;
    }
  }
  CHECK(matched > 10000);  // of 60,000: the comparison is not mostly "none" == "none"
  CHECK(with_params > 5000);
}
