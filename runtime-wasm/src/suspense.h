// suspense.h — <Suspense> boundaries held back for streaming (schemas/stream.md, ABI.md "Suspense").
//
// A boundary shows its children unless the host asked to hold boundaries (dx_suspense_hold(1): dx-server,
// before dx_start, when it streams a page). A held boundary shows its fallback and is listed in a table;
// dx_suspense_release(id) turns it to its children (state field 1, its component invalidated with the
// boundary's bit, the flush creates the children) and returns that batch. The browser never holds: its
// boundaries show their children at once, so a client render or a resumed page sees ready boundaries.
#pragma once
#include "platform.h"

namespace dx::rt {

void suspense_reset();
// Drops the table entries of a destroyed instance (a held boundary inside a removed branch).
void suspense_forget(Ref inst);
// True while boundaries are listed: instance_destroy then calls suspense_forget.
bool suspense_listing();

}  // namespace dx::rt
