// dx/schema/dxb.h — the app.dxb format (spec: schemas/dxb.md): constants, a validating reader, a writer.
//
// Freestanding and header-only: dxc writes with `write_dxb`, dx-server / dxc inspect / the wasm runtime
// read with `DxbView::open`, which validates every offset, count, string index and cross reference once;
// after a successful open, the accessors need no further checks.
#pragma once
#include "dx/schema/bytes.h"

namespace dx::schema {

inline constexpr uint8_t kDxbMagic[4] = {0x00, 0x44, 0x58, 0x42};  // "\0DXB"
inline constexpr uint16_t kDxbVersion = 1;
inline constexpr uint16_t kDxbMinCompatible = 1;
inline constexpr uint32_t kDxbHeaderSize = 24;
inline constexpr uint32_t kDxbMaxSections = 32;
inline constexpr uint32_t kNone = 0xFFFFFFFFu;

enum DxbSection : uint32_t {
  kSecStrings = 1, kSecTemplates = 2, kSecBlocks = 3, kSecHandlers = 4, kSecShapes = 5, kSecEntry = 6,
};

enum BlockKind : uint32_t { kBlockComponent = 1, kBlockRow = 2, kBlockBranch = 3 };

enum HandlerFlags : uint32_t {
  kNeedsValue = 1, kNeedsKey = 2, kNeedsChecked = 4, kPreventDefault = 8,
  kWindowEvent = 16,  // window.addEventListener: the event is the window's; the node only names the instance
};

enum FieldType : uint32_t {
  kFieldNumber = 1, kFieldBool = 2, kFieldU32 = 3, kFieldString = 4, kFieldArray = 5, kFieldRecord = 6,
  kFieldClosure = 7, kFieldOwned = 8, kFieldWeak = 9,
};
inline uint32_t field_size(uint32_t type) { return type == kFieldNumber ? 8u : 4u; }
inline bool field_is_traced_ref(uint32_t type) { return type >= kFieldString && type <= kFieldClosure; }

struct DxbTemplate { uint32_t html; uint16_t root_count; uint16_t slot_count; uint32_t first_path; };
struct DxbBlock { uint32_t name, kind, template_id, shape, parent, first_anchor, anchor_count; };
// A root of a block's template that is the anchor of a dynamic child (component, Show, For): the child's
// nodes sit just before it, so mounting or moving the block moves them too.
struct DxbAnchor { uint32_t root_index, field_offset; };
struct DxbHandler { uint32_t block, event, flags; };
struct DxbShape { uint32_t name, size, first_field, field_count; };
struct DxbField { uint32_t name, type, offset; };
struct DxbPage { uint32_t route, block; };

struct DxbError {
  const char* what = nullptr;  // static string; null = no error
  uint32_t offset = 0;         // byte offset in the file where the problem was found
};

// A validated view of an app.dxb held in memory. Does not own the bytes.
class DxbView {
 public:
  struct Str { const uint8_t* data; uint32_t size; };

  // Validates `bytes` completely. On failure returns false and fills `err`.
  bool open(const uint8_t* bytes, uint32_t size, DxbError* err) {
    data_ = bytes;
    size_ = size;
    return validate<true>(err);
  }
  // For bytes already validated (the runtime's embedded copy, which dxc verified when it wrote it): reads the
  // layout without re-checking it, so the validator's code stays out of app.wasm.
  bool open_trusted(const uint8_t* bytes, uint32_t size) {
    data_ = bytes;
    size_ = size;
    return validate<false>(nullptr);
  }

  uint16_t version() const { return load_u16(data_ + 4); }
  uint32_t string_count() const { return str_count_; }
  Str string(uint32_t i) const {
    const uint8_t* e = data_ + str_table_ + 8 * i;
    return {data_ + str_bytes_ + load_u32(e), load_u32(e + 4)};
  }

  uint32_t template_count() const { return tpl_count_; }
  DxbTemplate template_at(uint32_t i) const {
    const uint8_t* e = data_ + tpl_table_ + 12 * i;
    return {load_u32(e), load_u16(e + 4), load_u16(e + 6), load_u32(e + 8)};
  }
  uint32_t path_count() const { return path_count_; }
  uint32_t path(uint32_t i) const { return load_u32(data_ + path_table_ + 4 * i); }

