// flush.h — invalidation and the flush queue.
//
// `dx_invalidate(inst, mask)` ORs `mask` into the instance's dirty word and queues it once. `flush` runs
// `dxgen_block_update(inst, 0)` for every queued live instance whose dirty word is non-zero, parents
// before children (a min-heap on depth), then clears the bits the update saw — except bits the update
// invalidated on its own instance meanwhile, which stay set and queue it again. Updates may invalidate
// more instances; the flush runs until the queue is empty, but gives up with an ERROR op when it has run
// more than 64 updates per live instance (an update that keeps invalidating: a loop in the app).
#pragma once
#include "object.h"

namespace dx::rt {

void flush_reset();
void invalidate(Ref inst, uint32_t mask);
void flush();
// Forgets the queue (clearing the queued flags): recovery after a trapped batch.
void flush_abandon();

}  // namespace dx::rt
