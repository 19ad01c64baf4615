/* A stand-in for wasm2c's app.h (the declarations dx_app_glue.c uses), so the glue compiles with -Werror
 * here; every real app.h comes from wasm2c in dxc's native phase. */
#ifndef APP_H_GENERATED_
#define APP_H_GENERATED_
#include <stdint.h>

#include "wasm-rt.h"

typedef uint32_t u32;
typedef double f64;

struct Z_dx_instance_t;
typedef struct Z_app_instance_t {
  wasm_rt_memory_t w2c_memory;
  struct Z_dx_instance_t* Z_dx_instance;
} Z_app_instance_t;

void Z_app_init_module(void);
void Z_app_instantiate(Z_app_instance_t*, struct Z_dx_instance_t*);
void Z_app_free(Z_app_instance_t*);
wasm_rt_memory_t* Z_appZ_memory(Z_app_instance_t* instance);
void Z_appZ___wasm_call_ctors(Z_app_instance_t*);
u32 Z_appZ_dx_start(Z_app_instance_t*, u32);
u32 Z_appZ_dx_input(Z_app_instance_t*, u32);
void Z_appZ_dx_params(Z_app_instance_t*, u32);
u32 Z_appZ_dx_scratch_ranges(Z_app_instance_t*);
u32 Z_appZ_dx_dispatch(Z_app_instance_t*, u32, u32, u32, u32, u32);
f64 Z_dxZ_seed(struct Z_dx_instance_t*);
#endif
