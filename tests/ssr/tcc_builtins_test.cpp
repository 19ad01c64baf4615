// runtime-wasm/native/dx_tcc.h: the GCC bit-counting builtins wasm2c's output uses, as plain C for tcc, against
// naive loops (this file includes the header, so __builtin_clz & co. below are its macros, not clang's).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include "../../runtime-wasm/native/dx_tcc.h"

namespace {

int naive_clz(uint64_t x, int bits) {
  int n = 0;
  for (int i = bits - 1; i >= 0 && !((x >> i) & 1); i--) n++;
  return n;
}
int naive_ctz(uint64_t x, int bits) {
  int n = 0;
  for (int i = 0; i < bits && !((x >> i) & 1); i++) n++;
  return n;
}
int naive_popcount(uint64_t x) {
  int n = 0;
  for (; x; x >>= 1) n += int(x & 1);
  return n;
}

}  // namespace

TEST_CASE("dx_tcc.h: clz, ctz and popcount of 32 and 64 bits match naive loops", "[ssr][tcc]") {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> values = {1, 2, 3, 0x80000000u, 0xffffffffu, 0x100000000u, 0x8000000000000000u, ~uint64_t(0)};
  for (int i = 0; i < 64; i++) values.push_back(uint64_t(1) << i), values.push_back((uint64_t(1) << i) | 1);
  for (int i = 0; i < 20000; i++) values.push_back(rng() >> (rng() % 64));
  for (uint64_t v : values) {
    if (v == 0) continue;  // wasm2c never passes 0 to clz and ctz
    INFO(v);
    uint32_t lo = uint32_t(v);
    if (lo) {
      REQUIRE(__builtin_clz(lo) == naive_clz(lo, 32));
      REQUIRE(__builtin_ctz(lo) == naive_ctz(lo, 32));
    }
    REQUIRE(__builtin_popcount(lo) == naive_popcount(lo));
    REQUIRE(__builtin_clzll(v) == naive_clz(v, 64));
    REQUIRE(__builtin_ctzll(v) == naive_ctz(v, 64));
    REQUIRE(__builtin_popcountll(v) == naive_popcount(v));
  }
}
