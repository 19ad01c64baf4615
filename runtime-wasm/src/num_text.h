// num_text.h — pieces the number printers share (num_to_str.cpp, num_format.cpp).
#pragma once
#include "num_chars.h"
#include "object.h"
#include "str.h"

namespace dx::rt {

// A one-byte string of the ASCII chars[0, n).
inline Ref ascii_str(const char* chars, uint32_t n) {
  Ref s = str_alloc(n, false);
  for (uint32_t i = 0; i < n; ++i) st8(s + kStrChars + i, uint8_t(chars[i]));
  return s;
}

}  // namespace dx::rt
