#include <cstdio>

#include "dx/schema/dxb.h"
#include "inspect/inspect.h"

namespace dxc::inspect {

namespace {
std::string quoted(const dx::schema::DxbView::Str& s) {
  std::string o = "\"";
  for (uint32_t i = 0; i < s.size; ++i) {
    char c = char(s.data[i]);
    if (c == '"' || c == '\\') { o += '\\'; o += c; }
    else if (c == '\n') o += "\\n";
    else if ((unsigned char)c < 0x20) { char b[8]; snprintf(b, sizeof b, "\\x%02x", c); o += b; }
    else o += c;
  }
  return o + "\"";
}
const char* field_type_name(uint32_t t) {
  static const char* names[] = {"?", "number", "boolean", "u32", "string", "array", "record", "closure", "owned", "weak"};
  return t < 10 ? names[t] : "?";
}
}  // namespace

bool dump_dxb(const std::vector<uint8_t>& bytes, std::string& out, std::string& error) {
  using namespace dx::schema;
  DxbView v;
  DxbError err;
  if (bytes.size() > 0xFFFFFFFFu) { error = "file too large"; return false; }
  if (!v.open(bytes.data(), uint32_t(bytes.size()), &err)) {
    error = std::string(err.what) + " at offset " + std::to_string(err.offset);
    return false;
  }
  auto S = [&](uint32_t i) { return quoted(v.string(i)); };
  out += "dxb version " + std::to_string(v.version()) + ", " + std::to_string(bytes.size()) + " bytes\n";
  out += "strings " + std::to_string(v.string_count()) + "\n";
  for (uint32_t i = 0; i < v.string_count(); ++i) out += "  [" + std::to_string(i) + "] " + S(i) + "\n";
  out += "templates " + std::to_string(v.template_count()) + "\n";
  for (uint32_t i = 0; i < v.template_count(); ++i) {
    DxbTemplate t = v.template_at(i);
    out += "  template " + std::to_string(i) + " roots=" + std::to_string(t.root_count) + " slots=" + std::to_string(t.slot_count) +
           " html=" + S(t.html) + "\n";
    for (uint32_t k = 0; k < uint32_t(t.root_count) + t.slot_count; ++k)
      out += "    node " + std::to_string(k) + (k < t.root_count ? " root " : " slot ") + S(v.path(t.first_path + k)) + "\n";
  }
  out += "shapes " + std::to_string(v.shape_count()) + "\n";
  for (uint32_t i = 0; i < v.shape_count(); ++i) {
    DxbShape s = v.shape(i);
    out += "  shape " + std::to_string(i) + " " + S(s.name) + " size=" + std::to_string(s.size) + "\n";
    for (uint32_t k = 0; k < s.field_count; ++k) {
      DxbField f = v.field(s.first_field + k);
      out += "    @" + std::to_string(f.offset) + " " + field_type_name(f.type) + " " + S(f.name) + "\n";
    }
  }
  out += "blocks " + std::to_string(v.block_count()) + "\n";
  static const char* kinds[] = {"?", "component", "row", "branch"};
  for (uint32_t i = 0; i < v.block_count(); ++i) {
    DxbBlock b = v.block(i);
    out += "  block " + std::to_string(i) + " " + kinds[b.kind] + " " + S(b.name) + " template=" + std::to_string(b.template_id) +
           " shape=" + std::to_string(b.shape) + (b.parent == kNone ? std::string() : " parent=" + std::to_string(b.parent)) + "\n";
    for (uint32_t k = 0; k < b.anchor_count; ++k) {
      DxbAnchor a = v.anchor(b.first_anchor + k);
      out += "    anchor root=" + std::to_string(a.root_index) + " field@" + std::to_string(a.field_offset) + "\n";
    }
  }
  out += "handlers " + std::to_string(v.handler_count()) + "\n";
  for (uint32_t i = 0; i < v.handler_count(); ++i) {
    DxbHandler h = v.handler(i);
    std::string flags;
    if (h.flags & kNeedsValue) flags += " value";
    if (h.flags & kNeedsKey) flags += " key";
    if (h.flags & kNeedsChecked) flags += " checked";
    if (h.flags & kPreventDefault) flags += " preventDefault";
    if (h.flags & kWindowEvent) flags += " window";
    out += "  handler " + std::to_string(i) + " block=" + std::to_string(h.block) + " " + S(h.event) + flags + "\n";
  }
  out += "pages " + std::to_string(v.page_count()) + "\n";
  for (uint32_t i = 0; i < v.page_count(); ++i) {
    DxbPage p = v.page(i);
    out += "  page " + S(p.route) + " block=" + std::to_string(p.block) + "\n";
  }
  return true;
}

}  // namespace dxc::inspect
