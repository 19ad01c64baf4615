// platform.h — the only place where the wasm build and the native (unit-test) build differ.
//
// Every runtime object is addressed by a `Ref`: a u32 offset into linear memory, 0 = null. In the wasm
// build linear memory *is* the address space (base 0); natively it is a static byte array, so object
// layouts, page numbers and every address the tests see are identical in both builds.
//
// Also declared here: the dxgen_* functions the generated code provides (wasm: imports from module
// "dxgen"; natively: forwarded to hooks a test installs), `DX_EXPORT` (wasm: export_name), `fatal`.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace dx::rt {

using Ref = uint32_t;

inline constexpr uint32_t kPageBytes = 65536;  // wasm page; also the runtime's allocation page
inline constexpr uint32_t kPageShift = 16;

#if defined(__wasm__)
#define DX_EXPORT(name) extern "C" __attribute__((export_name(name)))
#define DX_IMPORT(name) __attribute__((import_module("dxgen"), import_name(name)))
#define DX_HOST(name) __attribute__((import_module("dx"), import_name(name)))

inline uint8_t* mem(Ref r) { return reinterpret_cast<uint8_t*>(uintptr_t(r)); }
inline uint32_t mem_pages() { return uint32_t(__builtin_wasm_memory_size(0)); }
// Adds `pages` pages; false when the engine refuses (max memory reached).
inline bool mem_grow(uint32_t pages) { return __builtin_wasm_memory_grow(0, pages) != size_t(-1); }
[[noreturn]] inline void fatal(const char*) { __builtin_trap(); }
#else
#define DX_EXPORT(name) extern "C"
#define DX_IMPORT(name)
#define DX_HOST(name)

namespace native {
// 256 MiB of emulated linear memory; it starts with 64 pages "grown", like the wasm module.
inline constexpr uint32_t kMemoryBytes = 256u << 20;
extern uint8_t* const memory;
extern uint32_t pages;

// What a test provides in place of generated code. Unset hooks fail loudly.
struct Hooks {
  uint32_t (*dxb)() = nullptr;
  uint32_t (*dxb_size)() = nullptr;
  uint32_t (*heap_base)() = nullptr;
  void (*block_create)(uint32_t inst) = nullptr;
  void (*block_update)(uint32_t inst, uint32_t mask) = nullptr;
  void (*handler)(uint32_t handler, uint32_t inst, uint32_t event) = nullptr;
  void (*globals_init)() = nullptr;  // optional: an app without module-level variables has nothing to do
  double (*seed)() = nullptr;         // optional (default 1): Math.random's seed
  double (*now)() = nullptr;          // optional (default 0): Date.now()
  double (*perf_now)() = nullptr;     // optional (default 0): performance.now()
  // optional localStorage (platform's ls_* imports; default: an empty store that keeps nothing)
  int32_t (*ls_get)(uint32_t key, uint32_t key_len) = nullptr;
  void (*ls_take)(uint32_t dst) = nullptr;
  void (*ls_set)(uint32_t key, uint32_t key_len, uint32_t value, uint32_t value_len) = nullptr;
  void (*ls_remove)(uint32_t key, uint32_t key_len) = nullptr;
  int32_t (*hash)() = nullptr;        // optional (default ""): location.hash, taken with ls_take
  // optional (default: native/dx_collate.h, as the server renders): localeCompare
  double (*locale_compare)(uint32_t a, uint32_t a_len, uint32_t b, uint32_t b_len) = nullptr;
  void (*fatal)(const char* what) = nullptr;  // default: print and abort (a test may throw instead)
  // The function table: what call_indirect of table index `fn` would run (comparators of dx_array_sort).
  double (*call_f64)(uint32_t fn, uint32_t env, double a, double b) = nullptr;
  double (*call_i32)(uint32_t fn, uint32_t env, uint32_t a, uint32_t b) = nullptr;
  void (*call_void)(uint32_t fn, uint32_t env) = nullptr;  // a timer's closure (env) → nothing
};
extern Hooks hooks;

// Forgets all runtime state and zeroes linear memory (64 pages again): a fresh module instance.
void reset();
}  // namespace native

inline uint8_t* mem(Ref r) { return native::memory + r; }
inline uint32_t mem_pages() { return native::pages; }
inline bool mem_grow(uint32_t pages) {
  if (pages > native::kMemoryBytes / kPageBytes - native::pages) return false;
  native::pages += pages;
  return true;
}
[[noreturn]] void fatal(const char* what);
#endif

