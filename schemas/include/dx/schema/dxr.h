// dx/schema/dxr.h — the routes.dxr route trie (spec: schemas/dxr.md): constants, a validating reader with
// the lookup, and a writer of already-flattened arrays.
//
// Freestanding and header-only (no exceptions, no allocation, no libc): dx-server, dxc inspect and the wasm
// runtime read with `DxrView::open`, which validates every count, range and link once. On a validated file
// `lookup` cannot read out of bounds or loop: every node has one parent with a smaller index, is reached
// only through the one edge kind it records, and sits one level below its parent (depth ≤ kDxrMaxDepth),
// so a lookup visits each node at most once and recurses at most kDxrMaxDepth deep.
// The compiler builds the trie with `dx/schema/dxr_build.h` (hosted), which calls `write_dxr` below.
#pragma once
#include "dx/schema/bytes.h"

namespace dx::schema {

inline constexpr uint8_t kDxrMagic[4] = {0x00, 0x44, 0x58, 0x52};  // "\0DXR"
inline constexpr uint16_t kDxrVersion = 1;
inline constexpr uint16_t kDxrMinCompatible = 1;
inline constexpr uint32_t kDxrHeaderSize = 48;
inline constexpr uint32_t kDxrNodeSize = 28, kDxrSlotSize = 16, kDxrRouteSize = 24;
inline constexpr uint32_t kDxrMaxParams = 8;   // params (incl. a catch-all) per route
inline constexpr uint32_t kDxrMaxDepth = 64;   // segments per route pattern
inline constexpr uint32_t kDxrNone = 0xFFFFFFFFu;

// How a node is reached from its parent (node field `via`); also the kind of a route segment.
enum DxrVia : uint8_t { kDxrRoot = 0, kDxrStatic = 1, kDxrParam = 2, kDxrCatchAll = 3 };
// Route field `flags`: kDxrRouteForm = the page reads a POSTed form's fields (useFormData), so dx-server renders
// it for POST as well as GET. Other bits are 0.
inline constexpr uint16_t kDxrRouteForm = 1;

struct DxrNode {
  uint32_t parent;  // kDxrNone for the root (node 0)
  uint8_t via, depth, params;  // edge kind from the parent; segments and params consumed to get here
  uint32_t route;   // the route that ends here, or kDxrNone
  uint32_t first_slot, slot_count;  // static children: an open-addressing table (0 or a power of two)
  uint32_t param_child, catchall_child;  // kDxrNone when absent
};
struct DxrSlot { uint32_t hash, label, label_len, child; };  // child == kDxrNone: empty slot
struct DxrRoute {
  uint32_t page;                    // the page's id (the compiler's numbering)
  uint32_t pattern, pattern_len;    // "/users/:id", "/docs/*rest" (bytes area)
  uint32_t first_layout, first_name;
  uint8_t layout_count, param_count;  // layout ids outermost first; param names in path order
  uint16_t flags;                     // kDxrRouteForm
};
struct DxrName { uint32_t offset, size; };  // a string in the bytes area

// A 64-bit word that depends on every one of n ≤ 8 bytes (overlapping loads, no byte loop; the caller
// mixes n in). Equal n and equal words ⇔ equal bytes, so it serves the comparison as well as the hash.
inline uint64_t dxr_word(const uint8_t* s, uint32_t n) {
  if (n >= 4) return load_u32(s) | uint64_t(load_u32(s + n - 4)) << 32;
  if (n > 0) return s[0] | uint32_t(s[n >> 1]) << 8 | uint32_t(s[n - 1]) << 16;
  return 0;
}
inline uint64_t dxr_word8(const uint8_t* s) { return load_u32(s) | uint64_t(load_u32(s + 4)) << 32; }

// The slot table's hash of a static segment: one multiply per 8 bytes (a segment is usually one or two).
inline uint32_t dxr_hash(const uint8_t* s, uint32_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  uint32_t k = 0;
  for (; k + 8 < n; k += 8) {
    h = (h ^ dxr_word8(s + k)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  h ^= n > 8 ? dxr_word8(s + n - 8) : dxr_word(s, n);  // the last ≤ 8 bytes
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;  // murmur3's finalizer: every input bit reaches the low bits
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return uint32_t(h ^ (h >> 33));
}

struct DxrError {
  const char* what = nullptr;  // static string; null = no error
  uint32_t offset = 0;         // byte offset in the file where the problem was found
};

// A param's value: raw bytes of the path (never percent-decoded), as an offset and length into it.
struct DxrParam { uint32_t offset, size; };
struct DxrMatch {
  uint32_t route = kDxrNone;
  uint32_t param_count = 0;
  DxrParam params[kDxrMaxParams] = {};
};

// A validated view of a routes.dxr held in memory. Does not own the bytes.
class DxrView {
 public:
  struct Str { const uint8_t* data; uint32_t size; };

  // Validates `bytes` completely. On failure returns false and fills `err`.
  bool open(const uint8_t* bytes, uint32_t size, DxrError* err) {
    data_ = bytes;
    size_ = size;
    return validate(err);
  }

  uint16_t version() const { return load_u16(data_ + 4); }
  uint32_t node_count() const { return nodes_; }
  uint32_t slot_count() const { return slots_; }
  uint32_t route_count() const { return routes_; }
  uint32_t not_found() const { return load_u32(data_ + 40); }  // route index of the 404 page, or kDxrNone
  uint32_t route_offset(uint32_t i) const { return route_at_ + kDxrRouteSize * i; }  // route i's entry in the file

  DxrNode node(uint32_t i) const {
    const uint8_t* e = data_ + kDxrHeaderSize + kDxrNodeSize * i;
    return {load_u32(e), e[4], e[5], e[6], load_u32(e + 8), load_u32(e + 12), load_u32(e + 16), load_u32(e + 20), load_u32(e + 24)};
  }
  DxrSlot slot(uint32_t i) const {
    const uint8_t* e = data_ + slot_at_ + kDxrSlotSize * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8), load_u32(e + 12)};
  }
  DxrRoute route(uint32_t i) const {
    const uint8_t* e = data_ + route_at_ + kDxrRouteSize * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8), load_u32(e + 12), load_u32(e + 16), e[20], e[21], load_u16(e + 22)};
  }
  uint32_t layout(const DxrRoute& r, uint32_t k) const { return load_u32(data_ + layout_at_ + 4 * (r.first_layout + k)); }
  Str param_name(const DxrRoute& r, uint32_t k) const {
    const uint8_t* e = data_ + name_at_ + 8 * (r.first_name + k);
    return bytes(load_u32(e), load_u32(e + 4));
  }
  Str pattern(const DxrRoute& r) const { return bytes(r.pattern, r.pattern_len); }
  Str bytes(uint32_t off, uint32_t len) const { return {data_ + bytes_at_ + off, len}; }

  // Finds the route for a URL path (bytes from the leading '/' up to, not including, any '?' or '#').
  // Returns false when nothing matches (the caller then serves not_found()). Rules (schemas/dxr.md):
  // byte-exact, case-sensitive, no percent-decoding; one trailing '/' after a segment is ignored; a path
  // with an empty segment ("//", "/a//b", "/a//") matches nothing; at each segment a static child is
  // tried before the param child before the catch-all, backtracking when a branch dead-ends.
  bool lookup(const char* path, uint32_t len, DxrMatch* m) const {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(path);
    m->route = kDxrNone;
    m->param_count = 0;
    if (len == 0 || p[0] != '/') return false;
    uint32_t end = len;
    if (len >= 2 && p[len - 1] == '/' && p[len - 2] != '/') end = len - 1;  // "/about/" → "/about"
    m->route = end == 1 ? node(0).route : descend(0, p, 0, end, m->params);  // end == 1 only for "/"
    if (m->route == kDxrNone) return false;
    m->param_count = route(m->route).param_count;
    return true;
  }

 private:
  // `pos` is the index of the '/' before the next segment, or `end` when the path is consumed.
  uint32_t descend(uint32_t n, const uint8_t* p, uint32_t pos, uint32_t end, DxrParam* params) const {
    const uint8_t* e = data_ + kDxrHeaderSize + kDxrNodeSize * n;
    if (pos == end) return load_u32(e + 8);
    uint32_t start = pos + 1, q = start;
    while (q < end && p[q] != '/') ++q;
    uint32_t seg = q - start;
    if (seg == 0) return kDxrNone;  // an empty segment matches nothing, on every branch
    if (uint32_t cap = load_u32(e + 16)) {
      uint32_t h = dxr_hash(p + start, seg);
      const uint8_t* table = data_ + slot_at_ + kDxrSlotSize * load_u32(e + 12);
      for (uint32_t i = h & (cap - 1), probes = 0; probes < cap; i = (i + 1) & (cap - 1), ++probes) {
        const uint8_t* s = table + kDxrSlotSize * i;
        uint32_t child = load_u32(s + 12);
        if (child == kDxrNone) break;
        if (load_u32(s) != h || load_u32(s + 8) != seg || !same(data_ + bytes_at_ + load_u32(s + 4), p + start, seg)) continue;
        uint32_t r = descend(child, p, q, end, params);
        if (r != kDxrNone) return r;
        break;  // labels are unique in a table
      }
    }
    uint32_t slot = e[6];  // this node's param count = the index of the next param
    if (uint32_t c = load_u32(e + 20); c != kDxrNone) {
      params[slot] = {start, seg};
      uint32_t r = descend(c, p, q, end, params);
      if (r != kDxrNone) return r;
    }
    if (uint32_t c = load_u32(e + 24); c != kDxrNone) {
      for (uint32_t i = q + 1; i < end; ++i)
        if (p[i] == '/' && p[i - 1] == '/') return kDxrNone;  // nor does a rest with one
      params[slot] = {start, end - start};
      return load_u32(data_ + kDxrHeaderSize + kDxrNodeSize * c + 8);
    }
    return kDxrNone;
  }

  static bool same(const uint8_t* a, const uint8_t* b, uint32_t n) {
    uint32_t k = 0;
    for (; k + 8 < n; k += 8)
      if (dxr_word8(a + k) != dxr_word8(b + k)) return false;
    return n > 8 ? dxr_word8(a + n - 8) == dxr_word8(b + n - 8) : dxr_word(a, n) == dxr_word(b, n);
  }

  bool fail(DxrError* err, const char* what, uint32_t off) const {
    if (err) { err->what = what; err->offset = off; }
    return false;
  }
  bool in_bytes(uint32_t off, uint32_t len) const { return off <= bytes_size_ && len <= bytes_size_ - off; }

  bool validate(DxrError* err) {
    if (!data_ || size_ < kDxrHeaderSize) return fail(err, "file shorter than the 48-byte header", 0);
    for (int i = 0; i < 4; ++i)
      if (data_[i] != kDxrMagic[i]) return fail(err, "bad magic (not a routes.dxr file)", 0);
    uint16_t version = load_u16(data_ + 4), min_compat = load_u16(data_ + 6);
    if (min_compat > kDxrVersion || min_compat > version) return fail(err, "unsupported version (file needs a newer reader)", 4);
    if (load_u32(data_ + 8) != 0) return fail(err, "reserved flags are set", 8);
    if (load_u32(data_ + 12) != size_) return fail(err, "file_size does not match the file's length (truncated?)", 12);
    nodes_ = load_u32(data_ + 16);
    slots_ = load_u32(data_ + 20);
    routes_ = load_u32(data_ + 24);
    uint32_t layouts = load_u32(data_ + 28), names = load_u32(data_ + 32);
    bytes_size_ = load_u32(data_ + 36);
    if (load_u32(data_ + 44) != 0) return fail(err, "reserved header field is set", 44);
    uint64_t at = kDxrHeaderSize + uint64_t(kDxrNodeSize) * nodes_;
    slot_at_ = uint32_t(at);
    at += uint64_t(kDxrSlotSize) * slots_;
    route_at_ = uint32_t(at);
    at += uint64_t(kDxrRouteSize) * routes_;
    layout_at_ = uint32_t(at);
    at += 4ull * layouts;
    name_at_ = uint32_t(at);
    at += 8ull * names;
    bytes_at_ = uint32_t(at);
    at += bytes_size_;
    uint64_t padded = (at + 3) & ~3ull;
    if (padded != size_) return fail(err, "counts in the header do not add up to the file's length", 16);
    for (uint32_t i = uint32_t(at); i < size_; ++i)
      if (data_[i]) return fail(err, "padding after the bytes area is not zero", i);
    if (nodes_ == 0) return fail(err, "no root node", 16);
    uint32_t nf = not_found();
    if (nf != kDxrNone && nf >= routes_) return fail(err, "not_found names a missing route", 40);

    for (uint32_t i = 0; i < routes_; ++i) {
      DxrRoute r = route(i);
      uint32_t o = route_at_ + kDxrRouteSize * i;
      if (!in_bytes(r.pattern, r.pattern_len)) return fail(err, "route pattern runs past the bytes area", o + 4);
      if (!valid_utf8(data_ + bytes_at_ + r.pattern, r.pattern_len)) return fail(err, "route pattern is not valid UTF-8", o + 4);
      if (r.first_layout > layouts || r.layout_count > layouts - r.first_layout) return fail(err, "route layouts out of range", o + 12);
      if (r.param_count > kDxrMaxParams) return fail(err, "route has more than 8 params", o + 21);
      if (r.first_name > names || r.param_count > names - r.first_name) return fail(err, "route param names out of range", o + 16);
      if (r.flags & ~kDxrRouteForm) return fail(err, "unknown route flags are set", o + 22);
      for (uint32_t k = 0; k < r.param_count; ++k) {
        uint32_t no = name_at_ + 8 * (r.first_name + k);
        uint32_t off = load_u32(data_ + no), len = load_u32(data_ + no + 4);
        if (!in_bytes(off, len)) return fail(err, "param name runs past the bytes area", no);
        if (!valid_utf8(data_ + bytes_at_ + off, len)) return fail(err, "param name is not valid UTF-8", no);
      }
    }

    for (uint32_t i = 0; i < nodes_; ++i) {
      DxrNode n = node(i);
      uint32_t o = kDxrHeaderSize + kDxrNodeSize * i;
      if (data_[o + 7] != 0) return fail(err, "reserved node field is set", o + 7);
      if (i == 0) {
        if (n.parent != kDxrNone || n.via != kDxrRoot || n.depth != 0 || n.params != 0) return fail(err, "node 0 is not a root", o);
      } else {
        if (n.parent >= i) return fail(err, "node's parent does not come before it", o);
        DxrNode up = node(n.parent);
        if (n.via < kDxrStatic || n.via > kDxrCatchAll) return fail(err, "node's edge kind is unknown", o + 4);
        if (n.depth != up.depth + 1u || n.depth > kDxrMaxDepth) return fail(err, "node depth is not its parent's plus one (max 64)", o + 5);
        if (n.params != up.params + (n.via >= kDxrParam ? 1u : 0u) || n.params > kDxrMaxParams)
          return fail(err, "node param count does not follow its parent's (max 8)", o + 6);
      }
      if (n.route != kDxrNone && (n.route >= routes_ || route(n.route).param_count != n.params))
        return fail(err, "node names a missing route or one with another param count", o + 8);
      if (n.first_slot > slots_ || n.slot_count > slots_ - n.first_slot || (n.slot_count & (n.slot_count - 1)))
        return fail(err, "node slot table out of range or not a power of two", o + 12);
      if (n.via == kDxrCatchAll && (n.route == kDxrNone || n.slot_count || n.param_child != kDxrNone || n.catchall_child != kDxrNone))
        return fail(err, "catch-all node is not a leaf with a route", o);
      if (!child_ok(n.param_child, i, kDxrParam)) return fail(err, "param child is not a param node of this parent", o + 20);
      if (!child_ok(n.catchall_child, i, kDxrCatchAll)) return fail(err, "catch-all child is not a catch-all node of this parent", o + 24);
      for (uint32_t k = 0; k < n.slot_count; ++k) {
        uint32_t so = slot_at_ + kDxrSlotSize * (n.first_slot + k);
        DxrSlot s = slot(n.first_slot + k);
        if (s.child == kDxrNone) {
          if (s.hash || s.label || s.label_len) return fail(err, "empty slot is not zero", so);
          continue;
        }
        if (!child_ok(s.child, i, kDxrStatic)) return fail(err, "slot child is not a static node of this parent", so + 12);
        if (s.label_len == 0 || !in_bytes(s.label, s.label_len)) return fail(err, "slot label is empty or runs past the bytes area", so + 4);
        const uint8_t* l = data_ + bytes_at_ + s.label;
        for (uint32_t b = 0; b < s.label_len; ++b)
          if (l[b] == '/') return fail(err, "slot label contains '/'", so + 4);
        if (s.hash != dxr_hash(l, s.label_len)) return fail(err, "slot hash does not match its label", so);
      }
    }
    return true;
  }

  bool child_ok(uint32_t c, uint32_t parent, uint8_t via) const {
    if (c == kDxrNone) return true;
    if (c >= nodes_) return false;
    const uint8_t* e = data_ + kDxrHeaderSize + kDxrNodeSize * c;
    return load_u32(e) == parent && e[4] == via;
  }

  const uint8_t* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t nodes_ = 0, slots_ = 0, routes_ = 0, bytes_size_ = 0;
  uint32_t slot_at_ = 0, route_at_ = 0, layout_at_ = 0, name_at_ = 0, bytes_at_ = 0;
};

