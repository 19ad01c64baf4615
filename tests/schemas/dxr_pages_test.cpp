// File routing: pages/ file paths → routes, layouts, the 404 page, and the errors that name both files.
#include "discover/routes.h"
#include "dxr_test_util.h"

using dxc::discover::PageRoutes;
using dxc::discover::routes_from_pages;

namespace {
// "file → pattern layouts=a,b" for every route, in route order.
std::string describe(const PageRoutes& r) {
  std::string s;
  for (uint32_t i = 0; i < r.routes.size(); ++i) {
    s += r.files[r.routes[i].page] + " -> " + (i == r.not_found ? std::string("404") : dx::schema::dxr_pattern(r.routes[i]));
    for (size_t k = 0; k < r.routes[i].layouts.size(); ++k) s += (k ? "," : " layouts=") + r.files[r.routes[i].layouts[k]];
    s += "\n";
  }
  return s;
}

std::string errors(const PageRoutes& r) {
  std::string s;
  for (const auto& e : r.errors) s += e.file + (e.other.empty() ? "" : " (and " + e.other + ")") + ": " + e.message + "\n";
  return s;
}
}  // namespace

TEST_CASE("page files become routes with their layout chains", "[dxr][pages]") {
  PageRoutes r = routes_from_pages({"index.tsx", "about.tsx", "users/[id].tsx", "users/[id]/edit.tsx", "users/new.tsx",
                                    "docs/[...rest].tsx", "404.tsx", "_layout.tsx", "users/_layout.tsx", "blog/index.tsx",
                                    "caf\xc3\xa9 menu.tsx"});
  INFO(errors(r));
  REQUIRE(r.errors.empty());
  CHECK(describe(r) ==
        "404.tsx -> 404 layouts=_layout.tsx\n"
        "about.tsx -> /about layouts=_layout.tsx\n"
        "blog/index.tsx -> /blog layouts=_layout.tsx\n"
        "caf\xc3\xa9 menu.tsx -> /caf%C3%A9%20menu layouts=_layout.tsx\n"
        "docs/[...rest].tsx -> /docs/*rest layouts=_layout.tsx\n"
        "index.tsx -> / layouts=_layout.tsx\n"
        "users/[id].tsx -> /users/:id layouts=_layout.tsx,users/_layout.tsx\n"
        "users/[id]/edit.tsx -> /users/:id/edit layouts=_layout.tsx,users/_layout.tsx\n"
        "users/new.tsx -> /users/new layouts=_layout.tsx,users/_layout.tsx\n");

  dx::schema::DxrView v;
  dx::schema::DxrError err;
  REQUIRE(v.open(r.dxr.data(), uint32_t(r.dxr.size()), &err));
  auto page_of = [&](const std::string& path) -> std::string {
    dx::schema::DxrMatch m;
    if (!v.lookup(path.data(), uint32_t(path.size()), &m)) return "404 -> " + r.files[v.route(v.not_found()).page];
    return r.files[v.route(m.route).page];
  };
  CHECK(page_of("/") == "index.tsx");
  CHECK(page_of("/users/new") == "users/new.tsx");
  CHECK(page_of("/users/new/edit") == "users/[id]/edit.tsx");
  CHECK(page_of("/docs") == "404 -> 404.tsx");
  CHECK(page_of("/docs/a/b") == "docs/[...rest].tsx");
  CHECK(page_of("/caf%C3%A9%20menu") == "caf\xc3\xa9 menu.tsx");
  CHECK(page_of("/404") == "404 -> 404.tsx");
}

