// num_parse.cpp — string → number exactly as JavaScript does it: `Number(s)` (dx_str_to_num), `parseFloat`
// (dx_parse_float) and `parseInt(s, radix)` (dx_parse_int).
//
// Decimal strings are rounded correctly (to nearest, ties to even) for any length: up to 800 significant
// digits are kept and any further non-zero digit is folded into a sticky "1" digit (800 > the 767 digits that
// can matter), short inputs take Clinger's exact fast path, and the rest is exact big-integer arithmetic: the
// value D·10^e is either an integer (its top 64 bits and a sticky bit are rounded) or the quotient
// D·2^s / 10^-e, computed to 64 bits by long division with the remainder as the sticky bit. Hex, octal and
// binary literals (and parseInt with a power-of-two radix) are rounded exactly from their bits. parseInt with
// any other radix than 10 follows V8's algorithm (32-bit chunks accumulated in doubles), which ECMA-262 allows
// to be approximate, so that the results are V8's bit for bit.
#include "str.h"
#include "str_ops.h"

namespace dx::rt {

double num_rem(double a, double b);  // num_rem.cpp

namespace {

constexpr double kNaN = __builtin_nan("");
constexpr double kInf = __builtin_inf();

// Unsigned big integer, 128 × 32-bit limbs (4096 bits: D < 10^801 times 2^s, or 10^1125, fit).
struct BigN {
  static constexpr uint32_t kLimbs = 128;
  uint32_t n = 0;
  uint32_t d[kLimbs];

  void mul_add(uint32_t m, uint32_t a) {
    uint64_t carry = a;
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t p = uint64_t(d[i]) * m + carry;
      d[i] = uint32_t(p);
      carry = p >> 32;
    }
    if (carry) d[n++] = uint32_t(carry);
  }
  void mul_pow10(uint32_t k) {
    static constexpr uint32_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    for (; k >= 9; k -= 9) mul_add(1000000000u, 0);
    if (k) mul_add(kPow10[k], 0);
  }
  void shl(uint32_t bits) {
    if (n == 0) return;
    uint32_t limbs = bits / 32, rest = bits % 32;
    if (rest) {
      uint32_t carry = 0;
      for (uint32_t i = 0; i < n; ++i) {
        uint32_t x = d[i];
        d[i] = (x << rest) | carry;
        carry = x >> (32 - rest);
      }
      if (carry) d[n++] = carry;
    }
    if (limbs) {
      for (uint32_t i = n; i-- > 0;) d[i + limbs] = d[i];
      for (uint32_t i = 0; i < limbs; ++i) d[i] = 0;
      n += limbs;
    }
  }
  uint32_t bit_length() const {
    if (n == 0) return 0;
    return 32 * (n - 1) + (32 - uint32_t(__builtin_clz(d[n - 1])));
  }
  bool bit(uint32_t i) const { return i / 32 < n && (d[i / 32] >> (i % 32)) & 1; }
  // Bits [from, from+64) as a u64; `sticky` = any bit below `from` is set.
  uint64_t bits64(uint32_t from, bool* sticky) const {
    uint64_t v = 0;
    for (uint32_t k = 64; k-- > 0;) v = (v << 1) | (bit(from + k) ? 1 : 0);
    bool st = false;
    for (uint32_t i = 0; i < from / 32 && !st; ++i) st = d[i] != 0;
    for (uint32_t i = from / 32 * 32; i < from && !st; ++i) st = bit(i);
    *sticky = st;
    return v;
  }
  static int cmp(const BigN& a, const BigN& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (uint32_t i = a.n; i-- > 0;)
      if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
    return 0;
  }
  void sub(const BigN& b) {  // requires *this >= b
    uint64_t borrow = 0;
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t x = uint64_t(d[i]) - (i < b.n ? b.d[i] : 0) - borrow;
      d[i] = uint32_t(x);
      borrow = (x >> 32) & 1;
    }
    while (n && d[n - 1] == 0) --n;
  }
};

