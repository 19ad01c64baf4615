// params.cpp — the page's route params (issue 6): `dx_params` keeps what the host found in the URL,
// `dx_params_record` builds a record of them for `props.params` and `useParams<T>()` (ABI.md, "Route params"),
// `dx_search_record` one of the URL's query for `useSearchParams<T>()`: the host passes each query parameter
// as a param whose name is "?" and its own ("?q" for `?q=dx`), decoded as a form's fields are, and
// `dx_form_record` one of a POSTed form's fields for `useFormData<T>()`: params named "=" and the field's name.
//
// The host (dx.js from the page's data-params, the server from its routes.dxr match) writes the params into
// the dx_input buffer — for each: u32 LE name length, the name (UTF-8), u32 LE value length, the value
// (UTF-8, already percent-decoded) — and calls dx_params(bytes) before dx_start. They are kept as those
// bytes in one heap block for the page's life (so a server snapshot carries them) and turned into strings
// on each read: a record's string field takes the param of the same name, "" when the route has none.
#include "host.h"
#include "entry.h"

#include "app.h"
#include "heap.h"
#include "objects.h"
#include "str.h"

namespace dx::rt {

namespace {
Ref g_params = 0;        // heap block with the encoded params (0: none)
uint32_t g_params_len = 0;

bool same_bytes(const uint8_t* a, const uint8_t* b, uint32_t n) {  // (memcmp is not in the runtime's freestanding link)
  for (uint32_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Checks that `n` bytes are whole (name, value) entries.
bool well_formed(const uint8_t* p, uint32_t n) {
  uint32_t at = 0;
  while (at < n) {
    for (int part = 0; part < 2; ++part) {
      if (n - at < 4) return false;
      uint32_t len;
      __builtin_memcpy(&len, p + at, 4);
      at += 4;
      if (len > n - at) return false;
      at += len;
    }
  }
  return true;
}
}  // namespace

void params_reset() { g_params = 0, g_params_len = 0; }

void params_set(const uint8_t* bytes, uint32_t n) {
  if (g_params) heap_free(g_params);
  g_params = 0, g_params_len = 0;
  if (!n || !well_formed(bytes, n)) return;  // malformed input is dropped: the page sees no params
  g_params = heap_alloc(n);
  __builtin_memcpy(mem(g_params), bytes, n);
  g_params_len = n;
}

// The record of shape `shape` whose string fields take the param of their name (`search`: "?" + their name).
Ref params_record(uint32_t shape, char prefix) {
  Ref r = record_new(shape);
  const schema::DxbView& dxb = app_dxb();
  schema::DxbShape s = dxb.shape(shape);
  for (uint32_t k = 0; k < s.field_count; ++k) {
    schema::DxbField f = dxb.field(s.first_field + k);
    if (f.type != schema::kFieldString) continue;  // the compiler allows string fields only
    schema::DxbView::Str name = dxb.string(f.name);
    Ref value = 0;
    for (uint32_t at = 0; g_params && at < g_params_len && !value;) {
      uint32_t nlen = ld32(g_params + at), vlen = ld32(g_params + at + 4 + nlen);
      const uint8_t* np = mem(g_params + at + 4);
      uint32_t skip = nlen > 0 && (np[0] == '?' || np[0] == '=');  // a route param's name has neither
      if ((skip ? char(np[0]) : 0) == prefix && nlen - skip == name.size && same_bytes(np + skip, name.data, name.size))
        value = str_from_utf8(np + nlen + 4, vlen);
      at += 8 + nlen + vlen;
    }
    st32(r + f.offset, value ? value : str_from_utf8(nullptr, 0));
  }
  return r;
}

}  // namespace dx::rt

DX_EXPORT("dx_params_record") uint32_t dx_params_record(uint32_t shape) { return dx::rt::params_record(shape, 0); }
DX_EXPORT("dx_search_record") uint32_t dx_search_record(uint32_t shape) { return dx::rt::params_record(shape, '?'); }
DX_EXPORT("dx_form_record") uint32_t dx_form_record(uint32_t shape) { return dx::rt::params_record(shape, '='); }
