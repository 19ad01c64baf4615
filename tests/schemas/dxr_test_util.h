// Test helpers for routes.dxr: routes written as patterns ("/users/:id", "/docs/*rest"), built and opened.
#pragma once
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "dx/schema/dxr_build.h"

namespace dxr_test {

// "/a/:id/*rest" → segments; page = the route's index unless given.
inline dx::schema::DxrRouteSpec spec(const std::string& pattern, uint32_t page, std::vector<uint32_t> layouts = {}) {
  dx::schema::DxrRouteSpec r;
  r.page = page;
  r.layouts = std::move(layouts);
  size_t i = 1;
  while (i < pattern.size()) {
    size_t j = pattern.find('/', i);
    if (j == std::string::npos) j = pattern.size();
    std::string s = pattern.substr(i, j - i);
    if (s[0] == ':') r.segments.push_back({dx::schema::kDxrParam, s.substr(1)});
    else if (s[0] == '*') r.segments.push_back({dx::schema::kDxrCatchAll, s.substr(1)});
    else r.segments.push_back({dx::schema::kDxrStatic, s});
    i = j + 1;
  }
  return r;
}

// A built and opened trie. Route i is patterns[i] (page i).
struct Trie {
  std::vector<uint8_t> bytes;
  dx::schema::DxrView view;
  explicit Trie(const std::vector<std::string>& patterns, uint32_t not_found = dx::schema::kDxrNone) {
    std::vector<dx::schema::DxrRouteSpec> routes;
    for (uint32_t i = 0; i < patterns.size(); ++i) routes.push_back(spec(patterns[i], i));
    dx::schema::DxrBuildResult b = dx::schema::build_dxr(routes, not_found);
    INFO(b.error);
    REQUIRE(b.ok());
    bytes = std::move(b.bytes);
    dx::schema::DxrError err;
    REQUIRE(view.open(bytes.data(), uint32_t(bytes.size()), &err));
  }
  // "route 3 [42] [a/b]" or "none".
  std::string match(const std::string& path) const {
    dx::schema::DxrMatch m;
    if (!view.lookup(path.data(), uint32_t(path.size()), &m)) return "none";
    std::string s = "route " + std::to_string(m.route);
    for (uint32_t k = 0; k < m.param_count; ++k) s += " [" + path.substr(m.params[k].offset, m.params[k].size) + "]";
    return s;
  }
};

}  // namespace dxr_test
