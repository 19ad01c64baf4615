// collections.h — reading a Map, Set or dictionary (collections.cpp) from the runtime's other parts
// (console.log and JSON.stringify of them).
#pragma once
#include "object.h"

namespace dx::rt {

uint32_t coll_count(Ref c);         // live entries
Ref coll_keys(Ref c);               // the keys array (holes included)
Ref coll_values(Ref c);             // a Map's values array, parallel to the keys; 0 for a Set
bool coll_hole(Ref keys, uint32_t i);
// A dictionary's live entry indexes in JS's property order (array-index keys ascending, then insertion
// order): an arena block of coll_count(c) u32s.
Ref dict_order(Ref c);
// A new empty collection (dx_coll_new), and `d[key] = the value stored at slot` for a dictionary (JSON.parse).
Ref coll_new(uint32_t shape, uint32_t key_kind, uint32_t val_kind);
void dict_put(Ref d, Ref key, Ref slot);

}  // namespace dx::rt
