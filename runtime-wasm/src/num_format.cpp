// num_format.cpp — Number.prototype.toFixed, toPrecision and toString(radix) (ECMA-262 §21.1.3.3, §21.1.3.5, §21.1.3.6), exactly.
//
// Both pick the integer n nearest to the exact value of x scaled by a power of ten (the larger one on a tie)
// and print its digits. x = f·2^e is exact as a big integer ratio, so n is computed with big integers:
// n = floor((2·x·10^k + 1) / 2) with the power of two and the power of ten on whichever side they belong.
#include "bignum.h"
#include "num_text.h"
#include "str.h"
#include "str_ops.h"
#include "throw.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

double num_rem(double a, double b);  // num_rem.cpp: fmod, exactly

namespace {

struct Exact {  // |x| = f × 2^e
  uint64_t f = 0;
  int32_t e = 0;
};

Exact exact(double a) {
  uint64_t bits;
  __builtin_memcpy(&bits, &a, 8);
  uint32_t biased = uint32_t(bits >> 52) & 0x7FF;
  uint64_t frac = bits & ((uint64_t(1) << 52) - 1);
  if (biased == 0) return {frac, -1074};
  return {frac | (uint64_t(1) << 52), int32_t(biased) - 1075};
}

// round_half_up(|x| × 10^k), k of either sign.
Big scaled(Exact x, int32_t k) {
  Big a, half;
  a.set_u64(x.f);
  uint32_t s = x.e < 0 ? uint32_t(-x.e) : 0;  // x = a / 2^s
  if (x.e > 0) a.shl(uint32_t(x.e));
  if (k >= 0) {
    a.mul_pow10(uint32_t(k));  // n = floor((2a + 2^s) / 2^(s+1))
    a.shl(1);
    half.set_u64(1);
    half.shl(s);
    a.add(half);
    a.shr(s + 1);
  } else {  // n = floor(floor((2a + 2^s·10^-k) / 2^(s+1)) / 10^-k)
    a.shl(1);
    half.set_u64(1);
    half.mul_pow10(uint32_t(-k));
    half.shl(s);
    a.add(half);
    a.shr(s + 1);
    uint32_t t = uint32_t(-k);
    for (; t >= 9; t -= 9) a.div_small(1000000000u);
    static constexpr uint32_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (t) a.div_small(kPow10[t]);
  }
  return a;
}

// The decimal digits of n into out (most significant first; "0" for zero); returns their count.
uint32_t digits(Big n, char* out) {
  char rev[480];
  uint32_t c = 0;
  while (!n.zero()) {
    uint32_t chunk = n.div_small(1000000000u);
    for (int i = 0; i < 9; ++i, chunk /= 10) rev[c++] = char('0' + chunk % 10);
  }
  while (c > 1 && rev[c - 1] == '0') --c;
  if (c == 0) rev[c++] = '0';
  for (uint32_t i = 0; i < c; ++i) out[i] = rev[c - 1 - i];
  return c;
}

bool finite(double x) { return x - x == 0; }

}  // namespace

Ref num_to_fixed(double x, double fraction_digits) {
  double f = to_integer(fraction_digits);
  if (!(f >= 0 && f <= 100)) throw_error("RangeError", str_from_latin1("toFixed() digits argument must be between 0 and 100"), 0);
  if (!finite(x) || x >= 1e21 || x <= -1e21) return dx_num_to_str(x);
  uint32_t k = uint32_t(f);
  char d[480], out[520];
  uint32_t nd = digits(scaled(exact(x < 0 ? -x : x), int32_t(k)), d), w = 0;
  if (x < 0) out[w++] = '-';  // -0 is not < 0: "0.00"; a negative rounding to zero keeps its sign, "-0.00"
  if (nd <= k) {               // pad: n has k + 1 digits at least
    out[w++] = '0';
    if (k) out[w++] = '.';
    for (uint32_t i = nd; i < k; ++i) out[w++] = '0';
    for (uint32_t i = 0; i < nd; ++i) out[w++] = d[i];
  } else {
    for (uint32_t i = 0; i < nd - k; ++i) out[w++] = d[i];
    if (k) out[w++] = '.';
    for (uint32_t i = nd - k; i < nd; ++i) out[w++] = d[i];
  }
  return ascii_str(out, w);
}

