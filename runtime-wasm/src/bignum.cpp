// bignum.cpp — the Big operations (contract in bignum.h).
#include "bignum.h"

namespace dx::rt {

namespace {
void trim(Big& b) {
  while (b.n && b.d[b.n - 1] == 0) --b.n;
}
}  // namespace

void Big::set_u64(uint64_t v) {
  n = 0;
  while (v) { d[n++] = uint32_t(v); v >>= 32; }
}

void Big::shl(uint32_t bits) {
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

void Big::mul_small(uint32_t m) {
  uint64_t carry = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t p = uint64_t(d[i]) * m + carry;
    d[i] = uint32_t(p);
    carry = p >> 32;
  }
  if (carry) d[n++] = uint32_t(carry);
}

void Big::mul_pow10(uint32_t k) {
  static constexpr uint32_t kPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  for (; k >= 9; k -= 9) mul_small(1000000000u);
  if (k) mul_small(kPow10[k]);
}

void Big::sub(const Big& b) {
  uint64_t borrow = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t x = uint64_t(d[i]) - (i < b.n ? b.d[i] : 0) - borrow;
    d[i] = uint32_t(x);
    borrow = (x >> 32) & 1;
  }
  trim(*this);
}

int Big::cmp(const Big& a, const Big& b) {
  if (a.n != b.n) return a.n < b.n ? -1 : 1;
  for (uint32_t i = a.n; i-- > 0;)
    if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
  return 0;
}

int Big::plus_cmp(const Big& a, const Big& b, const Big& c) {
  Big s;
  uint64_t carry = 0;
  uint32_t m = a.n > b.n ? a.n : b.n;
  for (uint32_t i = 0; i < m; ++i) {
    uint64_t x = uint64_t(i < a.n ? a.d[i] : 0) + (i < b.n ? b.d[i] : 0) + carry;
    s.d[i] = uint32_t(x);
    carry = x >> 32;
  }
  s.n = m;
  if (carry) s.d[s.n++] = uint32_t(carry);
  return cmp(s, c);
}

void Big::add(const Big& b) {
  uint64_t carry = 0;
  uint32_t m = n > b.n ? n : b.n;
  for (uint32_t i = 0; i < m; ++i) {
    uint64_t x = uint64_t(i < n ? d[i] : 0) + (i < b.n ? b.d[i] : 0) + carry;
    d[i] = uint32_t(x);
    carry = x >> 32;
  }
  n = m;
  if (carry) d[n++] = uint32_t(carry);
}

void Big::shr(uint32_t bits) {
  uint32_t limbs = bits / 32, rest = bits % 32;
  if (limbs >= n) {
    n = 0;
    return;
  }
  for (uint32_t i = 0; i + limbs < n; ++i) d[i] = d[i + limbs];
  n -= limbs;
  if (rest) {
    for (uint32_t i = 0; i < n; ++i) d[i] = (d[i] >> rest) | (i + 1 < n ? d[i + 1] << (32 - rest) : 0);
  }
  trim(*this);
}

uint32_t Big::div_small(uint32_t m) {
  uint64_t rem = 0;
  for (uint32_t i = n; i-- > 0;) {
    uint64_t cur = rem << 32 | d[i];
    d[i] = uint32_t(cur / m);
    rem = cur % m;
  }
  trim(*this);
  return uint32_t(rem);
}

}  // namespace dx::rt
