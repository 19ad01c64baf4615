// flush.cpp — the flush queue (contract in flush.h).
#include "flush.h"

#include "heap.h"
#include "instance.h"
#include "ops.h"

namespace dx::rt {

namespace {

Vec32 g_queue;  // binary min-heap of instances keyed by depth
Ref g_updating = 0;        // the instance whose update is running
uint32_t g_reinvalidated;  // bits it invalidated on itself meanwhile (kept, not cleared with the rest)

bool before(Ref a, Ref b) { return inst_depth(a) < inst_depth(b); }

void push(Ref inst) {
  g_queue.push(inst);
  for (uint32_t i = g_queue.len - 1; i > 0;) {
    uint32_t up = (i - 1) / 2;
    if (!before(g_queue.at(i), g_queue.at(up))) break;
    Ref t = g_queue.at(i);
    g_queue.set(i, g_queue.at(up));
    g_queue.set(up, t);
    i = up;
  }
}

Ref pop() {
  Ref top = g_queue.at(0), last = g_queue.pop();
  if (g_queue.len == 0) return top;
  g_queue.set(0, last);
  for (uint32_t i = 0;;) {
    uint32_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < g_queue.len && before(g_queue.at(l), g_queue.at(m))) m = l;
    if (r < g_queue.len && before(g_queue.at(r), g_queue.at(m))) m = r;
    if (m == i) break;
    Ref t = g_queue.at(i);
    g_queue.set(i, g_queue.at(m));
    g_queue.set(m, t);
    i = m;
  }
  return top;
}

}  // namespace

void flush_reset() {
  g_queue = Vec32();
  g_updating = 0;
  g_reinvalidated = 0;
}

void invalidate(Ref inst, uint32_t mask) {
  if (!inst || obj_kind(inst) != kInstance) fatal("dx_invalidate: not an instance");
  uint32_t flags = inst_flags(inst);
  if (flags & kFlagDead) return;
  if (inst == g_updating) g_reinvalidated |= mask;
  st32(inst + kInstDirty, ld32(inst + kInstDirty) | mask);
  if (flags & kFlagQueued) return;
  inst_set_flags(inst, flags | kFlagQueued);
  push(inst);
}

void flush_abandon() {
  g_updating = 0;
  while (g_queue.len) {
    Ref inst = g_queue.pop();
    inst_set_flags(inst, inst_flags(inst) & ~kFlagQueued);
  }
}

void flush() {
  uint32_t budget = 64 * instances_live() + 1024;
  while (g_queue.len) {
    if (budget-- == 0) {
      flush_abandon();
      op_error("dx: updates kept invalidating each other; flush stopped (an update loop in the app?)");
      return;
    }
    Ref inst = pop();
    uint32_t flags = inst_flags(inst) & ~kFlagQueued;
    inst_set_flags(inst, flags);
    if (flags & kFlagDead) continue;
    uint32_t dirty = ld32(inst + kInstDirty);
    if (!dirty) continue;
    g_updating = inst;
    g_reinvalidated = 0;
    dxgen_block_update(inst, 0);  // the update reads the dirty word itself
    g_updating = 0;
    // Clear what the update saw, keep what was invalidated meanwhile (it is queued again).
    if (!(inst_flags(inst) & kFlagDead))
      st32(inst + kInstDirty, (ld32(inst + kInstDirty) & ~dirty) | g_reinvalidated);
  }
}

}  // namespace dx::rt

DX_EXPORT("dx_invalidate") void dx_invalidate(uint32_t inst, uint32_t mask) { dx::rt::invalidate(inst, mask); }
