/* dx_app_glue.c — dx_app_abi.h over the wasm2c translation of one app.wasm ("app.h", module name "app").
 *
 * Compiled by dxc together with app.c and dx_wasm_rt.c into dist/_server/app.so. The module's imports
 * from "dx" (runtime-wasm/ABI.md; dx.js gives the browser's) are defined here for the server: a fresh
 * random seed per instance, the real clocks, no localStorage (every key reads as missing, writes are
 * dropped: the server renders what a first visit sees) and an empty location.hash (never sent to a server).
 * DX_APP_DX_IMPORTS is defined (by dxc) when the module imports from "dx": the instantiate call then takes
 * the import instance.
 */
#include "dx_collate.h"
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "dx_app_abi.h"

#define DX_EXPORT __attribute__((visibility("default")))

#include "dx_rt_frame.h"

void dx_rt_set_host(void** (*target)(void));

struct Z_dx_instance_t {
  uint64_t seed_state;
  double perf_origin_ms;
};

/* `depth` and `ticks` sit right before `module`: the generated code's call-depth counter and loop countdown. */
struct dx_app {
  uint32_t depth;
  uint32_t ticks;  /* backward branches left before the next deadline check (DX_LOOP_TICK) */
  Z_app_instance_t module;
  struct Z_dx_instance_t host;
  int started;
  uint64_t deadline_ns; /* CLOCK_MONOTONIC; 0: none */
};
/* wasm-rt.h (this directory) makes the generated code count its call depth in ((uint32_t*)instance)[-2] and
 * its loop iterations down in ((uint32_t*)instance)[-1]. */
_Static_assert(offsetof(struct dx_app, module) == 2 * sizeof(uint32_t), "the call depth must sit right before the module");
_Static_assert(offsetof(struct dx_app, ticks) == sizeof(uint32_t), "the loop countdown must sit right before the module");
#define DX_TICKS (1u << 16)

/* DX_LOOP_TICK's slow path: a new countdown, and a trap when the instance's deadline has passed. */
void dx_rt_loop_check(void* instance) {
  struct dx_app* app = (struct dx_app*)((char*)instance - offsetof(struct dx_app, module));
  app->ticks = DX_TICKS;
  if (!app->deadline_ns) return;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  if ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec >= app->deadline_ns)
    wasm_rt_trap((wasm_rt_trap_t)DX_APP_TRAP_DEADLINE);
}