// The contents to write, as plain arrays (the builder owns them).
struct DxrContents {
  const DxrNode* nodes = nullptr; uint32_t node_count = 0;
  const DxrSlot* slots = nullptr; uint32_t slot_count = 0;
  const DxrRoute* routes = nullptr; uint32_t route_count = 0;
  const uint32_t* layouts = nullptr; uint32_t layout_count = 0;
  const DxrName* names = nullptr; uint32_t name_count = 0;
  const uint8_t* bytes = nullptr; uint32_t byte_count = 0;
  uint32_t not_found = kDxrNone;
};

// Writes the file. Call once with a null-buffer Writer to learn the size, then with a buffer of that size.
inline void write_dxr(Writer& w, const DxrContents& c) {
  uint32_t start = w.pos;
  w.bytes(kDxrMagic, 4);
  w.u16(kDxrVersion);
  w.u16(kDxrMinCompatible);
  w.u32(0);
  uint32_t size_at = w.pos;
  w.u32(0);  // file_size, patched
  const uint32_t counts[] = {c.node_count, c.slot_count, c.route_count, c.layout_count, c.name_count, c.byte_count, c.not_found, 0u};
  for (uint32_t v : counts) w.u32(v);
  for (uint32_t i = 0; i < c.node_count; ++i) {
    const DxrNode& n = c.nodes[i];
    w.u32(n.parent); w.u8(n.via); w.u8(n.depth); w.u8(n.params); w.u8(0);
    w.u32(n.route); w.u32(n.first_slot); w.u32(n.slot_count); w.u32(n.param_child); w.u32(n.catchall_child);
  }
  for (uint32_t i = 0; i < c.slot_count; ++i) { w.u32(c.slots[i].hash); w.u32(c.slots[i].label); w.u32(c.slots[i].label_len); w.u32(c.slots[i].child); }
  for (uint32_t i = 0; i < c.route_count; ++i) {
    const DxrRoute& r = c.routes[i];
    w.u32(r.page); w.u32(r.pattern); w.u32(r.pattern_len); w.u32(r.first_layout); w.u32(r.first_name);
    w.u8(r.layout_count); w.u8(r.param_count); w.u16(r.flags);
  }
  for (uint32_t i = 0; i < c.layout_count; ++i) w.u32(c.layouts[i]);
  for (uint32_t i = 0; i < c.name_count; ++i) { w.u32(c.names[i].offset); w.u32(c.names[i].size); }
  w.bytes(c.bytes, c.byte_count);
  w.align(4);
  w.patch_u32(size_at, w.pos - start);
}

}  // namespace dx::schema
