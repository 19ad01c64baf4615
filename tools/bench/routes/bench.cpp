// Route lookup benchmark (issue 6): routes.dxr's trie lookup vs a regex-per-route router (POSIX
// regcomp/regexec, first match wins), for 10, 1,000 and 10,000 routes. A benchmark, not a test.
//
// Route sets are realistic: a few site pages (/, /about, /pricing, /blog/:slug, /docs/*rest, …) plus, per
// resource, the six REST-ish pages /r, /r/new, /r/:id, /r/:id/edit, /r/:id/comments, /r/:id/comments/:cid.
// 10,000 request paths are generated once per set (90 % hit a random route with random ids/slugs, 10 %
// miss) and kept in one buffer, as a server's read buffer holds them. Two timings: `hot` cycles through 64
// of them (what per-route micro-benchmarks such as find-my-way's measure), `mixed` through all 10,000
// (cache and branch-predictor misses included). Each is run RUNS times; the median ns/lookup is printed.
// The regex router gets the routes in precedence order (static < param < catch-all, segment by segment),
// so first-match-wins gives the same answers; the run checks it does.
#include <regex.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "dx/schema/dxr_build.h"

using namespace dx::schema;
// Thread CPU time: the machine is shared, and time spent descheduled is not the router's.
double now_ns() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e9 + double(t.tv_nsec);
}

