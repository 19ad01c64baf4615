// host.cpp — what the runtime asks of the page (imports from module "dx", supplied by dx.js): a random seed
// and the clocks. Math.random is a xorshift128+ generator (V8's algorithm) seeded once per instance from the
// host, so a sequence of calls costs no wasm→JS transitions.
#include "host.h"
#include "platform.h"

namespace dx::rt {

namespace {

uint64_t g_s0 = 0, g_s1 = 0;

uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

void random_reset() { g_s0 = g_s1 = 0; }

double math_random() {
  if ((g_s0 | g_s1) == 0) {  // first use: seed from the host (a double carrying up to 53 random bits)
    uint64_t seed = uint64_t(dxhost_seed());
    g_s0 = splitmix64(seed);
    g_s1 = splitmix64(seed);
    if ((g_s0 | g_s1) == 0) g_s1 = 1;
  }
  uint64_t s1 = g_s0, s0 = g_s1;
  g_s0 = s0;
  s1 ^= s1 << 23;
  s1 ^= s1 >> 17;
  s1 ^= s0;
  s1 ^= s0 >> 26;
  g_s1 = s1;
  return double(g_s0 >> 11) * 0x1.0p-53;  // 53 random bits in [0, 1)
}

}  // namespace dx::rt

DX_EXPORT("dx_math_random") double dx_math_random() { return dx::rt::math_random(); }
DX_EXPORT("dx_date_now") double dx_date_now() { return dxhost_now(); }
DX_EXPORT("dx_performance_now") double dx_performance_now() { return dxhost_perf_now(); }
