// num_chars.cpp — JavaScript's Number::toString(10) for every double, exactly, as characters (num_chars.h):
// `dx_num_to_str` (num_to_str.cpp) makes a string of them, and dx-server's HTML writer (runtime-server/ssr)
// prints a TEXT_NUM op's number with the same code.
//
// Digits: integers below 2^53 are printed directly; everything else goes through the exact free-format
// algorithm of Steele & White / Burger & Dybvig with big integers: it yields the shortest digit string
// that reads back as the same double (round-to-nearest-even reading, so the interval's ends count when
// the significand is even) and, among those, the one closest to the exact value, ties to an even digit,
// which is what V8 prints. Cost grows with the exponent's magnitude (UI numbers use a few limbs).
// Layout: ECMA-262 Number::toString — plain digits up to 21 integer digits, "0.000001" down to 1e-6,
// exponent form otherwise ("1e+21", "1.5e-7"); -0 → "0", NaN, Infinity, -Infinity.
#include "num_chars.h"

#include "bignum.h"

namespace dx::rt {

namespace {

uint32_t copy(const char* s, char* buf) {
  uint32_t n = 0;
  while (s[n]) buf[n] = s[n], ++n;
  return n;
}

struct Digits {
  char d[20];
  uint32_t count = 0;
  int32_t point = 0;  // value = 0.d1d2… × 10^point
};

uint32_t bit_length(uint64_t v) {
  uint32_t n = 0;
  while (v) { ++n; v >>= 1; }
  return n;
}

// Exact shortest digits of a finite positive double with significand f and binary exponent e.
void shortest_digits(uint64_t f, int32_t e, Digits* out) {
  const bool even = (f & 1) == 0;  // the reader rounds ties to even: interval ends included
  Big r, s, mp, mm;
  // v = r/s; (r ± m)/s are the midpoints to the neighbouring doubles. Everything is scaled by 2.
  if (e >= 0) {
    bool asym = f == (uint64_t(1) << 52);
    r.set_u64(f); r.shl(uint32_t(e) + (asym ? 2 : 1));
    s.set_u64(asym ? 4 : 2);
    mp.set_u64(1); mp.shl(uint32_t(e) + (asym ? 1 : 0));
    mm.set_u64(1); mm.shl(uint32_t(e));
  } else {
    bool asym = f == (uint64_t(1) << 52) && e != -1074;  // the gap below a power of two is half as wide
    r.set_u64(f); r.shl(asym ? 2 : 1);
    s.set_u64(1); s.shl(uint32_t(-e) + (asym ? 2 : 1));
    mp.set_u64(asym ? 2 : 1);
    mm.set_u64(1);
  }
  // k ≈ ceil(log10 v), never too large; the loop below corrects it upwards.
  double est = double(e + int32_t(bit_length(f)) - 1) * 0.30102999566398114 - 1e-10;
  int32_t k = int32_t(est);
  if (est > double(k)) ++k;
  if (k >= 0) s.mul_pow10(uint32_t(k));
  else { r.mul_pow10(uint32_t(-k)); mp.mul_pow10(uint32_t(-k)); mm.mul_pow10(uint32_t(-k)); }
  while (even ? Big::plus_cmp(r, mp, s) >= 0 : Big::plus_cmp(r, mp, s) > 0) { s.mul_small(10); ++k; }

  out->count = 0;
  out->point = k;
  for (;;) {
    r.mul_small(10); mp.mul_small(10); mm.mul_small(10);
    uint32_t digit = 0;
    while (Big::cmp(r, s) >= 0) { r.sub(s); ++digit; }
    int lo_cmp = Big::cmp(r, mm), hi_cmp = Big::plus_cmp(r, mp, s);
    bool low = even ? lo_cmp <= 0 : lo_cmp < 0;     // rounding down stays inside the interval
    bool high = even ? hi_cmp >= 0 : hi_cmp > 0;    // rounding up stays inside the interval
    if (!low && !high && out->count < 19) { out->d[out->count++] = char('0' + digit); continue; }
    if (low && high) {  // both ends qualify: the closer one, ties to even
      int half = Big::plus_cmp(r, r, s);
      if (half > 0 || (half == 0 && (digit & 1))) ++digit;
    } else if (high) {
      ++digit;
    }
    out->d[out->count++] = char('0' + digit);
    return;
  }
}

void integer_digits(uint64_t v, Digits* out) {
  char tmp[20];
  uint32_t n = 0;
  do { tmp[n++] = char('0' + v % 10); v /= 10; } while (v);
  out->count = 0;
  out->point = int32_t(n);
  while (n && tmp[0] == '0') {  // trailing zeros are implied by the point
    for (uint32_t i = 0; i + 1 < n; ++i) tmp[i] = tmp[i + 1];
    --n;
  }
  while (n) out->d[out->count++] = tmp[--n];
}

}  // namespace

uint32_t num_to_chars(double v, char* buf) {
  uint64_t bits;
  __builtin_memcpy(&bits, &v, 8);
  bool neg = bits >> 63;
  uint32_t biased = uint32_t(bits >> 52) & 0x7FF;
  uint64_t frac = bits & ((uint64_t(1) << 52) - 1);
  if (biased == 0x7FF) return copy(frac ? "NaN" : neg ? "-Infinity" : "Infinity", buf);
  if (biased == 0 && frac == 0) return copy("0", buf);

  Digits dg;
  double a = neg ? -v : v;
  if (a < 9007199254740992.0 && a == double(uint64_t(a))) integer_digits(uint64_t(a), &dg);
  else if (biased == 0) shortest_digits(frac, -1074, &dg);
  else shortest_digits(frac | (uint64_t(1) << 52), int32_t(biased) - 1075, &dg);

  uint32_t w = 0, nd = dg.count;
  int32_t n = dg.point;
  if (neg) buf[w++] = '-';
  if (int32_t(nd) <= n && n <= 21) {
    for (uint32_t i = 0; i < nd; ++i) buf[w++] = dg.d[i];
    for (int32_t i = int32_t(nd); i < n; ++i) buf[w++] = '0';
  } else if (0 < n && n <= 21) {
    for (int32_t i = 0; i < n; ++i) buf[w++] = dg.d[i];
    buf[w++] = '.';
    for (uint32_t i = uint32_t(n); i < nd; ++i) buf[w++] = dg.d[i];
  } else if (-6 < n && n <= 0) {
    buf[w++] = '0';
    buf[w++] = '.';
    for (int32_t i = n; i < 0; ++i) buf[w++] = '0';
    for (uint32_t i = 0; i < nd; ++i) buf[w++] = dg.d[i];
  } else {
    buf[w++] = dg.d[0];
    if (nd > 1) {
      buf[w++] = '.';
      for (uint32_t i = 1; i < nd; ++i) buf[w++] = dg.d[i];
    }
    put_exponent(buf, w, n - 1);
  }
  return w;
}

}  // namespace dx::rt