// Calls the function at index `fn` of the module's function table (call_indirect) with the given
// signature: generated closures (env, a, b) → f64, e.g. sort comparators. Natively: the test's hooks.
#if defined(__wasm__)
inline double call_fn_f64(uint32_t fn, uint32_t env, double a, double b) {
  return reinterpret_cast<double (*)(uint32_t, double, double)>(uintptr_t(fn))(env, a, b);
}
inline double call_fn_i32(uint32_t fn, uint32_t env, uint32_t a, uint32_t b) {
  return reinterpret_cast<double (*)(uint32_t, uint32_t, uint32_t)>(uintptr_t(fn))(env, a, b);
}
inline void call_fn_void(uint32_t fn, uint32_t env) { reinterpret_cast<void (*)(uint32_t)>(uintptr_t(fn))(env); }
#else
double call_fn_f64(uint32_t fn, uint32_t env, double a, double b);
double call_fn_i32(uint32_t fn, uint32_t env, uint32_t a, uint32_t b);
void call_fn_void(uint32_t fn, uint32_t env);
#endif

// Loads and stores at a linear-memory address (objects are 8-aligned; memcpy keeps UBSan quiet natively
// and compiles to a plain load/store in wasm).
inline uint32_t ld32(Ref a) { uint32_t v; __builtin_memcpy(&v, mem(a), 4); return v; }
inline void st32(Ref a, uint32_t v) { __builtin_memcpy(mem(a), &v, 4); }
inline uint16_t ld16(Ref a) { uint16_t v; __builtin_memcpy(&v, mem(a), 2); return v; }
inline void st16(Ref a, uint16_t v) { __builtin_memcpy(mem(a), &v, 2); }
inline double ldf64(Ref a) { double v; __builtin_memcpy(&v, mem(a), 8); return v; }
inline void stf64(Ref a, double v) { __builtin_memcpy(mem(a), &v, 8); }
inline uint64_t ld64(Ref a) { uint64_t v; __builtin_memcpy(&v, mem(a), 8); return v; }
inline void st64(Ref a, uint64_t v) { __builtin_memcpy(mem(a), &v, 8); }
inline uint8_t ld8(Ref a) { return *mem(a); }
inline void st8(Ref a, uint8_t v) { *mem(a) = v; }
inline void mem_copy(Ref dst, Ref src, uint32_t n) { if (n) __builtin_memmove(mem(dst), mem(src), n); }
inline void mem_zero(Ref dst, uint32_t n) { if (n) __builtin_memset(mem(dst), 0, n); }

inline uint32_t align8(uint32_t n) { return (n + 7u) & ~7u; }

}  // namespace dx::rt

// The functions generated code provides (ABI.md, "Functions generated code provides").
extern "C" {
DX_IMPORT("dxgen_dxb") uint32_t dxgen_dxb();
DX_IMPORT("dxgen_dxb_size") uint32_t dxgen_dxb_size();
DX_IMPORT("dxgen_heap_base") uint32_t dxgen_heap_base();
DX_IMPORT("dxgen_block_create") void dxgen_block_create(uint32_t inst);
DX_IMPORT("dxgen_block_update") void dxgen_block_update(uint32_t inst, uint32_t mask);
DX_IMPORT("dxgen_handler") void dxgen_handler(uint32_t handler, uint32_t inst, uint32_t event);
DX_IMPORT("dxgen_globals_init") void dxgen_globals_init();
DX_IMPORT("dxgen_case_tables") uint32_t dxgen_case_tables();  // wasm only: case_tables.h
// A JS error the runtime raises (throw.h: throw_error) as the app's code would throw it: with try/catch in
// the app, a wasm exception carrying an Error record { name, message } (strings); otherwise a trap. Natively
// (tests): fatal.
DX_IMPORT("dxgen_raise") void dxgen_raise(uint32_t name, uint32_t message);
// What the page provides (module "dx", ABI.md "Imports from the page"); natively: hooks, with defaults.
DX_HOST("seed") double dxhost_seed();
DX_HOST("now") double dxhost_now();
DX_HOST("perf_now") double dxhost_perf_now();
// localStorage (storage.cpp): keys and values cross as UTF-8 at (address, byte length). ls_get returns the
// value's byte length (-1 for null) and keeps it until ls_take copies it to `dst`.
DX_HOST("ls_get") int32_t dxhost_ls_get(uint32_t key, uint32_t key_len);
DX_HOST("ls_take") void dxhost_ls_take(uint32_t dst);
DX_HOST("ls_set") void dxhost_ls_set(uint32_t key, uint32_t key_len, uint32_t value, uint32_t value_len);
DX_HOST("ls_remove") void dxhost_ls_remove(uint32_t key, uint32_t key_len);
// location.hash (storage.cpp): its UTF-8 byte length; the bytes are kept until ls_take copies them.
DX_HOST("hash") int32_t dxhost_hash();
// String.prototype.localeCompare (storage.cpp): both strings as UTF-8; the page's own answer (-1, 0 or 1).
DX_HOST("locale_compare") double dxhost_locale_compare(uint32_t a, uint32_t a_len, uint32_t b, uint32_t b_len);
}
