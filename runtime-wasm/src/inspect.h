// inspect.h — the type descriptors dxc passes with values to console.log (console.cpp) and JSON.stringify
// (json.cpp): a static Latin-1 string, 'n' number, 'b' boolean, 'N' / 'B' a number / boolean that may be null
// or undefined (ABI.md "Nullable numbers and booleans"), 's' string (null and undefined too: the Refs 1 and 0), '[' followed by the element's descriptor (an array), and for a record '{', then per field in JS's
// key order `<name length> <name><offset> <descriptor>`, then '}'; a tuple '(' + its elements as fields "0",
// "1", … + '}'; a dictionary 'D' + the value's descriptor, a Set 'S' + the element's, a Map 'M' + the key's and
// the value's (collections.h). JSON.parse's descriptors (json_parse.cpp)
// add '?' / '~' before a descriptor and "<shape id>:" after a record's '{'.
#pragma once
#include "platform.h"

namespace dx::rt {

// The descriptor's characters as NUL-terminated bytes (an arena copy), validated (a bad one traps).
const uint8_t* type_desc(Ref desc);

// One record field of a descriptor: `next` reads the field at `d` (false at the closing '}').
struct DescField {
  const uint8_t* name;
  uint32_t name_len, offset;
  const uint8_t* desc;  // the field's descriptor
};
bool desc_field(const uint8_t*& d, DescField* out);
// The end of the descriptor starting at `d` (nullptr when malformed).
const uint8_t* desc_end(const uint8_t* d);
// Whether a record field of this descriptor is 8 bytes (a number) or 4.
inline bool desc_f64(const uint8_t* d) { return *d == 'n' || *d == 'N'; }

// Nullable numbers and booleans (ABI.md): undefined and null of `number | …` are two NaN payloads no
// arithmetic produces; of `boolean | …` the values 2 and 3.
inline constexpr uint64_t kNumUndefinedBits = 0x7FF00000DEAD0001ull, kNumNullBits = 0x7FF00000DEAD0002ull;
inline constexpr uint32_t kBoolUndefined = 2, kBoolNull = 3;
enum class Nullish : uint8_t { No, Null, Undefined };
inline Nullish num_nullish(double v) {
  uint64_t b = __builtin_bit_cast(uint64_t, v);
  return b == kNumNullBits ? Nullish::Null : b == kNumUndefinedBits ? Nullish::Undefined : Nullish::No;
}
inline Nullish bool_nullish(uint32_t v) { return v == kBoolNull ? Nullish::Null : v == kBoolUndefined ? Nullish::Undefined : Nullish::No; }

}  // namespace dx::rt
