/* dx_wasm_rt.c — the wasm2c runtime (the functions wasm-rt.h declares) as app.so needs them in a server.
 *
 * Debian's wabt ships an implementation (libwasm-rt-impl.a), but it cannot serve here: it is not compiled
 * as position-independent code (it does not link into a shared object), it catches out-of-bounds accesses
 * with a process-wide SIGSEGV handler (which would take over every crash of dx-server and fights ASan),
 * and its trap target is one global jmp_buf, while dx-server runs one instance per worker thread in
 * parallel. So app.c is compiled with WASM_RT_MEMCHECK_SIGNAL_HANDLER=0 (explicit bounds checks) and call
 * depth counting, and this file supplies the runtime with per-thread trap state:
 *   - wasm_rt_call_stack_depth is redirected (shadow/wasm-rt.h) to the instance's own counter, a
 *     u32 right before the wasm2c instance struct in dx_app (dx_app_glue.c), which every generated
 *     function reaches through its `instance` parameter: no call, no thread-local lookup per wasm call
 *     (an instance runs on one thread at a time; the glue zeroes it after a trap);
 *   - a trap longjmps to the thread's current target, set by dx_app_glue.c around each entry call; it
 *     lives in the host program's thread-locals (dx_app_set_host, called by the loader before any
 *     instance runs), not in this library's: a dlopen'ed library's thread-locals are dynamic TLS, which
 *     LeakSanitizer's exit-time thread scan can crash on once threads have come and gone;
 *   - memories are calloc'ed and grown with realloc, with a per-instance cap (DX_RT_MAX_MEMORY_BYTES,
 *     1 GiB by default) so one runaway page cannot exhaust the server;
 *   - function types are interned once, when the library initialises the module (under pthread_once).
 *   - exceptions (the legacy wasm exception-handling form, which dxc emits for apps with try/catch): the
 *     try frames and the exception in flight live in the entry call's dx_rt_frame (dx_rt_frame.h) beside
 *     its trap target; a throw with no try of the call around it traps (an uncaught exception).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dx_rt_frame.h"
#include "wasm-rt.h"

#ifndef DX_RT_MAX_MEMORY_BYTES
#define DX_RT_MAX_MEMORY_BYTES (1u << 30)
#endif
#define DX_RT_PAGE 65536u

static void** (*host_target)(void);

void dx_rt_set_host(void** (*target)(void)) { host_target = target; }

struct dx_rt_frame* dx_rt_swap_frame(struct dx_rt_frame* frame) {
  void** slot = host_target();
  struct dx_rt_frame* old = (struct dx_rt_frame*)*slot;
  *slot = frame;
  return old;
}

/* The calling thread's entry call (a throw or a trap outside one is a bug in the glue, never in app code). */
static struct dx_rt_frame* frame(void) {
  struct dx_rt_frame* f = (struct dx_rt_frame*)*host_target();
  if (!f) abort();
  return f;
}

static bool initialized;
void wasm_rt_init(void) { initialized = true; }
bool wasm_rt_is_initialized(void) { return initialized; }
void wasm_rt_free(void) {}

void wasm_rt_trap(wasm_rt_trap_t code) {
  longjmp(frame()->trap, code == WASM_RT_TRAP_NONE ? WASM_RT_TRAP_UNREACHABLE : (int)code);
}

const char* wasm_rt_strerror(wasm_rt_trap_t code) {
  switch (code) {
    case WASM_RT_TRAP_NONE: return "no trap";
#if WASM_RT_MERGED_OOB_AND_EXHAUSTION_TRAPS
    case WASM_RT_TRAP_OOB: return "out of bounds memory access or call stack exhausted";
#else
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted (too much recursion)";
#endif
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call signature mismatch";
    case WASM_RT_TRAP_UNCAUGHT_EXCEPTION: return "uncaught exception";
  }
  return "unknown trap";
}

/* Function types: a type is its (params, results, value types…) list; equal lists get equal indexes. */
typedef struct {
  uint32_t params, results;
  wasm_rt_type_t* types;
} FuncType;
static FuncType* func_types;
static uint32_t func_type_count;
static pthread_mutex_t func_types_mu = PTHREAD_MUTEX_INITIALIZER;

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
  uint32_t n = params + results;
  wasm_rt_type_t* types = (wasm_rt_type_t*)calloc(n ? n : 1, sizeof *types);
  if (!types) abort();
  va_list ap;
  va_start(ap, results);
  for (uint32_t i = 0; i < n; i++) types[i] = (wasm_rt_type_t)va_arg(ap, int);
  va_end(ap);
  pthread_mutex_lock(&func_types_mu);
  for (uint32_t i = 0; i < func_type_count; i++) {
    const FuncType* t = &func_types[i];
    if (t->params == params && t->results == results && memcmp(t->types, types, n * sizeof *types) == 0) {
      pthread_mutex_unlock(&func_types_mu);
      free(types);
      return i;
    }
  }
  FuncType* grown = (FuncType*)realloc(func_types, (func_type_count + 1) * sizeof *grown);
  if (!grown) abort();
  func_types = grown;
  func_types[func_type_count] = (FuncType){params, results, types};
  uint32_t index = func_type_count++;
  pthread_mutex_unlock(&func_types_mu);
  return index;
}

