// storage.cpp — localStorage.getItem / setItem / removeItem through the page's ls_* imports,
// location.hash through `hash`, String.prototype.localeCompare through `locale_compare` (platform.h,
// ABI.md "Imports from the page"). Strings cross as UTF-8 in arena buffers (a lone surrogate becomes U+FFFD,
// as at the op buffer).
#include "arena.h"
#include "str.h"

namespace dx::rt {

namespace {
struct Utf8 { Ref at; uint32_t len; };
Utf8 utf8(Ref s) {
  uint32_t n = utf8_size(s);
  Ref at = arena_alloc(n ? n : 1);
  write_utf8(s, mem(at));
  return {at, n};
}
}  // namespace

}  // namespace dx::rt

using namespace dx::rt;

// The stored string, or 1 (null) when the key has no value.
DX_EXPORT("dx_storage_get") uint32_t dx_storage_get(uint32_t key) {
  Utf8 k = utf8(key);
  int32_t n = dxhost_ls_get(k.at, k.len);
  if (n < 0) return 1;
  Ref buf = arena_alloc(n ? uint32_t(n) : 1);
  dxhost_ls_take(buf);
  return str_from_utf8(mem(buf), uint32_t(n));
}
// window.location.hash ("" or "#…").
DX_EXPORT("dx_location_hash") uint32_t dx_location_hash() {
  int32_t n = dxhost_hash();
  if (n <= 0) return str_empty();
  Ref buf = arena_alloc(uint32_t(n));
  dxhost_ls_take(buf);
  return str_from_utf8(mem(buf), uint32_t(n));
}
DX_EXPORT("dx_storage_set") void dx_storage_set(uint32_t key, uint32_t value) {
  Utf8 k = utf8(key), v = utf8(value);
  dxhost_ls_set(k.at, k.len, v.at, v.len);
}
DX_EXPORT("dx_storage_remove") void dx_storage_remove(uint32_t key) {
  Utf8 k = utf8(key);
  dxhost_ls_remove(k.at, k.len);
}
// a.localeCompare(b): the page's collation (the server's: native/dx_collate.h).
DX_EXPORT("dx_str_locale_compare") double dx_str_locale_compare(uint32_t a, uint32_t b) {
  Utf8 x = utf8(a), y = utf8(b);
  return dxhost_locale_compare(x.at, x.len, y.at, y.len);
}
