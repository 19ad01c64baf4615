// inspect.cpp — reading the type descriptors of inspect.h (shared by console.cpp and json.cpp).
#include "inspect.h"

#include "arena.h"
#include "str.h"

namespace dx::rt {

namespace {
uint32_t digits(const uint8_t*& d) {
  uint32_t v = 0;
  while (*d >= '0' && *d <= '9') v = v * 10 + (*d++ - '0');
  return v;
}
}  // namespace

bool desc_field(const uint8_t*& d, DescField* out) {
  if (*d == '}' || *d == 0) return false;
  out->name_len = digits(d);
  if (*d++ != ' ') return false;
  out->name = d;
  for (uint32_t i = 0; i < out->name_len; ++i)
    if (!*d++) return false;
  out->offset = digits(d);
  if (*d++ != ' ') return false;
  out->desc = d;
  d = desc_end(d);
  return d != nullptr;
}

const uint8_t* desc_end(const uint8_t* d) {
  if (!d) return nullptr;
  while (*d == '?' || *d == '~') ++d;  // JSON.parse's nullable / optional marks (json_parse.cpp)
  if (*d == 'n' || *d == 'b' || *d == 's' || *d == 'N' || *d == 'B') return d + 1;
  if (*d == 'D' && d[1] >= '0' && d[1] <= '9') {  // JSON.parse's dictionary: "D<shape id>:" then the value's
    ++d;
    digits(d);
    return *d == ':' ? desc_end(d + 1) : nullptr;
  }
  if (*d == '[' || *d == 'D' || *d == 'S') return desc_end(d + 1);
  if (*d == 'M') return desc_end(desc_end(d + 1));
  if (*d != '{' && *d != '(') return nullptr;
  ++d;
  const uint8_t* shape = d;  // JSON.parse's record descriptors start with "<shape id>:"
  digits(shape);
  if (shape != d && *shape == ':') d = shape + 1;
  DescField f;
  while (desc_field(d, &f)) {}
  return d && *d == '}' ? d + 1 : nullptr;
}

const uint8_t* type_desc(Ref desc) {
  uint32_t n = str_len(desc);
  Ref d = arena_alloc(n + 1);
  for (uint32_t k = 0; k < n; ++k) st8(d + k, uint8_t(str_unit(desc, k)));
  if (desc_end(mem(d)) != mem(d) + n) fatal("bad type descriptor");
  return mem(d);
}

}  // namespace dx::rt