namespace {

const char* kWords[] = {"users", "products", "orders", "customers", "invoices", "projects", "teams", "settings", "reports",
                        "articles", "events", "tickets", "files", "messages", "payments", "accounts"};

std::vector<DxrRouteSpec> make_routes(size_t n) {
  auto S = [](std::string t) { return DxrSegmentSpec{kDxrStatic, std::move(t)}; };
  auto P = [](std::string t) { return DxrSegmentSpec{kDxrParam, std::move(t)}; };
  std::vector<std::vector<DxrSegmentSpec>> pats = {
      {}, {S("about")}, {S("pricing")}, {S("blog"), P("slug")}, {S("docs"), {kDxrCatchAll, "rest"}}};
  for (size_t r = 0; pats.size() < n; ++r) {
    std::string name = kWords[r % 16];
    if (r >= 16) name += '-' + std::to_string(r / 16);
    std::vector<std::vector<DxrSegmentSpec>> more = {
        {S(name)}, {S(name), S("new")}, {S(name), P("id")}, {S(name), P("id"), S("edit")},
        {S(name), P("id"), S("comments")}, {S(name), P("id"), S("comments"), P("cid")}};
    for (auto& m : more)
      if (pats.size() < n) pats.push_back(m);
  }
  std::vector<DxrRouteSpec> routes(pats.size());
  for (uint32_t i = 0; i < pats.size(); ++i) { routes[i].segments = pats[i]; routes[i].page = i; }
  return routes;
}

std::vector<std::string> make_paths(const std::vector<DxrRouteSpec>& routes, size_t n, std::mt19937& rng) {
  std::vector<std::string> paths;
  while (paths.size() < n) {
    const DxrRouteSpec& r = routes[rng() % routes.size()];
    std::string p;
    for (const DxrSegmentSpec& s : r.segments)
      p += '/' + (s.kind == kDxrStatic ? s.text : s.kind == kDxrParam ? std::to_string(rng() % 1000000) : std::string("guide/intro"));
    if (rng() % 10 == 0) p += "/missing-page";  // a miss (or, under a catch-all, a longer rest)
    paths.push_back(p.empty() ? "/" : p);
  }
  return paths;
}

// Precedence order: compare kinds segment by segment (static 1 < param 2 < catch-all 3), shorter first.
bool before(const DxrRouteSpec& a, const DxrRouteSpec& b) {
  for (size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i)
    if (a.segments[i].kind != b.segments[i].kind) return a.segments[i].kind < b.segments[i].kind;
  return a.segments.size() < b.segments.size();
}

struct RegexRouter {
  std::vector<regex_t> res;
  std::vector<uint32_t> ids;
  explicit RegexRouter(const std::vector<DxrRouteSpec>& routes) {
    std::vector<uint32_t> order(routes.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return before(routes[a], routes[b]); });
    for (uint32_t i : order) {
      std::string re = "^";
      for (const DxrSegmentSpec& s : routes[i].segments)
        re += s.kind == kDxrStatic ? "/" + s.text : s.kind == kDxrParam ? "/([^/]+)" : "/(.+)";
      re += routes[i].segments.empty() ? "/$" : "/?$";
      regex_t r;
      if (regcomp(&r, re.c_str(), REG_EXTENDED)) { std::fprintf(stderr, "bad regex %s\n", re.c_str()); std::exit(1); }
      res.push_back(r);
      ids.push_back(i);
    }
  }
  ~RegexRouter() { for (regex_t& r : res) regfree(&r); }
  uint32_t lookup(const std::string& path) const {
    regmatch_t m[kDxrMaxParams + 1];
    for (size_t i = 0; i < res.size(); ++i)
      if (regexec(&res[i], path.c_str(), kDxrMaxParams + 1, m, 0) == 0) return ids[i];
    return kDxrNone;
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Request paths as a server holds them: bytes in one buffer (a read buffer), each an offset and a length.
struct PathSet {
  std::string buf;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  explicit PathSet(const std::vector<std::string>& paths) {
    for (const std::string& p : paths) { spans.push_back({uint32_t(buf.size()), uint32_t(p.size())}); buf += p; }
  }
};

// ns per lookup over `lookups` lookups cycling through the set, median of `runs`.
double time_dxr(const DxrView& v, const PathSet& set, size_t lookups, int runs, uint64_t& sink) {
  std::vector<double> ns;
  for (int run = 0; run < runs; ++run) {
    double t0 = now_ns();
    for (size_t i = 0, k = 0; i < lookups; ++i, k = k + 1 == set.spans.size() ? 0 : k + 1) {
      DxrMatch m;
      if (v.lookup(set.buf.data() + set.spans[k].first, set.spans[k].second, &m)) sink += m.route + m.params[0].size;
    }
    ns.push_back((now_ns() - t0) / double(lookups));
  }
  return median(ns);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 7;
  const size_t kPaths = 10000, kHot = 64, kLookups = 200000;
  std::printf("routes.dxr trie vs regex-per-route (POSIX regexec, first match wins); ns per lookup, median of %d runs\n", runs);
  std::printf("  hot: %zu distinct paths cycled (what per-route micro-benchmarks measure)\n", kHot);
  std::printf("  mixed: %zu distinct random paths, 10%% misses (what a server sees: cache and branch misses)\n\n", kPaths);
  std::printf("%8s %10s %8s %10s %10s %14s %10s\n", "routes", "dxr bytes", "nodes", "dxr hot", "dxr mixed", "regex mixed", "regex/dxr");
  std::mt19937 rng(6);
  uint64_t sink = 0;
  for (size_t n : {size_t(10), size_t(1000), size_t(10000)}) {
    std::vector<DxrRouteSpec> routes = make_routes(n);
    DxrBuildResult built = build_dxr(routes);
    if (!built.ok()) { std::fprintf(stderr, "build: %s\n", built.error.c_str()); return 1; }
    DxrView v;
    DxrError err;
    if (!v.open(built.bytes.data(), uint32_t(built.bytes.size()), &err)) { std::fprintf(stderr, "open: %s\n", err.what); return 1; }
    std::vector<std::string> paths = make_paths(routes, kPaths, rng);
    RegexRouter rx(routes);
    for (size_t i = 0; i < paths.size(); i += paths.size() / 500) {  // same answers on 500 paths
      const std::string& p = paths[i];
      DxrMatch m;
      uint32_t got = v.lookup(p.data(), uint32_t(p.size()), &m) ? m.route : kDxrNone;
      if (got != rx.lookup(p)) { std::fprintf(stderr, "disagree on %s: dxr %u regex %u\n", p.c_str(), got, rx.lookup(p)); return 1; }
    }
    PathSet mixed(paths), hot(std::vector<std::string>(paths.begin(), paths.begin() + kHot));
    double d_hot = time_dxr(v, hot, kLookups, runs, sink);
    double d_mixed = time_dxr(v, mixed, kLookups, runs, sink);
    // The regex router is orders of magnitude slower: time as many paths as fit in ~0.2 s per run.
    std::vector<double> rx_ns;
    for (int run = 0; run < runs; ++run) {
      size_t done = 0;
      double t0 = now_ns();
      while (done < paths.size() && (done % 16 != 0 || now_ns() < t0 + 2e8)) sink += rx.lookup(paths[done++]);
      rx_ns.push_back((now_ns() - t0) / double(done));
    }
    double r = median(rx_ns);
    std::printf("%8zu %10zu %8u %10.1f %10.1f %14.0f %9.0fx\n", routes.size(), built.bytes.size(), v.node_count(), d_hot, d_mixed, r, r / d_mixed);
  }
  std::printf("\n(checksum %llu)\n", (unsigned long long)sink);
  return 0;
}
