/* dx_tcc.h — what wasm2c's output takes from GCC and clang that tcc (the Tiny C Compiler) does not have.
 * dxc's native phase compiles a large app's module C with tcc, ~20 times faster than clang -O0 and with code
 * ~15 % slower (compiler/src/native/native.cpp), and passes this file first (-include). wasm2c 1.0.32 writes
 * the bit-counting instructions as GCC builtins, which tcc does not know: here they are plain C functions,
 * defined for the arguments wasm2c passes them (never 0 to clz and ctz: its I32_CLZ etc. test that first). */
#ifndef DX_TCC_H
#define DX_TCC_H
#include <stdint.h>

static inline int dx_tcc_clz64(uint64_t x) {
  int n = 0;
  if (!(x >> 32)) n += 32, x <<= 32;
  if (!(x >> 48)) n += 16, x <<= 16;
  if (!(x >> 56)) n += 8, x <<= 8;
  if (!(x >> 60)) n += 4, x <<= 4;
  if (!(x >> 62)) n += 2, x <<= 2;
  if (!(x >> 63)) n += 1;
  return n;
}
static inline int dx_tcc_ctz64(uint64_t x) {
  int n = 0;
  if (!(x & 0xffffffffu)) n += 32, x >>= 32;
  if (!(x & 0xffffu)) n += 16, x >>= 16;
  if (!(x & 0xffu)) n += 8, x >>= 8;
  if (!(x & 0xfu)) n += 4, x >>= 4;
  if (!(x & 0x3u)) n += 2, x >>= 2;
  if (!(x & 0x1u)) n += 1;
  return n;
}
static inline int dx_tcc_popcount64(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555u);
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fu;
  return (int)((x * 0x0101010101010101u) >> 56);
}
#define __builtin_clz(x) (dx_tcc_clz64((uint64_t)(uint32_t)(x)) - 32)
#define __builtin_clzll(x) dx_tcc_clz64((uint64_t)(x))
#define __builtin_ctz(x) dx_tcc_ctz64((uint64_t)(uint32_t)(x))
#define __builtin_ctzll(x) dx_tcc_ctz64((uint64_t)(x))
#define __builtin_popcount(x) dx_tcc_popcount64((uint64_t)(uint32_t)(x))
#define __builtin_popcountll(x) dx_tcc_popcount64((uint64_t)(x))
#endif
