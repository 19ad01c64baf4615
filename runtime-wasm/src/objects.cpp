// objects.cpp — arrays, records, closures and raw arena bytes (contract in objects.h).
#include "objects.h"

#include "app.h"
#include "arena.h"
#include "collect.h"
#include "heap.h"
#include "str.h"
#include "throw.h"

namespace dx::rt {

Ref array_new(uint32_t elem_kind, uint32_t length) {
  if (elem_kind > kElemClosure) fatal("dx_new_array: unknown element kind");
  if (length > 0x0FFFFFFFu) fatal("dx_new_array: too long");
  Ref a = arena_alloc(kArrHeaderSize);
  obj_init(a, 0, kArray, elem_kind);
  st32(a + kArrLen, length);
  st32(a + kArrCap, length);
  if (length) st32(a + kArrData, arena_alloc(length * elem_size(elem_kind)));
  return a;
}

// Makes room for `need` elements.
void array_reserve(Ref a, uint32_t need) {
  uint32_t cap = ld32(a + kArrCap);
  if (need <= cap) return;
  if (need > 0x0FFFFFFFu) fatal("array too long");
  uint32_t kind = obj_data(a), esz = elem_size(kind), len = ld32(a + kArrLen);
  uint32_t want = cap < 4 ? 4 : cap * 2;
  if (want < need) want = need;
  Ref old = ld32(a + kArrData), d;
  if (is_arena(a)) {
    d = arena_alloc(want * esz);
    mem_copy(d, old, len * esz);
  } else if (is_heap(a)) {
    d = heap_alloc(want * esz);
    mem_copy(d, old, len * esz);
    if (old) free_block_later(old);  // a logged slot may still point into it until evacuation
    if (elem_is_ref(kind))           // arena elements must be found at their new slots
      for (uint32_t i = 0; i < len; ++i)
        if (Ref v = ld32(d + 4 * i); v && is_arena(v)) log_slot(a, d + 4 * i);
  } else {
    fatal("push on a static array");
  }
  st32(a + kArrData, d);
  st32(a + kArrCap, want);
}

void array_push_f64(Ref a, double v) {
  if (obj_data(a) != kElemNumber) fatal("dx_array_push_f64: not a number array");
  uint32_t len = ld32(a + kArrLen);
  array_reserve(a, len + 1);
  stf64(ld32(a + kArrData) + 8 * len, v);
  st32(a + kArrLen, len + 1);
}

void array_push_u32(Ref a, uint32_t v) {
  uint32_t kind = obj_data(a);
  if (kind == kElemNumber) fatal("dx_array_push_i32: a number array");
  uint32_t len = ld32(a + kArrLen);
  array_reserve(a, len + 1);
  Ref slot = ld32(a + kArrData) + 4 * len;
  st32(a + kArrLen, len + 1);
  st32(slot, 0);
  if (elem_is_ref(kind)) write_ref(a, slot, v);
  else st32(slot, v);
}

Ref array_concat(Ref a, Ref b) {
  if (!a && !b) return array_new(kElemNumber, 0);
  uint32_t kind = a ? obj_data(a) : obj_data(b), esz = elem_size(kind);
  uint32_t la = array_len(a), lb = array_len(b);
  Ref r = array_new(kind, la + lb);
  Ref d = ld32(r + kArrData);
  if (la) mem_copy(d, ld32(a + kArrData), la * esz);
  if (lb) mem_copy(d + la * esz, ld32(b + kArrData), lb * esz);
  return r;  // an arena holder: its references are counted if and when it is evacuated
}

Ref record_new(uint32_t shape) {
  if (shape >= app_dxb().shape_count()) fatal("dx_new_record: unknown shape");
  Ref r = arena_alloc(shape_size(shape));
  obj_init(r, 0, kRecord, shape);
  return r;
}

Ref closure_new(uint32_t fn, Ref env) {
  Ref c = arena_alloc(kClosureSize);
  obj_init(c, 0, kClosure, 0);
  st32(c + kClosureFn, fn);
  st32(c + kClosureEnv, env);
  return c;
}

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_alloc") uint32_t dx_alloc(uint32_t size) { return arena_alloc(size); }
DX_EXPORT("dx_new_record") uint32_t dx_new_record(uint32_t shape) { return record_new(shape); }
// The module-globals record: on the heap from the start, owned by the program (never counted or freed).
// Its address lives in linear memory (not in a wasm global), so a memory snapshot carries it: a page
// resumed from the server's snapshot finds its module variables where the server left them.
namespace {
Ref g_globals = 0;
}  // namespace
DX_EXPORT("dx_new_globals") uint32_t dx_new_globals(uint32_t shape) {
  if (shape >= app_dxb().shape_count()) fatal("dx_new_globals: unknown shape");
  Ref r = heap_alloc(shape_size(shape));
  obj_init(r, kOwned, kRecord, shape);
  g_globals = r;
  return r;
}
DX_EXPORT("dx_globals") uint32_t dx_globals() { return g_globals; }
DX_EXPORT("dx_new_closure") uint32_t dx_new_closure(uint32_t fn, uint32_t env) { return closure_new(fn, env); }
DX_EXPORT("dx_new_array") uint32_t dx_new_array(uint32_t elem_kind, uint32_t length) {
  return array_new(elem_kind, length);
}
// The length `new Array(n)` (exact: n must be a valid length) or Array.from({ length: n }) (ToLength: clamped
// at 0, truncated) makes; RangeError "Invalid array length" above 2^32 − 1 (or for a bad n of new Array).
DX_EXPORT("dx_array_length_of") uint32_t dx_array_length_of(double n, uint32_t exact) {
  double len = n;
  if (!exact) len = n != n || n <= 0 ? 0 : __builtin_trunc(n);
  if (!(len >= 0 && len <= 4294967295.0) || __builtin_trunc(len) != len)
    throw_error("RangeError", str_from_latin1("Invalid array length"), 0);
  return uint32_t(len);
}
// [[a, b], [c]].flat(): the inner arrays' elements in order; `kind` is theirs (known even when there are none).
DX_EXPORT("dx_array_flat") uint32_t dx_array_flat(uint32_t arr, uint32_t kind) {
  uint32_t n = array_len(arr), total = 0, esz = elem_size(kind);
  Ref items = ld32(arr + kArrData);
  for (uint32_t i = 0; i < n; ++i) total += array_len(ld32(items + 4 * i));
  Ref r = array_new(kind, total);
  Ref d = ld32(r + kArrData);
  for (uint32_t i = 0; i < n; ++i) {
    Ref a = ld32(items + 4 * i);
    uint32_t la = array_len(a);
    if (la) mem_copy(d, ld32(a + kArrData), la * esz);
    d += la * esz;
  }
  return r;  // an arena holder, as array_concat's
}
DX_EXPORT("dx_array_push_f64") void dx_array_push_f64(uint32_t arr, double v) { array_push_f64(arr, v); }
DX_EXPORT("dx_array_push_i32") void dx_array_push_i32(uint32_t arr, uint32_t v) { array_push_u32(arr, v); }
DX_EXPORT("dx_array_concat") uint32_t dx_array_concat(uint32_t a, uint32_t b) { return array_concat(a, b); }
