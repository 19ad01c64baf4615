// nodes.h — DOM node ids: dense u32s shared with dx.js (its `nodes` array is indexed by them).
//
// 0 is null (so `insertBefore(x, nodes[0])` appends), 1 is the mount element, ids ≥ 2 are handed out to
// template clones and reused LIFO through a free list. The owner table maps each live id to the instance
// that cloned it, which is how an event on a node finds its instance; a freed id has no owner, so an event
// that races with a removal is ignored.
#pragma once
#include "platform.h"

namespace dx::rt {

inline constexpr uint32_t kMountNode = 1;

void nodes_reset();
uint32_t node_alloc(Ref owner);
// Emits FREE and makes the id reusable.
void node_free(uint32_t id);
// The owning instance of a live id; 0 for null, the mount element, freed or unknown ids.
Ref node_owner(uint32_t id);
// Live ids (mount element excluded), for tests and stats.
uint32_t nodes_live();

}  // namespace dx::rt
