// Phase 6 — verify: re-read what emit wrote with the readers users' programs use (schemas/ for app.dxb,
// Binaryen for app.wasm) and check the exports dx.js needs. A failure is an internal error (DX04xx).
#pragma once
#include "common/diagnostics.h"
#include "emit/emit.h"

namespace dxc::verify {
bool verify(const EmitResult& r, Diagnostics& diags);
}
