// dx/schema/dxr_build.h — builds a routes.dxr (spec: schemas/dxr.md) from route patterns.
//
// Hosted companion of dxr.h (std::vector, std::string, std::map): used by dxc, its tests and the route
// benchmark, never by the wasm runtime. `build_dxr` inserts every route into a trie (static children,
// one param child, one catch-all child per node), numbers the nodes in preorder so a lookup walks forward
// through the file, lays each node's static children out as a hash table at most half full, and writes the
// flat arrays with `write_dxr`. Two routes with the same pattern are reported, never silently merged.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "dx/schema/dxr.h"

namespace dx::schema {

struct DxrSegmentSpec {
  uint8_t kind = kDxrStatic;  // kDxrStatic, kDxrParam or kDxrCatchAll (last segment only)
  std::string text;           // the static label as it appears in a raw request path, or the param's name
};
struct DxrRouteSpec {
  std::vector<DxrSegmentSpec> segments;  // empty: the route `/`
  uint32_t page = 0;                     // the page's id, stored as is
  std::vector<uint32_t> layouts;         // layout ids, outermost first
};

// "/", "/users/:id", "/docs/*rest": how dumps and errors show a route.
inline std::string dxr_pattern(const DxrRouteSpec& r) {
  std::string s;
  for (const DxrSegmentSpec& g : r.segments)
    s += (g.kind == kDxrParam ? "/:" : g.kind == kDxrCatchAll ? "/*" : "/") + g.text;
  return s.empty() ? "/" : s;
}

struct DxrBuildResult {
  std::vector<uint8_t> bytes;                      // the file; empty on error
  std::string error;                               // empty on success
  uint32_t route = kDxrNone, other = kDxrNone;     // the offending route (and the one it collides with)
  bool ok() const { return error.empty(); }
};

namespace dxr_detail {
struct BuildNode {
  uint32_t parent = kDxrNone;
  uint8_t via = kDxrRoot, depth = 0, params = 0;
  uint32_t route = kDxrNone;
  std::map<std::string, uint32_t> statics;  // sorted: deterministic output
  uint32_t param = kDxrNone, catchall = kDxrNone;
};

inline uint32_t child(std::vector<BuildNode>& t, uint32_t at, const DxrSegmentSpec& g) {
  BuildNode& n = t[at];
  uint32_t* slot = g.kind == kDxrParam ? &n.param : g.kind == kDxrCatchAll ? &n.catchall : nullptr;
  if (slot && *slot != kDxrNone) return *slot;
  if (!slot) {
    auto it = n.statics.find(g.text);
    if (it != n.statics.end()) return it->second;
  }
  BuildNode c;
  c.parent = at;
  c.via = g.kind;
  c.depth = uint8_t(n.depth + 1);
  c.params = uint8_t(n.params + (g.kind == kDxrStatic ? 0 : 1));
  uint32_t id = uint32_t(t.size());
  if (slot) *slot = id; else n.statics.emplace(g.text, id);
  t.push_back(std::move(c));  // invalidates `n`
  return id;
}

// Preorder: statics (sorted), then the param child, then the catch-all child.
inline void number(const std::vector<BuildNode>& t, uint32_t at, std::vector<uint32_t>& order) {
  order.push_back(at);
  for (const auto& [label, c] : t[at].statics) number(t, c, order);
  if (t[at].param != kDxrNone) number(t, t[at].param, order);
  if (t[at].catchall != kDxrNone) number(t, t[at].catchall, order);
}

struct ByteArea {
  std::vector<uint8_t> bytes;
  std::map<std::string, uint32_t> seen;
  uint32_t add(const std::string& s) {
    auto [it, fresh] = seen.emplace(s, uint32_t(bytes.size()));
    if (fresh) bytes.insert(bytes.end(), s.begin(), s.end());
    return it->second;
  }
};
}  // namespace dxr_detail

// Builds routes.dxr from `routes`; route i of the file is routes[i]. `not_found` (an index into routes, or
// kDxrNone) is the 404 page: stored in the header and in the route table, but not in the trie.
inline DxrBuildResult build_dxr(const std::vector<DxrRouteSpec>& routes, uint32_t not_found = kDxrNone) {
  using namespace dxr_detail;
  DxrBuildResult res;
  auto fail = [&](uint32_t route, uint32_t other, std::string what) {
    res.route = route;
    res.other = other;
    res.error = std::move(what);
    return res;
  };
  if (not_found != kDxrNone && not_found >= routes.size()) return fail(not_found, kDxrNone, "not_found is not a route");
  std::vector<BuildNode> t(1);
  for (uint32_t r = 0; r < routes.size(); ++r) {
    const DxrRouteSpec& spec = routes[r];
    if (spec.segments.size() > kDxrMaxDepth) return fail(r, kDxrNone, "route has more than 64 segments");
    if (spec.layouts.size() > 255) return fail(r, kDxrNone, "route has more than 255 layouts");
    uint32_t params = 0;
    for (size_t k = 0; k < spec.segments.size(); ++k) {
      const DxrSegmentSpec& g = spec.segments[k];
      if (g.kind < kDxrStatic || g.kind > kDxrCatchAll) return fail(r, kDxrNone, "unknown segment kind");
      if (g.kind == kDxrStatic && (g.text.empty() || g.text.find('/') != std::string::npos))
        return fail(r, kDxrNone, "static segment is empty or contains '/'");
      if (g.kind == kDxrCatchAll && k + 1 != spec.segments.size()) return fail(r, kDxrNone, "a catch-all must be the last segment");
      if (g.kind != kDxrStatic && ++params > kDxrMaxParams) return fail(r, kDxrNone, "route has more than 8 params");
    }
    std::string pattern = dxr_pattern(spec);
    if (!valid_utf8(reinterpret_cast<const uint8_t*>(pattern.data()), uint32_t(pattern.size())))
      return fail(r, kDxrNone, "route pattern is not valid UTF-8");
    if (r == not_found) continue;
    uint32_t at = 0;
    for (const DxrSegmentSpec& g : spec.segments) at = child(t, at, g);
    if (t[at].route != kDxrNone) return fail(r, t[at].route, "two routes have the same pattern " + pattern);
    t[at].route = r;
  }

  std::vector<uint32_t> order, index(t.size());
  number(t, 0, order);
  for (uint32_t i = 0; i < order.size(); ++i) index[order[i]] = i;
  auto renum = [&](uint32_t id) { return id == kDxrNone ? kDxrNone : index[id]; };

  ByteArea area;
  std::vector<DxrNode> nodes;
  std::vector<DxrSlot> slots;
  for (uint32_t old : order) {
    const BuildNode& b = t[old];
    DxrNode n{renum(b.parent), b.via, b.depth, b.params, b.route, uint32_t(slots.size()), 0, renum(b.param), renum(b.catchall)};
    if (!b.statics.empty()) {
      uint32_t cap = 2;
      while (cap < 2 * b.statics.size()) cap *= 2;
      n.slot_count = cap;
      slots.resize(slots.size() + cap, DxrSlot{0, 0, 0, kDxrNone});
      for (const auto& [label, c] : b.statics) {
        uint32_t len = uint32_t(label.size());
        uint32_t h = dxr_hash(reinterpret_cast<const uint8_t*>(label.data()), len);
        uint32_t i = h & (cap - 1);
        while (slots[n.first_slot + i].child != kDxrNone) i = (i + 1) & (cap - 1);
        slots[n.first_slot + i] = {h, area.add(label), len, index[c]};
      }
    }
    nodes.push_back(n);
  }
  std::vector<DxrRoute> table;
  std::vector<uint32_t> layouts;
  std::vector<DxrName> names;
  for (uint32_t i = 0; i < routes.size(); ++i) {
    const DxrRouteSpec& spec = routes[i];
    std::string pattern = i == not_found ? std::string() : dxr_pattern(spec);  // the 404 page has no URL
    DxrRoute r{spec.page, area.add(pattern), uint32_t(pattern.size()), uint32_t(layouts.size()), uint32_t(names.size()),
               uint8_t(spec.layouts.size()), 0, 0};
    layouts.insert(layouts.end(), spec.layouts.begin(), spec.layouts.end());
    for (const DxrSegmentSpec& g : spec.segments)
      if (g.kind != kDxrStatic) {
        names.push_back({area.add(g.text), uint32_t(g.text.size())});
        ++r.param_count;
      }
    table.push_back(r);
  }

  DxrContents c;
  c.nodes = nodes.data(); c.node_count = uint32_t(nodes.size());
  c.slots = slots.data(); c.slot_count = uint32_t(slots.size());
  c.routes = table.data(); c.route_count = uint32_t(table.size());
  c.layouts = layouts.data(); c.layout_count = uint32_t(layouts.size());
  c.names = names.data(); c.name_count = uint32_t(names.size());
  c.bytes = area.bytes.data(); c.byte_count = uint32_t(area.bytes.size());
  c.not_found = not_found;
  Writer count;
  write_dxr(count, c);
  res.bytes.resize(count.pos);
  Writer w(res.bytes.data(), uint32_t(res.bytes.size()));
  write_dxr(w, c);
  return res;
}

// Sets route `i`'s flags (kDxrRouteForm) in a file `build_dxr` wrote: dxc learns which pages read a form only
// after analysis, once the routes are built. False when the file does not validate or has no route `i`.
inline bool dxr_set_route_flags(std::vector<uint8_t>& file, uint32_t i, uint16_t flags) {
  DxrView v;
  DxrError err;
  if (flags & ~kDxrRouteForm || !v.open(file.data(), uint32_t(file.size()), &err) || i >= v.route_count()) return false;
  store_u16(file.data() + v.route_offset(i) + 22, flags);
  return true;
}

}  // namespace dx::schema