static double clock_ms(clockid_t which) {
  struct timespec ts;
  clock_gettime(which, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The imports, as dx.js defines them for the browser (only those the module uses are referenced). */
f64 Z_dxZ_seed(struct Z_dx_instance_t* h) {
  /* splitmix64 over the instance's state: a 53-bit integer, as dx.js's Math.random() * 2 ** 53 */
  uint64_t z = (h->seed_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return (double)(z >> 11);
}
f64 Z_dxZ_now(struct Z_dx_instance_t* h) {
  (void)h;
  return (double)(int64_t)clock_ms(CLOCK_REALTIME); /* Date.now(): whole milliseconds */
}
f64 Z_dxZ_perf_now(struct Z_dx_instance_t* h) { return clock_ms(CLOCK_MONOTONIC) - h->perf_origin_ms; }
/* Math functions the app imports by name (dx.sin, dx.pow for `**`, …). The browser gives its own: V8's port of
 * fdlibm, within an ulp of the exact result but not always the correctly rounded one (Math.log(3) is an ulp
 * low). Here the C library's long double versions rounded once to double: the correctly rounded result but in
 * rare hard cases (glibc's double versions are off more often: cbrt(27) gives 3.0000000000000004). So a
 * server render can differ from the browser's in the last digit (schemas/snapshot.md: the page resumes with
 * the server's values). pow follows JS where C differs: a NaN exponent gives NaN, and so does 1 or -1 to an
 * infinite power (C gives 1). */
#define DX_MATH1(name) \
  f64 Z_dxZ_##name(struct Z_dx_instance_t* h, f64 x) { return (void)h, (f64)name##l((long double)x); }
DX_MATH1(sin) DX_MATH1(cos) DX_MATH1(tan) DX_MATH1(asin) DX_MATH1(acos) DX_MATH1(atan) DX_MATH1(sinh)
DX_MATH1(cosh) DX_MATH1(tanh) DX_MATH1(asinh) DX_MATH1(acosh) DX_MATH1(atanh) DX_MATH1(exp) DX_MATH1(expm1)
DX_MATH1(log) DX_MATH1(log1p) DX_MATH1(log2) DX_MATH1(log10) DX_MATH1(cbrt)
f64 Z_dxZ_atan2(struct Z_dx_instance_t* h, f64 y, f64 x) { return (void)h, (f64)atan2l(y, x); }
f64 Z_dxZ_hypot(struct Z_dx_instance_t* h, f64 x, f64 y) { return (void)h, (f64)hypotl(x, y); }
f64 Z_dxZ_pow(struct Z_dx_instance_t* h, f64 x, f64 y) {
  (void)h;
  if (y != y || (isinf(y) && fabs(x) == 1)) return NAN;
  return (f64)powl(x, y);
}

u32 Z_dxZ_ls_get(struct Z_dx_instance_t* h, u32 key, u32 key_len) {
  (void)h, (void)key, (void)key_len;
  return (u32)-1; /* no stored value */
}
void Z_dxZ_ls_take(struct Z_dx_instance_t* h, u32 at) { (void)h, (void)at; }
void Z_dxZ_ls_set(struct Z_dx_instance_t* h, u32 k, u32 kn, u32 v, u32 vn) { (void)h, (void)k, (void)kn, (void)v, (void)vn; }
void Z_dxZ_ls_remove(struct Z_dx_instance_t* h, u32 k, u32 kn) { (void)h, (void)k, (void)kn; }
u32 Z_dxZ_hash(struct Z_dx_instance_t* h) {
  (void)h;
  return 0; /* location.hash: the server renders the URL without a fragment (browsers never send it) */
}

/* localeCompare: an approximation of the browser's collation (dx_collate.h); the strings are in the app's memory. */
f64 Z_dxZ_locale_compare(struct Z_dx_instance_t* h, u32 a, u32 an, u32 b, u32 bn) {
  struct dx_app* app = (struct dx_app*)((char*)h - offsetof(struct dx_app, host));
  wasm_rt_memory_t* mem = Z_appZ_memory(&app->module);
  if ((uint64_t)a + an > mem->size || (uint64_t)b + bn > mem->size) return 0;
  return dx_collate(mem->data + a, an, mem->data + b, bn);
}

static pthread_once_t module_once = PTHREAD_ONCE_INIT;
static void init_module(void) {
  wasm_rt_init();
  Z_app_init_module();
}

/* Runs `body` with this thread's trap target set; evaluates to 0 or the trap code. */
#define DX_GUARDED(body)                                   \
  do {                                                     \
    struct dx_rt_frame here;                               \
    here.unwind = NULL;                                    \
    struct dx_rt_frame* saved = dx_rt_swap_frame(&here);   \
    int code_ = setjmp(here.trap);                         \
    if (code_ == 0) {                                      \
      body;                                                \
    }                                                      \
    dx_rt_swap_frame(saved);                               \
    if (code_) app->depth = 0; /* the trap unwound the calls */ \
    trap = code_;                                          \
  } while (0)

DX_EXPORT uint32_t dx_app_abi_version(void) { return DX_APP_ABI_VERSION; }

DX_EXPORT void dx_app_set_host(void** (*target)(void)) { dx_rt_set_host(target); }

DX_EXPORT dx_app* dx_app_new(void) {
  pthread_once(&module_once, init_module);
  dx_app* app = (dx_app*)calloc(1, sizeof *app);
  if (!app) return NULL;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  app->host.seed_state = (uint64_t)ts.tv_nsec * 0x2545F4914F6CDD1Dull ^ (uint64_t)ts.tv_sec ^ (uint64_t)(uintptr_t)app;
  app->host.perf_origin_ms = clock_ms(CLOCK_MONOTONIC);
  app->ticks = DX_TICKS;
  volatile int trap = 0;
#ifdef DX_APP_DX_IMPORTS
  DX_GUARDED(Z_app_instantiate(&app->module, &app->host); Z_appZ___wasm_call_ctors(&app->module));
#else
  DX_GUARDED(Z_app_instantiate(&app->module); Z_appZ___wasm_call_ctors(&app->module));
#endif
  if (trap) {
    free(app);
    return NULL;
  }
  return app;
}

DX_EXPORT void dx_app_free(dx_app* app) {
  if (!app) return;
  Z_app_free(&app->module);
  free(app);
}

DX_EXPORT int dx_app_start(dx_app* app, uint32_t page, uint32_t* batch) {
  volatile int trap = 0;
  volatile u32 b = 0; /* set inside DX_GUARDED: read after a longjmp only when it did not trap */
  DX_GUARDED(b = Z_appZ_dx_start(&app->module, page));
  *batch = trap ? 0 : b;
  return trap;
}

DX_EXPORT int dx_app_params(dx_app* app, const uint8_t* bytes, uint32_t len) {
  volatile int trap = 0;
  DX_GUARDED({
    wasm_rt_memory_t* mem = Z_appZ_memory(&app->module);
    u32 at = Z_appZ_dx_input(&app->module, len);
    if ((uint64_t)at + len > mem->size) wasm_rt_trap(WASM_RT_TRAP_OOB);
    if (len) memcpy(mem->data + at, bytes, len);
    Z_appZ_dx_params(&app->module, len);
  });
  return trap;
}

DX_EXPORT int dx_app_scratch_ranges(dx_app* app, uint32_t* table) {
  volatile int trap = 0;
  volatile u32 t = 0; /* set inside DX_GUARDED: read after a longjmp only when it did not trap */
  DX_GUARDED(t = Z_appZ_dx_scratch_ranges(&app->module));
  *table = trap ? 0 : t;
  return trap;
}

/* Without <Suspense> the module has no dx_suspense_* exports (dxc keeps them only for apps that use it):
 * nothing is ever held, the table is empty. DX_APP_SUSPENSE is defined by dxc when they exist. */
DX_EXPORT int dx_app_suspense_hold(dx_app* app, uint32_t on) {
  volatile int trap = 0;
#ifdef DX_APP_SUSPENSE
  DX_GUARDED(Z_appZ_dx_suspense_hold(&app->module, on));
#else
  (void)app, (void)on;
#endif
  return trap;
}

DX_EXPORT int dx_app_suspense_table(dx_app* app, uint32_t* table) {
  volatile int trap = 0;
  volatile u32 t = 0; /* set inside DX_GUARDED: read after a longjmp only when it did not trap */
#ifdef DX_APP_SUSPENSE
  DX_GUARDED(t = Z_appZ_dx_suspense_table(&app->module));
#else
  (void)app;
#endif
  *table = trap ? 0 : t;
  return trap;
}

DX_EXPORT int dx_app_suspense_release(dx_app* app, uint32_t id, uint32_t* batch) {
  volatile int trap = 0;
  volatile u32 b = 0; /* set inside DX_GUARDED: read after a longjmp only when it did not trap */
#ifdef DX_APP_SUSPENSE
  DX_GUARDED(b = Z_appZ_dx_suspense_release(&app->module, id));
#else
  (void)app, (void)id;
#endif
  *batch = trap ? 0 : b;
  return trap;
}

DX_EXPORT int dx_app_dispatch(dx_app* app, uint32_t handler, uint32_t node, const char* value, uint32_t value_len,
                              const char* key, uint32_t key_len, uint32_t checked, uint32_t* batch) {
  volatile int trap = 0;
  volatile u32 b = 0; /* set inside DX_GUARDED: read after a longjmp only when it did not trap */
  DX_GUARDED({
    wasm_rt_memory_t* mem = Z_appZ_memory(&app->module);
    if (value_len + key_len) {
      u32 at = Z_appZ_dx_input(&app->module, value_len + key_len);
      if ((uint64_t)at + value_len + key_len > mem->size) wasm_rt_trap(WASM_RT_TRAP_OOB);
      if (value_len) memcpy(mem->data + at, value, value_len);
      if (key_len) memcpy(mem->data + at + value_len, key, key_len);
    }
    b = Z_appZ_dx_dispatch(&app->module, handler, node, value_len, key_len, checked);
  });
  *batch = trap ? 0 : b;
  return trap;
}

DX_EXPORT const uint8_t* dx_app_memory(const dx_app* app, uint32_t* size) {
  wasm_rt_memory_t* mem = Z_appZ_memory((Z_app_instance_t*)&app->module);
  *size = mem->size;
  return mem->data;
}

DX_EXPORT const char* dx_app_trap_name(int code) {
  if (code == DX_APP_TRAP_DEADLINE) return "it ran past its time limit (a loop that does not end?)";
  return wasm_rt_strerror((wasm_rt_trap_t)code);
}

DX_EXPORT void dx_app_set_deadline(dx_app* app, uint64_t monotonic_ns) {
  app->deadline_ns = monotonic_ns;
  app->ticks = 1; /* the next backward branch checks: a deadline already past stops a loop at once */
}