double from_bits(uint64_t b) {
  double v;
  __builtin_memcpy(&v, &b, 8);
  return v;
}

// The double nearest to (m + ε)·2^e2, ties to even, where ε ∈ (0, 1) when `sticky` (m ≠ 0).
double make_double(uint64_t m, int32_t e2, bool sticky) {
  uint32_t lz = uint32_t(__builtin_clzll(m));
  m <<= lz;
  e2 -= int32_t(lz);
  int32_t top = e2 + 63;  // exponent of the leading bit
  if (top > 1023) return kInf;
  uint32_t shift = top >= -1022 ? 11 : uint32_t(11 + (-1022 - top));
  uint64_t q;
  if (shift >= 64) {
    if (shift > 64) return 0.0;
    q = ((m << 1) != 0 || sticky) ? 1 : 0;  // m ≥ 2^63 is at least half of the smallest subnormal
  } else {
    q = m >> shift;
    uint64_t rem = m & ((uint64_t(1) << shift) - 1), half = uint64_t(1) << (shift - 1);
    if (rem > half || (rem == half && (sticky || (q & 1)))) ++q;
  }
  if (top < -1022) return from_bits(q);  // subnormal (q = 2^52 after rounding up is the smallest normal)
  return from_bits((uint64_t(top + 1023) << 52) + q - (uint64_t(1) << 52));  // a carry bumps the exponent
}

constexpr uint32_t kMaxDigits = 800;

struct Decimal {
  uint8_t digits[kMaxDigits + 1];
  uint32_t count = 0;   // significant digits (no leading zeros)
  int32_t exp10 = 0;    // value = digits × 10^exp10
  bool dropped = false;
};

