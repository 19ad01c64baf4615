// snapshot.cpp — the resumption snapshot's writer and reader (dx/ssr/snapshot.h, schemas/snapshot.md).
#include "dx/ssr/snapshot.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "dx/ssr/word_stream.h"

namespace dx::ssr {
namespace {

constexpr uint32_t kPage = 65536;
constexpr size_t kChunk = 32;  // ranges are whole 32-byte chunks; a gap of one unchanged chunk is bridged

// The diff reads the whole memory (megabytes, most of it unchanged), so it compares blocks with memcmp and
// looks at words only inside a block that differs.
constexpr size_t kBlock = 512;

uint64_t word(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The offset of the first byte where a[0, n) and b[0, n) differ, or n.
size_t first_difference(const uint8_t* a, const uint8_t* b, size_t n) {
  size_t i = 0;
  for (; i + kBlock <= n; i += kBlock)
    if (std::memcmp(a + i, b + i, kBlock) != 0) break;
  for (; i + 8 <= n; i += 8)
    if (word(a + i) != word(b + i)) break;
  for (; i < n; i++)
    if (a[i] != b[i]) return i;
  return n;
}

// The offset of the first non-zero byte of p[0, n), or n.
size_t first_nonzero(const uint8_t* p, size_t n) {
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {  // eight words at a time, no branch per word
    uint64_t any = 0;
    for (size_t k = 0; k < 64; k += 8) any |= word(p + i + k);
    if (any) break;
  }
  for (; i + 8 <= n; i += 8)
    if (word(p + i)) break;
  for (; i < n; i++)
    if (p[i]) return i;
  return n;
}

// `now` as the snapshot sees it: the live memory with the spent ranges read as 0.
struct Memory {
  std::span<const uint8_t> initial, now;
  const FreshMemory* fresh;                      // null: no index of the zero blocks
  std::vector<std::pair<size_t, size_t>> spent;  // [begin, end): ascending, merged, inside `now`
  size_t cursor = 0;                             // the first spent range that may end after a position asked

  Memory(std::span<const uint8_t> i, const FreshMemory* f, std::span<const uint8_t> n,
         std::span<const std::pair<uint64_t, uint64_t>> zeroed)
      : initial(i), now(n), fresh(f) {
    for (const auto& [at, len] : zeroed)
      if (at < now.size() && len) spent.emplace_back(size_t(at), size_t(std::min<uint64_t>(at + len, now.size())));
    std::sort(spent.begin(), spent.end());
    size_t w = 0;
    for (size_t r = 0; r < spent.size(); r++) {
      if (w && spent[r].first <= spent[w - 1].second) spent[w - 1].second = std::max(spent[w - 1].second, spent[r].second);
      else spent[w++] = spent[r];
    }
    spent.resize(w);
  }

  // The first offset in [at, stop) where the live memory differs from `initial` (a byte past the end of
  // `initial` counts as 0, as it is in memory grown by memory.grow), or stop.
  size_t live_change(size_t at, size_t stop) const {
    size_t common = std::min(initial.size(), stop);
    while (at < common) {  // block by block: a block known to be 0 in the fresh memory is not read there
      size_t block = at / FreshMemory::kBlock, end = std::min((block + 1) * FreshMemory::kBlock, common);
      size_t d = fresh && fresh->zero_block(block) ? at + first_nonzero(now.data() + at, end - at)
                                                   : at + first_difference(initial.data() + at, now.data() + at, end - at);
      if (d < end) return d;
      at = end;
    }
    return at < stop ? at + first_nonzero(now.data() + at, stop - at) : stop;
  }

  // The first offset in [at, stop) where the fresh memory is not 0, or stop (the memory above the page
  // allocator's top, megabytes of it, is spent: the zero blocks' index skips it without reading it).
  size_t fresh_nonzero(size_t at, size_t stop) const {
    while (at < stop) {
      size_t block = at / FreshMemory::kBlock, end = std::min((block + 1) * FreshMemory::kBlock, stop);
      if (!fresh || !fresh->zero_block(block)) {
        size_t d = at + first_nonzero(initial.data() + at, end - at);
        if (d < end) return d;
      }
      at = end;
    }
    return stop;
  }

  // The first offset at or after `at` that the snapshot must carry, or now.size(). `at` never decreases
  // from one call to the next.
  size_t next_change(size_t at) {
    while (at < now.size()) {
      while (cursor < spent.size() && spent[cursor].second <= at) cursor++;
      if (cursor == spent.size() || at < spent[cursor].first) {
        size_t stop = cursor == spent.size() ? now.size() : spent[cursor].first;
        size_t d = live_change(at, stop);
        if (d < stop) return d;
        at = stop;
      } else {  // read as 0 here: a change wherever the fresh memory is not 0
        size_t stop = spent[cursor].second, limit = std::min(stop, initial.size());
        if (at < limit) {
          size_t d = fresh_nonzero(at, limit);
          if (d < limit) return d;
        }
        at = stop;
      }
    }
    return now.size();
  }

  // Memory [at, end) as words (both multiples of 4), the spent ranges read as 0.
  void words(size_t at, size_t end, std::vector<uint32_t>& out) const {
    out.resize((end - at) / 4);
    std::memcpy(out.data(), now.data() + at, end - at);
    for (const auto& [b, e] : spent)
      if (b < end && e > at) {
        uint8_t* base = reinterpret_cast<uint8_t*>(out.data());
        std::fill(base + std::max(b, at) - at, base + std::min(e, end) - at, uint8_t(0));
      }
  }
};

// The snapshot of `mem` (schemas/snapshot.md).
std::vector<uint8_t> encode(Memory& mem, const std::vector<uint32_t>& order, const std::vector<Listener>& listeners) {
  std::span<const uint8_t> now = mem.now;
  std::vector<uint8_t> out = {'D', 'X', 'S', '2'};
  put_varint(out, now.size() / kPage);
  // Ranges are whole kChunk-byte chunks; a range goes on while its next chunk, or the one after (a gap of
  // one unchanged chunk is bridged), has a change. Found first, then written with their count before them.
  std::vector<std::pair<size_t, size_t>> ranges;
  const size_t size = now.size() / kChunk * kChunk;  // whole pages: always so for a linear memory
  size_t d = mem.next_change(0);
  while (d < size) {
    size_t at = d / kChunk * kChunk, end = at + kChunk;
    for (;;) {
      d = end < size ? mem.next_change(end) : size;
      if (d >= size || d >= end + 2 * kChunk) break;
      end = (d / kChunk + 1) * kChunk;
    }
    ranges.emplace_back(at, std::min(end, size));
  }
  put_varint(out, ranges.size());
  std::vector<uint32_t> words;
  size_t prev_end = 0;
  for (const auto& [at, end] : ranges) {
    put_varint(out, (at - prev_end) / 4);
    put_varint(out, (end - at) / 4);
    mem.words(at, end, words);
    put_words(out, words);
    prev_end = end;
  }
  put_varint(out, order.size());
  put_words(out, order);
  // Event types once each, then the listeners as words: node, handler, flags, event type index.
  std::vector<std::string_view> events;
  words.clear();
  for (const Listener& l : listeners) {
    auto e = std::find(events.begin(), events.end(), l.event);
    if (e == events.end()) e = events.insert(e, l.event);
    words.insert(words.end(), {l.node, l.handler, l.flags, uint32_t(e - events.begin())});
  }
  put_varint(out, events.size());
  for (std::string_view e : events) {
    put_varint(out, e.size());
    out.insert(out.end(), e.begin(), e.end());
  }
  put_varint(out, listeners.size());
  put_words(out, words);
  return out;
}

}  // namespace

FreshMemory::FreshMemory(std::span<const uint8_t> bytes) : bytes_(bytes), zero_(bytes.size() / kBlock) {
  for (size_t i = 0; i < zero_.size(); i++) zero_[i] = first_nonzero(bytes.data() + i * kBlock, kBlock) == kBlock;
}

std::vector<uint8_t> encode_snapshot(std::span<const uint8_t> initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners) {
  Memory mem(initial, nullptr, now, {});
  return encode(mem, order, listeners);
}

std::vector<uint8_t> encode_snapshot(const FreshMemory& initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners,
                                     std::span<const std::pair<uint64_t, uint64_t>> spent) {
  Memory mem(initial.bytes(), &initial, now, spent);
  return encode(mem, order, listeners);
}

bool decode_snapshot(std::span<const uint8_t> bytes, Snapshot* out, std::string* err) {
  auto fail = [&](const char* why) {
    *err = why;
    return false;
  };
  if (bytes.size() < 4 || std::memcmp(bytes.data(), "DXS2", 4) != 0) return fail("not a dx snapshot (magic DXS2)");
  size_t at = 4;
  uint64_t pages = 0, ranges = 0;
  if (!get_varint(bytes, &at, &pages) || !get_varint(bytes, &at, &ranges)) return fail("truncated snapshot");
  if (pages > 65536) return fail("a memory of more than 4 GiB");
  out->pages = uint32_t(pages);
  const uint64_t limit = pages * kPage;
  uint64_t prev_end = 0;
  std::vector<uint32_t> words;
  // Runs make a stream's bytes no bound on its count: ranges are bounded by the memory size, lists by a cap
  // far above any page's (a forged count cannot make the reader allocate gigabytes).
  constexpr uint64_t kMaxList = 1u << 24;
  for (uint64_t i = 0; i < ranges; i++) {
    uint64_t gap, n;
    if (!get_varint(bytes, &at, &gap) || !get_varint(bytes, &at, &n)) return fail("truncated snapshot");
    uint64_t off = prev_end + 4 * gap;
    if (off + 4 * n > limit) return fail("a memory range is past the memory size");
    words.resize(size_t(n));
    if (!get_words(bytes, &at, words)) return fail("a malformed or truncated memory range");
    Snapshot::Range& r = out->ranges.emplace_back();
    r.offset = uint32_t(off);
    r.bytes.resize(4 * words.size());
    std::memcpy(r.bytes.data(), words.data(), r.bytes.size());  // little-endian, as wasm memory
    prev_end = off + 4 * n;
  }
  uint64_t nodes;
  if (!get_varint(bytes, &at, &nodes) || nodes > kMaxList) return fail("truncated snapshot");
  out->order.resize(size_t(nodes));
  if (!get_words(bytes, &at, out->order)) return fail("a malformed or truncated node list");
  uint64_t event_count;
  if (!get_varint(bytes, &at, &event_count) || event_count > bytes.size() - at) return fail("truncated snapshot");
  std::vector<std::string> events;
  for (uint64_t i = 0; i < event_count; i++) {
    uint64_t len;
    if (!get_varint(bytes, &at, &len) || len > bytes.size() - at) return fail("truncated snapshot");
    events.emplace_back(reinterpret_cast<const char*>(bytes.data() + at), size_t(len));
    at += size_t(len);
  }
  uint64_t ls;
  if (!get_varint(bytes, &at, &ls) || ls > kMaxList) return fail("truncated snapshot");
  words.resize(size_t(4 * ls));
  if (!get_words(bytes, &at, words)) return fail("a malformed or truncated listener list");
  for (size_t i = 0; i < words.size(); i += 4) {
    if (words[i + 3] >= events.size()) return fail("a listener names an event type the snapshot does not list");
    out->listeners.push_back({words[i], events[words[i + 3]], words[i + 1], words[i + 2]});
  }
  if (at != bytes.size()) return fail("bytes after the snapshot's end");
  return true;
}

std::string base64(std::span<const uint8_t> b) {
  std::string out;
  append_base64(out, b);
  return out;
}

void append_base64(std::string& out, std::span<const uint8_t> b) {
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static const auto kPairs = [] {  // 12 bits → their two characters
    std::array<char, 2 * 4096> t{};
    for (size_t v = 0; v < 4096; v++) t[2 * v] = kAlpha[v >> 6], t[2 * v + 1] = kAlpha[v & 63];
    return t;
  }();
  size_t start = out.size();
  out.resize(start + (b.size() + 2) / 3 * 4, '=');  // written in place: a page's snapshot is hundreds of KB
  char* o = out.data() + start;
  size_t i = 0;
  for (; i + 2 < b.size(); i += 3, o += 4) {
    uint32_t v = uint32_t(b[i]) << 16 | uint32_t(b[i + 1]) << 8 | b[i + 2];
    std::memcpy(o, &kPairs[2 * (v >> 12)], 2);
    std::memcpy(o + 2, &kPairs[2 * (v & 4095)], 2);
  }
  if (size_t rest = b.size() - i) {
    uint32_t v = uint32_t(b[i]) << 16 | (rest == 2 ? uint32_t(b[i + 1]) << 8 : 0);
    o[0] = kAlpha[(v >> 18) & 63];
    o[1] = kAlpha[(v >> 12) & 63];
    if (rest == 2) o[2] = kAlpha[(v >> 6) & 63];
  }
}

bool unbase64(std::string_view t, std::vector<uint8_t>* out) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (t.size() % 4) return false;
  out->clear();
  for (size_t i = 0; i < t.size(); i += 4) {
    bool last = i + 4 == t.size();
    int pad = last ? (t[i + 3] == '=') + (t[i + 2] == '=') : 0;
    if (pad == 1 && t[i + 2] == '=') return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
      int d = k >= 4 - pad ? 0 : val(t[i + size_t(k)]);
      if (d < 0) return false;
      v = v << 6 | uint32_t(d);
    }
    out->push_back(uint8_t(v >> 16));
    if (pad < 2) out->push_back(uint8_t(v >> 8));
    if (pad < 1) out->push_back(uint8_t(v));
  }
  return true;
}

bool snapshot_in_html(std::string_view html, std::vector<uint8_t>* out) {
  constexpr std::string_view kOpen = "<script type=\"application/dx-state\" id=\"dx-state\">";
  size_t at = html.find(kOpen);
  if (at == std::string_view::npos) return false;
  at += kOpen.size();
  size_t end = html.find("</script>", at);
  return end != std::string_view::npos && unbase64(html.substr(at, end - at), out);
}

}  // namespace dx::ssr