TEST_CASE("two pages with one URL are an error naming both files", "[dxr][pages]") {
  CHECK(errors(routes_from_pages({"a.tsx", "a/index.tsx"})) == "a/index.tsx (and a.tsx): has the same URL as another page: /a\n");
  CHECK(errors(routes_from_pages({"a/[x].tsx", "a/[y].tsx"})) ==
        "a/[y].tsx (and a/[x].tsx): names the param at /a/:y 'y', another page names it 'x'\n");
  CHECK(errors(routes_from_pages({"a/[...x].tsx", "a/[...y].tsx"})) ==
        "a/[...y].tsx (and a/[...x].tsx): names the param at /a/*y 'y', another page names it 'x'\n");
  CHECK(errors(routes_from_pages({"a/[...x].tsx", "a/[...x]/index.tsx"})) ==
        "a/[...x]/index.tsx (and a/[...x].tsx): has the same URL as another page: /a/*x\n");
  CHECK(errors(routes_from_pages({"a/[...x]/b.tsx"})) ==
        "a/[...x]/b.tsx: has a catch-all folder '[...x]' (a catch-all must be a file: [...name].tsx)\n");
  CHECK(errors(routes_from_pages({"users/[id].tsx", "users/[uid]/edit.tsx"})) ==
        "users/[uid]/edit.tsx (and users/[id].tsx): names the param at /users/:uid/edit 'uid', another page names it 'id'\n");
  CHECK(errors(routes_from_pages({"index.tsx", "index/index.tsx"})) == "");  // `/` and `/index`
  CHECK(errors(routes_from_pages({"[id].tsx", "[id]/index.tsx"})) == "[id]/index.tsx (and [id].tsx): has the same URL as another page: /:id\n");
  // Every conflict is reported, not only the first.
  CHECK(routes_from_pages({"a.tsx", "a/index.tsx", "b.tsx", "b/index.tsx"}).errors.size() == 2);
  CHECK(routes_from_pages({"a.tsx", "a/index.tsx"}).dxr.empty());
}

TEST_CASE("bad page names are errors naming the file", "[dxr][pages]") {
  CHECK(errors(routes_from_pages({"a/[[...x]].tsx"})) ==
        "a/[[...x]].tsx: is an optional catch-all '[[...x]]' (not supported yet: add an index.tsx beside a [...name].tsx)\n");
  CHECK(errors(routes_from_pages({"[a-b].tsx"})) == "[a-b].tsx: has a param name that is not an identifier in '[a-b]'\n");
  CHECK(errors(routes_from_pages({"x[id].tsx"})) == "x[id].tsx: has brackets that do not span the whole segment 'x[id]'\n");
  CHECK(errors(routes_from_pages({"[id]/[id].tsx"})) == "[id]/[id].tsx: repeats the param name 'id'\n");
  CHECK(errors(routes_from_pages({"_app.tsx"})) ==
        "_app.tsx: uses a reserved name '_app' (names starting with '_' other than _layout.tsx are reserved)\n");
  CHECK(errors(routes_from_pages({"util.ts"})) == "util.ts: is not a .tsx page\n");
  CHECK(errors(routes_from_pages({"a//b.tsx"})) == "a//b.tsx: has an empty path segment\n");
  CHECK(errors(routes_from_pages({"[...x]/_layout.tsx"})) ==
        "[...x]/_layout.tsx: has a catch-all folder '[...x]' (a catch-all must be a file: [...name].tsx)\n");
  CHECK(errors(routes_from_pages({"[a]/[b]/[c]/[d]/[e]/[f]/[g]/[h]/[i].tsx"})) == "[a]/[b]/[c]/[d]/[e]/[f]/[g]/[h]/[i].tsx: has more than 8 params\n");
}

TEST_CASE("a project without 404.tsx or layouts", "[dxr][pages]") {
  PageRoutes r = routes_from_pages({"index.tsx"});
  REQUIRE(r.errors.empty());
  CHECK(r.not_found == dx::schema::kDxrNone);
  CHECK(r.routes[0].layouts.empty());
  dx::schema::DxrView v;
  REQUIRE(v.open(r.dxr.data(), uint32_t(r.dxr.size()), nullptr));
  CHECK(v.not_found() == dx::schema::kDxrNone);
}
