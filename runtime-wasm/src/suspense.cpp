// suspense.cpp — <Suspense> boundaries the host holds back while it streams a page (suspense.h).
//
// The table is a Vec32 of entries of kEntry words; the host reads it through dx_suspense_table:
//   +0 count, then per entry (creation order, which is document order within one batch):
//   id (1, 2, … per instance of the runtime), state (1 shown, 2 held), anchor (the boundary's anchor node
//   id: its nodes sit right before it), first (the first node id of what it shows now, 0 for nothing; worked
//   out by dx_suspense_table), then the runtime's own: component instance, bit, owner instance, state field
//   offset, child field offset.
#include "suspense.h"

#include "entry.h"
#include "flush.h"
#include "heap.h"
#include "instance.h"
#include "object.h"

namespace dx::rt {

namespace {
constexpr uint32_t kEntry = 9;
enum : uint32_t { kId, kState, kAnchor, kFirst, kComp, kBit, kOwner, kStateField, kChildField };
constexpr uint32_t kShown = 1, kHeld = 2;

bool g_hold = false;
uint32_t g_next_id = 1;
Vec32 g_table;  // [0] = entry count, then the entries

uint32_t count() { return g_table.len ? g_table.at(0) : 0; }
uint32_t word(uint32_t e, uint32_t k) { return g_table.at(1 + e * kEntry + k); }
void set_word(uint32_t e, uint32_t k, uint32_t v) { g_table.set(1 + e * kEntry + k, v); }

void remove_entry(uint32_t e) {
  uint32_t n = count();
  for (uint32_t i = e + 1; i < n; ++i)
    for (uint32_t k = 0; k < kEntry; ++k) set_word(i - 1, k, word(i, k));
  g_table.len -= kEntry;
  g_table.set(0, n - 1);
}
}  // namespace

void suspense_reset() {
  g_hold = false;
  g_next_id = 1;
  g_table = Vec32();
}

bool suspense_listing() { return count() != 0; }

void suspense_forget(Ref inst) {
  for (uint32_t e = count(); e-- > 0;)
    if (word(e, kOwner) == inst || word(e, kComp) == inst) remove_entry(e);
}

}  // namespace dx::rt

using namespace dx::rt;

// Generated code, when it creates a <Suspense>: the state (1 children, 2 fallback) stored at
// owner + state_field and returned. Held boundaries are listed with what the host and release need.
DX_EXPORT("dx_suspense_open")
uint32_t dx_suspense_open(uint32_t comp, uint32_t bit, uint32_t owner, uint32_t state_field, uint32_t child_field,
                          uint32_t anchor) {
  uint32_t state = g_hold ? kHeld : kShown;
  st32(owner + state_field, state);
  if (state == kShown) return state;
  if (!g_table.len) g_table.push(0);
  uint32_t words[kEntry] = {g_next_id++, kHeld, anchor, 0, comp, bit, owner, state_field, child_field};
  for (uint32_t w : words) g_table.push(w);
  g_table.set(0, count() + 1);
  return state;
}

// The host: hold the boundaries created from now on (1), or stop holding and forget the table (0). A page's
// host turns it off before it takes the snapshot the browser resumes from.
DX_EXPORT("dx_suspense_hold") void dx_suspense_hold(uint32_t on) {
  runtime_init(dxgen_heap_base());
  g_hold = on != 0;
  if (!g_hold) g_table.release();
}

// The table (see the top of this file), its `first` words filled in; 0 when it is empty.
DX_EXPORT("dx_suspense_table") uint32_t dx_suspense_table() {
  if (!count()) return 0;
  for (uint32_t e = 0; e < count(); ++e) set_word(e, kFirst, child_first_node(ld32(word(e, kOwner) + word(e, kChildField))));
  return g_table.data;
}

// Shows the children of held boundary `id`: the batch that replaces its fallback (an empty batch for an id
// that is not held: released already, or gone with its owner).
DX_EXPORT("dx_suspense_release") uint32_t dx_suspense_release(uint32_t id) {
  batch_begin();
  for (uint32_t e = 0; e < count(); ++e) {
    if (word(e, kId) != id || word(e, kState) != kHeld) continue;
    set_word(e, kState, kShown);
    st32(word(e, kOwner) + word(e, kStateField), kShown);
    invalidate(word(e, kComp), word(e, kBit));
    break;
  }
  return batch_end();
}
