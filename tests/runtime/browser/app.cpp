// app.cpp — a hand-written stand-in for the code dxc generates, linked with the runtime objects into an
// app.wasm for the browser test (tests/runtime/browser/index.html). It plays the compiler's part only:
// the dxb it embeds, the block create/update functions and the handlers, calling the runtime's exports by
// the ABI (runtime-wasm/ABI.md). The app: a counter that also appends rows, an input echoed into a <p>, a
// keyed list (click a row to delete it), reverse and clear buttons.
#include <stdint.h>

#include "dx/schema/dxb.h"

extern "C" {
uint32_t dx_new_array(uint32_t elem_kind, uint32_t length);
void dx_array_push_f64(uint32_t arr, double v);
void dx_write_ref(uint32_t holder, uint32_t slot, uint32_t value);
uint32_t dx_str_concat(uint32_t a, uint32_t b);
uint32_t dx_num_to_str(double v);
void dx_clone(uint32_t inst, uint32_t tpl, uint32_t ids_offset);
void dx_listen(uint32_t node, uint32_t handler);
void dx_text(uint32_t node, uint32_t s);
void dx_invalidate(uint32_t inst, uint32_t mask);
void dx_for(uint32_t inst, uint32_t state_offset, uint32_t items, uint32_t keys, uint32_t row_block, uint32_t parent_node,
            uint32_t anchor_node, uint32_t mask, uint32_t index_offset);
extern unsigned char __heap_base;
}

namespace {

namespace sc = dx::schema;
using Ref = uint32_t;

template <class T> T ld(Ref a) { return *reinterpret_cast<T*>(uintptr_t(a)); }
template <class T> void st(Ref a, T v) { *reinterpret_cast<T*>(uintptr_t(a)) = v; }

// Page: ids at 32 (div, inc, count text, input, echo text, ul, reverse, clear), count f64 at 64, name string
// at 72, items array at 76, list state at 80, next item f64 at 88. Row: ids at 32 (li, its text).
enum : uint32_t { kIds = 32, kCount = 64, kName = 72, kItems = 76, kList = 80, kNext = 88 };
enum : uint32_t { kDiv, kInc, kCountText, kInput, kEcho, kUl, kReverse, kClear };

const char* const kStrings[] = {
    ("<div><button id=\"inc\">+</button><span id=\"count\"> </span><input id=\"name\"><p id=\"echo\"> </p>"
     "<ul id=\"list\"></ul><button id=\"reverse\">reverse</button><button id=\"clear\">clear</button></div>"),
    "f", "ff", "ffnf", "ffnn", "ffnnnf", "ffnnnn", "ffnnnnn", "ffnnnnnn", "<li> </li>", "click", "input", "page",
    "row", "x", "/", "Hello, ", "row "};
enum : uint32_t { kHello = 16, kRowPrefix = 17 };

alignas(8) uint8_t g_dxb[4096];
uint32_t g_dxb_size = 0;
alignas(8) uint8_t g_static[256];  // static strings (rc 0xFFFFFFFF) made from kStrings on first use

uint32_t len(const char* s) { uint32_t n = 0; while (s[n]) ++n; return n; }

void build() {
  static sc::DxbView::Str strs[18];
  for (uint32_t i = 0; i < 18; ++i) strs[i] = {reinterpret_cast<const uint8_t*>(kStrings[i]), len(kStrings[i])};
  static const uint32_t paths[] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2};
  static const sc::DxbTemplate templates[] = {{0, 1, 7, 0}, {9, 1, 1, 8}};
  static const sc::DxbField fields[] = {
      {14, 3, 32}, {14, 3, 36}, {14, 3, 40}, {14, 3, 44}, {14, 3, 48}, {14, 3, 52}, {14, 3, 56}, {14, 3, 60},
      {14, 1, 64}, {14, 4, 72}, {14, 5, 76}, {14, 8, 80}, {14, 1, 88},
      {14, 3, 32}, {14, 3, 36}};
  static const sc::DxbShape shapes[] = {{12, 96, 0, 13}, {13, 40, 13, 2}};
  static const sc::DxbBlock blocks[] = {{12, 1, 0, 0, sc::kNone, 0, 0}, {13, 2, 1, 1, 0, 0, 0}};
  static const sc::DxbHandler handlers[] = {{0, 10, 0}, {0, 11, 1}, {0, 10, 0}, {1, 10, 0}, {0, 10, 0}};
  static const sc::DxbPage pages[] = {{15, 0}};
  sc::DxbContents c;
  c.strings = strs; c.string_count = 18;
  c.templates = templates; c.template_count = 2;
  c.paths = paths; c.path_count = 10;
  c.blocks = blocks; c.block_count = 2;
  c.handlers = handlers; c.handler_count = 5;
  c.shapes = shapes; c.shape_count = 2;
  c.fields = fields; c.field_count = 15;
  c.pages = pages; c.page_count = 1;
  sc::Writer w(g_dxb, sizeof g_dxb);
  sc::write_dxb(w, c);
  g_dxb_size = w.overflow ? 0 : w.pos;
}

