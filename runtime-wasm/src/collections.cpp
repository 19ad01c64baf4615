// collections.cpp — Map and Set (ABI.md, "Map and Set").
//
// A Map or Set is an ordinary record (kind 3) whose shape the compiler makes for its key and value types,
// so evacuation, counting and freeing need nothing new:
//   +8  Ref index  — a u32 array: [0] live entries, [1] removed entries, [2] 1 for a Map, then the slots of an
//                    open-addressing table (a power of two ≥ 8): entry index + 1, or 0 when empty;
//   +12 Ref keys   — the keys in insertion order (an array of the key's element kind);
//   +16 Ref values — a Map's values, parallel to the keys (absent in a Set).
// Keys compare by SameValueZero (keys.h). Deleting an entry leaves a hole in the entry arrays — the key
// becomes the "undefined" of its kind (number: kNumUndefinedBits, boolean: 2, reference: 0), which no key
// can be — so iterating by entry index (the compiler's for…of and forEach) visits what JS's iterators
// visit when entries are deleted or added during the loop. Holes are squeezed out when an insertion
// rebuilds the table and holes outnumber live entries; a loop that is inside the map at that moment
// continues at the same index, which may skip entries JS would visit (documented in ARCHITECTURE.md).
#include "collections.h"

#include "arena.h"
#include "collect.h"
#include "inspect.h"
#include "keys.h"
#include "objects.h"

