#include "discover/routes.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace dxc::discover {

namespace {
using dx::schema::DxrSegmentSpec;
using dx::schema::kDxrCatchAll;
using dx::schema::kDxrNone;
using dx::schema::kDxrParam;
using dx::schema::kDxrStatic;

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts(1);
  for (char c : path) {
    if (c == '/') parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

bool identifier(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = (unsigned char)s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

// A path segment as a browser sends it: bytes outside RFC 3986 pchar become %XX (upper-case hex).
std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string o;
  for (unsigned char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~!$&'()*+,;=:@").find(char(c)) != std::string_view::npos;
    if (keep) o += char(c);
    else { o += '%'; o += hex[c >> 4]; o += hex[c & 15]; }
  }
  return o;
}

// One folder or file name → a segment; returns an error message or "".
std::string parse_segment(const std::string& name, bool last, DxrSegmentSpec& seg) {
  if (name.empty()) return "has an empty path segment";
  if (name[0] == '_') return "uses a reserved name '" + name + "' (names starting with '_' other than _layout.tsx are reserved)";
  bool open = name.front() == '[', close = name.back() == ']';
  if (!open && !close && name.find_first_of("[]") == std::string::npos) {
    seg = {kDxrStatic, percent_encode(name)};
    return "";
  }
  if (!open || !close || name.size() < 3) return "has brackets that do not span the whole segment '" + name + "'";
  std::string inner = name.substr(1, name.size() - 2);
  if (inner.front() == '[') return "is an optional catch-all '" + name + "' (not supported yet: add an index.tsx beside a [...name].tsx)";
  uint8_t kind = kDxrParam;
  if (inner.rfind("...", 0) == 0) {
    kind = kDxrCatchAll;
    inner = inner.substr(3);
    if (!last) return "has a catch-all folder '" + name + "' (a catch-all must be a file: [...name].tsx)";
  }
  if (!identifier(inner)) return "has a param name that is not an identifier in '" + name + "'";
  seg = {kind, inner};
  return "";
}

// The key two routes share when they match the same URLs: static labels kept, params and catch-alls
// reduced to their kind.
std::string shape_of(const std::vector<DxrSegmentSpec>& segs, size_t n) {
  std::string key;
  for (size_t i = 0; i < n; ++i) key += segs[i].kind == kDxrStatic ? "/" + segs[i].text : segs[i].kind == kDxrParam ? "/\x01" : "/\x02";
  return key;
}
}  // namespace

PageRoutes routes_from_pages(std::vector<std::string> files) {
  PageRoutes out;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  out.files = files;
  std::map<std::string, uint32_t> layout_of;  // folder ("" or "blog/") → file id
  for (uint32_t id = 0; id < files.size(); ++id) {
    const std::string& f = files[id];
    if (f == "_layout.tsx" || (f.size() > 12 && f.compare(f.size() - 12, 12, "/_layout.tsx") == 0))
      layout_of[f.substr(0, f.size() - 11)] = id;
  }
  auto layouts_for = [&](const std::vector<std::string>& parts) {
    std::vector<uint32_t> chain;
    std::string folder;
    for (size_t i = 0;; ++i) {
      if (auto it = layout_of.find(folder); it != layout_of.end()) chain.push_back(it->second);
      if (i + 1 >= parts.size()) return chain;
      folder += parts[i] + "/";
    }
  };

  std::vector<uint32_t> file_of;                                   // route → file id
  std::map<std::string, uint32_t> by_shape;                        // shape → route
  std::map<std::string, std::pair<std::string, uint32_t>> names;  // shape up to a param → (name, route)
  for (uint32_t id = 0; id < files.size(); ++id) {
    const std::string& f = files[id];
    auto error = [&](std::string msg, uint32_t other = kDxrNone) {
      out.errors.push_back({f, other == kDxrNone ? "" : files[file_of[other]], std::move(msg)});
    };
    if (f.size() < 5 || f.compare(f.size() - 4, 4, ".tsx") != 0) { error("is not a .tsx page"); continue; }
    std::vector<std::string> parts = split(f.substr(0, f.size() - 4));
    if (parts.back() == "_layout") {  // its folders must be valid route segments too
      std::string bad;
      DxrSegmentSpec seg;
      for (size_t i = 0; i + 1 < parts.size() && bad.empty(); ++i) bad = parse_segment(parts[i], false, seg);
      if (!bad.empty()) error(std::move(bad));
      continue;
    }
    dx::schema::DxrRouteSpec spec;
    spec.page = id;
    spec.layouts = layouts_for(parts);
    bool is_404 = parts.size() == 1 && parts[0] == "404";
    if (parts.back() == "index" && !is_404) parts.pop_back();
    std::string bad;
    for (size_t i = 0; i < parts.size() && bad.empty() && !is_404; ++i) {
      DxrSegmentSpec seg;
      bad = parse_segment(parts[i], i + 1 == parts.size(), seg);
      for (const DxrSegmentSpec& s : spec.segments)
        if (bad.empty() && seg.kind != kDxrStatic && s.kind != kDxrStatic && s.text == seg.text) bad = "repeats the param name '" + seg.text + "'";
      spec.segments.push_back(seg);
    }
    if (spec.segments.size() > dx::schema::kDxrMaxDepth) bad = "is nested more than 64 folders deep";
    size_t params = std::count_if(spec.segments.begin(), spec.segments.end(), [](const DxrSegmentSpec& s) { return s.kind != kDxrStatic; });
    if (params > dx::schema::kDxrMaxParams) bad = "has more than 8 params";
    if (!bad.empty()) { error(std::move(bad)); continue; }

    uint32_t route = uint32_t(out.routes.size());
    std::string clash;
    uint32_t other = kDxrNone;
    for (size_t i = 0; i < spec.segments.size() && clash.empty(); ++i) {
      auto it = names.find(shape_of(spec.segments, i + 1));
      if (spec.segments[i].kind != kDxrStatic && it != names.end() && it->second.first != spec.segments[i].text) {
        clash = "names the param at " + dx::schema::dxr_pattern(spec) + " '" + spec.segments[i].text + "', another page names it '" +
                it->second.first + "'";
        other = it->second.second;
      }
    }
    if (auto it = by_shape.find(shape_of(spec.segments, spec.segments.size())); clash.empty() && !is_404 && it != by_shape.end()) {
      clash = "has the same URL as another page: " + dx::schema::dxr_pattern(spec);
      other = it->second;
    }
    if (!clash.empty()) { error(std::move(clash), other); continue; }
    for (size_t i = 0; i < spec.segments.size(); ++i)
      if (spec.segments[i].kind != kDxrStatic) names.emplace(shape_of(spec.segments, i + 1), std::make_pair(spec.segments[i].text, route));
    if (!is_404) by_shape.emplace(shape_of(spec.segments, spec.segments.size()), route);
    if (is_404) out.not_found = route;
    file_of.push_back(id);
    out.routes.push_back(std::move(spec));
  }
  if (!out.errors.empty()) return out;
  dx::schema::DxrBuildResult built = dx::schema::build_dxr(out.routes, out.not_found);
  if (!built.ok()) {  // every case build_dxr refuses is caught above; kept so a gap cannot write a bad file
    out.errors.push_back({built.route == kDxrNone ? "" : files[file_of[built.route]],
                          built.other == kDxrNone ? "" : files[file_of[built.other]], built.error});
    return out;
  }
  out.dxr = std::move(built.bytes);
  return out;
}

}  // namespace dxc::discover
