// page.h — 64 KiB pages above the generated data, and what each page is used for.
//
// The heap, the arena and the runtime's own tables take whole pages from here. A one-byte tag per page
// (indexed by address >> 16) tells arena from heap from static data in O(1): that is the test the write
// barrier and the collector make on every reference. Pages come from a free-span list (address-ordered,
// coalescing) or from the top, growing linear memory with memory.grow when the top passes its end.
#pragma once
#include "platform.h"

namespace dx::rt {

enum PageTag : uint8_t {
  kTagStatic = 0,             // runtime data, stack, generated data, or not yet handed out
  kTagSlab = 0x01,            // 0x01 + c: a heap slab of size class c (heap.h)
  kTagInstanceSlab = 0x21,    // 0x21 + c: a slab of block instances of size class c
  kTagLarge = 0x40,           // first page of a large heap block
  kTagLargeBody = 0x41,       // following pages of a large block (either kind)
  kTagLargeInstance = 0x42,   // first page of a large block instance
  kTagArena = 0x80,           // arena chunk
  kTagFree = 0x81,            // in the free-span list
};

extern uint8_t g_page_tags[65536];

inline uint8_t page_tag(Ref r) { return g_page_tags[r >> kPageShift]; }
// Heap object (slab cell or large block, instances included). Static and arena objects are not.
inline bool is_heap(Ref r) { return uint8_t(page_tag(r) - 1) < kTagLargeInstance; }
inline bool is_arena(Ref r) { return page_tag(r) == kTagArena; }

// Pages start at the first page boundary at or above `heap_base`.
void pages_init(Ref heap_base);
void pages_reset();
// `count` contiguous pages, all tagged `tag`. Grows memory as needed; fatal when it cannot.
Ref pages_alloc(uint32_t count, uint8_t tag);
void pages_free(Ref start, uint32_t count);
// The first page never handed out: how far the runtime has grown (tests watch it stop growing).
Ref pages_top();
// Calls `f(start, bytes)` for each free span, then for the pages from the top to the end of linear memory:
// memory no allocation reads before writing it (scratch.cpp).
template <class F> void pages_each_free(F f);
namespace detail {
uint32_t span_count();
void span_at(uint32_t i, uint32_t* first, uint32_t* count);
}  // namespace detail
template <class F> void pages_each_free(F f) {
  for (uint32_t i = 0, first, count; i < detail::span_count(); ++i) {
    detail::span_at(i, &first, &count);
    f(first << kPageShift, count << kPageShift);
  }
  uint32_t top = pages_top() >> kPageShift, end = mem_pages();
  if (end > top) f(top << kPageShift, (end - top) << kPageShift);
}

}  // namespace dx::rt
