// arena.h — the per-batch bump arena for temporaries (ABI.md, "Memory management").
//
// Everything a handler or an update makes (strings, arrays, records, closures, the event record, the
// runtime's own scratch) is bump-allocated here, 8-aligned and zeroed. `arena_reset` at the end of each
// batch (after evacuation) drops it all at once. Standard chunks (4 pages) are kept for the next batch;
// a block larger than a chunk gets its own chunk, returned to the page allocator on reset.
#pragma once
#include "page.h"

namespace dx::rt {

void arena_reset_state();  // forget everything (native reset)
Ref arena_alloc(uint32_t size);
void arena_reset();
// Bytes handed out since the last reset (tests, stats).
uint32_t arena_used();
// Calls `f(start, bytes)` for the data part of each standard chunk (not their headers): memory every
// allocation zeroes before handing it out (scratch.cpp).
void arena_each_chunk_data(void (*f)(Ref start, uint32_t bytes, void* ctx), void* ctx);

}  // namespace dx::rt
