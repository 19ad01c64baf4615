// objects.h — making arrays, records and closures (ABI.md, "Objects"); strings are in str.h.
//
// New objects are arena objects. An array keeps its elements in a separate raw block in the same space
// as its header (heap array → heap block, arena array → arena block), so pushing on an array that
// already lives on the heap keeps it valid after the batch; its replaced block is freed after evacuation.
#pragma once
#include "object.h"

namespace dx::rt {

Ref array_new(uint32_t elem_kind, uint32_t length);
void array_push_f64(Ref a, double v);
void array_push_u32(Ref a, uint32_t v);  // refs go through the write barrier
Ref array_concat(Ref a, Ref b);
// Capacity for `need` elements (a heap array's new block is heap memory; its arena elements are re-logged).
void array_reserve(Ref a, uint32_t need);
inline uint32_t array_len(Ref a) { return a ? ld32(a + kArrLen) : 0; }
inline uint32_t array_kind(Ref a) { return obj_data(a); }
inline Ref array_data(Ref a) { return ld32(a + kArrData); }

Ref record_new(uint32_t shape);
Ref closure_new(uint32_t fn, Ref env);

}  // namespace dx::rt
