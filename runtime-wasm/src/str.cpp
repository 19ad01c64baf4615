// str.cpp — string construction, comparison, concatenation and UTF-8 (contract in str.h).
#include "str.h"

#include "arena.h"
#include "heap.h"

namespace dx::rt {

namespace {
Ref g_empty = 0;
Ref g_singles = 0;  // 256 static one-unit Latin-1 strings, 16 bytes apart
}

void strings_init() {
  g_empty = heap_alloc(16);
  obj_init(g_empty, kStatic, kString, kLatin1);
  g_singles = heap_alloc(256 * 16);
  for (uint32_t u = 0; u < 256; ++u) {
    Ref s = g_singles + 16 * u;
    obj_init(s, kStatic, kString, kLatin1);
    st32(s + kStrLen, 1);
    st8(s + kStrChars, uint8_t(u));
  }
}

Ref str_empty() { return g_empty; }
Ref str_single(uint32_t unit) { return g_singles + 16 * unit; }

Ref str_alloc(uint32_t len, bool wide) {
  if (len > 0x3FFFFFF0u) fatal("string too long");
  Ref s = arena_alloc(kStrChars + (wide ? 2 * len : len));
  obj_init(s, 0, kString, wide ? kUtf16 : kLatin1);
  st32(s + kStrLen, len);
  return s;
}

Ref str_from_latin1(const char* chars) {
  uint32_t n = 0;
  while (chars[n]) ++n;
  Ref s = str_alloc(n, false);
  for (uint32_t i = 0; i < n; ++i) st8(s + kStrChars + i, uint8_t(chars[i]));
  return s;
}

Ref str_concat(Ref a, Ref b) {
  uint32_t la = str_len(a), lb = str_len(b);
  if (lb == 0) return a ? a : str_empty();
  if (la == 0) return b;
  bool wa = str_wide(a), wb = str_wide(b), wide = wa || wb;
  Ref r = str_alloc(la + lb, wide);
  Ref out = r + kStrChars;
  if (!wide) {
    mem_copy(out, a + kStrChars, la);
    mem_copy(out + la, b + kStrChars, lb);
    return r;
  }
  if (wa) mem_copy(out, a + kStrChars, 2 * la);
  else for (uint32_t i = 0; i < la; ++i) st16(out + 2 * i, ld8(a + kStrChars + i));
  out += 2 * la;
  if (wb) mem_copy(out, b + kStrChars, 2 * lb);
  else for (uint32_t i = 0; i < lb; ++i) st16(out + 2 * i, ld8(b + kStrChars + i));
  return r;
}

bool str_eq(Ref a, Ref b) {
  if (a == b) return true;
  uint32_t n = str_len(a);
  if (n != str_len(b)) return false;
  if (n == 0) return true;
  if (str_wide(a) == str_wide(b)) {  // same storage: compare bytes (no memcmp in a freestanding build)
    const uint8_t *x = mem(a + kStrChars), *y = mem(b + kStrChars);
    for (uint32_t i = 0, bytes = str_wide(a) ? 2 * n : n; i < bytes; ++i)
      if (x[i] != y[i]) return false;
    return true;
  }
  for (uint32_t i = 0; i < n; ++i)
    if (str_unit(a, i) != str_unit(b, i)) return false;
  return true;
}

int32_t str_cmp(Ref a, Ref b) {
  uint32_t la = str_len(a), lb = str_len(b), n = la < lb ? la : lb;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t x = str_unit(a, i), y = str_unit(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return la == lb ? 0 : (la < lb ? -1 : 1);
}

uint32_t str_hash(Ref s) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0, n = str_len(s); i < n; ++i) h = (h ^ str_unit(s, i)) * 16777619u;
  return h;
}

// --- UTF-8 ----------------------------------------------------------------------------------------------

