// collect.h — reference counting with a write barrier, evacuation out of the arena, deferred decrements.
//
// Counts cover only references held by heap objects; locals are never counted. During a batch:
//  * `write_ref` (dx_write_ref) stores into a heap holder: a heap value is retained at once, an arena
//    value's slot is logged for evacuation, the old value is queued for a deferred decrement;
//  * nothing on the heap is freed (destroyed instances and replaced array blocks wait in lists), so a
//    logged slot or a local never points at freed memory.
// `collect()` ends the batch: every arena object reachable from a logged slot is copied to the heap
// (forwarding pointers keep shared objects shared and identity intact) and counted, destroyed instances and
// replaced blocks are freed, the decrements run (an object reaching 0 is freed and its referents decremented
// in turn, iteratively), and the arena is reset. Cycles made by mutating records are not collected.
#pragma once
#include "object.h"

namespace dx::rt {

void collect_reset();

// `*slot = value` with the barrier; `holder` is the object that contains `slot`.
void write_ref(Ref holder, Ref slot, Ref value);
// +1 on a counted heap object (no-op for null, static, arena, instances).
void retain(Ref o);
// −1 at the end of the batch (no-op for anything not counted).
void release_later(Ref o);
// Log a slot of a heap holder that may now hold an arena reference.
void log_slot(Ref holder, Ref slot);
// Free a heap block (a grown array's old data) once evacuation is over.
void free_block_later(Ref block);
// Free a destroyed instance's memory once evacuation is over (its fields were already released).
void free_instance_later(Ref inst);

// End of batch: evacuate, free what waited, run decrements, reset the arena.
void collect();

// Object sizes (header included) for heap copies and frees.
uint32_t object_size(Ref o);

}  // namespace dx::rt
