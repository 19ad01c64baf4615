// dx/ssr/snapshot.h — the resumption snapshot (schemas/snapshot.md): what a server-rendered page carries so
// dx.js can resume it instead of rendering it again (DESIGN §3 "Resumability").
//
// encode_snapshot compares the instance's linear memory after the render with a fresh instance's (the same
// module, so the client's instantiation produces the fresh state itself) and keeps the changed ranges,
// plus the node order of the serialized HTML (HtmlDoc::append_inner_html) and the live listeners.
// decode_snapshot is the validating reader (tests, tools); dx.js has its own small reader.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dx/ssr/html_doc.h"

namespace dx::ssr {

struct Snapshot {
  uint32_t pages = 0;  // linear memory size, 64 KiB pages
  struct Range {
    uint32_t offset = 0;
    std::vector<uint8_t> bytes;
  };
  std::vector<Range> ranges;     // ascending, non-overlapping
  std::vector<uint32_t> order;   // node ids in document order (HtmlDoc::append_inner_html)
  std::vector<Listener> listeners;
};

// `initial`: a fresh instance's memory; `now`: the rendered instance's (at least as large).
std::vector<uint8_t> encode_snapshot(std::span<const uint8_t> initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners);
// False with `err` on anything malformed (bad magic, truncation, ranges out of order or past `pages`).
bool decode_snapshot(std::span<const uint8_t> bytes, Snapshot* out, std::string* err);

std::string base64(std::span<const uint8_t> bytes);
// False on anything but padded RFC 4648 base64 (whitespace is not skipped).
bool unbase64(std::string_view text, std::vector<uint8_t>* out);
// The snapshot a page carries (its <script id="dx-state">), decoded from base64; false when there is none.
bool snapshot_in_html(std::string_view html, std::vector<uint8_t>* out);

}  // namespace dx::ssr
