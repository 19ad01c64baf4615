// list.cpp — keyed list reconciliation and positional lists (contract in list.h).
//
// List state: +8 u32 count, +12 u32 element kind of the keys, +16 Ref rows (heap block, count Refs),
// +20 Ref keys (a counted array parallel to rows, when the list is keyed by a key function; else 0).
#include "list.h"

#include "app.h"
#include "collect.h"
#include "heap.h"
#include "instance.h"
#include "keys.h"
#include "lis.h"
#include "nodes.h"
#include "objects.h"
#include "ops.h"
#include "str.h"

namespace dx::rt {

namespace {

constexpr uint32_t kStateCount = 8, kStateKind = 12, kStateRows = 16, kStateKeys = 20, kStateSize = 24;

// --- keys ------------------------------------------------------------------------------------------------

struct Items {
  Ref arr;
  uint32_t kind;
  Ref at(uint32_t j) const { return array_data(arr) + elem_size(kind) * j; }  // the element's address
};

// Where a row keeps its item (+24), in the layout of an array element of the same kind.
Ref row_item(Ref row) { return row + kInstItem; }

// --- rows ------------------------------------------------------------------------------------------------

void set_item(Ref row, const Items& items, uint32_t j) {
  if (items.kind == kElemNumber) {
    stf64(row_item(row), ldf64(items.at(j)));
  } else if (elem_is_ref(items.kind)) {
    inst_set_flags(row, inst_flags(row) | kFlagItemRef);
    write_ref(row, row_item(row), ld32(items.at(j)));
  } else {
    st32(row_item(row), ld32(items.at(j)));
  }
}

Ref make_row(Ref inst, uint32_t row_block, const Items& items, uint32_t j, uint32_t index_offset) {
  Ref row = instance_new(app_block(row_block).shape, row_block, inst);
  set_item(row, items, j);
  if (index_offset) stf64(row + index_offset, double(j));
  dxgen_block_create(row);
  return row;
}

// The first node of the first row at or after `k` that has nodes, else the anchor.
uint32_t node_from(Ref rows, uint32_t k, uint32_t n, uint32_t anchor) {
  for (; k < n; ++k)
    if (uint32_t id = instance_first_node(ld32(rows + 4 * k))) return id;
  return anchor;
}

// --- matching the old middle against the new one -------------------------------------------------------

// Open-addressing table over the new middle: slot = (representative new index + 1, chain head + 1);
// next[j] chains equal keys in increasing j, so duplicates are claimed in order.
struct Matcher {
  Ref slots, next;
  uint32_t mask, first;  // first: new index of the middle's start
  uint32_t kind;
  Items items;