Ref static_str(uint32_t i) {  // "Hello, " or "row "
  Ref at = Ref(uintptr_t(g_static)) + (i == kHello ? 0 : 128);
  if (ld<uint32_t>(at) == 0) {
    st<uint32_t>(at, 0xFFFFFFFFu);
    st<uint32_t>(at + 4, 1);
    st<uint32_t>(at + 8, len(kStrings[i]));
    for (uint32_t k = 0; kStrings[i][k]; ++k) st<uint8_t>(at + 12 + k, uint8_t(kStrings[i][k]));
  }
  return at;
}

uint32_t id(Ref page, uint32_t k) { return ld<uint32_t>(page + kIds + 4 * k); }

void set_items(Ref page, Ref items) {
  dx_write_ref(page, page + kItems, items);
  dx_invalidate(page, 4);
}

}  // namespace

extern "C" {

uint32_t dxgen_dxb() {
  if (!g_dxb_size) build();
  return Ref(uintptr_t(g_dxb));
}
uint32_t dxgen_dxb_size() { return g_dxb_size; }
void dxgen_globals_init() {}
void dxgen_raise(uint32_t, uint32_t) { __builtin_trap(); }  // this test app has no try: a runtime error traps
uint32_t dxgen_case_tables() { return 0; }  // this test app does not change case
uint32_t dxgen_heap_base() { return (Ref(uintptr_t(&__heap_base)) + 7) & ~7u; }

void dxgen_block_update(uint32_t inst, uint32_t mask);

void dxgen_block_create(uint32_t inst) {
  if (ld<uint32_t>(inst + 8) == 0) {  // page
    dx_clone(inst, 0, kIds);
    dx_listen(id(inst, kInc), 0);
    dx_listen(id(inst, kInput), 1);
    dx_listen(id(inst, kReverse), 2);
    dx_listen(id(inst, kClear), 4);
    st<double>(inst + kNext, 1);
    dx_write_ref(inst, inst + kItems, dx_new_array(0, 0));
    dx_invalidate(inst, 7);
  } else {  // row: item at +24
    dx_clone(inst, 1, kIds);
    dx_text(ld<uint32_t>(inst + kIds + 4), dx_str_concat(static_str(kRowPrefix), dx_num_to_str(ld<double>(inst + 24))));
    dx_listen(ld<uint32_t>(inst + kIds), 3);
  }
}

void dxgen_block_update(uint32_t inst, uint32_t mask) {
  uint32_t dirty = ld<uint32_t>(inst + 16) | mask;
  if (dirty & 1) dx_text(id(inst, kCountText), dx_num_to_str(ld<double>(inst + kCount)));
  if (dirty & 2) dx_text(id(inst, kEcho), dx_str_concat(static_str(kHello), ld<uint32_t>(inst + kName)));
  if (dirty & 4) dx_for(inst, kList, ld<uint32_t>(inst + kItems), 0, 1, id(inst, kUl), 0, 0, 0);
}

void dxgen_handler(uint32_t handler, uint32_t inst, uint32_t event) {
  if (handler == 0) {  // +: count, and a new row
    st<double>(inst + kCount, ld<double>(inst + kCount) + 1);
    double next = ld<double>(inst + kNext);
    st<double>(inst + kNext, next + 1);
    dx_array_push_f64(ld<uint32_t>(inst + kItems), next);
    dx_invalidate(inst, 1 | 4);
  } else if (handler == 1) {  // input: echo the value
    dx_write_ref(inst, inst + kName, ld<uint32_t>(event));
    dx_invalidate(inst, 2);
  } else if (handler == 2 || handler == 4) {  // reverse / clear
    Ref items = ld<uint32_t>(inst + kItems), out = dx_new_array(0, 0);
    uint32_t n = handler == 2 ? ld<uint32_t>(items + 8) : 0;
    for (uint32_t i = n; i-- > 0;) dx_array_push_f64(out, ld<double>(ld<uint32_t>(items + 16) + 8 * i));
    set_items(inst, out);
  } else if (handler == 3) {  // a row: delete it (inst is the row, its parent the page)
    Ref page = ld<uint32_t>(inst + 12), items = ld<uint32_t>(page + kItems), out = dx_new_array(0, 0);
    double item = ld<double>(inst + 24);
    for (uint32_t i = 0; i < ld<uint32_t>(items + 8); ++i) {
      double v = ld<double>(ld<uint32_t>(items + 16) + 8 * i);
      if (v != item) dx_array_push_f64(out, v);
    }
    set_items(page, out);
  }
}

}  // extern "C"
