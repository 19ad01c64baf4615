// keys.h — JavaScript's SameValueZero on runtime values, and a hash consistent with it: numbers by value
// (-0 and +0 one key, every NaN one key), strings by content (either storage), everything else (booleans,
// records, arrays, closures) by its u32 word. Shared by keyed lists (list.cpp) and Map/Set (collections.cpp).
#pragma once
#include "object.h"
#include "str.h"

namespace dx::rt {

inline uint32_t hash_words(uint32_t lo, uint32_t hi) {
  uint32_t h = lo * 0x9E3779B1u ^ (hi + 0x7F4A7C15u) * 0x85EBCA77u;
  return h ^ (h >> 15);
}

inline uint32_t key_hash_num(double v) {
  if (v == 0) v = 0;                // -0 and +0 are one key
  if (v != v) return 0x7FF80000u;   // every NaN is one key
  uint64_t b = __builtin_bit_cast(uint64_t, v);
  return hash_words(uint32_t(b), uint32_t(b >> 32));
}

// A u32 element of kind `kind` (ElemKind, not kElemNumber).
inline uint32_t key_hash_u32(uint32_t kind, uint32_t v) { return kind == kElemString ? str_hash(v) : hash_words(v, 0); }

inline bool same_num(double x, double y) { return x == y || (x != x && y != y); }
inline bool same_u32(uint32_t kind, uint32_t a, uint32_t b) { return kind == kElemString ? str_eq(a, b) : a == b; }

// The same on elements stored at an address (an array element, a row's item).
inline uint32_t hash_at(uint32_t kind, Ref where) {
  return kind == kElemNumber ? key_hash_num(ldf64(where)) : key_hash_u32(kind, ld32(where));
}
inline bool same_key(uint32_t kind, Ref a, Ref b) {
  return kind == kElemNumber ? same_num(ldf64(a), ldf64(b)) : same_u32(kind, ld32(a), ld32(b));
}

}  // namespace dx::rt