  uint32_t block_count() const { return blk_count_; }
  DxbBlock block(uint32_t i) const {
    const uint8_t* e = data_ + blk_table_ + 28 * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8), load_u32(e + 12), load_u32(e + 16), load_u32(e + 20), load_u32(e + 24)};
  }
  uint32_t anchor_total() const { return anc_count_; }
  DxbAnchor anchor(uint32_t i) const {
    const uint8_t* e = data_ + anc_table_ + 8 * i;
    return {load_u32(e), load_u32(e + 4)};
  }

  uint32_t handler_count() const { return hnd_count_; }
  DxbHandler handler(uint32_t i) const {
    const uint8_t* e = data_ + hnd_table_ + 12 * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8)};
  }

  uint32_t shape_count() const { return shp_count_; }
  DxbShape shape(uint32_t i) const {
    const uint8_t* e = data_ + shp_table_ + 16 * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8), load_u32(e + 12)};
  }
  uint32_t field_total() const { return fld_count_; }
  DxbField field(uint32_t i) const {
    const uint8_t* e = data_ + fld_table_ + 12 * i;
    return {load_u32(e), load_u32(e + 4), load_u32(e + 8)};
  }

  // A node path: steps `f` (firstChild) or `n` (nextSibling), each optionally followed by a repeat count
  // 2…65535 without leading zeros ("ffn12" = firstChild, firstChild, 12 × nextSibling).
  static bool valid_path(Str p) {
    if (p.size == 0) return false;
    for (uint32_t k = 0; k < p.size;) {
      if (p.data[k] != 'f' && p.data[k] != 'n') return false;
      ++k;
      if (k < p.size && p.data[k] >= '0' && p.data[k] <= '9') {
        if (p.data[k] == '0') return false;
        uint32_t count = 0, digits = 0;
        while (k < p.size && p.data[k] >= '0' && p.data[k] <= '9') {
          count = count * 10 + uint32_t(p.data[k++] - '0');
          if (++digits > 5) return false;
        }
        if (count < 2 || count > 65535) return false;
      }
    }
    return true;
  }

  uint32_t page_count() const { return page_count_; }
  DxbPage page(uint32_t i) const {
    const uint8_t* e = data_ + page_table_ + 8 * i;
    return {load_u32(e), load_u32(e + 4)};
  }

 private:
  bool fail(DxbError* err, const char* what, uint32_t off) {
    if (err) { err->what = what; err->offset = off; }
    return false;
  }

  // Locates section `id`; returns false if absent.
  bool find(uint32_t id, uint32_t* off, uint32_t* size) const {
    uint32_t n = load_u32(data_ + 12);
    for (uint32_t i = 0; i < n; ++i) {
      const uint8_t* e = data_ + kDxbHeaderSize + 12 * i;
      if (load_u32(e) == id) { *off = load_u32(e + 4); *size = load_u32(e + 8); return true; }
    }
    return false;
  }

  // Reads `u32 count` then checks count × entry bytes fit; returns table offset.
  bool table(uint32_t sec_off, uint32_t sec_end, uint32_t at, uint32_t entry, uint32_t* count,
             uint32_t* table_off, uint32_t* after, DxbError* err, const char* what) {
    if (at > sec_end || sec_end - at < 4) return fail(err, what, at);
    *count = load_u32(data_ + at);
    uint32_t avail = sec_end - at - 4;
    if (*count > avail / entry) return fail(err, what, at);
    *table_off = at + 4;
    *after = at + 4 + *count * entry;
    (void)sec_off;
    return true;
  }

  // kCheck = false: a trusted file (the copy dxc embedded in app.wasm after verifying it): only the
  // section and table positions are computed; the compiler drops the checks.
  template <bool kCheck>
  bool validate(DxbError* err) {
    if (kCheck && (!data_ || size_ < kDxbHeaderSize)) return fail(err, "file shorter than the 24-byte header", 0);
    for (int i = 0; i < 4; ++i)
      if (kCheck && (data_[i] != kDxbMagic[i])) return fail(err, "bad magic (not an app.dxb file)", 0);
    uint16_t version = load_u16(data_ + 4), min_compat = load_u16(data_ + 6);
    if (kCheck && (min_compat > kDxbVersion || min_compat > version))
      return fail(err, "unsupported version (file needs a newer reader)", 4);
    if (kCheck && (load_u32(data_ + 8) != 0)) return fail(err, "reserved flags are set", 8);
    uint32_t nsec = load_u32(data_ + 12);
    if (kCheck && (nsec > kDxbMaxSections)) return fail(err, "too many sections", 12);
    if (kCheck && (load_u32(data_ + 16) != size_)) return fail(err, "file_size does not match the file's length (truncated?)", 16);
    if (kCheck && (load_u32(data_ + 20) != 0)) return fail(err, "reserved header field is set", 20);
    uint32_t table_end = kDxbHeaderSize + 12 * nsec;
    if (kCheck && (table_end > size_)) return fail(err, "section table runs past the end of the file", kDxbHeaderSize);
    uint32_t prev_id = 0, prev_end = table_end;
    for (uint32_t i = 0; i < nsec; ++i) {
      uint32_t at = kDxbHeaderSize + 12 * i;
      uint32_t id = load_u32(data_ + at), off = load_u32(data_ + at + 4), sz = load_u32(data_ + at + 8);
      if (kCheck && (i > 0 && id <= prev_id)) return fail(err, "section ids are not strictly increasing", at);
      if (kCheck && (off % 4)) return fail(err, "section is not 4-byte aligned", at + 4);
      if (kCheck && (off < prev_end)) return fail(err, "section overlaps the header or another section", at + 4);
      if (kCheck && (off > size_ || sz > size_ - off)) return fail(err, "section runs past the end of the file", at + 8);
      prev_id = id;
      prev_end = off + sz;
    }
    uint32_t off, sz, after;
    // STRINGS
    if (!find(kSecStrings, &off, &sz)) return fail(err, "missing STRINGS section", 12);
    if (!table(off, off + sz, off, 8, &str_count_, &str_table_, &after, err, "STRINGS table runs past its section"))
      return false;
    str_bytes_ = after;
    uint32_t bytes_len = off + sz - after;
    for (uint32_t i = 0; i < str_count_; ++i) {
      const uint8_t* e = data_ + str_table_ + 8 * i;
      uint32_t so = load_u32(e), sl = load_u32(e + 4);
      if (kCheck && (so > bytes_len || sl > bytes_len - so)) return fail(err, "string runs past the STRINGS section", str_table_ + 8 * i);
      if (kCheck && (!valid_utf8(data_ + str_bytes_ + so, sl))) return fail(err, "string is not valid UTF-8", str_bytes_ + so);
    }
    // TEMPLATES
    if (!find(kSecTemplates, &off, &sz)) return fail(err, "missing TEMPLATES section", 12);
    if (!table(off, off + sz, off, 12, &tpl_count_, &tpl_table_, &after, err, "TEMPLATES table runs past its section"))
      return false;
    if (!table(off, off + sz, after, 4, &path_count_, &path_table_, &after, err, "template paths run past their section"))
      return false;
    for (uint32_t i = 0; i < path_count_; ++i) {
      uint32_t s = path(i);
      if (kCheck && (s >= str_count_)) return fail(err, "template path names a missing string", path_table_ + 4 * i);
      if (kCheck && (!valid_path(string(s)))) return fail(err, "template path is not a walk of f/n steps with optional counts", path_table_ + 4 * i);
    }
    for (uint32_t i = 0; i < tpl_count_; ++i) {
      DxbTemplate t = template_at(i);
      uint32_t at = tpl_table_ + 12 * i;
      if (kCheck && (t.html >= str_count_)) return fail(err, "template html names a missing string", at);
      uint32_t n = uint32_t(t.root_count) + t.slot_count;
      if (kCheck && (t.root_count == 0)) return fail(err, "template has no root node", at + 4);
      if (kCheck && (t.first_path > path_count_ || n > path_count_ - t.first_path)) return fail(err, "template paths out of range", at + 8);
    }
    // SHAPES
    if (!find(kSecShapes, &off, &sz)) return fail(err, "missing SHAPES section", 12);
    if (!table(off, off + sz, off, 16, &shp_count_, &shp_table_, &after, err, "SHAPES table runs past its section"))
      return false;
    if (!table(off, off + sz, after, 12, &fld_count_, &fld_table_, &after, err, "shape fields run past their section"))
      return false;
    for (uint32_t i = 0; i < shp_count_; ++i) {
      DxbShape s = shape(i);
      uint32_t at = shp_table_ + 16 * i;
      if (kCheck && (s.name >= str_count_)) return fail(err, "shape name names a missing string", at);
      if (kCheck && (s.size < 8 || s.size % 4)) return fail(err, "shape size is not a multiple of 4 of at least 8", at + 4);
      if (kCheck && (s.first_field > fld_count_ || s.field_count > fld_count_ - s.first_field)) return fail(err, "shape fields out of range", at + 8);
      for (uint32_t k = 0; k < s.field_count; ++k) {
        DxbField f = field(s.first_field + k);
        uint32_t fat = fld_table_ + 12 * (s.first_field + k);
        if (kCheck && (f.name >= str_count_)) return fail(err, "field name names a missing string", fat);
        if (kCheck && (f.type < kFieldNumber || f.type > kFieldWeak)) return fail(err, "unknown field type", fat + 4);
        uint32_t fs = field_size(f.type);
        if (kCheck && (f.offset < 8 || f.offset % fs || f.offset > s.size - fs)) return fail(err, "field offset outside its shape or misaligned", fat + 8);
      }
    }
    // BLOCKS
    if (!find(kSecBlocks, &off, &sz)) return fail(err, "missing BLOCKS section", 12);
    if (!table(off, off + sz, off, 28, &blk_count_, &blk_table_, &after, err, "BLOCKS table runs past its section"))
      return false;
    if (!table(off, off + sz, after, 8, &anc_count_, &anc_table_, &after, err, "block anchors run past their section"))
      return false;
    for (uint32_t i = 0; i < blk_count_; ++i) {
      DxbBlock b = block(i);
      uint32_t at = blk_table_ + 28 * i;
      if (kCheck && (b.name >= str_count_)) return fail(err, "block name names a missing string", at);
      if (kCheck && (b.kind < kBlockComponent || b.kind > kBlockBranch)) return fail(err, "unknown block kind", at + 4);
      if (kCheck && (b.template_id >= tpl_count_)) return fail(err, "block names a missing template", at + 8);
      if (kCheck && (b.shape >= shp_count_)) return fail(err, "block names a missing shape", at + 12);
      if (kCheck && (b.parent != kNone && b.parent >= blk_count_)) return fail(err, "block names a missing parent", at + 16);
      if (kCheck && (b.first_anchor > anc_count_ || b.anchor_count > anc_count_ - b.first_anchor)) return fail(err, "block anchors out of range", at + 20);
      DxbTemplate t = template_at(b.template_id);
      DxbShape s = shape(b.shape);
      for (uint32_t k = 0; k < b.anchor_count; ++k) {
        DxbAnchor a = anchor(b.first_anchor + k);
        uint32_t aat = anc_table_ + 8 * (b.first_anchor + k);
        if (kCheck && (a.root_index >= t.root_count)) return fail(err, "anchor names a root the template does not have", aat);
        if (kCheck && (a.field_offset < 32 || a.field_offset % 4 || a.field_offset > s.size - 4)) return fail(err, "anchor field outside the block's shape", aat + 4);
      }
    }
    // HANDLERS
    if (!find(kSecHandlers, &off, &sz)) return fail(err, "missing HANDLERS section", 12);
    if (!table(off, off + sz, off, 12, &hnd_count_, &hnd_table_, &after, err, "HANDLERS table runs past its section"))
      return false;
    for (uint32_t i = 0; i < hnd_count_; ++i) {
      DxbHandler h = handler(i);
      uint32_t at = hnd_table_ + 12 * i;
      if (kCheck && (h.block >= blk_count_)) return fail(err, "handler names a missing block", at);
      if (kCheck && (h.event >= str_count_)) return fail(err, "handler event names a missing string", at + 4);
      if (kCheck && (h.flags & ~0x1Fu)) return fail(err, "unknown handler flags", at + 8);
    }
    // ENTRY
    if (!find(kSecEntry, &off, &sz)) return fail(err, "missing ENTRY section", 12);
    if (!table(off, off + sz, off, 8, &page_count_, &page_table_, &after, err, "ENTRY table runs past its section"))
      return false;
    if (kCheck && (page_count_ == 0)) return fail(err, "no pages in ENTRY", off);
    for (uint32_t i = 0; i < page_count_; ++i) {
      DxbPage p = page(i);
      uint32_t at = page_table_ + 8 * i;
      if (kCheck && (p.route >= str_count_)) return fail(err, "page route names a missing string", at);
      if (kCheck && (p.block >= blk_count_ || block(p.block).kind != kBlockComponent)) return fail(err, "page names a block that is not a component", at + 4);
    }
    return true;
  }

  const uint8_t* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t str_count_ = 0, str_table_ = 0, str_bytes_ = 0;
  uint32_t tpl_count_ = 0, tpl_table_ = 0, path_count_ = 0, path_table_ = 0;
  uint32_t blk_count_ = 0, blk_table_ = 0, anc_count_ = 0, anc_table_ = 0;
  uint32_t hnd_count_ = 0, hnd_table_ = 0;
  uint32_t shp_count_ = 0, shp_table_ = 0, fld_count_ = 0, fld_table_ = 0;
  uint32_t page_count_ = 0, page_table_ = 0;
};

