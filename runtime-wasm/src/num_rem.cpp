// num_rem.cpp — the numeric operations wasm lacks. `dx_num_rem`: JavaScript's `a % b`, which is IEEE fmod
// (the result has the sign of a and is exact: no rounding happens); wasm has no f64 remainder instruction and
// the runtime has no libm, so this is the classic integer long division on the significands (as in musl's
// fmod). `dx_to_int32`: ToInt32, for the bitwise operators.
#include "platform.h"

namespace dx::rt {

double num_rem(double x, double y) {
  uint64_t ux, uy;
  __builtin_memcpy(&ux, &x, 8);
  __builtin_memcpy(&uy, &y, 8);
  int32_t ex = int32_t(ux >> 52 & 0x7FF), ey = int32_t(uy >> 52 & 0x7FF);
  uint64_t sign = ux & (uint64_t(1) << 63);
  if ((uy << 1) == 0 || y != y || ex == 0x7FF) return __builtin_nan("");  // b = 0, b NaN, a NaN or ±Infinity
  if ((ux << 1) <= (uy << 1)) {                       // |a| <= |b| (b = ±Infinity included)
    if ((ux << 1) == (uy << 1)) return x * 0.0;       // ±0 with the sign of a
    return x;
  }
  // Significands as integers with the implicit bit; subnormals normalized.
  uint64_t mx, my, i;
  if (ex == 0) {
    for (i = ux << 12; (i >> 63) == 0; --ex, i <<= 1) {}
    mx = ux << (1 - ex);
  } else {
    mx = (ux & (~uint64_t(0) >> 12)) | (uint64_t(1) << 52);
  }
  if (ey == 0) {
    for (i = uy << 12; (i >> 63) == 0; --ey, i <<= 1) {}
    my = uy << (1 - ey);
  } else {
    my = (uy & (~uint64_t(0) >> 12)) | (uint64_t(1) << 52);
  }
  for (; ex > ey; --ex) {  // shift-subtract, one bit of quotient per step
    i = mx - my;
    if ((i >> 63) == 0) {
      if (i == 0) return x * 0.0;
      mx = i;
    }
    mx <<= 1;
  }
  i = mx - my;
  if ((i >> 63) == 0) {
    if (i == 0) return x * 0.0;
    mx = i;
  }
  for (; (mx >> 52) == 0; mx <<= 1, --ex) {}
  if (ex > 0) mx = (mx - (uint64_t(1) << 52)) | (uint64_t(ex) << 52);
  else mx >>= (1 - ex);
  mx |= sign;
  double r;
  __builtin_memcpy(&r, &mx, 8);
  return r;
}

}  // namespace dx::rt

DX_EXPORT("dx_num_rem") double dx_num_rem(double a, double b) { return dx::rt::num_rem(a, b); }

// ToInt32 (ECMA-262 §7.1.6), what the bitwise operators and Math.imul/clz32 apply to their operands: the
// number truncated, taken modulo 2^32, as a signed 32-bit value; NaN and ±Infinity give 0.
DX_EXPORT("dx_to_int32") int32_t dx_to_int32(double x) {
  double t = __builtin_trunc(x);
  if (__builtin_fabs(t) < 2147483648.0) return int32_t(t);
  if (!(t - t == 0)) return 0;  // NaN, ±Infinity
  // Exact: t is an integer, so the quotient's floor and its product with 2^32 are too, and the difference is
  // in [0, 2^32) (Sterbenz: both sides are within a factor of two of each other when |t| ≥ 2^31).
  double m = t - __builtin_floor(t / 4294967296.0) * 4294967296.0;
  return int32_t(uint32_t(m));
}
