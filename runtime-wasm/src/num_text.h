// num_text.h — pieces the number printers share (num_to_str.cpp, num_format.cpp).
#pragma once
#include "object.h"
#include "str.h"

namespace dx::rt {

// "e+21", "e-7": the exponent part of JS's exponential notation, appended at buf[w].
inline void put_exponent(char* buf, uint32_t& w, int32_t e) {
  buf[w++] = 'e';
  buf[w++] = e < 0 ? '-' : '+';
  uint32_t ae = uint32_t(e < 0 ? -e : e);
  if (ae >= 100) buf[w++] = char('0' + ae / 100);
  if (ae >= 10) buf[w++] = char('0' + ae / 10 % 10);
  buf[w++] = char('0' + ae % 10);
}

// A one-byte string of the ASCII chars[0, n).
inline Ref ascii_str(const char* chars, uint32_t n) {
  Ref s = str_alloc(n, false);
  for (uint32_t i = 0; i < n; ++i) st8(s + kStrChars + i, uint8_t(chars[i]));
  return s;
}

}  // namespace dx::rt