// The contents to write, as plain arrays (the compiler owns them).
struct DxbContents {
  const DxbView::Str* strings = nullptr; uint32_t string_count = 0;
  const DxbTemplate* templates = nullptr; uint32_t template_count = 0;
  const uint32_t* paths = nullptr; uint32_t path_count = 0;
  const DxbBlock* blocks = nullptr; uint32_t block_count = 0;
  const DxbAnchor* anchors = nullptr; uint32_t anchor_count = 0;
  const DxbHandler* handlers = nullptr; uint32_t handler_count = 0;
  const DxbShape* shapes = nullptr; uint32_t shape_count = 0;
  const DxbField* fields = nullptr; uint32_t field_count = 0;
  const DxbPage* pages = nullptr; uint32_t page_count = 0;
};

// Writes the file. Call once with a null-buffer Writer to learn the size, then with a buffer of that size.
inline void write_dxb(Writer& w, const DxbContents& c) {
  const uint32_t nsec = 6;
  uint32_t start = w.pos;
  w.bytes(kDxbMagic, 4);
  w.u16(kDxbVersion);
  w.u16(kDxbMinCompatible);
  w.u32(0);
  w.u32(nsec);
  uint32_t size_at = w.pos;
  w.u32(0);  // file_size, patched
  w.u32(0);
  uint32_t table_at = w.pos;
  for (uint32_t i = 0; i < nsec * 3; ++i) w.u32(0);
  uint32_t sec = 0;
  auto begin = [&](uint32_t id) {
    w.align(4);
    w.patch_u32(table_at + 12 * sec, id);
    w.patch_u32(table_at + 12 * sec + 4, w.pos - start);
    return w.pos;
  };
  auto end = [&](uint32_t began) { w.patch_u32(table_at + 12 * sec + 8, w.pos - began); ++sec; };

  uint32_t b = begin(kSecStrings);
  w.u32(c.string_count);
  uint32_t acc = 0;
  for (uint32_t i = 0; i < c.string_count; ++i) { w.u32(acc); w.u32(c.strings[i].size); acc += c.strings[i].size; }
  for (uint32_t i = 0; i < c.string_count; ++i) w.bytes(c.strings[i].data, c.strings[i].size);
  end(b);

  b = begin(kSecTemplates);
  w.u32(c.template_count);
  for (uint32_t i = 0; i < c.template_count; ++i) {
    w.u32(c.templates[i].html); w.u16(c.templates[i].root_count); w.u16(c.templates[i].slot_count);
    w.u32(c.templates[i].first_path);
  }
  w.u32(c.path_count);
  for (uint32_t i = 0; i < c.path_count; ++i) w.u32(c.paths[i]);
  end(b);

  b = begin(kSecBlocks);
  w.u32(c.block_count);
  for (uint32_t i = 0; i < c.block_count; ++i) {
    const DxbBlock& x = c.blocks[i];
    w.u32(x.name); w.u32(x.kind); w.u32(x.template_id); w.u32(x.shape); w.u32(x.parent);
    w.u32(x.first_anchor); w.u32(x.anchor_count);
  }
  w.u32(c.anchor_count);
  for (uint32_t i = 0; i < c.anchor_count; ++i) { w.u32(c.anchors[i].root_index); w.u32(c.anchors[i].field_offset); }
  end(b);

  b = begin(kSecHandlers);
  w.u32(c.handler_count);
  for (uint32_t i = 0; i < c.handler_count; ++i) { w.u32(c.handlers[i].block); w.u32(c.handlers[i].event); w.u32(c.handlers[i].flags); }
  end(b);

  b = begin(kSecShapes);
  w.u32(c.shape_count);
  for (uint32_t i = 0; i < c.shape_count; ++i) {
    w.u32(c.shapes[i].name); w.u32(c.shapes[i].size); w.u32(c.shapes[i].first_field); w.u32(c.shapes[i].field_count);
  }
  w.u32(c.field_count);
  for (uint32_t i = 0; i < c.field_count; ++i) { w.u32(c.fields[i].name); w.u32(c.fields[i].type); w.u32(c.fields[i].offset); }
  end(b);

  b = begin(kSecEntry);
  w.u32(c.page_count);
  for (uint32_t i = 0; i < c.page_count; ++i) { w.u32(c.pages[i].route); w.u32(c.pages[i].block); }
  end(b);

  w.align(4);
  w.patch_u32(size_at, w.pos - start);
}

}  // namespace dx::schema
