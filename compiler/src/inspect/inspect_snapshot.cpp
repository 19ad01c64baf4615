// `dxc inspect` of a resumption snapshot (schemas/snapshot.md): raw bytes (magic DXS1), or the page that
// carries one (dist/index.html: its <script id="dx-state">).
#include <cstdio>
#include <string_view>

#include "dx/ssr/snapshot.h"
#include "inspect/inspect.h"

namespace dxc::inspect {

bool dump_snapshot(const std::vector<uint8_t>& bytes, std::string& out, std::string& error) {
  dx::ssr::Snapshot s;
  if (!dx::ssr::decode_snapshot(bytes, &s, &error)) return false;
  char line[160];
  size_t changed = 0;
  for (const auto& r : s.ranges) changed += r.bytes.size();
  std::snprintf(line, sizeof line, "snapshot version 2, %zu bytes\nmemory %u pages, %zu ranges, %zu bytes changed\n",
                bytes.size(), s.pages, s.ranges.size(), changed);
  out += line;
  for (const auto& r : s.ranges) {
    std::snprintf(line, sizeof line, "  range 0x%08x +%zu\n", r.offset, r.bytes.size());
    out += line;
  }
  std::snprintf(line, sizeof line, "nodes %zu (document order: id, - for none, e<id> for an empty text)\n", s.order.size());
  out += line;
  for (size_t i = 0; i < s.order.size(); ++i) {  // 20 a line: a big page's list stays readable
    uint32_t id = s.order[i];
    out += i % 20 == 0 ? "  " : " ";
    if (id == 0) out += "-";
    else if (id >> 31) out += "e" + std::to_string(id & 0x7fffffffu);
    else out += std::to_string(id);
    if (i % 20 == 19 || i + 1 == s.order.size()) out += "\n";
  }
  std::snprintf(line, sizeof line, "listeners %zu\n", s.listeners.size());
  out += line;
  for (const dx::ssr::Listener& l : s.listeners)
    out += "  node " + std::to_string(l.node) + " " + l.event + " -> handler " + std::to_string(l.handler) +
           " flags " + std::to_string(l.flags) + "\n";
  return true;
}

bool is_snapshot_or_page(const std::vector<uint8_t>& bytes, std::vector<uint8_t>* snapshot) {
  if (bytes.size() >= 4 && bytes[0] == 'D' && bytes[1] == 'X' && bytes[2] == 'S' && bytes[3] == '1') {
    *snapshot = bytes;
    return true;
  }
  std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return text.find("<html") != std::string_view::npos && dx::ssr::snapshot_in_html(text, snapshot);
}

}  // namespace dxc::inspect
