// num_chars.h — JavaScript's String(number) as characters, with no heap and no libc: the runtime's
// num_to_str (a string object) and dx-server's HTML writer (a TEXT_NUM op) share it (num_chars.cpp).
#pragma once
#include <stdint.h>

namespace dx::rt {

// The longest result: "-1.2345678901234567e-308" and the like stay under this many characters.
inline constexpr uint32_t kNumCharsMax = 32;

// Writes String(v) as ASCII at buf[0, n) (buf holds kNumCharsMax) and returns n.
uint32_t num_to_chars(double v, char* buf);

// "e+21", "e-7": the exponent part of JS's exponential notation, appended at buf[w].
inline void put_exponent(char* buf, uint32_t& w, int32_t e) {
  buf[w++] = 'e';
  buf[w++] = e < 0 ? '-' : '+';
  uint32_t ae = uint32_t(e < 0 ? -e : e);
  if (ae >= 100) buf[w++] = char('0' + ae / 100);
  if (ae >= 10) buf[w++] = char('0' + ae / 10 % 10);
  buf[w++] = char('0' + ae % 10);
}

}  // namespace dx::rt
