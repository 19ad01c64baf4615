// dx/schema/bytes.h — bounds-checked little-endian byte readers and writers.
//
// Freestanding: no exceptions, no allocation, no libc. Used by dxc (writer), dx-server and dxc inspect
// (readers) and the wasm runtime (reader), so writer and readers cannot drift.
//
// Contract: a Reader never reads past its end; a failed read returns false / 0 and sets `failed`, and every
// later read fails too. A Writer given a null buffer only counts (size pass); given a buffer it writes,
// and sets `overflow` instead of writing past its capacity.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace dx::schema {

inline uint16_t load_u16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
inline uint32_t load_u32(const uint8_t* p) {
  return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
inline void store_u16(uint8_t* p, uint16_t v) { p[0] = uint8_t(v); p[1] = uint8_t(v >> 8); }
inline void store_u32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v); p[1] = uint8_t(v >> 8); p[2] = uint8_t(v >> 16); p[3] = uint8_t(v >> 24);
}

struct Reader {
  const uint8_t* data = nullptr;
  uint32_t size = 0;
  uint32_t pos = 0;
  bool failed = false;

  Reader() = default;
  Reader(const uint8_t* d, uint32_t n) : data(d), size(n) {}

  bool has(uint32_t n) const { return !failed && n <= size && pos <= size - n; }
  bool skip(uint32_t n) {
    if (!has(n)) { failed = true; return false; }
    pos += n;
    return true;
  }
  uint32_t u32() {
    if (!has(4)) { failed = true; return 0; }
    uint32_t v = load_u32(data + pos);
    pos += 4;
    return v;
  }
  uint16_t u16() {
    if (!has(2)) { failed = true; return 0; }
    uint16_t v = load_u16(data + pos);
    pos += 2;
    return v;
  }
  uint8_t u8() {
    if (!has(1)) { failed = true; return 0; }
    return data[pos++];
  }
};

struct Writer {
  uint8_t* data = nullptr;  // null: count only
  uint32_t capacity = 0;
  uint32_t pos = 0;
  bool overflow = false;

  Writer() = default;
  Writer(uint8_t* d, uint32_t cap) : data(d), capacity(cap) {}

  uint8_t* reserve(uint32_t n) {
    if (overflow) return nullptr;
    if (data && (n > capacity || pos > capacity - n)) { overflow = true; return nullptr; }
    uint8_t* p = data ? data + pos : nullptr;
    pos += n;
    return p;
  }
  void u8(uint8_t v) { if (uint8_t* p = reserve(1)) *p = v; }
  void u16(uint16_t v) { if (uint8_t* p = reserve(2)) store_u16(p, v); }
  void u32(uint32_t v) { if (uint8_t* p = reserve(4)) store_u32(p, v); }
  void bytes(const void* src, uint32_t n) {
    uint8_t* p = reserve(n);
    if (!p) return;
    const uint8_t* s = static_cast<const uint8_t*>(src);
    for (uint32_t i = 0; i < n; ++i) p[i] = s[i];
  }
  void align(uint32_t a) { while (pos % a) u8(0); }
  // Overwrite 4 bytes already written at `at` (used to patch offsets/sizes).
  void patch_u32(uint32_t at, uint32_t v) {
    if (data && !overflow && at <= capacity - 4) store_u32(data + at, v);
  }
};

// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF).
inline bool valid_utf8(const uint8_t* s, uint32_t n) {
  uint32_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) { ++i; continue; }
    uint32_t len, cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (n - i < len) return false;
    for (uint32_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace dx::schema
