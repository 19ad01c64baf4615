/* trap_app.c — a stand-in dist/_server/app.so whose every page throws: it implements the app module ABI
 * (runtime-wasm/native/dx_app_abi.h) with instances of one zeroed 64 KiB page, and dx_app_start always
 * returns a trap. page_render_test.cpp loads it into dx-server to check the 500 path (the report logged,
 * never sent) and a 404 page that throws while the dist loads. dxc cannot build such an app: it prerenders
 * every static page and a throw fails the build. */
#include <stdlib.h>

#include "dx_app_abi.h"

enum { kPageBytes = 65536, kTrap = 1 };

struct dx_app {
  uint8_t memory[kPageBytes];
};

uint32_t dx_app_abi_version(void) { return DX_APP_ABI_VERSION; }

void dx_app_set_host(void** (*target)(void)) { (void)target; }

dx_app* dx_app_new(void) { return calloc(1, sizeof(dx_app)); }

void dx_app_free(dx_app* app) { free(app); }

int dx_app_start(dx_app* app, uint32_t page, uint32_t* batch) {
  (void)app;
  (void)page;
  *batch = 0;
  return kTrap;
}

int dx_app_params(dx_app* app, const uint8_t* bytes, uint32_t len) {
  (void)app;
  (void)bytes;
  (void)len;
  return 0;
}

int dx_app_scratch_ranges(dx_app* app, uint32_t* table) {
  (void)app;
  *table = 0;
  return kTrap;
}

int dx_app_dispatch(dx_app* app, uint32_t handler, uint32_t node, const char* value, uint32_t value_len,
                    const char* key, uint32_t key_len, uint32_t checked, uint32_t* batch) {
  (void)app, (void)handler, (void)node, (void)value, (void)value_len, (void)key, (void)key_len, (void)checked;
  *batch = 0;
  return kTrap; /* no report batch: the loader reports the trap's name */
}

const uint8_t* dx_app_memory(const dx_app* app, uint32_t* size) {
  *size = kPageBytes;
  return app->memory;
}

const char* dx_app_trap_name(int code) { return code == kTrap ? "Error: stub page always throws" : "unknown trap"; }

int dx_app_suspense_hold(dx_app* app, uint32_t on) {
  (void)app;
  (void)on;
  return 0;
}

int dx_app_suspense_table(dx_app* app, uint32_t* table) {
  (void)app;
  *table = 0;
  return 0;
}

int dx_app_suspense_release(dx_app* app, uint32_t id, uint32_t* batch) {
  (void)app;
  (void)id;
  *batch = 0;
  return 0;
}

void dx_app_set_deadline(dx_app* app, uint64_t monotonic_ns) {
  (void)app;
  (void)monotonic_ns;
}
