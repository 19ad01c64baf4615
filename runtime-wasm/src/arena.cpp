// arena.cpp — chunked bump allocation (contract in arena.h).
//
// Chunk layout: +0 Ref next chunk, +4 u32 page count, +8 data. Standard chunks form one list that is
// walked in order and rewound on reset; big chunks form a second list that is freed on reset.
#include "arena.h"

namespace dx::rt {

namespace {

constexpr uint32_t kChunkPages = 4;
constexpr uint32_t kChunkHeader = 8;
constexpr uint32_t kChunkData = kChunkPages * kPageBytes - kChunkHeader;

Ref g_first = 0;    // first standard chunk
Ref g_chunk = 0;    // current standard chunk
Ref g_ptr = 0, g_end = 0;
Ref g_big = 0;      // big chunks (singly linked)
uint32_t g_used = 0;

Ref new_chunk(uint32_t pages) {
  Ref c = pages_alloc(pages, kTagArena);
  st32(c, 0);
  st32(c + 4, pages);
  return c;
}

}  // namespace

void arena_reset_state() { g_first = g_chunk = g_ptr = g_end = g_big = 0; g_used = 0; }

uint32_t arena_used() { return g_used; }

Ref arena_alloc(uint32_t size) {
  size = align8(size ? size : 8);
  g_used += size;
  if (size > kChunkData) {
    if (size > 0xFFF00000u) fatal("out of memory: arena allocation too large");
    Ref c = new_chunk((size + kChunkHeader + kPageBytes - 1) >> kPageShift);
    st32(c, g_big);
    g_big = c;
    mem_zero(c + kChunkHeader, size);
    return c + kChunkHeader;
  }
  if (g_end - g_ptr < size || g_chunk == 0) {
    Ref next = g_chunk ? ld32(g_chunk) : g_first;
    if (next == 0) {
      next = new_chunk(kChunkPages);
      if (g_chunk) st32(g_chunk, next); else g_first = next;
    }
    g_chunk = next;
    g_ptr = next + kChunkHeader;
    g_end = next + kChunkPages * kPageBytes;
  }
  Ref p = g_ptr;
  g_ptr += size;
  mem_zero(p, size);
  return p;
}

void arena_each_chunk_data(void (*f)(Ref start, uint32_t bytes, void* ctx), void* ctx) {
  for (Ref c = g_first; c; c = ld32(c)) f(c + kChunkHeader, ld32(c + 4) * kPageBytes - kChunkHeader, ctx);
}

void arena_reset() {
  while (g_big) {
    Ref next = ld32(g_big);
    pages_free(g_big, ld32(g_big + 4));
    g_big = next;
  }
  g_chunk = 0;
  g_ptr = g_end = 0;
  g_used = 0;
}

}  // namespace dx::rt
