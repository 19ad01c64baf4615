// uri.cpp — encodeURIComponent and decodeURIComponent (ECMA-262 §19.2.6.4–5), exactly: UTF-8 bytes as %XX
// escapes (upper-case hex), and URIError "URI malformed" (V8's words) for a lone surrogate when encoding or
// a bad escape or UTF-8 sequence when decoding. Each runs twice over its input: once to validate and measure,
// once to write, so the result is allocated once at its size.
#include "str.h"
#include "throw.h"

namespace dx::rt {

namespace {

[[noreturn]] void malformed() { throw_error("URIError", str_from_latin1("URI malformed"), 0); }

// The characters encodeURIComponent leaves as they are: A–Z a–z 0–9 - _ . ! ~ * ' ( )
bool unreserved(uint32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-': case '_': case '.': case '!': case '~': case '*': case '\'': case '(': case ')': return true;
    default: return false;
  }
}

int hex(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

// The code point at unit i of s (a surrogate pair read whole: *units = 2); a lone surrogate is malformed.
uint32_t code_point(Ref s, uint32_t i, uint32_t len, uint32_t* units) {
  uint32_t c = str_unit(s, i);
  *units = 1;
  if (c >= 0xDC00 && c <= 0xDFFF) malformed();
  if (c < 0xD800 || c > 0xDBFF) return c;
  uint32_t d = i + 1 < len ? str_unit(s, i + 1) : 0;
  if (d < 0xDC00 || d > 0xDFFF) malformed();
  *units = 2;
  return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
}

uint32_t utf8_bytes(uint32_t cp, uint8_t* out) {
  if (cp < 0x80) return out[0] = uint8_t(cp), 1;
  if (cp < 0x800) return out[0] = uint8_t(0xC0 | cp >> 6), out[1] = uint8_t(0x80 | (cp & 0x3F)), 2;
  if (cp < 0x10000) {
    out[0] = uint8_t(0xE0 | cp >> 12), out[1] = uint8_t(0x80 | (cp >> 6 & 0x3F)), out[2] = uint8_t(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = uint8_t(0xF0 | cp >> 18), out[1] = uint8_t(0x80 | (cp >> 12 & 0x3F));
  out[2] = uint8_t(0x80 | (cp >> 6 & 0x3F)), out[3] = uint8_t(0x80 | (cp & 0x3F));
  return 4;
}

// The byte of the escape %XX at unit i of s, or -1 when there is none there.
int escaped_byte(Ref s, uint32_t i, uint32_t len) {
  if (i + 2 >= len || str_unit(s, i) != '%') return -1;
  int h = hex(str_unit(s, i + 1)), l = hex(str_unit(s, i + 2));
  return h < 0 || l < 0 ? -1 : h * 16 + l;
}

// Decodes the escape sequence starting at unit i ('%'): the code point, and the units it spans.
uint32_t decode_escape(Ref s, uint32_t i, uint32_t len, uint32_t* spans) {
  int b = escaped_byte(s, i, len);
  if (b < 0) malformed();
  *spans = 3;
  if (b < 0x80) return uint32_t(b);
  uint32_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0) malformed();  // a continuation byte first, or 0xF8 and above
  uint32_t cp = uint32_t(b) & (0xFF >> (n + 1));
  for (uint32_t k = 1; k < n; ++k) {
    int c = escaped_byte(s, i + 3 * k, len);
    if (c < 0 || (c & 0xC0) != 0x80) malformed();
    cp = cp << 6 | (uint32_t(c) & 0x3F);
  }
  *spans = 3 * n;
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};  // no overlong forms
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) malformed();
  return cp;
}

}  // namespace

Ref encode_uri_component(Ref s) {
  uint32_t len = str_len(s), out = 0, units = 0;
  uint8_t b[4];
  for (uint32_t i = 0; i < len; i += units) {
    uint32_t c = str_unit(s, i);
    if (unreserved(c)) { ++out; units = 1; continue; }
    out += 3 * utf8_bytes(code_point(s, i, len, &units), b);
  }
  if (out == len) return s;
  Ref r = str_alloc(out, false);
  uint32_t w = 0;
  static const char kHex[] = "0123456789ABCDEF";
  for (uint32_t i = 0; i < len; i += units) {
    uint32_t c = str_unit(s, i);
    if (unreserved(c)) { st8(r + kStrChars + w++, uint8_t(c)); units = 1; continue; }
    for (uint32_t k = 0, n = utf8_bytes(code_point(s, i, len, &units), b); k < n; ++k) {
      st8(r + kStrChars + w++, '%');
      st8(r + kStrChars + w++, uint8_t(kHex[b[k] >> 4]));
      st8(r + kStrChars + w++, uint8_t(kHex[b[k] & 15]));
    }
  }
  return r;
}

Ref decode_uri_component(Ref s) {
  uint32_t len = str_len(s), out = 0, spans = 0;
  bool wide = false;
  for (uint32_t i = 0; i < len; i += spans) {
    uint32_t c = str_unit(s, i);
    if (c != '%') { ++out; wide |= c > 0xFF; spans = 1; continue; }
    uint32_t cp = decode_escape(s, i, len, &spans);
    out += cp >= 0x10000 ? 2 : 1;
    wide |= cp > 0xFF;
  }
  if (out == len) return s;
  Ref r = str_alloc(out, wide);
  uint32_t w = 0;
  auto put = [&](uint32_t unit) {
    if (wide) st16(r + kStrChars + 2 * w++, uint16_t(unit));
    else st8(r + kStrChars + w++, uint8_t(unit));
  };
  for (uint32_t i = 0; i < len; i += spans) {
    uint32_t c = str_unit(s, i);
    if (c != '%') { put(c); spans = 1; continue; }
    uint32_t cp = decode_escape(s, i, len, &spans);
    if (cp >= 0x10000) put(0xD800 + ((cp - 0x10000) >> 10)), put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    else put(cp);
  }
  return r;
}

}  // namespace dx::rt

DX_EXPORT("dx_encode_uri_component") uint32_t dx_encode_uri_component(uint32_t s) { return dx::rt::encode_uri_component(s); }
DX_EXPORT("dx_decode_uri_component") uint32_t dx_decode_uri_component(uint32_t s) { return dx::rt::decode_uri_component(s); }
