// scratch.cpp — the memory a server snapshot may leave out (schemas/snapshot.md, "What is left out").
//
// After a batch, some linear memory holds bytes no later batch reads before writing them: the data of the
// arena's chunks (arena_alloc zeroes what it hands out; the chunk headers, which link the chunks, are kept),
// the page allocator's free spans and everything above its top (an allocation writes before it reads). A
// fresh instance has zeros there, so a client resuming from a snapshot that leaves those bytes out behaves
// exactly as the server's instance would. The server asks after rendering, before it diffs the memory.
#include "host.h"

#include "arena.h"
#include "page.h"

using namespace dx::rt;

namespace {
struct Table {
  Ref at;
  uint32_t count, cap;
};
void add(Table& t, Ref start, uint32_t bytes) {
  if (t.count == t.cap || !bytes) return;  // a full table only makes the snapshot larger
  st32(t.at + 4 + 8 * t.count, start);
  st32(t.at + 8 + 8 * t.count, bytes);
  ++t.count;
}
}  // namespace

// The ranges, in a table in the arena (so it lists itself): u32 count, then count × {u32 start, u32 bytes}.
DX_EXPORT("dx_scratch_ranges") uint32_t dx_scratch_ranges() {
  uint32_t cap = 0;
  arena_each_chunk_data([](Ref, uint32_t, void* n) { ++*static_cast<uint32_t*>(n); }, &cap);
  pages_each_free([&](Ref, uint32_t) { ++cap; });
  cap += 2;  // room for a chunk the table itself may need
  Table t{arena_alloc(4 + 8 * cap), 0, cap};
  arena_each_chunk_data([](Ref start, uint32_t bytes, void* tp) { add(*static_cast<Table*>(tp), start, bytes); }, &t);
  pages_each_free([&](Ref start, uint32_t bytes) { add(t, start, bytes); });
  st32(t.at, t.count);
  return t.at;
}
