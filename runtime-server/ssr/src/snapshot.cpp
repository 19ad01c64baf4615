// snapshot.cpp — the resumption snapshot's writer and reader (dx/ssr/snapshot.h, schemas/snapshot.md).
#include "dx/ssr/snapshot.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace dx::ssr {
namespace {

constexpr uint32_t kPage = 65536;
constexpr size_t kChunk = 32;  // ranges are whole 32-byte chunks; a gap of one unchanged chunk is bridged

void put32(std::vector<uint8_t>& out, uint32_t v) {
  uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
  out.insert(out.end(), b, b + 4);
}

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
          size_t d = at + first_nonzero(initial.data() + at, limit - at);
          if (d < limit) return d;
        }
        at = stop;
      }
    }
    return now.size();
  }

  void append(std::vector<uint8_t>& out, size_t at, size_t end) const {
    size_t base = out.size();
    out.insert(out.end(), now.begin() + long(at), now.begin() + long(end));
    for (const auto& [b, e] : spent)
      if (b < end && e > at) std::fill(out.begin() + long(base + std::max(b, at) - at), out.begin() + long(base + std::min(e, end) - at), 0);
  }
};

struct Reader {
  std::span<const uint8_t> b;
  size_t at = 0;
  bool ok = true;
  uint32_t u32() {
    if (b.size() - at < 4) {
      ok = false;
      return 0;
    }
    uint32_t v = uint32_t(b[at]) | uint32_t(b[at + 1]) << 8 | uint32_t(b[at + 2]) << 16 | uint32_t(b[at + 3]) << 24;
    at += 4;
    return v;
  }
  std::span<const uint8_t> take(uint32_t n) {
    if (b.size() - at < n) {
      ok = false;
      return {};
    }
    std::span<const uint8_t> s = b.subspan(at, n);
    at += n;
    return s;
  }
};

// The snapshot of `mem` (schemas/snapshot.md).
std::vector<uint8_t> encode(Memory& mem, const std::vector<uint32_t>& order, const std::vector<Listener>& listeners) {
  std::span<const uint8_t> now = mem.now;
  std::vector<uint8_t> out = {'D', 'X', 'S', '1'};
  put32(out, uint32_t(now.size() / kPage));
  size_t count_at = out.size();
  put32(out, 0);
  uint32_t ranges = 0;
  // Ranges are whole kChunk-byte chunks (the last one cut at the memory's end); a range goes on while its
  // next chunk, or the one after (a gap of one unchanged chunk is bridged), has a change.
  const size_t size = now.size();
  size_t d = mem.next_change(0);
  while (d < size) {
    size_t at = d / kChunk * kChunk, end = at + kChunk;
    for (;;) {
      d = end < size ? mem.next_change(end) : size;
      if (d >= size || d >= end + 2 * kChunk) break;
      end = (d / kChunk + 1) * kChunk;
    }
    end = std::min(end, size);
    put32(out, uint32_t(at));
    put32(out, uint32_t(end - at));
    mem.append(out, at, end);
    ranges++;
  }
  for (int i = 0; i < 4; i++) out[count_at + size_t(i)] = uint8_t(ranges >> (8 * i));
  put32(out, uint32_t(order.size()));
  size_t order_at = out.size();
  out.resize(order_at + 4 * order.size());
  for (uint32_t id : order) {
    uint8_t* p = out.data() + order_at;
    p[0] = uint8_t(id), p[1] = uint8_t(id >> 8), p[2] = uint8_t(id >> 16), p[3] = uint8_t(id >> 24);
    order_at += 4;
  }
  put32(out, uint32_t(listeners.size()));
  for (const Listener& l : listeners) {
    put32(out, l.node);
    put32(out, l.handler);
    put32(out, l.flags);
    put32(out, uint32_t(l.event.size()));
    out.insert(out.end(), l.event.begin(), l.event.end());
  }
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
  Reader r{bytes};
  auto fail = [&](const char* why) {
    *err = why;
    return false;
  };
  std::span<const uint8_t> magic = r.take(4);
  if (!r.ok || std::memcmp(magic.data(), "DXS1", 4) != 0) return fail("not a dx snapshot (magic DXS1)");
  out->pages = r.u32();
  uint64_t limit = uint64_t(out->pages) * kPage;
  uint32_t ranges = r.u32();
  uint64_t prev_end = 0;
  for (uint32_t i = 0; r.ok && i < ranges; i++) {
    uint32_t off = r.u32(), len = r.u32();
    if (!r.ok) break;
    if (off < prev_end || uint64_t(off) + len > limit) return fail("a memory range is out of order or past the memory size");
    std::span<const uint8_t> b = r.take(len);
    if (!r.ok) break;
    out->ranges.push_back({off, std::vector<uint8_t>(b.begin(), b.end())});
    prev_end = uint64_t(off) + len;
  }
  uint32_t nodes = r.ok ? r.u32() : 0;
  if (r.ok && nodes > (bytes.size() - r.at) / 4) return fail("truncated snapshot");
  for (uint32_t i = 0; r.ok && i < nodes; i++) out->order.push_back(r.u32());
  uint32_t ls = r.ok ? r.u32() : 0;
  for (uint32_t i = 0; r.ok && i < ls; i++) {
    Listener l;
    l.node = r.u32();
    l.handler = r.u32();
    l.flags = r.u32();
    std::span<const uint8_t> ev = r.take(r.u32());
    l.event.assign(ev.begin(), ev.end());
    if (r.ok) out->listeners.push_back(std::move(l));
  }
  if (!r.ok) return fail("truncated snapshot");
  if (r.at != bytes.size()) return fail("bytes after the snapshot's end");
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
