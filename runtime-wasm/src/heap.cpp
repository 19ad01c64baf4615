// heap.cpp — size-class slabs and large blocks (contract in heap.h).
#include "heap.h"

namespace dx::rt {

namespace {

constexpr uint32_t kClassSize[kClassCount] = {
    16,   24,   32,   48,   64,   80,   96,    128,   160,   192,   256,   320,   384,   512,  640,
    768,  1024, 1280, 1536, 2048, 2560, 3072,  4096,  5120,  6144,  8192,  10240, 12288, 16384,
};
constexpr uint32_t kLargePrefix = 16;  // +0 u32 page count; the block starts at +16

// Per size class, for ordinary blocks [0] and instances [1]: free-list heads (a free cell's first word
// links to the next), the next uncarved cell of the newest slab, and that slab's end.
Ref g_free[2][kClassCount];
Ref g_bump[2][kClassCount];
Ref g_bump_end[2][kClassCount];
uint32_t g_live = 0;

uint32_t class_of(uint32_t size) {
  uint32_t lo = 0, hi = kClassCount - 1;  // smallest class >= size
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (kClassSize[mid] >= size) hi = mid; else lo = mid + 1;
  }
  return lo;
}

}  // namespace

void heap_reset() {
  for (uint32_t k = 0; k < 2; ++k)
    for (uint32_t c = 0; c < kClassCount; ++c) g_free[k][c] = g_bump[k][c] = g_bump_end[k][c] = 0;
  g_live = 0;
}

uint32_t heap_live_bytes() { return g_live; }

namespace {

Ref alloc(uint32_t size, uint32_t space) {
  if (size == 0) size = 8;
  if (size > kMaxSlabBlock) {
    if (size > 0xFFFF0000u - kLargePrefix) fatal("out of memory: allocation too large");
    uint32_t count = (size + kLargePrefix + kPageBytes - 1) >> kPageShift;
    Ref span = pages_alloc(count, kTagLargeBody);
    g_page_tags[span >> kPageShift] = space ? kTagLargeInstance : kTagLarge;
    st32(span, count);
    g_live += count * kPageBytes;
    mem_zero(span + kLargePrefix, count * kPageBytes - kLargePrefix);
    return span + kLargePrefix;
  }
  uint32_t c = class_of(size), cs = kClassSize[c];
  Ref cell = g_free[space][c];
  if (cell) {
    g_free[space][c] = ld32(cell);
  } else {
    if (g_bump[space][c] == 0 || g_bump[space][c] + cs > g_bump_end[space][c]) {
      Ref page = pages_alloc(1, uint8_t((space ? kTagInstanceSlab : kTagSlab) + c));
      g_bump[space][c] = page;
      g_bump_end[space][c] = page + kPageBytes;
    }
    cell = g_bump[space][c];
    g_bump[space][c] += cs;
  }
  g_live += cs;
  mem_zero(cell, cs);
  return cell;
}

}  // namespace

Ref heap_alloc(uint32_t size) { return alloc(size, 0); }
Ref heap_alloc_instance(uint32_t size) { return alloc(size, 1); }

uint32_t heap_block_size(Ref block) {
  uint8_t tag = page_tag(block);
  if (uint8_t(tag - kTagSlab) < kClassCount) return kClassSize[tag - kTagSlab];
  if (uint8_t(tag - kTagInstanceSlab) < kClassCount) return kClassSize[tag - kTagInstanceSlab];
  if (tag == kTagLarge || tag == kTagLargeInstance) return ld32(block - kLargePrefix) * kPageBytes - kLargePrefix;
  fatal("heap_block_size: not a heap block");
}

void heap_free(Ref block) {
  uint8_t tag = page_tag(block);
  uint32_t space = uint8_t(tag - kTagInstanceSlab) < kClassCount ? 1 : 0;
  if (uint8_t(tag - (space ? kTagInstanceSlab : kTagSlab)) < kClassCount) {
    uint32_t c = tag - (space ? kTagInstanceSlab : kTagSlab);
    st32(block, g_free[space][c]);
    g_free[space][c] = block;
    g_live -= kClassSize[c];
    return;
  }
  if ((tag == kTagLarge || tag == kTagLargeInstance) && (block & (kPageBytes - 1)) == kLargePrefix) {
    uint32_t count = ld32(block - kLargePrefix);
    g_live -= count * kPageBytes;
    pages_free(block - kLargePrefix, count);
    return;
  }
  fatal("heap_free: not a heap block");
}

void Vec32::reserve(uint32_t n) {
  if (n <= cap) return;
  uint32_t want = cap < 16 ? 16 : cap * 2;
  if (want < n) want = n;
  Ref block = heap_alloc(want * 4);
  mem_copy(block, data, len * 4);
  if (data) heap_free(data);
  data = block;
  cap = heap_block_size(block) / 4;
}

}  // namespace dx::rt