namespace dx::rt {

namespace {

constexpr uint32_t kCollIndex = 8, kCollKeys = 12, kCollVals = 16;
constexpr uint32_t kIdxLive = 0, kIdxRemoved = 1, kIdxIsMap = 2, kIdxSlots = 3;
constexpr uint32_t kMinSlots = 8;
constexpr double kNumUndefined = __builtin_bit_cast(double, kNumUndefinedBits);

Ref index_of(Ref m) { return ld32(m + kCollIndex); }
Ref keys_of(Ref m) { return ld32(m + kCollKeys); }
uint32_t idx(Ref m, uint32_t word) { return ld32(array_data(index_of(m)) + 4 * word); }
void set_idx(Ref m, uint32_t word, uint32_t v) { st32(array_data(index_of(m)) + 4 * word, v); }
bool is_map(Ref m) { return idx(m, kIdxIsMap) != 0; }
Ref vals_of(Ref m) { return is_map(m) ? ld32(m + kCollVals) : 0; }

// The word of a removed entry in an array of this element kind (not numbers: those use kNumUndefinedBits).
uint32_t hole_word(uint32_t kind) { return kind == kElemU32 ? kBoolUndefined : 0; }

bool is_hole(Ref arr, uint32_t i) {
  uint32_t kind = array_kind(arr);
  if (kind == kElemNumber) return __builtin_bit_cast(uint64_t, ldf64(array_data(arr) + 8 * i)) == kNumUndefinedBits;
  return ld32(array_data(arr) + 4 * i) == hole_word(kind);
}

// Makes element i of `arr` a hole; a reference it held is released (heap arrays count theirs).
void punch(Ref arr, uint32_t i) {
  uint32_t kind = array_kind(arr);
  Ref at = array_data(arr) + elem_size(kind) * i;
  if (kind == kElemNumber) stf64(at, kNumUndefined);
  else if (elem_is_ref(kind)) write_ref(arr, at, 0);
  else st32(at, hole_word(kind));
}

// A key being looked up: its value in the representation of the keys array, and its hash.
struct Probe {
  uint32_t kind;
  double num;
  uint32_t word;
  uint32_t hash;
};

Probe probe_num(Ref m, double v) {
  if (v == 0) v = 0;  // Map.prototype.set and Set.prototype.add store -0 as +0
  return {kElemNumber, v, 0, key_hash_num(v)};
}
Probe probe_word(Ref m, uint32_t v) {
  uint32_t kind = array_kind(keys_of(m));
  if (kind == kElemString && v == 0) v = str_empty();  // charAt's "" is the Ref 0, which marks a hole here
  return {kind, 0, v, key_hash_u32(kind, v)};
}

bool matches(const Probe& p, Ref keys, uint32_t i) {
  if (is_hole(keys, i)) return false;
  if (p.kind == kElemNumber) return same_num(ldf64(array_data(keys) + 8 * i), p.num);
  return same_u32(p.kind, ld32(array_data(keys) + 4 * i), p.word);
}

uint32_t slot_count(Ref m) { return array_len(index_of(m)) - kIdxSlots; }

// The entry index of the key, or -1.
int32_t find(Ref m, const Probe& p) {
  Ref keys = keys_of(m), slots = array_data(index_of(m)) + 4 * kIdxSlots;
  uint32_t mask = slot_count(m) - 1;
  for (uint32_t s = p.hash & mask;; s = (s + 1) & mask) {
    uint32_t e = ld32(slots + 4 * s);
    if (e == 0) return -1;
    if (matches(p, keys, e - 1)) return int32_t(e - 1);
  }
}

Ref new_index(uint32_t slots, bool map) {
  Ref h = array_new(kElemU32, kIdxSlots + slots);
  mem_zero(array_data(h), 4 * (kIdxSlots + slots));
  st32(array_data(h) + 4 * kIdxIsMap, map ? 1 : 0);
  return h;
}

// Moves the live entries of both arrays to the front, in order, and drops the holes after them.
void squeeze(Ref m) {
  Ref keys = keys_of(m), vals = vals_of(m);
  uint32_t n = array_len(keys), j = 0;
  Ref both[2] = {keys, vals};
  for (uint32_t i = 0; i < n; ++i) {
    if (is_hole(keys, i)) continue;
    if (i != j)  // a moved reference keeps its count
      for (Ref arr : both)
        if (arr) mem_copy(array_data(arr) + elem_size(array_kind(arr)) * j, array_data(arr) + elem_size(array_kind(arr)) * i, elem_size(array_kind(arr)));
    ++j;
  }
  for (Ref arr : both) {
    if (!arr) continue;
    uint32_t kind = array_kind(arr), esz = elem_size(kind);
    Ref d = array_data(arr);
    mem_zero(d + esz * j, esz * (n - j));  // a logged slot past the length must evacuate nothing
    st32(arr + kArrLen, j);
    if (is_heap(arr) && elem_is_ref(kind))  // arena elements must be found at their new slots
      for (uint32_t i = 0; i < j; ++i)
        if (Ref v = ld32(d + 4 * i); v && is_arena(v)) log_slot(arr, d + 4 * i);
  }
}

// A new table for the entries (after squeezing the holes out when they outnumber the live entries), with
// room for as many entries again (at least 8) before the next rebuild.
void rebuild(Ref m) {
  uint32_t live = idx(m, kIdxLive), removed = idx(m, kIdxRemoved);
  bool map = is_map(m);
  if (removed > live) {
    squeeze(m);
    removed = 0;
  }
  Ref keys = keys_of(m);
  uint32_t n = array_len(keys), size = kMinSlots;
  while (size < 2 * (n + (n > 8 ? n : 8))) size *= 2;
  Ref h = new_index(size, map);
  Ref slots = array_data(h) + 4 * kIdxSlots;
  for (uint32_t i = 0; i < n; ++i) {
    if (is_hole(keys, i)) continue;
    uint32_t hash = hash_at(array_kind(keys), array_data(keys) + elem_size(array_kind(keys)) * i);
    uint32_t s = hash & (size - 1);
    while (ld32(slots + 4 * s)) s = (s + 1) & (size - 1);
    st32(slots + 4 * s, i + 1);
  }
  st32(array_data(h) + 4 * kIdxLive, live);
  st32(array_data(h) + 4 * kIdxRemoved, removed);
  write_ref(m, m + kCollIndex, h);
}

// The entry index of the key, added (a Map's value: undefined of its kind, the caller stores the real one)
// when it is new.
uint32_t add(Ref m, const Probe& p) {
  if (int32_t i = find(m, p); i >= 0) return uint32_t(i);
  Ref keys = keys_of(m);
  if (!is_arena(keys) && !is_heap(keys)) fatal("Map/Set: a constant collection");
  uint32_t n = array_len(keys);
  if (2 * (n + 1) > slot_count(m)) {
    rebuild(m);
    n = array_len(keys);
  }
  if (p.kind == kElemNumber) array_push_f64(keys, p.num);
  else array_push_u32(keys, p.word);
  if (Ref vals = vals_of(m)) {
    if (array_kind(vals) == kElemNumber) array_push_f64(vals, kNumUndefined);
    else array_push_u32(vals, hole_word(array_kind(vals)));
  }
  Ref slots = array_data(index_of(m)) + 4 * kIdxSlots;
  uint32_t mask = slot_count(m) - 1, s = p.hash & mask;
  while (ld32(slots + 4 * s)) s = (s + 1) & mask;
  st32(slots + 4 * s, n + 1);
  set_idx(m, kIdxLive, idx(m, kIdxLive) + 1);
  return n;
}

bool remove(Ref m, const Probe& p) {
  int32_t i = find(m, p);
  if (i < 0) return false;
  punch(keys_of(m), uint32_t(i));
  if (Ref vals = vals_of(m)) punch(vals, uint32_t(i));
  set_idx(m, kIdxLive, idx(m, kIdxLive) - 1);
  set_idx(m, kIdxRemoved, idx(m, kIdxRemoved) + 1);
  return true;
}

void put_num(Ref m, uint32_t i, double v) { stf64(array_data(vals_of(m)) + 8 * i, v); }
void put_word(Ref m, uint32_t i, uint32_t v) {
  Ref vals = vals_of(m);
  Ref at = array_data(vals) + 4 * i;
  if (elem_is_ref(array_kind(vals))) write_ref(vals, at, v);
  else st32(at, v);
}

}  // namespace

Ref coll_new(uint32_t shape, uint32_t key_kind, uint32_t val_kind) {
  bool map = val_kind <= kElemClosure;
  Ref m = record_new(shape);  // fresh in the arena: plain stores
  st32(m + kCollIndex, new_index(kMinSlots, map));
  st32(m + kCollKeys, array_new(key_kind, 0));
  if (map) st32(m + kCollVals, array_new(val_kind, 0));
  return m;
}

void coll_clear(Ref m) {
  Ref keys = keys_of(m), vals = vals_of(m);
  if (!array_len(keys)) return;
  Ref both[2] = {keys, vals};
  for (Ref arr : both) {
    if (!arr) continue;
    uint32_t kind = array_kind(arr), n = array_len(arr);
    if (is_heap(arr) && elem_is_ref(kind))
      for (uint32_t i = 0; i < n; ++i) release_later(ld32(array_data(arr) + 4 * i));
    mem_zero(array_data(arr), elem_size(kind) * n);
    st32(arr + kArrLen, 0);
  }
  Ref h = index_of(m);
  mem_zero(array_data(h), 4 * array_len(h));
  set_idx(m, kIdxIsMap, vals ? 1 : 0);
}

// The live entries' indexes in insertion order: an arena block of idx(m, kIdxLive) u32s (dict_order gives them in
// JS's property order).
Ref insertion_order(Ref m) {
  Ref keys = keys_of(m), order = arena_alloc(4 * (idx(m, kIdxLive) ? idx(m, kIdxLive) : 1));
  for (uint32_t i = 0, j = 0, n = array_len(keys); i < n; ++i)
    if (!is_hole(keys, i)) st32(order + 4 * j++, i);
  return order;
}

// A new array of the keys (which 0) or values (1) of the entries `order` lists.
Ref array_in(Ref m, Ref order, uint32_t which) {
  Ref src = which ? vals_of(m) : keys_of(m);
  uint32_t esz = elem_size(array_kind(src)), live = idx(m, kIdxLive);
  Ref out = array_new(array_kind(src), live);
  for (uint32_t j = 0; j < live; ++j)  // an arena holder: uncounted
    mem_copy(array_data(out) + esz * j, array_data(src) + esz * ld32(order + 4 * j), esz);
  return out;
}

// A new array of [key, value] tuples — records of `shape`, the key at `koff`, the value (a Set's key again) at
// `voff` — of the entries `order` lists.
Ref entries_in(Ref m, Ref order, uint32_t shape, uint32_t koff, uint32_t voff) {
  Ref keys = keys_of(m), vals = vals_of(m) ? vals_of(m) : keys;
  uint32_t ksz = elem_size(array_kind(keys)), vsz = elem_size(array_kind(vals)), live = idx(m, kIdxLive);
  Ref out = array_new(kElemRecord, live);
  for (uint32_t j = 0; j < live; ++j) {
    uint32_t i = ld32(order + 4 * j);
    Ref r = record_new(shape);  // an arena record in an arena array: plain stores, counted if evacuated
    mem_copy(r + koff, array_data(keys) + ksz * i, ksz);
    mem_copy(r + voff, array_data(vals) + vsz * i, vsz);
    st32(array_data(out) + 4 * j, r);
  }
  return out;
}

// The entry of the key stored at `at` (in the keys' representation), added when new; a Map's value stored at
// `at` into entry i.
uint32_t add_at(Ref m, Ref at) {
  return array_kind(keys_of(m)) == kElemNumber ? add(m, probe_num(m, ldf64(at))) : add(m, probe_word(m, ld32(at)));
}
void put_at(Ref m, uint32_t i, Ref at) {
  if (array_kind(vals_of(m)) == kElemNumber) put_num(m, i, ldf64(at));
  else put_word(m, i, ld32(at));
}

void dict_put(Ref d, Ref key, Ref slot) { put_at(d, add(d, probe_word(d, key)), slot); }

uint32_t coll_count(Ref c) { return idx(c, kIdxLive); }
Ref coll_keys(Ref c) { return keys_of(c); }
Ref coll_values(Ref c) { return vals_of(c); }
bool coll_hole(Ref keys, uint32_t i) { return is_hole(keys, i); }

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_coll_new") uint32_t dx_coll_new(uint32_t shape, uint32_t key_kind, uint32_t val_kind) {
  return coll_new(shape, key_kind, val_kind);
}
DX_EXPORT("dx_coll_size") uint32_t dx_coll_size(uint32_t m) { return idx(m, kIdxLive); }
DX_EXPORT("dx_coll_find_f64") int32_t dx_coll_find_f64(uint32_t m, double k) { return find(m, probe_num(m, k)); }
DX_EXPORT("dx_coll_find_i32") int32_t dx_coll_find_i32(uint32_t m, uint32_t k) { return find(m, probe_word(m, k)); }
DX_EXPORT("dx_coll_add_f64") uint32_t dx_coll_add_f64(uint32_t m, double k) { return add(m, probe_num(m, k)); }
DX_EXPORT("dx_coll_add_i32") uint32_t dx_coll_add_i32(uint32_t m, uint32_t k) { return add(m, probe_word(m, k)); }
DX_EXPORT("dx_coll_delete_f64") uint32_t dx_coll_delete_f64(uint32_t m, double k) { return remove(m, probe_num(m, k)); }
DX_EXPORT("dx_coll_delete_i32") uint32_t dx_coll_delete_i32(uint32_t m, uint32_t k) { return remove(m, probe_word(m, k)); }
DX_EXPORT("dx_coll_put_f64") void dx_coll_put_f64(uint32_t m, uint32_t i, double v) { put_num(m, i, v); }
DX_EXPORT("dx_coll_put_i32") void dx_coll_put_i32(uint32_t m, uint32_t i, uint32_t v) { put_word(m, i, v); }
DX_EXPORT("dx_coll_clear") void dx_coll_clear(uint32_t m) { coll_clear(m); }
DX_EXPORT("dx_coll_array") uint32_t dx_coll_array(uint32_t m, uint32_t which) { return array_in(m, insertion_order(m), which); }
// new Set(array): every element of `arr` added in order (a Set's keys are the array's element kind).
DX_EXPORT("dx_coll_add_all") void dx_coll_add_all(uint32_t m, uint32_t arr) {
  for (uint32_t i = 0, n = array_len(arr); i < n; ++i) add_at(m, array_data(arr) + elem_size(array_kind(arr)) * i);
}
// new Map(other) / new Set(other): every live entry of `src` into the new `m`.
DX_EXPORT("dx_coll_copy") void dx_coll_copy(uint32_t m, uint32_t src) {
  Ref keys = keys_of(src), vals = vals_of(src);
  for (uint32_t i = 0, n = array_len(keys); i < n; ++i) {
    if (is_hole(keys, i)) continue;
    uint32_t j = add_at(m, array_data(keys) + elem_size(array_kind(keys)) * i);
    if (vals) put_at(m, j, array_data(vals) + elem_size(array_kind(vals)) * i);
  }
}
// [...map], Array.from(map.entries()): [key, value] tuples in insertion order (entries_in).
DX_EXPORT("dx_coll_entries") uint32_t dx_coll_entries(uint32_t m, uint32_t shape, uint32_t koff, uint32_t voff) {
  return entries_in(m, insertion_order(m), shape, koff, voff);
}
// new Map(pairs): every [key, value] tuple of `arr` (key at `koff`, value at `voff` of each record) set in order.
DX_EXPORT("dx_coll_add_pairs") void dx_coll_add_pairs(uint32_t m, uint32_t arr, uint32_t koff, uint32_t voff) {
  for (uint32_t i = 0, n = array_len(arr); i < n; ++i) {
    Ref r = ld32(array_data(arr) + 4 * i);
    uint32_t j = add_at(m, r + koff);
    if (vals_of(m)) put_at(m, j, r + voff);
  }
}

