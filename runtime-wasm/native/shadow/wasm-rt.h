/* wasm-rt.h — WABT's wasm-rt.h as dx apps compile against it (dxc's native phase and the tests put this
 * directory on the include path before the system's; it is a directory of its own so that the files in
 * native/, which include "wasm-rt.h" too, reach it through the path and #include_next finds WABT's).
 *
 * wasm2c's call-depth counting (WASM_RT_USE_STACK_DEPTH_COUNT) increments `wasm_rt_call_stack_depth` in
 * every generated function. WABT declares it as one global, which would be wrong for instances running on
 * several threads and slow as a thread-local reached from a shared object. Here it names the instance's own
 * counter instead: the u32 two words before the wasm2c instance struct inside dx_app (dx_app_glue.c asserts
 * the layout), reached through the `instance` parameter every generated function has. The declaration in
 * WABT's header is made before this definition, so it declares an unused global and nothing else. */
#ifndef DX_WASM_RT_WRAPPER_H
#define DX_WASM_RT_WRAPPER_H
#include_next <wasm-rt.h>
#include <stdint.h>
#undef wasm_rt_call_stack_depth
#define wasm_rt_call_stack_depth (((uint32_t*)(void*)instance)[-2])
/* dxc's native phase puts DX_LOOP_TICK() before every branch back to a wasm loop's start (`goto w2c_L…`) and
 * in every function's prologue (native/split.cpp, add_deadline_checks):
 * it counts the instance's countdown, the u32 right before the instance struct, and each 2^16th time asks
 * dx_rt_loop_check (dx_app_glue.c) whether the call has run past its deadline (dx_app_set_deadline). */
void dx_rt_loop_check(void* instance);
#define DX_LOOP_TICK()                                                                    \
  do {                                                                                    \
    if (__builtin_expect(--((uint32_t*)(void*)instance)[-1] == 0, 0)) dx_rt_loop_check(instance); \
  } while (0)
/* A throw unwinds (longjmp) past the calls between it and the catching try without running their
 * epilogues, so the try puts the depth back to what it was when it began. */
#undef wasm_rt_try
#define wasm_rt_try(target)                                       \
  ({                                                              \
    uint32_t dx_try_depth_ = wasm_rt_call_stack_depth;            \
    int dx_try_caught_ = 0;                                       \
    if (WASM_RT_SETJMP(target)) {                                 \
      wasm_rt_call_stack_depth = dx_try_depth_;                   \
      dx_try_caught_ = 1;                                         \
    }                                                             \
    dx_try_caught_;                                               \
  })
#endif
