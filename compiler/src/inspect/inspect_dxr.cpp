#include <string>
#include <vector>

#include "dx/schema/dxr.h"
#include "inspect/inspect.h"

namespace dxc::inspect {

namespace {
std::string text(const dx::schema::DxrView::Str& s) { return std::string(reinterpret_cast<const char*>(s.data), s.size); }
}  // namespace

// The trie is printed in node order, one node a line indented by depth: the builder numbers nodes in
// preorder, so this is the tree (and stays linear on any valid file, whatever its order).
bool dump_dxr(const std::vector<uint8_t>& bytes, std::string& out, std::string& error) {
  using namespace dx::schema;
  DxrView v;
  DxrError err;
  if (bytes.size() > 0xFFFFFFFFu) { error = "file too large"; return false; }
  if (!v.open(bytes.data(), uint32_t(bytes.size()), &err)) {
    error = std::string(err.what) + " at offset " + std::to_string(err.offset);
    return false;
  }
  out += "dxr version " + std::to_string(v.version()) + ", " + std::to_string(bytes.size()) + " bytes, " +
         std::to_string(v.node_count()) + " nodes, " + std::to_string(v.slot_count()) + " slots\n";
  out += "routes " + std::to_string(v.route_count()) + "\n";
  for (uint32_t i = 0; i < v.route_count(); ++i) {
    DxrRoute r = v.route(i);
    out += "  route " + std::to_string(i) + " \"" + text(v.pattern(r)) + "\" page=" + std::to_string(r.page);
    if (i == v.not_found()) out += " not-found";
    for (uint32_t k = 0; k < r.layout_count; ++k) out += (k ? "," : " layouts=") + std::to_string(v.layout(r, k));
    for (uint32_t k = 0; k < r.param_count; ++k) out += (k ? "," : " params=") + text(v.param_name(r, k));
    out += "\n";
  }
  out += "trie\n";
  std::vector<std::string> labels(v.node_count(), "/");  // one pass over the slots: linear on any file
  for (uint32_t i = 0; i < v.node_count(); ++i) {
    DxrNode n = v.node(i);
    if (n.param_child != kDxrNone) labels[n.param_child] = ":";
    if (n.catchall_child != kDxrNone) labels[n.catchall_child] = "*";
    for (uint32_t k = 0; k < n.slot_count; ++k)
      if (DxrSlot s = v.slot(n.first_slot + k); s.child != kDxrNone) labels[s.child] = text(v.bytes(s.label, s.label_len));
  }
  for (uint32_t i = 0; i < v.node_count(); ++i) {
    DxrNode n = v.node(i);
    out += std::string(2 + 2 * n.depth, ' ') + labels[i];
    if (n.route != kDxrNone) out += " -> route " + std::to_string(n.route);
    out += "\n";
  }
  return true;
}

bool dump_artifact(const std::vector<uint8_t>& bytes, std::string& out, std::string& error) {
  bool dxr = bytes.size() >= 4 && bytes[0] == dx::schema::kDxrMagic[0] && bytes[1] == dx::schema::kDxrMagic[1] &&
             bytes[2] == dx::schema::kDxrMagic[2] && bytes[3] == dx::schema::kDxrMagic[3];
  if (dxr) return dump_dxr(bytes, out, error);
  if (std::vector<uint8_t> snapshot; is_snapshot_or_page(bytes, &snapshot)) return dump_snapshot(snapshot, out, error);
  return dump_dxb(bytes, out, error);
}

}  // namespace dxc::inspect
