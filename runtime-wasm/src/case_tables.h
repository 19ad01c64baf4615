// case_tables.h — the layout of the Unicode case-mapping tables (case_tables.inc, generated from node by
// tools/gen-case-tables.mjs), shared by the runtime (str_case.cpp) and dxc (emit/case_tables.cpp).
//
// In app.wasm the tables are app data, not runtime data: dxc places them after __heap_base only when the app
// calls toUpperCase/toLowerCase, and `dxgen_case_tables()` returns their address (a CaseTables header, then
// the six arrays at the header's offsets, relative to the header). Every other app ships none of their ~11 KB.
// case_tables_blob.h writes that layout (dxc and the wasm smoke test use it).
// The structs have the same layout on wasm32 and on the 64-bit hosts dxc runs on (checked below).
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace dx::rt {

struct CaseRun { uint32_t start; uint16_t count; uint8_t stride; int32_t delta; };
struct CaseMulti { uint32_t cp; uint8_t n; uint16_t units[3]; };
struct CaseRange { uint32_t lo, hi; };

// Table order in the header.
enum CaseTable : uint32_t { kUpperRuns, kUpperMulti, kLowerRuns, kLowerMulti, kCased, kCaseIgnorable, kCaseTableCount };
struct CaseTables {
  uint32_t offset[kCaseTableCount];  // from the header's address
  uint32_t count[kCaseTableCount];
};

static_assert(sizeof(CaseRun) == 12 && offsetof(CaseRun, delta) == 8, "CaseRun layout");
static_assert(sizeof(CaseMulti) == 12 && offsetof(CaseMulti, units) == 6, "CaseMulti layout");
static_assert(sizeof(CaseRange) == 8 && sizeof(CaseTables) == 48, "case table layout");

}  // namespace dx::rt