double pow10_exact(uint32_t k) {
  static constexpr double kP[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return kP[k];
}

double decimal_value(Decimal& dec) {
  if (dec.dropped) { dec.digits[dec.count++] = 1; --dec.exp10; }
  while (dec.count && dec.digits[dec.count - 1] == 0) { --dec.count; ++dec.exp10; }
  if (dec.count == 0) return 0.0;
  int32_t magnitude = int32_t(dec.count) + dec.exp10;  // value < 10^magnitude, ≥ 10^(magnitude-1)
  if (magnitude > 310) return kInf;
  if (magnitude < -324) return 0.0;
  if (dec.count <= 15 && dec.exp10 >= -22 && dec.exp10 <= 22) {  // exact operands, one rounding
    uint64_t v = 0;
    for (uint32_t i = 0; i < dec.count; ++i) v = v * 10 + dec.digits[i];
    double d = double(v);
    return dec.exp10 >= 0 ? d * pow10_exact(uint32_t(dec.exp10)) : d / pow10_exact(uint32_t(-dec.exp10));
  }
  BigN num;
  for (uint32_t i = 0; i < dec.count;) {  // nine digits at a time
    uint32_t chunk = 0, mul = 1;
    for (uint32_t k = 0; k < 9 && i < dec.count; ++k, ++i) { chunk = chunk * 10 + dec.digits[i]; mul *= 10; }
    num.mul_add(mul, chunk);
  }
  if (dec.exp10 >= 0) {
    num.mul_pow10(uint32_t(dec.exp10));
    uint32_t bl = num.bit_length();
    bool sticky = false;
    if (bl <= 64) return make_double(num.bits64(0, &sticky), 0, false);
    uint64_t m = num.bits64(bl - 64, &sticky);
    return make_double(m, int32_t(bl - 64), sticky);
  }
  BigN den;
  den.n = 1;
  den.d[0] = 1;
  den.mul_pow10(uint32_t(-dec.exp10));
  int32_t s = 63 + int32_t(den.bit_length()) - int32_t(num.bit_length());  // quotient in [2^62, 2^64)
  if (s >= 0) num.shl(uint32_t(s)); else den.shl(uint32_t(-s));
  uint64_t q = 0;
  BigN t;
  for (int32_t j = 63; j >= 0; --j) {
    t = den;
    t.shl(uint32_t(j));
    if (BigN::cmp(num, t) >= 0) { num.sub(t); q |= uint64_t(1) << j; }
  }
  return make_double(q, -s, num.n != 0);
}

uint32_t digit_value(uint32_t u) {  // 0-35, or 99
  if (u >= '0' && u <= '9') return u - '0';
  if (u >= 'a' && u <= 'z') return u - 'a' + 10;
  if (u >= 'A' && u <= 'Z') return u - 'A' + 10;
  return 99;
}

bool match_ascii(Ref s, uint32_t i, uint32_t end, const char* lit) {
  for (; *lit; ++lit, ++i)
    if (i >= end || str_unit(s, i) != uint32_t(uint8_t(*lit))) return false;
  return true;
}

// StrUnsignedDecimalLiteral (Infinity included) at s[i..end): its value, and where it stops in *stop.
// Returns false when no prefix is a valid literal.
bool scan_decimal(Ref s, uint32_t i, uint32_t end, double* value, uint32_t* stop) {
  if (match_ascii(s, i, end, "Infinity")) { *value = kInf; *stop = i + 8; return true; }
  Decimal dec;
  bool any = false;
  auto take = [&](uint32_t d, bool fraction) {
    any = true;
    if (dec.count == 0 && d == 0) { if (fraction) --dec.exp10; return; }
    if (dec.count < kMaxDigits) {
      dec.digits[dec.count++] = uint8_t(d);
      if (fraction) --dec.exp10;
    } else {
      dec.dropped |= d != 0;
      if (!fraction) ++dec.exp10;
    }
  };
  for (; i < end && str_unit(s, i) - '0' < 10u; ++i) take(str_unit(s, i) - '0', false);
  if (i < end && str_unit(s, i) == '.') {
    uint32_t j = i + 1;
    for (; j < end && str_unit(s, j) - '0' < 10u; ++j) take(str_unit(s, j) - '0', true);
    if (!any) return false;  // "." alone, or ".e1"
    i = j;
  }
  if (!any) return false;
  if (i < end && (str_unit(s, i) | 0x20) == 'e') {  // an exponent only when digits follow
    uint32_t j = i + 1;
    bool neg = false;
    if (j < end && (str_unit(s, j) == '+' || str_unit(s, j) == '-')) neg = str_unit(s, j++) == '-';
    if (j < end && str_unit(s, j) - '0' < 10u) {
      int32_t e = 0;
      for (; j < end && str_unit(s, j) - '0' < 10u; ++j)
        if (e < 100000000) e = e * 10 + int32_t(str_unit(s, j) - '0');
      dec.exp10 += neg ? -e : e;
      i = j;
    }
  }
  *stop = i;
  *value = decimal_value(dec);
  return true;
}

// Digits of a power-of-two radix (1 << log2) at s[i..end), exactly rounded; *stop after the last digit.
double scan_pow2(Ref s, uint32_t i, uint32_t end, uint32_t log2, uint32_t* stop) {
  uint32_t radix = 1u << log2;
  uint64_t m = 0;
  int32_t e2 = 0;
  bool sticky = false;
  for (; i < end; ++i) {
    uint32_t d = digit_value(str_unit(s, i));
    if (d >= radix) break;
    if ((m >> (64 - log2)) == 0) m = (m << log2) | d;
    else { e2 += int32_t(log2); sticky |= d != 0; }
  }
  *stop = i;
  return m ? make_double(m, e2, sticky) : 0.0;
}

// parseInt's algorithm for the other radices, as V8 does it (NumberParseIntHelper): 32-bit parts.
double scan_other(Ref s, uint32_t i, uint32_t end, uint32_t radix) {
  while (i < end && str_unit(s, i) == '0') ++i;  // V8 skips leading zeros first: they shift the parts
  double result = 0;
  bool done = false;
  do {
    uint32_t part = 0, multiplier = 1;
    for (;;) {
      uint32_t d = i < end ? digit_value(str_unit(s, i)) : 99;
      if (d >= radix) { done = true; break; }
      uint32_t m = multiplier * radix;
      if (m > 0xFFFFFFFFu / 36) break;
      part = part * radix + d;
      multiplier = m;
      ++i;
    }
    result = result * double(multiplier) + double(part);
  } while (!done);
  return result;
}

int32_t to_int32(double v) {
  if (v != v || v == kInf || v == -kInf) return 0;
  double r = num_rem(__builtin_trunc(v), 4294967296.0);
  if (r < 0) r += 4294967296.0;
  return int32_t(uint32_t(r));
}

}  // namespace

