// native_host.cpp — the native build's stand-in for the wasm host: emulated linear memory, the dxgen_*
// functions (forwarded to hooks a test installs) and `fatal`. Compiled to nothing for wasm.
#if !defined(__wasm__)
#include "../native/dx_collate.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>

#include "entry.h"
#include "platform.h"
#include "str.h"

namespace dx::rt {

namespace native {

namespace {
alignas(kPageBytes) uint8_t g_memory[kMemoryBytes];
constexpr uint32_t kInitialPages = 64;  // --initial-memory=4194304, like runtime.wasm
}  // namespace

uint8_t* const memory = g_memory;
uint32_t pages = kInitialPages;
Hooks hooks;

void reset() {
  runtime_reset();
  memset(g_memory, 0, size_t(pages) * kPageBytes);
  pages = kInitialPages;
}

}  // namespace native

void fatal(const char* what) {
  if (native::hooks.fatal) native::hooks.fatal(what);  // may throw or longjmp
  fprintf(stderr, "dx runtime: fatal: %s\n", what);
  abort();
}

double call_fn_f64(uint32_t fn, uint32_t env, double a, double b) {
  if (!native::hooks.call_f64) fatal("native: hook call_f64 is not set");
  return native::hooks.call_f64(fn, env, a, b);
}
double call_fn_i32(uint32_t fn, uint32_t env, uint32_t a, uint32_t b) {
  if (!native::hooks.call_i32) fatal("native: hook call_i32 is not set");
  return native::hooks.call_i32(fn, env, a, b);
}
void call_fn_void(uint32_t fn, uint32_t env) {
  if (!native::hooks.call_void) fatal("native: hook call_void is not set");
  native::hooks.call_void(fn, env);
}

}  // namespace dx::rt

using dx::rt::native::hooks;

namespace {
[[noreturn]] void missing(const char* name) {
  fprintf(stderr, "dx runtime (native): hook %s is not set\n", name);
  abort();
}
}  // namespace

extern "C" {
uint32_t dxgen_dxb() { return hooks.dxb ? hooks.dxb() : (missing("dxb"), 0); }
uint32_t dxgen_dxb_size() { return hooks.dxb_size ? hooks.dxb_size() : (missing("dxb_size"), 0); }
uint32_t dxgen_heap_base() { return hooks.heap_base ? hooks.heap_base() : (missing("heap_base"), 0); }
void dxgen_block_create(uint32_t inst) {
  if (!hooks.block_create) missing("block_create");
  hooks.block_create(inst);
}
void dxgen_block_update(uint32_t inst, uint32_t mask) {
  if (!hooks.block_update) missing("block_update");
  hooks.block_update(inst, mask);
}
double dxhost_seed() { return hooks.seed ? hooks.seed() : 1; }
double dxhost_now() { return hooks.now ? hooks.now() : 0; }
double dxhost_perf_now() { return hooks.perf_now ? hooks.perf_now() : 0; }
int32_t dxhost_hash() { return hooks.hash ? hooks.hash() : 0; }
double dxhost_locale_compare(uint32_t a, uint32_t a_len, uint32_t b, uint32_t b_len) {
  if (hooks.locale_compare) return hooks.locale_compare(a, a_len, b, b_len);
  return dx_collate(dx::rt::mem(a), a_len, dx::rt::mem(b), b_len);
}
int32_t dxhost_ls_get(uint32_t key, uint32_t key_len) { return hooks.ls_get ? hooks.ls_get(key, key_len) : -1; }
void dxhost_ls_take(uint32_t dst) {
  if (hooks.ls_take) hooks.ls_take(dst);
}
void dxhost_ls_set(uint32_t key, uint32_t key_len, uint32_t value, uint32_t value_len) {
  if (hooks.ls_set) hooks.ls_set(key, key_len, value, value_len);
}
void dxhost_ls_remove(uint32_t key, uint32_t key_len) {
  if (hooks.ls_remove) hooks.ls_remove(key, key_len);
}
// Natively (tests) a raised error is fatal, with its "<name>: <message>" (a fatal hook may throw it).
void dxgen_raise(uint32_t name, uint32_t message) {
  std::string what(dx::rt::utf8_size(name), '\0');
  dx::rt::write_utf8(name, reinterpret_cast<uint8_t*>(what.data()));
  std::string text(dx::rt::utf8_size(message), '\0');
  dx::rt::write_utf8(message, reinterpret_cast<uint8_t*>(text.data()));
  what += ": " + text;
  dx::rt::fatal(what.c_str());
}
void dxgen_globals_init() {
  if (hooks.globals_init) hooks.globals_init();
}
void dxgen_handler(uint32_t handler, uint32_t inst, uint32_t event) {
  if (!hooks.handler) missing("handler");
  hooks.handler(handler, inst, event);
}
}
#endif