uint32_t utf8_size(Ref s) {
  uint32_t n = str_len(s), size = 0;
  if (!str_wide(s)) {
    for (uint32_t i = 0; i < n; ++i) size += ld8(s + kStrChars + i) < 0x80 ? 1 : 2;
    return size;
  }
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t u = str_unit(s, i);
    if (u < 0x80) size += 1;
    else if (u < 0x800) size += 2;
    else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && str_unit(s, i + 1) - 0xDC00u < 0x400) { size += 4; ++i; }
    else size += 3;  // BMP, or a lone surrogate written as U+FFFD
  }
  return size;
}

uint32_t write_utf8(Ref s, uint8_t* out) {
  uint32_t n = str_len(s), w = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t cp = str_unit(s, i);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      uint32_t lo = i + 1 < n ? str_unit(s, i + 1) : 0;
      if (cp <= 0xDBFF && lo - 0xDC00u < 0x400) { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00); ++i; }
      else cp = 0xFFFD;
    }
    if (cp < 0x80) out[w++] = uint8_t(cp);
    else if (cp < 0x800) { out[w++] = uint8_t(0xC0 | (cp >> 6)); out[w++] = uint8_t(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
      out[w++] = uint8_t(0xE0 | (cp >> 12));
      out[w++] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
      out[w++] = uint8_t(0x80 | (cp & 0x3F));
    } else {
      out[w++] = uint8_t(0xF0 | (cp >> 18));
      out[w++] = uint8_t(0x80 | ((cp >> 12) & 0x3F));
      out[w++] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
      out[w++] = uint8_t(0x80 | (cp & 0x3F));
    }
  }
  return w;
}

uint32_t utf8_decode_one(const uint8_t* p, uint32_t n, uint32_t* cp) {
  uint8_t c = p[0];
  if (c < 0x80) { *cp = c; return 1; }
  uint32_t need, v;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (WHATWG UTF-8 decoder)
  if (c >= 0xC2 && c <= 0xDF) { need = 1; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 2; v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3; v = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else { *cp = 0xFFFD; return 1; }
  uint32_t i = 1;
  for (; i <= need; ++i) {
    if (i >= n) { *cp = 0xFFFD; return i; }
    uint8_t b = p[i];
    if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) { *cp = 0xFFFD; return i; }
    v = (v << 6) | (b & 0x3F);
  }
  *cp = v;
  return i;
}

Ref str_from_utf8(const uint8_t* bytes, uint32_t n) {
  if (n == 0) return str_empty();
  uint32_t units = 0, max = 0, cp;
  for (uint32_t i = 0; i < n;) {
    i += utf8_decode_one(bytes + i, n - i, &cp);
    units += cp >= 0x10000 ? 2 : 1;
    if (cp > max) max = cp;
  }
  bool wide = max > 0xFF;
  // `bytes` may live in linear memory: allocate first, then re-derive nothing from it but offsets.
  Ref s = str_alloc(units, wide);
  Ref out = s + kStrChars;
  for (uint32_t i = 0, k = 0; i < n;) {
    i += utf8_decode_one(bytes + i, n - i, &cp);
    if (!wide) { st8(out + k++, uint8_t(cp)); continue; }
    if (cp >= 0x10000) {
      st16(out + 2 * k++, uint16_t(0xD800 + ((cp - 0x10000) >> 10)));
      st16(out + 2 * k++, uint16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      st16(out + 2 * k++, uint16_t(cp));
    }
  }
  return s;
}

}  // namespace dx::rt

using dx::rt::Ref;

DX_EXPORT("dx_str_concat") uint32_t dx_str_concat(uint32_t a, uint32_t b) { return dx::rt::str_concat(a, b); }
DX_EXPORT("dx_str_eq") uint32_t dx_str_eq(uint32_t a, uint32_t b) { return dx::rt::str_eq(a, b) ? 1 : 0; }
DX_EXPORT("dx_str_cmp") uint32_t dx_str_cmp(uint32_t a, uint32_t b) { return uint32_t(dx::rt::str_cmp(a, b)); }
