// timers.cpp — setTimeout / setInterval (contract in timers.h and ABI.md "Timers").
#include "timers.h"

#include "app.h"
#include "collect.h"
#include "entry.h"
#include "heap.h"
#include "host.h"
#include "ops.h"

namespace dx::rt {

namespace {

// The table: an owned object (kTimerTable), then g_cap entries. Entry: +0 u32 id (0: free), +4 Ref closure
// (counted), +8 Ref owner instance (0: none), +12 u32 kind (kTimeout, kInterval, kCleanup), +16 f64 delay
// (ms, as the op sends it).
constexpr uint32_t kEntry = 24;
enum EntryKind : uint32_t { kTimeout = 0, kInterval = 1, kCleanup = 2 };
constexpr uint32_t kHeader = 8;
Ref g_table = 0;
uint32_t g_cap = 0;
uint32_t g_next_id = 1;

Ref entry(uint32_t i) { return g_table + kHeader + kEntry * i; }

Ref find(uint32_t id) {
  for (uint32_t i = 0; id && i < g_cap; ++i)
    if (ld32(entry(i)) == id) return entry(i);
  return 0;
}

Ref free_entry() {
  for (uint32_t i = 0; i < g_cap; ++i)
    if (!ld32(entry(i))) return entry(i);
  uint32_t cap = g_cap ? 2 * g_cap : 4;
  Ref table = heap_alloc(kHeader + kEntry * cap);
  for (uint32_t b = 0; b < kHeader + kEntry * cap; b += 4) st32(table + b, 0);
  obj_init(table, kOwned, kTimerTable, 0);
  for (uint32_t i = 0; i < g_cap; ++i) {  // counts move with the closures; an arena one is found at its new slot
    Ref to = table + kHeader + kEntry * i;
    for (uint32_t b = 0; b < kEntry; b += 4) st32(to + b, ld32(entry(i) + b));
    if (Ref c = ld32(to + 4); c && is_arena(c)) log_slot(table, to + 4);
    st32(entry(i) + 4, 0);  // a slot logged in the old table finds nothing to evacuate
  }
  if (g_table) free_block_later(g_table);
  Ref first_new = table + kHeader + kEntry * g_cap;
  g_table = table;
  g_cap = cap;
  return first_new;
}

// The delay the op carries: ToNumber'd by the compiler; NaN and negatives are 0, as the browser's timers
// take them, and the browser clamps what is left.
uint32_t delay_ms(double d) { return d >= 1 ? (d < 2147483647.0 ? uint32_t(d) : 2147483647u) : 0; }

// A new entry with the next id; returns it.
Ref add(Ref closure, Ref owner, uint32_t kind) {
  Ref e = free_entry();
  st32(e, g_next_id++);
  write_ref(g_table, e + 4, closure);
  st32(e + 8, owner);
  st32(e + 12, kind);
  return e;
}

void drop(Ref e) {  // the entry is free; its closure is released when the batch ends
  st32(e, 0);
  st32(e + 8, 0);
  write_ref(g_table, e + 4, 0);
}

}  // namespace

double timer_set(Ref closure, double delay, bool repeat, Ref owner) {
  Ref e = add(closure, owner, repeat ? kInterval : kTimeout);
  stf64(e + 16, delay);
  emit(schema::kOpTimer, ld32(e), delay_ms(delay), repeat ? 1 : 0);
  return double(ld32(e));
}

void timer_clear(double id) {
  if (!(id >= 1 && id < 4294967296.0) || double(uint32_t(id)) != id) return;
  if (Ref e = find(uint32_t(id)); e && ld32(e + 12) != kCleanup) {
    emit(schema::kOpTimerClear, ld32(e));
    drop(e);
  }
}

void timer_fire(uint32_t id) {
  Ref e = find(id);
  if (!e || ld32(e + 12) == kCleanup) return;  // cleared, or its owner is gone: dx.js may still have had it queued
  Ref closure = ld32(e + 4);
  if (ld32(e + 12) == kTimeout) drop(e);  // a setTimeout runs once (its closure lives until the batch ends)
  call_fn_void(ld32(closure + 8), ld32(closure + 12));
}

void cleanup_add(Ref closure, Ref owner) {
  if (owner) add(closure, owner, kCleanup);
}

void timers_drop_owner(Ref inst) {
  for (uint32_t i = 0; i < g_cap; ++i)
    if (ld32(entry(i)) && ld32(entry(i) + 8) == inst && ld32(entry(i) + 12) != kCleanup) {
      emit(schema::kOpTimerClear, ld32(entry(i)));
      drop(entry(i));
    }
  for (;;) {  // the cleanups, the last registered first; one may register another (it runs too)
    Ref last = 0;
    for (uint32_t i = 0; i < g_cap; ++i)
      if (ld32(entry(i)) && ld32(entry(i) + 8) == inst && (!last || ld32(entry(i)) > ld32(last))) last = entry(i);
    if (!last) return;
    Ref closure = ld32(last + 4);
    drop(last);  // (the table may grow while the closure runs: `last` is not read again)
    call_fn_void(ld32(closure + 8), ld32(closure + 12));
  }
}

void timers_resume() {
  for (uint32_t i = 0; i < g_cap; ++i)
    if (uint32_t id = ld32(entry(i)); id && ld32(entry(i) + 12) != kCleanup)
      emit(schema::kOpTimer, id, delay_ms(ldf64(entry(i) + 16)), ld32(entry(i) + 12));
}

void timers_reset() {
  g_table = 0;
  g_cap = 0;
  g_next_id = 1;
}

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_timer_set") double dx_timer_set(uint32_t closure, double delay, uint32_t repeat, uint32_t owner) {
  return timer_set(closure, delay, repeat != 0, owner);
}
DX_EXPORT("dx_timer_clear") void dx_timer_clear(double id) { timer_clear(id); }
DX_EXPORT("dx_on_cleanup") void dx_on_cleanup(uint32_t closure, uint32_t owner) { cleanup_add(closure, owner); }

// dx.js: a timer fired. Its closure runs in a batch of its own, as an event handler does.
DX_EXPORT("dx_timer_fire") uint32_t dx_timer_fire(uint32_t id) {
  batch_begin();
  if (app_is_open()) timer_fire(id);
  return batch_end();
}
