// snapshot.cpp — the resumption snapshot's writer and reader (dx/ssr/snapshot.h, schemas/snapshot.md).
#include "dx/ssr/snapshot.h"

#include <cstring>

namespace dx::ssr {
namespace {

constexpr uint32_t kPage = 65536;
constexpr size_t kChunk = 32;  // ranges are whole 32-byte chunks; a gap of one unchanged chunk is bridged

void put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; i++) out.push_back(uint8_t(v >> (8 * i)));
}

bool chunk_differs(std::span<const uint8_t> initial, std::span<const uint8_t> now, size_t at) {
  size_t n = std::min(kChunk, now.size() - at);
  if (at >= initial.size()) {
    for (size_t i = 0; i < n; i++)
      if (now[at + i]) return true;
    return false;
  }
  size_t common = std::min(n, initial.size() - at);
  if (std::memcmp(initial.data() + at, now.data() + at, common) != 0) return true;
  for (size_t i = common; i < n; i++)
    if (now[at + i]) return true;
  return false;
}

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

}  // namespace

std::vector<uint8_t> encode_snapshot(std::span<const uint8_t> initial, std::span<const uint8_t> now,
                                     const std::vector<uint32_t>& order, const std::vector<Listener>& listeners) {
  std::vector<uint8_t> out = {'D', 'X', 'S', '1'};
  put32(out, uint32_t(now.size() / kPage));
  size_t count_at = out.size();
  put32(out, 0);
  uint32_t ranges = 0;
  for (size_t at = 0; at < now.size();) {
    if (!chunk_differs(initial, now, at)) {
      at += kChunk;
      continue;
    }
    size_t end = at + kChunk;
    while (end < now.size() && (chunk_differs(initial, now, end) ||
                                (end + kChunk < now.size() && chunk_differs(initial, now, end + kChunk))))
      end += kChunk;
    end = std::min(end, now.size());
    put32(out, uint32_t(at));
    put32(out, uint32_t(end - at));
    out.insert(out.end(), now.begin() + long(at), now.begin() + long(end));
    ranges++;
    at = end;
  }
  for (int i = 0; i < 4; i++) out[count_at + size_t(i)] = uint8_t(ranges >> (8 * i));
  put32(out, uint32_t(order.size()));
  for (uint32_t id : order) put32(out, id);
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
  static const char kAlpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((b.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < b.size(); i += 3) {
    uint32_t v = uint32_t(b[i]) << 16 | uint32_t(b[i + 1]) << 8 | b[i + 2];
    for (int k = 3; k >= 0; k--) out += kAlpha[(v >> (6 * k)) & 63];
  }
  if (size_t rest = b.size() - i) {
    uint32_t v = uint32_t(b[i]) << 16 | (rest == 2 ? uint32_t(b[i + 1]) << 8 : 0);
    out += kAlpha[(v >> 18) & 63];
    out += kAlpha[(v >> 12) & 63];
    out += rest == 2 ? kAlpha[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
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
