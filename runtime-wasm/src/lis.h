// lis.h — longest increasing subsequence, O(n log n), over u32 words in linear memory.
#pragma once
#include "arena.h"

namespace dx::rt {

inline constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

// seq: n u32 values, kNoIndex entries are skipped. Sets byte in_lis[k] = 1 for the members of one longest
// strictly increasing subsequence (in_lis must be zeroed). Returns its length. Scratch comes from the arena.
inline uint32_t mark_lis(Ref seq, uint32_t n, Ref in_lis) {
  if (n == 0) return 0;
  Ref tails = arena_alloc(4 * n), prev = arena_alloc(4 * n);  // tails[t]: index ending a run of t+1
  uint32_t len = 0;
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t v = ld32(seq + 4 * k);
    if (v == kNoIndex) continue;
    uint32_t lo = 0, hi = len;
    while (lo < hi) {
      uint32_t mid = (lo + hi) / 2;
      if (ld32(seq + 4 * ld32(tails + 4 * mid)) < v) lo = mid + 1; else hi = mid;
    }
    st32(prev + 4 * k, lo ? ld32(tails + 4 * (lo - 1)) : kNoIndex);
    st32(tails + 4 * lo, k);
    if (lo == len) ++len;
  }
  for (uint32_t k = len ? ld32(tails + 4 * (len - 1)) : kNoIndex; k != kNoIndex; k = ld32(prev + 4 * k))
    st8(in_lis + k, 1);
  return len;
}

}  // namespace dx::rt