double str_to_num(Ref s) {
  uint32_t i = 0, end = str_len(s);
  while (i < end && is_js_space(str_unit(s, i))) ++i;
  while (end > i && is_js_space(str_unit(s, end - 1))) --end;
  if (i == end) return 0.0;
  if (end - i > 2 && str_unit(s, i) == '0') {
    uint32_t p = str_unit(s, i + 1) | 0x20, log2 = p == 'x' ? 4 : p == 'o' ? 3 : p == 'b' ? 1 : 0;
    if (log2) {
      uint32_t stop;
      double v = scan_pow2(s, i + 2, end, log2, &stop);
      return stop == end ? v : kNaN;
    }
  }
  bool neg = false;
  if (str_unit(s, i) == '+' || str_unit(s, i) == '-') neg = str_unit(s, i++) == '-';
  double v;
  uint32_t stop;
  if (!scan_decimal(s, i, end, &v, &stop) || stop != end) return kNaN;
  return neg ? -v : v;
}

double parse_float(Ref s) {
  uint32_t i = 0, end = str_len(s);
  while (i < end && is_js_space(str_unit(s, i))) ++i;
  bool neg = false;
  if (i < end && (str_unit(s, i) == '+' || str_unit(s, i) == '-')) neg = str_unit(s, i++) == '-';
  double v;
  uint32_t stop;
  if (!scan_decimal(s, i, end, &v, &stop)) return kNaN;
  return neg ? -v : v;
}

double parse_int(Ref s, double radix_arg) {
  uint32_t i = 0, end = str_len(s);
  while (i < end && is_js_space(str_unit(s, i))) ++i;
  bool neg = false;
  if (i < end && (str_unit(s, i) == '+' || str_unit(s, i) == '-')) neg = str_unit(s, i++) == '-';
  int32_t r = to_int32(radix_arg);
  bool strip = true;
  if (r != 0) {
    if (r < 2 || r > 36) return kNaN;
    strip = r == 16;
  } else {
    r = 10;
  }
  if (strip && end - i >= 2 && str_unit(s, i) == '0' && (str_unit(s, i + 1) | 0x20) == 'x') {
    i += 2;
    r = 16;
  }
  uint32_t radix = uint32_t(r);
  if (i >= end || digit_value(str_unit(s, i)) >= radix) return kNaN;
  double v;
  uint32_t stop;
  if (radix == 10) {
    uint32_t j = i;
    while (j < end && str_unit(s, j) - '0' < 10u) ++j;
    scan_decimal(s, i, j, &v, &stop);  // digits only: no point, no exponent
  } else if ((radix & (radix - 1)) == 0) {
    v = scan_pow2(s, i, end, uint32_t(__builtin_ctz(radix)), &stop);
  } else {
    v = scan_other(s, i, end, radix);
  }
  return neg ? -v : v;
}

}  // namespace dx::rt

DX_EXPORT("dx_str_to_num") double dx_str_to_num(uint32_t s) { return dx::rt::str_to_num(s); }
DX_EXPORT("dx_parse_float") double dx_parse_float(uint32_t s) { return dx::rt::parse_float(s); }
DX_EXPORT("dx_parse_int") double dx_parse_int(uint32_t s, double radix) { return dx::rt::parse_int(s, radix); }
