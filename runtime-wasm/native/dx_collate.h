/* dx_collate.h — String.prototype.localeCompare where there is no browser: the server's render (dx_app_glue.c)
 * and the native runtime (native_host.cpp). The browser's is ICU's collation for its locale; this approximates
 * ICU's root order for what page text usually holds: ASCII in ICU's order (space, punctuation and symbols,
 * digits, letters), Latin-1's accented letters beside their base letter, letters compared without accents and
 * case first (a < B < c), then without case (e < é), then lowercase before uppercase (a < A); other characters
 * by code point after those. A list sorted with localeCompare can still differ from the browser's on the rest
 * (other scripts, contractions): the resumed page shows the server's order until the list changes. */
#ifndef DX_COLLATE_H
#define DX_COLLATE_H
#include <stdint.h>

static inline uint32_t dx_collate_next(const uint8_t* s, uint32_t n, uint32_t* i) { /* UTF-8, U+FFFD if malformed */
  uint32_t c = s[(*i)++], need = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 9;
  if (need == 9) return 0xFFFD;
  c &= need == 0 ? 0x7F : need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07;
  while (need--) {
    if (*i >= n || (s[*i] & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (s[(*i)++] & 0x3F);
  }
  return c;
}

/* Latin-1's letters with accents: their base letter (0 for the others). */
static inline uint32_t dx_collate_base(uint32_t c) {
  static const char kBase[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"; /* U+00C0 … U+00DF (U+00D7 ×: none) */
  if (c == 0xFF) return 'y'; /* ÿ */
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) c -= 0x20;
  if (c >= 0xC0 && c <= 0xDF && kBase[c - 0xC0]) return (uint32_t)kBase[c - 0xC0];
  return 0;
}

/* ICU's root order of the ASCII characters (what node and Chromium give), letters by their lowercase form. */
static inline uint32_t dx_collate_primary(uint32_t c) {
  static const char kOrder[] = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
  if (c < 0x20) return c;
  if (c >= 'A' && c <= 'Z') c += 32;
  if (c < 0x80) {
    for (uint32_t k = 0; kOrder[k]; ++k)
      if ((uint32_t)(unsigned char)kOrder[k] == c) return 0x100 + k;
    return 0x200 + c; /* DEL */
  }
  if (dx_collate_base(c)) return dx_collate_primary(dx_collate_base(c));
  return 0x10000 + c;
}

/* -1, 0 or 1, as V8's localeCompare returns: the first difference of the primary weights (letters without
 * accents and case), else of accents (none first), else of case (lowercase first). */
static inline double dx_collate(const uint8_t* a, uint32_t an, const uint8_t* b, uint32_t bn) {
  uint32_t i = 0, j = 0;
  int secondary = 0, tertiary = 0;
  while (i < an && j < bn) {
    uint32_t x = dx_collate_next(a, an, &i), y = dx_collate_next(b, bn, &j);
    uint32_t px = dx_collate_primary(x), py = dx_collate_primary(y);
    if (px != py) return px < py ? -1 : 1;
    if (x == y) continue;
    int ax = dx_collate_base(x) != 0, ay = dx_collate_base(y) != 0;
    if (!secondary && ax != ay) secondary = ax ? 1 : -1; /* the accented one after */
    int upper_x = (x >= 'A' && x <= 'Z') || (x >= 0xC0 && x <= 0xDE), upper_y = (y >= 'A' && y <= 'Z') || (y >= 0xC0 && y <= 0xDE);
    if (!tertiary && upper_x != upper_y) tertiary = upper_x ? 1 : -1; /* lowercase first */
  }
  if (i < an) return 1;
  if (j < bn) return -1;
  return secondary ? secondary : tertiary;
}
#endif
