// entry.cpp — dx_start, dx_input, dx_dispatch and the batch lifecycle (contract in entry.h and ABI.md,
// "Exports dx.js uses").
#include "host.h"
#include "entry.h"

#include "app.h"
#include "arena.h"
#include "collect.h"
#include "flush.h"
#include "heap.h"
#include "instance.h"
#include "nodes.h"
#include "ops.h"
#include "suspense.h"
#include "str.h"
#include "throw.h"
#include "timers.h"

namespace dx::rt {

namespace {

bool g_initialized = false;
bool g_started = false;
bool g_in_batch = false;
Ref g_page = 0;
Ref g_input = 0;           // scratch buffer for event strings (heap block)
uint32_t g_input_cap = 0;

// Reports an invalid dxb as an ERROR op: "dx: app.dxb is invalid: <reason>".
void report_bad_dxb(const char* why) {
  char msg[160];
  const char* prefix = "dx: app.dxb is invalid: ";
  uint32_t w = 0;
  for (const char* p = prefix; *p && w < sizeof msg - 1; ++p) msg[w++] = *p;
  for (const char* p = why ? why : "?"; *p && w < sizeof msg - 1; ++p) msg[w++] = *p;
  msg[w] = 0;
  op_error(msg);
}

}  // namespace

void runtime_init(Ref heap_base) {
  if (g_initialized) return;
  g_initialized = true;
  pages_init(heap_base);
  strings_init();
}

#if defined(__wasm__)
// Instantiation sets up the allocator and the one-character strings: the server's render (dx_app_glue.c) and
// dx.js both run __wasm_call_ctors on a fresh instance first, so a resumed page's snapshot, which holds only
// the memory that differs from a fresh instance's (schemas/snapshot.md), leaves them out.
__attribute__((constructor)) void init_at_instantiation() { runtime_init(dxgen_heap_base()); }
#endif

void runtime_reset() {
  pages_reset();
  heap_reset();
  arena_reset_state();
  collect_reset();
  ops_reset();
  nodes_reset();
  instances_reset();
  flush_reset();
  app_reset();
  random_reset();
  throw_reset();
  params_reset();
  suspense_reset();
  timers_reset();
  g_initialized = g_started = g_in_batch = false;
  g_page = g_input = 0;
  g_input_cap = 0;
}

Ref page_instance() { return g_page; }

void batch_begin() {
  if (g_in_batch) {  // the previous batch trapped: finish its collection
    throw_after_trap();  // an app `throw` keeps the writes before it; another trap drops them (throw.h)
    collect();
  }
  g_in_batch = true;
  ops_begin();
  throw_report();
}

Ref batch_end() {
  flush();
  Ref header = ops_finish();
  collect();
  g_in_batch = false;
  return header;
}

}  // namespace dx::rt

using namespace dx::rt;
namespace schema = dx::schema;

namespace {
void emit_templates() {
  const schema::DxbView& dxb = app_dxb();
  for (uint32_t t = 0; t < dxb.template_count(); ++t)
    emit(schema::kOpTemplate, t, op_dxb_str(dxb.template_at(t).html), op_template_paths(t));
}
}  // namespace

DX_EXPORT("dx_start") uint32_t dx_start(uint32_t page) {
  runtime_init(dxgen_heap_base());
  batch_begin();
  if (g_started) return batch_end();  // a second call: nothing to do
  g_started = true;
  const char* why = nullptr;
  if (!app_open(&why)) {
    report_bad_dxb(why);
    return batch_end();
  }
  emit_templates();
  dxgen_globals_init();  // module-level variables, before any component runs
  const schema::DxbView& dxb = app_dxb();
  if (page >= dxb.page_count()) {  // dx.js read the index from the page's <script data-page>: a stale page
    op_error("dx: dx_start: this app has no such page (a page from another build?)");
    return batch_end();
  }
  uint32_t block = dxb.page(page).block;
  g_page = instance_new(dxb.block(block).shape, block, 0);
  dxgen_block_create(g_page);
  instance_mount(g_page, kMountNode, 0);
  return batch_end();
}

// Resumption (schemas/snapshot.md): the page was rendered by the server and this instance's memory is the
// server's snapshot, so nothing is created; the client only needs the templates again.
DX_EXPORT("dx_templates") uint32_t dx_templates() {
  batch_begin();
  if (app_is_open()) emit_templates();
  timers_resume();  // the server's render set them (an onMount's setInterval): the browser runs them now
  return batch_end();
}

DX_EXPORT("dx_input") uint32_t dx_input(uint32_t bytes) {
  runtime_init(dxgen_heap_base());  // dx_params may come before dx_start
  if (bytes > g_input_cap || !g_input) {
    if (g_input) heap_free(g_input);
    g_input = heap_alloc(bytes < 256 ? 256 : bytes);
    g_input_cap = heap_block_size(g_input);
  }
  return g_input;
}

// Route params for the page dx_start will create: `bytes` bytes the host wrote into the dx_input buffer
// (params.cpp has the encoding). Called before dx_start; a malformed encoding gives the page no params.
DX_EXPORT("dx_params") void dx_params(uint32_t bytes) {
  runtime_init(dxgen_heap_base());
  params_set(g_input && bytes <= g_input_cap ? mem(g_input) : nullptr, g_input && bytes <= g_input_cap ? bytes : 0);
}

DX_EXPORT("dx_dispatch")
uint32_t dx_dispatch(uint32_t handler, uint32_t node, uint32_t value_len, uint32_t key_len, uint32_t checked) {
  batch_begin();
  if (!app_is_open() || handler >= app_dxb().handler_count()) return batch_end();
  if (value_len > g_input_cap || key_len > g_input_cap - value_len) {
    op_error("dx: dx_dispatch: event strings overrun the dx_input buffer");
    return batch_end();
  }
  // The node's owner, or the nearest ancestor instance of the handler's block.
  uint32_t block = app_dxb().handler(handler).block;
  Ref inst = node_owner(node);
  while (inst && inst_block(inst) != block) inst = inst_parent(inst);
  if (!inst || (inst_flags(inst) & kFlagDead)) return batch_end();  // freed node: ignore the event
  Ref event = arena_alloc(12);
  st32(event, str_from_utf8(mem(g_input), value_len));
  st32(event + 4, str_from_utf8(mem(g_input + value_len), key_len));
  st32(event + 8, checked);
  dxgen_handler(handler, inst, event);
  return batch_end();
}