// --- dictionaries (Record<string, V>): a Map<string, V> enumerated in JS's property order ------------------

namespace dx::rt {

namespace {

// A string that is an array index (a canonical numeric string of an integer below 2^32 − 1): its value, else -1.
int64_t array_index(Ref s) {
  uint32_t n = str_len(s);
  if (n == 0 || n > 10 || (n > 1 && str_unit(s, 0) == '0')) return -1;
  int64_t v = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t u = str_unit(s, i);
    if (u < '0' || u > '9') return -1;
    v = v * 10 + (u - '0');
  }
  return v < 4294967295LL ? v : -1;
}

// Sorts n u64s ascending in place (heapsort: no recursion, no extra memory).
void sort_u64(Ref a, uint32_t n) {
  auto at = [&](uint32_t i) { return ld64(a + 8 * i); };
  auto put = [&](uint32_t i, uint64_t v) { st64(a + 8 * i, v); };
  auto sift = [&](uint32_t i, uint32_t size) {
    for (;;) {
      uint32_t big = i, l = 2 * i + 1, r = l + 1;
      if (l < size && at(l) > at(big)) big = l;
      if (r < size && at(r) > at(big)) big = r;
      if (big == i) return;
      uint64_t t = at(i);
      put(i, at(big));
      put(big, t);
      i = big;
    }
  };
  for (uint32_t i = n / 2; i-- > 0;) sift(i, n);
  for (uint32_t end = n; end-- > 1;) {
    uint64_t t = at(0);
    put(0, at(end));
    put(end, t);
    sift(0, end);
  }
}

}  // namespace