Ref num_to_precision(double x, double precision) {
  double pd = to_integer(precision);
  if (!finite(x)) return dx_num_to_str(x);
  if (!(pd >= 1 && pd <= 100)) throw_error("RangeError", str_from_latin1("toPrecision() argument must be between 1 and 100"), 0);
  int32_t p = int32_t(pd);
  char m[480], out[520];
  uint32_t w = 0;
  int32_t e = 0;
  if (x < 0) out[w++] = '-';
  if (x == 0) {
    for (int32_t i = 0; i < p; ++i) m[i] = '0';
  } else {
    Exact ex = exact(x < 0 ? -x : x);
    // e = floor(log10 |x|), estimated from the binary exponent and corrected: n must have exactly p digits.
    int32_t bits = 0;
    for (uint64_t f = ex.f; f; f >>= 1) ++bits;
    e = int32_t(__builtin_floor(double(bits - 1 + ex.e) * 0.30102999566398120));
    Big lo, hi;  // 10^(p-1) ≤ n < 10^p
    lo.set_u64(1);
    lo.mul_pow10(uint32_t(p - 1));
    hi = lo;
    hi.mul_small(10);
    for (int guard = 0; guard < 4; ++guard) {
      Big n = scaled(ex, p - 1 - e);
      if (Big::cmp(n, hi) >= 0) { ++e; continue; }
      if (Big::cmp(n, lo) < 0) { --e; continue; }
      digits(n, m);
      break;
    }
  }
  if (e < -6 || e >= p) {  // exponential: d[.ddd]e±x
    out[w++] = m[0];
    if (p > 1) {
      out[w++] = '.';
      for (int32_t i = 1; i < p; ++i) out[w++] = m[i];
    }
    put_exponent(out, w, e);
  } else if (e >= 0) {
    for (int32_t i = 0; i <= e; ++i) out[w++] = m[i];
    if (e + 1 < p) {
      out[w++] = '.';
      for (int32_t i = e + 1; i < p; ++i) out[w++] = m[i];
    }
  } else {
    out[w++] = '0';
    out[w++] = '.';
    for (int32_t i = 0; i < -(e + 1); ++i) out[w++] = '0';
    for (int32_t i = 0; i < p; ++i) out[w++] = m[i];
  }
  return ascii_str(out, w);
}

// Number.prototype.toString(radix) (ECMA-262 §21.1.3.6): radix 10 is String(x); another one prints x as V8
// does (DoubleToRadixCString): the fraction digit by digit until the digits written pin x down (the rest is
// less than half the gap to the next double), the last one rounded half to even with carries; the integer
// part exactly, with zeros for the digits below a double's precision.
Ref num_to_radix(double x, double radix_arg) {
  double r = to_integer(radix_arg);
  if (!(r >= 2 && r <= 36)) throw_error("RangeError", str_from_latin1("toString() radix must be between 2 and 36"), 0);
  if (r == 10 || !finite(x) || x == 0) return dx_num_to_str(x);
  const uint32_t radix = uint32_t(r);
  const char* chars = "0123456789abcdefghijklmnopqrstuvwxyz";
  constexpr int kSize = 2200;
  char buf[kSize];
  int int_at = kSize / 2, frac_at = int_at;
  bool negative = x < 0;
  double value = negative ? -x : x;
  double integer = __builtin_floor(value), fraction = value - integer;
  auto next_up = [](double v) {
    uint64_t b;
    __builtin_memcpy(&b, &v, 8);
    ++b;
    __builtin_memcpy(&v, &b, 8);
    return v;
  };
  double delta = 0.5 * (next_up(value) - value);
  if (delta < 5e-324) delta = 5e-324;
  if (fraction >= delta) {
    buf[frac_at++] = '.';
    do {
      fraction *= radix;
      delta *= radix;
      uint32_t digit = uint32_t(fraction);
      buf[frac_at++] = chars[digit];
      fraction -= digit;
      if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1))) && fraction + delta > 1) {
        for (;;) {  // round up: carry through the digits written
          --frac_at;
          if (frac_at == kSize / 2) {  // past the point: into the integer part
            integer += 1;
            break;
          }
          char c = buf[frac_at];
          uint32_t d = c > '9' ? uint32_t(c - 'a' + 10) : uint32_t(c - '0');
          if (d + 1 < radix) {
            buf[frac_at++] = chars[d + 1];
            break;
          }
        }
        break;
      }
    } while (fraction >= delta);
  }
  auto exponent = [](double v) {  // v = significand (53 bits) × 2^exponent
    uint64_t b;
    __builtin_memcpy(&b, &v, 8);
    return int32_t((b >> 52) & 0x7FF) - 0x3FF - 52;
  };
  while (exponent(integer / radix) > 0) {
    integer /= radix;
    buf[--int_at] = '0';
  }
  do {
    double rem = num_rem(integer, double(radix));
    buf[--int_at] = chars[uint32_t(rem)];
    integer = (integer - rem) / radix;
  } while (integer > 0);
  if (negative) buf[--int_at] = '-';
  return ascii_str(buf + int_at, uint32_t(frac_at - int_at));
}

}  // namespace dx::rt

DX_EXPORT("dx_num_to_radix") uint32_t dx_num_to_radix(double x, double radix) { return dx::rt::num_to_radix(x, radix); }
DX_EXPORT("dx_num_to_fixed") uint32_t dx_num_to_fixed(double x, double digits) { return dx::rt::num_to_fixed(x, digits); }
DX_EXPORT("dx_num_to_precision") uint32_t dx_num_to_precision(double x, double precision) {
  return dx::rt::num_to_precision(x, precision);
}
