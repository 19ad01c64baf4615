// list.h — `dx_for`: keyed list reconciliation (ABI.md, dx_for).
//
// The list state (runtime-private kind 6, in an owned field of the list's instance at `state_offset`)
// holds the row instances in document order; each row holds its item at +24. Items are keyed by identity:
// numbers by SameValueZero, booleans/u32 by value, strings by content, other refs by address.
// Reconciliation: skip the common prefix and suffix; if the old middle or the new middle is empty, only
// insert or only remove; otherwise match old rows to new positions through a hash table (duplicates match
// in order), destroy the unmatched, and move only the rows that are not on a longest increasing
// subsequence of old positions (moves = kept − LIS, the minimum), creating new rows in place. A list that
// owns all of its parent's children (anchor 0) removes everything with one CLEAR when it becomes empty or
// keeps none of its rows. Kept rows get `dxgen_block_update(row, mask)` when mask != 0.
// Keyed lists (a key function) match by the keys instead and keep the keys array in the state (+20).
#pragma once
#include "object.h"

namespace dx::rt {

// `keys`: 0 to match rows by item identity, else an array (number or string) parallel to `items` from the
// list's key function; rows are then matched by key and a kept row whose item changed is updated with
// kItemChangedBit. `index_offset`: 0, or where each row keeps its index (an f64 field of the row block, for
// rows written `(item, i) => …`): new rows get theirs before creation, and a kept row whose index changed
// gets the new one and an update with kItemChangedBit.
void list_reconcile(Ref inst, uint32_t state_offset, Ref items, Ref keys, uint32_t row_block, uint32_t parent_node,
                    uint32_t anchor_node, uint32_t mask, uint32_t index_offset);
// `dx_index` (<Index>): rows matched by position. The first min(old, new) rows are kept in place: one whose
// item differs (=== semantics; strings by content) takes the new item and is updated with mask |
// kItemChangedBit, the others with mask when it is non-zero. Rows past the new length are destroyed (one CLEAR
// when the list owns its parent and becomes empty); new rows are created with their index as an f64 at +32
// (the row block reserves it) and mounted at the end (before the anchor, or appended). No moves.
void list_index(Ref inst, uint32_t state_offset, Ref items, uint32_t row_block, uint32_t parent_node, uint32_t anchor_node,
                uint32_t mask);
// Destroys every row (the list's instance is being destroyed) and frees the state. `anchored`: the list
// sits at an anchor of its owner, so its rows are gone from the document iff the owner's are (`removed`);
// otherwise each row is gone iff it was mounted inside its owner's nodes.
void list_destroy(Ref state, bool anchored, bool removed);
// The rows' nodes in order (the list moves with its owner), and the first of them (0 if none).
void list_mount(Ref state, uint32_t parent_node, uint32_t before);
uint32_t list_first_node(Ref state);
// Rows currently in a list state (tests).
uint32_t list_count(Ref state);
Ref list_row(Ref state, uint32_t i);

}  // namespace dx::rt