  void build(uint32_t from, uint32_t to) {  // new indexes [from, to]
    uint32_t n = to - from + 1, size = 8;
    while (size < 2 * n) size *= 2;
    mask = size - 1;
    first = from;
    slots = arena_alloc(8 * size);
    next = arena_alloc(4 * n);
    for (uint32_t j = to + 1; j-- > from;) {
      Ref s = find(items.at(j));
      st32(next + 4 * (j - from), ld32(s + 4));  // 0 = end of chain
      st32(s, j + 1);
      st32(s + 4, j + 1);
    }
  }
  Ref find(Ref key) {  // the slot for `key` (empty or matching)
    for (uint32_t i = hash_at(kind, key) & mask;; i = (i + 1) & mask) {
      Ref s = slots + 8 * i;
      uint32_t rep = ld32(s);
      if (rep == 0 || same_key(kind, items.at(rep - 1), key)) return s;
    }
  }
  uint32_t claim(Ref key) {  // the next unclaimed new index with this key, or kNoIndex
    Ref s = find(key);
    uint32_t head = ld32(s + 4);
    if (!head) return kNoIndex;
    st32(s + 4, ld32(next + 4 * (head - 1 - first)));
    return head - 1;
  }
};

}  // namespace

uint32_t list_count(Ref state) { return state ? ld32(state + kStateCount) : 0; }
Ref list_row(Ref state, uint32_t i) { return ld32(ld32(state + kStateRows) + 4 * i); }

void list_mount(Ref state, uint32_t parent_node, uint32_t before) {
  Ref rows = ld32(state + kStateRows);
  for (uint32_t k = 0, m = ld32(state + kStateCount); k < m; ++k) child_mount(ld32(rows + 4 * k), parent_node, before);
}

uint32_t list_first_node(Ref state) {
  Ref rows = ld32(state + kStateRows);
  for (uint32_t k = 0, m = ld32(state + kStateCount); k < m; ++k)
    if (uint32_t id = instance_first_node(ld32(rows + 4 * k))) return id;
  return 0;
}

void list_destroy(Ref state, bool anchored, bool removed) {
  Ref rows = ld32(state + kStateRows);
  for (uint32_t k = 0, m = ld32(state + kStateCount); k < m; ++k) {
    Ref row = ld32(rows + 4 * k);
    instance_destroy(row, anchored ? removed : (inst_flags(row) & kFlagNested) != 0);
  }
  if (rows) free_block_later(rows);
  release_later(ld32(state + kStateKeys));
  free_block_later(state);
}

namespace {

// The list state in `inst`'s field at `state_offset`, created on the first call.
Ref list_state(Ref inst, uint32_t state_offset, uint32_t row_block) {
  if (row_block >= app_dxb().block_count()) fatal("dx_for: unknown row block");
  Ref state = ld32(inst + state_offset);
  if (!state) {
    state = heap_alloc(kStateSize);
    obj_init(state, kOwned, kListState, 0);
    st32(inst + state_offset, state);
  } else if (obj_kind(state) != kListState) {
    fatal("dx_for: state field holds something else");
  }
  return state;
}

}  // namespace

void list_index(Ref inst, uint32_t state_offset, Ref items_arr, uint32_t row_block, uint32_t parent, uint32_t anchor,
                uint32_t mask) {
  Ref state = list_state(inst, state_offset, row_block);
  if (shape_size(app_block(row_block).shape) < kInstPrefix + 8) fatal("dx_index: the row block has no index field");
  bool nested = node_owner(parent) == inst || (anchor && node_owner(anchor) == inst);
  uint32_t m = ld32(state + kStateCount), n = array_len(items_arr);
  Ref old = ld32(state + kStateRows);
  Items items{items_arr, items_arr ? array_kind(items_arr) : ld32(state + kStateKind)};
  // Kept rows hold items of the element kind last seen; another kind (an untyped empty array) replaces them all.
  uint32_t keep = m == 0 || items.kind == ld32(state + kStateKind) ? (m < n ? m : n) : 0;
  Ref rows = n ? heap_alloc(4 * n) : 0;
  for (uint32_t j = 0; j < keep; ++j) st32(rows + 4 * j, ld32(old + 4 * j));
  if (keep < m) {  // remove the rows past the end of the new items (one CLEAR when the list owns its parent)
    bool clear = anchor == 0 && keep == 0;
    if (clear) emit(schema::kOpClear, parent);
    for (uint32_t k = keep; k < m; ++k) instance_destroy(ld32(old + 4 * k), clear);
  }
  // A kept row whose value changed (===, strings by content) takes the new one and is updated with
  // kItemChangedBit: in place, its nodes stay.
  for (uint32_t j = 0; j < keep; ++j) {
    Ref row = ld32(rows + 4 * j);
    uint32_t bits = mask;
    if (!same_key(items.kind, row_item(row), items.at(j))) {
      set_item(row, items, j);
      bits |= kItemChangedBit;
    }
    if (bits) dxgen_block_update(row, bits);
  }
  for (uint32_t j = keep; j < n; ++j) {  // new rows go at the end: before the anchor, or appended
    Ref row = instance_new(app_block(row_block).shape, row_block, inst);
    set_item(row, items, j);
    stf64(row + kInstPrefix, double(j));
    dxgen_block_create(row);
    st32(rows + 4 * j, row);
    instance_mount_as(row, parent, anchor, nested);
  }
  if (old) heap_free(old);
  st32(state + kStateRows, rows);
  st32(state + kStateCount, n);
  st32(state + kStateKind, items.kind);
}

void list_reconcile(Ref inst, uint32_t state_offset, Ref items_arr, Ref keys_arr, uint32_t row_block, uint32_t parent,
                    uint32_t anchor, uint32_t mask, uint32_t index_offset) {
  Ref state = list_state(inst, state_offset, row_block);
  if (index_offset && (index_offset < kInstPrefix || shape_size(app_block(row_block).shape) < index_offset + 8))
    fatal("dx_for: the row block has no index field there");
  // Rows are nested when they go inside a node of `inst` (the parent, or the anchor's parent, is one of its);
  // decided once: a row's own `before` is often a sibling row's node.
  bool nested = node_owner(parent) == inst || (anchor && node_owner(anchor) == inst);
  uint32_t m = ld32(state + kStateCount), n = array_len(items_arr);
  Ref old = ld32(state + kStateRows);
  Items items{items_arr, items_arr ? array_kind(items_arr) : ld32(state + kStateKind)};
  // What rows are matched by: the items themselves, or the keys the key function gave (old keys: the
  // array kept from the previous call, parallel to the old rows).
  bool keyed = keys_arr != 0;
  Items keys = keyed ? Items{keys_arr, array_kind(keys_arr)} : items;
  Ref old_keys = ld32(state + kStateKeys);
  auto old_key = [&](uint32_t k) {
    return keyed ? array_data(old_keys) + elem_size(keys.kind) * k : row_item(ld32(old + 4 * k));
  };
  bool comparable = m == 0 || (keys.kind == ld32(state + kStateKind) && keyed == (old_keys != 0));
  Ref rows = n ? heap_alloc(4 * n) : 0;  // the new order
  Ref kept = arena_alloc(4 * (n ? n : 1)); // new indexes of the kept rows (to update)
  uint32_t kept_count = 0;
  auto keep = [&](uint32_t j, Ref row) {
    st32(rows + 4 * j, row);
    st32(kept + 4 * kept_count++, j);
  };
  auto old_row = [&](uint32_t k) { return ld32(old + 4 * k); };

  uint32_t i = 0, oe = m, ne = n;  // middle: old [i, oe), new [i, ne)
  if (comparable) {
    while (i < m && i < n && same_key(keys.kind, old_key(i), keys.at(i))) { keep(i, old_row(i)); ++i; }
    while (oe > i && ne > i && same_key(keys.kind, old_key(oe - 1), keys.at(ne - 1))) {
      --oe; --ne;
      keep(ne, old_row(oe));
    }
  }

  if (i == oe) {  // only insertions
    uint32_t before = node_from(rows, ne, n, anchor);
    for (uint32_t j = i; j < ne; ++j) {
      Ref row = make_row(inst, row_block, items, j, index_offset);
      st32(rows + 4 * j, row);
      instance_mount_as(row, parent, before, nested);
    }
  } else if (i == ne) {  // only removals
    bool clear = anchor == 0 && i == 0 && oe == m;
    if (clear) emit(schema::kOpClear, parent);
    for (uint32_t k = i; k < oe; ++k) instance_destroy(old_row(k), clear);
  } else {
    uint32_t mid = ne - i;
    Ref sources = arena_alloc(4 * mid);  // old index of each new middle position, or kNoIndex
    for (uint32_t j = 0; j < mid; ++j) st32(sources + 4 * j, kNoIndex);
    Ref unmatched = arena_alloc(4 * (oe - i));
    uint32_t unmatched_count = 0, matched = 0, last = 0;
    bool moved = false;
    if (comparable) {
      Matcher match{0, 0, 0, 0, keys.kind, keys};
      match.build(i, ne - 1);
      for (uint32_t k = i; k < oe; ++k) {
        uint32_t j = match.claim(old_key(k));
        if (j == kNoIndex) { st32(unmatched + 4 * unmatched_count++, old_row(k)); continue; }
        st32(sources + 4 * (j - i), k);
        keep(j, old_row(k));
        if (j < last) moved = true; else last = j;
        ++matched;
      }
    } else {
      for (uint32_t k = i; k < oe; ++k) st32(unmatched + 4 * unmatched_count++, old_row(k));
    }
    bool clear = matched == 0 && anchor == 0 && i == 0 && oe == m && ne == n;  // replace all
    if (clear) emit(schema::kOpClear, parent);
    for (uint32_t k = 0; k < unmatched_count; ++k) instance_destroy(ld32(unmatched + 4 * k), clear);

    Ref in_lis = arena_alloc(mid);
    if (moved) mark_lis(sources, mid, in_lis);
    uint32_t before = node_from(rows, ne, n, anchor);
    for (uint32_t j = ne; j-- > i;) {
      Ref row;
      if (ld32(sources + 4 * (j - i)) == kNoIndex) {
        row = make_row(inst, row_block, items, j, index_offset);
        st32(rows + 4 * j, row);
        instance_mount_as(row, parent, before, nested);
      } else {
        row = ld32(rows + 4 * j);
        if (moved && !ld8(in_lis + (j - i))) instance_mount_as(row, parent, before, nested);
      }
      if (uint32_t id = instance_first_node(row)) before = id;
    }
  }

  if (old) heap_free(old);
  st32(state + kStateRows, rows);
  st32(state + kStateCount, n);
  st32(state + kStateKind, keys.kind);
  if (keyed || old_keys) write_ref(state, state + kStateKeys, keys_arr);
  // Keyed by a key function: a kept row whose item was replaced (same key, another item) takes the new item
  // and is updated with kItemChangedBit, so exactly what reads the item is recomputed. So is a kept row
  // whose index moved, in a list whose rows read it.
  for (uint32_t k = 0; k < kept_count; ++k) {
    uint32_t j = ld32(kept + 4 * k);
    Ref row = ld32(rows + 4 * j);
    uint32_t bits = mask;
    if (keyed && !same_key(items.kind, row_item(row), items.at(j))) {
      set_item(row, items, j);
      bits |= kItemChangedBit;
    }
    if (index_offset && ldf64(row + index_offset) != double(j)) {
      stf64(row + index_offset, double(j));
      bits |= kItemChangedBit;
    }
    if (bits) dxgen_block_update(row, bits);
  }
}

}  // namespace dx::rt

DX_EXPORT("dx_index")
void dx_index(uint32_t inst, uint32_t state_offset, uint32_t items, uint32_t row_block, uint32_t parent_node, uint32_t anchor_node,
              uint32_t mask) {
  dx::rt::list_index(inst, state_offset, items, row_block, parent_node, anchor_node, mask);
}

DX_EXPORT("dx_for")
void dx_for(uint32_t inst, uint32_t state_offset, uint32_t items, uint32_t keys, uint32_t row_block, uint32_t parent_node,
            uint32_t anchor_node, uint32_t mask, uint32_t index_offset) {
  dx::rt::list_reconcile(inst, state_offset, items, keys, row_block, parent_node, anchor_node, mask, index_offset);
}
