// bignum.h — just enough unsigned big-integer arithmetic for exact shortest number formatting.
//
// Little-endian 32-bit limbs, fixed capacity (1536 bits: the largest value num_to_str builds is below
// 2^1130, num_format's below 2^1460). No allocation, no libc; 64-bit intermediate products only (no __int128, which would need
// compiler-rt in the wasm build). The operations are out of line (bignum.cpp): inlined, clang -O2 unrolls
// them into every call site and the digit loop alone grows by kilobytes of wasm.
#pragma once
#include <stdint.h>

namespace dx::rt {

struct Big {
  static constexpr uint32_t kLimbs = 48;
  uint32_t n = 0;  // limbs in use; the top one is non-zero (0 limbs = zero)
  uint32_t d[kLimbs] = {};

  void set_u64(uint64_t v);
  void shl(uint32_t bits);
  void mul_small(uint32_t m);
  void mul_pow10(uint32_t k);
  // this -= b, requires this >= b.
  void sub(const Big& b);
  static int cmp(const Big& a, const Big& b);
  // Compares a + b with c.
  static int plus_cmp(const Big& a, const Big& b, const Big& c);
  void add(const Big& b);
  void shr(uint32_t bits);
  // this /= m; returns the remainder.
  uint32_t div_small(uint32_t m);
  bool zero() const { return n == 0; }
};

}  // namespace dx::rt
