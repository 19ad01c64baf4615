// timers.h — setTimeout / setInterval / clearTimeout / clearInterval and onCleanup (ABI.md "Timers",
// schemas/ops.md TIMER).
//
// A timer is an entry {id, closure, owner instance, delay, repeat} in a heap table the runtime owns (its
// closure counted there, so an arena closure is evacuated into the heap). Setting one emits TIMER, clearing
// one TIMER_CLEAR; dx.js runs the browser's timer and calls `dx_timer_fire(id)` when it fires, which runs the
// closure in a batch of its own (a setTimeout's entry is gone first). A timer belongs to the block instance
// whose code set it: destroying that instance clears it (JS would keep calling into a component that is
// gone; dx would call into freed memory). The table lives in linear memory, so a resumed page has the
// server's timers: `timers_resume` emits their TIMER ops again.
#pragma once
#include "object.h"

namespace dx::rt {
double timer_set(Ref closure, double delay, bool repeat, Ref owner);  // the id (1, 2, …)
void timer_clear(double id);                                          // any other value: nothing
void timer_fire(uint32_t id);
// onCleanup(fn) in `owner`'s code: fn runs when owner is destroyed (after the cleanups registered after it,
// as Solid runs them); with no owner, never. Kept in the same table (kind 2, no op).
void cleanup_add(Ref closure, Ref owner);
void timers_drop_owner(Ref inst);  // instance_destroy: its timers are cleared, then its cleanups run
void timers_resume();              // TIMER for every live timer (dx_templates, after a resume)
void timers_reset();
}  // namespace dx::rt
