// entry.h — the batch lifecycle behind dx_start and dx_dispatch, exposed for tests.
//
// A batch is one JS→wasm call: `batch_begin` starts a new op buffer; `batch_end` flushes invalidated
// instances, writes the batch header, collects (evacuation, frees, decrements, arena reset) and returns
// the header's address. If a batch trapped (an `unreachable` in generated code or a runtime check), the
// next `batch_begin` first finishes the abandoned one's collection so memory stays consistent; its ops
// are lost, so the page may be out of step after a trap.
#pragma once
#include "platform.h"

namespace dx::rt {

// Sets up the allocator above `heap_base` (dx_start does it with dxgen_heap_base()).
void runtime_init(Ref heap_base);
// Forgets all runtime state (native tests; a wasm instance starts fresh instead).
void runtime_reset();

void batch_begin();
Ref batch_end();

// The page instance dx_start created (0 before).
Ref page_instance();

// Route params (params.cpp): `bytes` encoded as dx_params takes them; a record of shape `shape` whose
// string fields hold the params of their names ("" for a name the route does not have).
void params_set(const uint8_t* bytes, uint32_t n);
// prefix 0: the route's params; '?': the query's ("?name", useSearchParams); '=': a POSTed form's (useFormData)
Ref params_record(uint32_t shape, char prefix);
void params_reset();

}  // namespace dx::rt