// OrdinaryOwnPropertyKeys's order (collections.h).
Ref dict_order(Ref m) {
  Ref keys = keys_of(m);
  uint32_t n = array_len(keys), live = idx(m, kIdxLive), count = 0, ints = 0;
  Ref order = arena_alloc(4 * (live ? live : 1)), sorted = arena_alloc(8 * (live ? live : 1));
  for (uint32_t i = 0; i < n; ++i)  // (array index << 32 | entry index), sorted
    if (!is_hole(keys, i))
      if (int64_t v = array_index(ld32(array_data(keys) + 4 * i)); v >= 0) st64(sorted + 8 * ints++, uint64_t(v) << 32 | i);
  sort_u64(sorted, ints);
  for (uint32_t j = 0; j < ints; ++j) st32(order + 4 * count++, uint32_t(ld64(sorted + 8 * j)));
  for (uint32_t i = 0; i < n; ++i)
    if (!is_hole(keys, i) && array_index(ld32(array_data(keys) + 4 * i)) < 0) st32(order + 4 * count++, i);
  return order;
}

}  // namespace dx::rt

// Object.keys(d) (which 0), Object.values(d) (1): a new array in property order.
DX_EXPORT("dx_dict_array") uint32_t dx_dict_array(uint32_t m, uint32_t which) { return array_in(m, dict_order(m), which); }
// Object.entries(d): [key, value] tuples (records of `shape`, key at `koff`, value at `voff`) in property order.
DX_EXPORT("dx_dict_entries") uint32_t dx_dict_entries(uint32_t m, uint32_t shape, uint32_t koff, uint32_t voff) {
  return entries_in(m, dict_order(m), shape, koff, voff);
}