/* The registry lives as long as the library: freed when it is unloaded (dlclose). */
__attribute__((destructor)) static void free_func_types(void) {
  for (uint32_t i = 0; i < func_type_count; i++) free(func_types[i].types);
  free(func_types);
  func_types = NULL;
  func_type_count = 0;
}

/* Memories. wasm_rt_allocate_memory has no failure result: out of memory traps to the caller's target. */
static uint32_t page_cap(uint32_t max_pages) {
  uint32_t cap = DX_RT_MAX_MEMORY_BYTES / DX_RT_PAGE;
  return max_pages < cap ? max_pages : cap;
}

void wasm_rt_allocate_memory(wasm_rt_memory_t* mem, uint32_t initial_pages, uint32_t max_pages) {
  mem->data = NULL;
  mem->pages = 0;
  mem->size = 0;
  mem->max_pages = max_pages;
  if (initial_pages > page_cap(max_pages)) wasm_rt_trap(WASM_RT_TRAP_OOB);
  size_t bytes = (size_t)initial_pages * DX_RT_PAGE;
  mem->data = (uint8_t*)calloc(bytes ? bytes : 1, 1);
  if (!mem->data) wasm_rt_trap(WASM_RT_TRAP_OOB);
  mem->pages = initial_pages;
  mem->size = (uint32_t)bytes;
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t* mem, uint32_t delta) {
  uint32_t old = mem->pages;
  if (delta == 0) return old;
  if (delta > page_cap(mem->max_pages) || old > page_cap(mem->max_pages) - delta) return (uint32_t)-1;
  uint32_t pages = old + delta;
  size_t bytes = (size_t)pages * DX_RT_PAGE;
  if (bytes > UINT32_MAX) return (uint32_t)-1; /* `size` is 32-bit: 65536 pages cannot be described */
  uint8_t* data = (uint8_t*)realloc(mem->data, bytes);
  if (!data) return (uint32_t)-1;
  memset(data + (size_t)old * DX_RT_PAGE, 0, (size_t)delta * DX_RT_PAGE);
  mem->data = data;
  mem->pages = pages;
  mem->size = (uint32_t)bytes;
  return old;
}

void wasm_rt_free_memory(wasm_rt_memory_t* mem) {
  free(mem->data);
  mem->data = NULL;
  mem->pages = mem->size = 0;
}

/* Tables. */
#define DX_RT_TABLE(kind, elem, null_value)                                                             \
  void wasm_rt_allocate_##kind##_table(wasm_rt_##kind##_table_t* t, uint32_t n, uint32_t max) {        \
    t->size = n;                                                                                         \
    t->max_size = max;                                                                                   \
    t->data = (elem*)calloc(n ? n : 1, sizeof(elem));                                                    \
    if (!t->data) wasm_rt_trap(WASM_RT_TRAP_OOB);                                                        \
  }                                                                                                      \
  void wasm_rt_free_##kind##_table(wasm_rt_##kind##_table_t* t) {                                       \
    free(t->data);                                                                                       \
    t->data = NULL;                                                                                      \
    t->size = 0;                                                                                         \
  }                                                                                                      \
  uint32_t wasm_rt_grow_##kind##_table(wasm_rt_##kind##_table_t* t, uint32_t delta, elem init) {       \
    uint32_t old = t->size;                                                                              \
    if (delta > t->max_size || old > t->max_size - delta || old + delta > (1u << 24)) return (uint32_t)-1; \
    if (delta == 0) return old;                                                                          \
    elem* data = (elem*)realloc(t->data, (size_t)(old + delta) * sizeof(elem));                          \
    if (!data) return (uint32_t)-1;                                                                      \
    for (uint32_t i = old; i < old + delta; i++) data[i] = init;                                         \
    t->data = data;                                                                                      \
    t->size = old + delta;                                                                               \
    return old;                                                                                          \
  }
DX_RT_TABLE(funcref, wasm_rt_funcref_t, wasm_rt_funcref_null_value)
DX_RT_TABLE(externref, wasm_rt_externref_t, wasm_rt_externref_null_value)

/* Exceptions. Tags are numbered from 1 when the module initialises (under pthread_once). */
uint32_t wasm_rt_register_tag(uint32_t size) {
  static uint32_t tags;
  (void)size;
  return ++tags;
}
void wasm_rt_load_exception(uint32_t tag, uint32_t size, const void* values) {
  struct dx_rt_frame* f = frame();
  if (size > sizeof f->value) wasm_rt_trap(WASM_RT_TRAP_EXHAUSTION);
  f->tag = tag;
  f->size = size;
  if (size) memcpy(f->value, values, size);
}
void wasm_rt_throw(void) {
  struct dx_rt_frame* f = frame();
  if (!f->unwind) wasm_rt_trap(WASM_RT_TRAP_UNCAUGHT_EXCEPTION);
  longjmp(*f->unwind, 1);
}
WASM_RT_UNWIND_TARGET* wasm_rt_get_unwind_target(void) { return frame()->unwind; }
void wasm_rt_set_unwind_target(WASM_RT_UNWIND_TARGET* target) { frame()->unwind = target; }
uint32_t wasm_rt_exception_tag(void) { return frame()->tag; }
uint32_t wasm_rt_exception_size(void) { return frame()->size; }
void* wasm_rt_exception(void) { return frame()->value; }
