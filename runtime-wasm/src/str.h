// str.h — immutable strings: Latin-1 (one byte per code unit) or UTF-16 (two bytes), ABI.md "Objects".
//
// Length and indexing are in UTF-16 code units, as in JavaScript. New strings are arena objects; a null
// Ref reads as the empty string everywhere. The DOM side speaks UTF-8: `utf8_size` / `write_utf8` encode
// for the op buffer (a lone surrogate becomes U+FFFD, as TextEncoder does), `str_from_utf8` decodes event
// input (malformed bytes become U+FFFD per maximal subpart, as TextDecoder does) and picks Latin-1
// storage when every code point fits.
#pragma once
#include "object.h"

namespace dx::rt {

void strings_init();   // makes the static empty string
Ref str_empty();
// The static one-unit string of a code unit ≤ 0xFF (charAt, s[i], split("") allocate nothing for those).
Ref str_single(uint32_t unit);

inline uint32_t str_len(Ref s) { return s ? ld32(s + kStrLen) : 0; }
inline bool str_wide(Ref s) { return s && obj_data(s) == kUtf16; }
inline uint32_t str_unit(Ref s, uint32_t i) {
  return str_wide(s) ? ld16(s + kStrChars + 2 * i) : ld8(s + kStrChars + i);
}

// An arena string of `len` zeroed code units; `wide` selects UTF-16 storage.
Ref str_alloc(uint32_t len, bool wide);
Ref str_from_latin1(const char* chars);  // NUL-terminated ASCII/Latin-1 (runtime messages, tests)
Ref str_from_utf8(const uint8_t* bytes, uint32_t n);

Ref str_concat(Ref a, Ref b);
bool str_eq(Ref a, Ref b);
int32_t str_cmp(Ref a, Ref b);
uint32_t str_hash(Ref s);

// UTF-8 encoding: its size, and writing it at `out` (returns bytes written, == utf8_size).
uint32_t utf8_size(Ref s);
uint32_t write_utf8(Ref s, uint8_t* out);

// One UTF-8 sequence at p[0..n) (n ≥ 1): stores the code point (U+FFFD when malformed) and returns the
// bytes consumed (the maximal subpart of a malformed sequence, at least 1).
uint32_t utf8_decode_one(const uint8_t* p, uint32_t n, uint32_t* cp);

}  // namespace dx::rt
