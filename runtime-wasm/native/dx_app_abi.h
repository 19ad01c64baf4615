/* dx_app_abi.h — the C ABI of dist/_server/app.so, the server's form of app.wasm (DESIGN §4).
 *
 * dxc translates the app.wasm it built with wasm2c and compiles the C, together with dx_wasm_rt.c (the
 * wasm2c runtime: memory, traps, call depth) and dx_app_glue.c (these functions), into one shared object.
 * dx-server and dxc's prerenderer load it with dlopen and call only what is declared here, so the
 * wasm2c names (Z_app…) never leak out. The module is the one the browser runs: the same dx_start and
 * dx_dispatch, the same op batches (schemas/ops.md), the same linear memory layout.
 *
 * Threads: an instance belongs to one thread at a time (each server worker owns its own); instances on
 * different threads run in parallel (the trap target is the host's thread-local, handed over with
 * dx_app_set_host; the call depth is the instance's own). dx_app_new may be called from any thread once the library is loaded.
 * Traps: a trap (an app `throw`, a runtime RangeError, an out-of-bounds access, call depth exhausted)
 * unwinds to the entry function, which returns its code (> 0, see dx_app_trap_name); the instance stays
 * usable as in the browser: dx_app_dispatch with handler 0xFFFFFFFF returns the batch reporting it.
 */
#ifndef DX_APP_ABI_H
#define DX_APP_ABI_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DX_APP_ABI_VERSION 4u

/* The trap code of a call that ran past the instance's deadline (dx_app_set_deadline). */
#define DX_APP_TRAP_DEADLINE 100

typedef struct dx_app dx_app;

/* DX_APP_ABI_VERSION of the library; a loader refuses any other. */
uint32_t dx_app_abi_version(void);
/* Called once by the loader, before any instance: the host's per-thread trap state — `target` returns
 * this thread's slot for the current trap target (a jmp_buf*, NULL
 * outside calls). The library keeps no thread-locals of its own. */
void dx_app_set_host(void** (*target)(void));
/* A new instance (its own linear memory, constructors run), or NULL when memory is exhausted. */
dx_app* dx_app_new(void);
void dx_app_free(dx_app* app);
/* dx_start: creates and mounts page `page` (the dxb ENTRY index). 0 and *batch set, or a trap code. */
int dx_app_start(dx_app* app, uint32_t page, uint32_t* batch);
/* dx_input + dx_params: the route params of the page the next dx_app_start creates, encoded as dx_params
 * takes them (runtime-wasm/ABI.md, "Route params"). 0 or a trap code. */
int dx_app_params(dx_app* app, const uint8_t* bytes, uint32_t len);
/* dx_scratch_ranges: *table = the address in linear memory of {u32 count, count × {u32 start, u32 bytes}}, the
 * memory no later batch reads before writing (arena chunk data, free pages): a snapshot may leave it out.
 * 0 or a trap code. */
int dx_app_scratch_ranges(dx_app* app, uint32_t* table);
/* <Suspense> streaming (runtime-wasm/src/suspense.cpp, schemas/stream.md): dx_suspense_hold(on) — boundaries
 * created while on show their fallback and are listed; dx_suspense_table — *table = the address of
 * {u32 count, count × {u32 id, state (1 shown, 2 held), anchor node id, first node id, 5 × u32 private}}, or 0
 * when nothing is listed; dx_suspense_release(id) — *batch = the batch that shows boundary `id`'s children.
 * Each returns 0 or a trap code. A module without <Suspense> holds nothing: its table is always 0. */
int dx_app_suspense_hold(dx_app* app, uint32_t on);
int dx_app_suspense_table(dx_app* app, uint32_t* table);
int dx_app_suspense_release(dx_app* app, uint32_t id, uint32_t* batch);
/* dx_input + dx_dispatch, as dx.js calls them: `value` and `key` are UTF-8 (copied into the instance). */
int dx_app_dispatch(dx_app* app, uint32_t handler, uint32_t node, const char* value, uint32_t value_len,
                    const char* key, uint32_t key_len, uint32_t checked, uint32_t* batch);
/* The instance's linear memory (valid until the next call into the instance) and its size in bytes. */
const uint8_t* dx_app_memory(const dx_app* app, uint32_t* size);
/* A trap code's name ("unreachable", "out of bounds", …). */
const char* dx_app_trap_name(int code);
/* A deadline for the calls into `app` from now on: a call still running at `monotonic_ns` (CLOCK_MONOTONIC)
 * traps with DX_APP_TRAP_DEADLINE. dxc's native phase puts a check on every backward branch of a wasm
 * loop and in every function's prologue (DX_LOOP_TICK, wasm-rt.h: the clock is read once per 2^16 of
 * them), so code that loops or recurses cannot run on unchecked. 0 (the default): none. */
void dx_app_set_deadline(dx_app* app, uint64_t monotonic_ns);

#ifdef __cplusplus
}
#endif
#endif
