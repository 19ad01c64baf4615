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
#include <utility>
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

// A fresh instance's memory as encode_snapshot reads it, prepared once per module: which 4 KiB blocks are
// all zero (most of them), so the diff reads only the rendered memory there. Views `bytes`, which must
// outlive it.
class FreshMemory {
 public:
  static constexpr size_t kBlock = 4096;
  explicit FreshMemory(std::span<const uint8_t> bytes);
  std::span<const uint8_t> bytes() const { return bytes_; }
  bool zero_block(size_t i) const { return i < zero_.size() && zero_[i]; }  // [i × kBlock, +kBlock) is all 0

 private:
  std::span<const uint8_t> bytes_;
  std::vector<bool> zero_;
};

// `initial`: a fresh instance's memory; `now`: the rendered instance's (at least as large).
std::vector<uint8_t> encode_snapshot(std::span<const uint8_t> initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners);
// The same, faster, reading `now` as 0 inside `spent` ({offset, length} pairs, any order, may overlap,
// clipped to `now`): the render's own op batch, which the client never reads, left out without copying
// the memory first.
std::vector<uint8_t> encode_snapshot(const FreshMemory& initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners,
                                     std::span<const std::pair<uint64_t, uint64_t>> spent = {});
// False with `err` on anything malformed (bad magic, truncation, ranges out of order or past `pages`).
bool decode_snapshot(std::span<const uint8_t> bytes, Snapshot* out, std::string* err);

std::string base64(std::span<const uint8_t> bytes);
// The same, appended to `out` (a page being assembled: no copy of the text).
void append_base64(std::string& out, std::span<const uint8_t> bytes);
// False on anything but padded RFC 4648 base64 (whitespace is not skipped).
bool unbase64(std::string_view text, std::vector<uint8_t>* out);
// The snapshot a page carries (its <script id="dx-state">), decoded from base64; false when there is none.
bool snapshot_in_html(std::string_view html, std::vector<uint8_t>* out);

}  // namespace dx::ssr
