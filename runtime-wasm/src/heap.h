// heap.h — the long-lived allocator: size-class slabs plus page-granular large blocks.
//
// Blocks up to 16 KiB come from 64 KiB slab pages of one size class (the page tag names the class, so
// `heap_free` needs no size); larger blocks take whole pages with a 16-byte prefix holding the page count.
// Every block is 8-aligned and zeroed when handed out. Freed cells go to their class's free list and are
// reused first; slab pages are not returned to the page allocator (their cells are). Reference counting
// and object layouts live elsewhere (collect.h, object.h): this file only hands out bytes.
//
// Block instances get pages of their own: a Ref into an instance page is never a counted object, whether
// the instance is alive or already freed, so a closure or record that still points at a destroyed instance
// can be released without reading that instance's memory.
#pragma once
#include "page.h"

namespace dx::rt {

inline constexpr uint32_t kClassCount = 29;
inline constexpr uint32_t kMaxSlabBlock = 16384;

void heap_reset();
Ref heap_alloc(uint32_t size);
Ref heap_alloc_instance(uint32_t size);
void heap_free(Ref block);
// Usable size of a heap block (its class size, or the large block's capacity).
uint32_t heap_block_size(Ref block);
// Bytes currently handed out (class sizes), for tests and stats.
uint32_t heap_live_bytes();
// Counted objects live here: ordinary slabs and large blocks, not instance pages, arena or static data.
inline bool in_object_space(Ref r) {
  uint8_t t = page_tag(r);
  return uint8_t(t - kTagSlab) < kClassCount || t == kTagLarge;
}

// A growable u32 vector in heap memory, for the runtime's own tables (logs, queues, op buffer, ids).
struct Vec32 {
  Ref data = 0;
  uint32_t len = 0, cap = 0;

  void reserve(uint32_t n);  // capacity for at least n elements
  void push(uint32_t v) {
    if (len == cap) reserve(len + 1);
    st32(data + 4 * len++, v);
  }
  uint32_t at(uint32_t i) const { return ld32(data + 4 * i); }
  void set(uint32_t i, uint32_t v) { st32(data + 4 * i, v); }
  uint32_t pop() { return ld32(data + 4 * --len); }
  void release() {
    if (data) heap_free(data);
    data = 0;
    len = cap = 0;
  }
};

}  // namespace dx::rt
