// num_to_str.cpp — `dx_num_to_str`: JavaScript's Number::toString(10) for every double, exactly, as a
// one-byte string (the characters come from num_chars.cpp, which has the algorithm).
#include "num_text.h"

namespace dx::rt {

Ref num_to_str(double v) {
  char buf[kNumCharsMax];
  return ascii_str(buf, num_to_chars(v, buf));
}

}  // namespace dx::rt

DX_EXPORT("dx_num_to_str") uint32_t dx_num_to_str(double v) { return dx::rt::num_to_str(v); }
