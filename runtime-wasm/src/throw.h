// throw.h — `throw new Error(message)` in app code (runtime-wasm/ABI.md, "Errors").
//
// Generated code calls `dx_throw(message, location)` and then traps (`unreachable`): the call aborts like a
// JS exception. dx_throw keeps the report ("Error: message\n    at pages/index.tsx:12:5", as a console shows
// an uncaught error) in a heap block. dx.js catches the trap and calls dx_dispatch with handler 0xFFFFFFFF
// (runs nothing): its `batch_begin` finds the trapped batch, keeps its invalidations when the trap was a
// recorded throw (writes made before the throw stand, as in JS: this batch flushes them) and starts the new
// batch with the report as an ERROR op (schemas/ops.md). Any other trap (a RangeError of the runtime, an
// invalid operation) drops the queued updates, as before, and is reported with a generic message.
#pragma once
#include "platform.h"

namespace dx::rt {

// The previous batch trapped (batch_begin): keep its invalidations after an app `throw`, else forget them
// and record the generic report.
void throw_after_trap();
// Emits the recorded report as an ERROR op of the current batch and forgets it.
void throw_report();
void throw_reset();
// A JS error the runtime raises for app code (JSON.parse's SyntaxError, a string method's RangeError):
// records "<kind>: <message>\n    at <location>" as dx_throw does (without the location when it is 0), then
// throws it as the app's code would (dxgen_raise: an exception an app with try can catch, else a trap).
[[noreturn]] void throw_error(const char* kind, Ref message, Ref location);

}  // namespace dx::rt
