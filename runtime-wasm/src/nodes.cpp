// nodes.cpp — node id allocation and the owner table (contract in nodes.h).
//
// One table word per id: a live id holds its owner (an 8-aligned Ref, low bit 0); a free id holds
// (next free id << 1) | 1, so the free list costs no extra memory and a lookup is one load.
#include "nodes.h"

#include "heap.h"
#include "ops.h"

namespace dx::rt {

namespace {
Vec32 g_table;
uint32_t g_free_head = 0;  // 0 = empty (ids 0 and 1 are never free)
uint32_t g_live = 0;
}  // namespace

void nodes_reset() {
  g_table = Vec32();
  g_free_head = 0;
  g_live = 0;
}

uint32_t node_alloc(Ref owner) {
  if (g_table.len == 0) {
    g_table.push(0);  // null
    g_table.push(0);  // the mount element
  }
  ++g_live;
  if (g_free_head) {
    uint32_t id = g_free_head;
    g_free_head = g_table.at(id) >> 1;
    g_table.set(id, owner);
    return id;
  }
  g_table.push(owner);
  return g_table.len - 1;
}

void node_free(uint32_t id) {
  if (id <= kMountNode || id >= g_table.len || (g_table.at(id) & 1)) fatal("node_free: not a live node id");
  emit(schema::kOpFree, id);
  g_table.set(id, (g_free_head << 1) | 1);
  g_free_head = id;
  --g_live;
}

Ref node_owner(uint32_t id) {
  if (id <= kMountNode || id >= g_table.len) return 0;
  uint32_t v = g_table.at(id);
  return (v & 1) ? 0 : v;
}

uint32_t nodes_live() { return g_live; }

}  // namespace dx::rt
