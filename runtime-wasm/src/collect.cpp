// collect.cpp — the write barrier, evacuation and deferred decrements (contract in collect.h).
#include "collect.h"

#include "app.h"
#include "arena.h"
#include "heap.h"

namespace dx::rt {

namespace {

Vec32 g_slots;      // pairs (holder, slot) of heap holders written this batch
Vec32 g_decs;       // objects to decrement at the end of the batch (also the free worklist)
Vec32 g_blocks;     // heap blocks to free after evacuation
Vec32 g_dead;       // destroyed instances to free after evacuation
Vec32 g_scan;       // heap copies whose fields still point into the arena

// Only objects in object space are counted; an instance's Ref (even a freed one's) is never read here.
bool is_counted_heap(Ref o) { return o && in_object_space(o) && ld32(o) < kUncounted; }

Ref copy_to_heap(Ref o) {
  uint32_t kind = obj_kind(o);
  if (kind == kArray) {
    Ref c = heap_alloc(kArrHeaderSize);
    uint32_t len = ld32(o + kArrLen), bytes = len * elem_size(obj_data(o));
    st32(c + 4, obj_meta(o));
    st32(c + kArrLen, len);
    st32(c + kArrCap, len);
    if (len) {
      Ref d = heap_alloc(bytes);
      mem_copy(d, ld32(o + kArrData), bytes);
      st32(c + kArrData, d);
    }
    return c;
  }
  if (kind == kInstance || kind == kListState) fatal("evacuate: an instance in the arena");
  uint32_t size = object_size(o);
  Ref c = heap_alloc(size);
  mem_copy(c, o, size);
  st32(c, 0);
  return c;
}

// The heap copy of arena object `o`, made on first visit; later visits find the forwarding pointer.
Ref forward(Ref o) {
  if (ld32(o) == kForwarded) return ld32(o + 4);
  Ref c = copy_to_heap(o);
  st32(o, kForwarded);
  st32(o + 4, c);
  g_scan.push(c);
  return c;
}

// A slot of a new heap copy: evacuate what it points to in the arena, then count the reference.
void adopt_slot(Ref slot) {
  Ref v = ld32(slot);
  if (!v) return;
  if (is_arena(v)) {
    v = forward(v);
    st32(slot, v);
  }
  retain(v);
}

void scan(Ref c) {
  switch (obj_kind(c)) {
    case kArray:
      if (elem_is_ref(obj_data(c))) {
        Ref d = ld32(c + kArrData);
        for (uint32_t i = 0, n = ld32(c + kArrLen); i < n; ++i) adopt_slot(d + 4 * i);
      }
      break;
    case kRecord: {
      FieldList f = shape_refs(obj_data(c));
      for (uint32_t i = 0; i < f.count; ++i) adopt_slot(c + field_offset_at(f.first + i));
      break;
    }
    case kClosure: adopt_slot(c + kClosureEnv); break;
    default: break;
  }
}

// A logged slot still inside its holder (an array's slot may be stale: its data block was replaced).
bool slot_live(Ref holder, Ref slot) {
  uint32_t kind = obj_kind(holder);
  if (kind == kInstance) return !(inst_flags(holder) & kFlagDead);
  if (kind == kArray) {
    Ref d = ld32(holder + kArrData);
    return d && slot >= d && slot < d + 4 * ld32(holder + kArrCap);
  }
  return true;
}

void evacuate() {
  for (uint32_t i = 0; i < g_slots.len; i += 2) {
    Ref holder = g_slots.at(i), slot = g_slots.at(i + 1);
    if (!slot_live(holder, slot)) continue;
    Ref v = ld32(slot);
    if (!v || !is_arena(v)) continue;  // already evacuated through another path, or overwritten
    v = forward(v);
    st32(slot, v);
    retain(v);
    while (g_scan.len) scan(g_scan.pop());
  }
}

void free_object(Ref o) {
  switch (obj_kind(o)) {
    case kArray: {
      Ref d = ld32(o + kArrData);
      if (d) {
        if (elem_is_ref(obj_data(o)))
          for (uint32_t i = 0, n = ld32(o + kArrLen); i < n; ++i) release_later(ld32(d + 4 * i));
        heap_free(d);
      }
      break;
    }
    case kRecord: {
      FieldList f = shape_refs(obj_data(o));
      for (uint32_t i = 0; i < f.count; ++i) release_later(ld32(o + field_offset_at(f.first + i)));
      break;
    }
    case kClosure: release_later(ld32(o + kClosureEnv)); break;
    default: break;
  }
  heap_free(o);
}

void run_decrements() {
  while (g_decs.len) {
    Ref o = g_decs.pop();
    uint32_t rc = ld32(o);
    if (rc >= kUncounted) continue;
    if (rc == 0) fatal("reference count underflow");
    if (rc > 1) st32(o, rc - 1);
    else free_object(o);
  }
}

}  // namespace

void collect_reset() { g_slots = g_decs = g_blocks = g_dead = g_scan = Vec32(); }

uint32_t object_size(Ref o) {
  switch (obj_kind(o)) {
    case kString: return align8(kStrChars + (ld32(o + kStrLen) << obj_data(o)));
    case kArray: return kArrHeaderSize;
    case kRecord:
    case kInstance: return shape_size(obj_data(o));
    case kClosure: return kClosureSize;
    default: fatal("object_size: unknown kind");
  }
}

void retain(Ref o) {
  if (is_counted_heap(o)) st32(o, ld32(o) + 1);
}

void release_later(Ref o) {
  if (is_counted_heap(o)) g_decs.push(o);
}

void log_slot(Ref holder, Ref slot) {
  g_slots.push(holder);
  g_slots.push(slot);
}

void free_block_later(Ref block) { g_blocks.push(block); }
void free_instance_later(Ref inst) { g_dead.push(inst); }

void write_ref(Ref holder, Ref slot, Ref value) {
  Ref old = ld32(slot);
  st32(slot, value);
  if (!is_heap(holder)) return;  // arena holders are traced when evacuated; static data is immutable
  if (value) {
    if (is_arena(value)) log_slot(holder, slot);
    else retain(value);
  }
  release_later(old);
}

void collect() {
  evacuate();
  g_slots.len = 0;
  while (g_blocks.len) heap_free(g_blocks.pop());
  run_decrements();
  while (g_dead.len) heap_free(g_dead.pop());
  arena_reset();
}

}  // namespace dx::rt

DX_EXPORT("dx_write_ref") void dx_write_ref(uint32_t holder, uint32_t slot, uint32_t value) {
  dx::rt::write_ref(holder, slot, value);
}
