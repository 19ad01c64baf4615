// smoke.cpp — linked with the runtime's wasm objects into smoke.wasm for wasm_smoke.mjs: initializes the
// runtime without an app and provides sort comparators in the function table (as generated code would).
#include "case_tables_blob.h"
#include "entry.h"
#include "platform.h"

namespace {
double cmp_num(uint32_t, double a, double b) { return a - b; }
double cmp_nan_aware(uint32_t, double a, double b) { return a < b ? -1 : a > b ? 1 : 0; }
double cmp_len(uint32_t, uint32_t a, uint32_t b) {
  return double(dx::rt::ld32(a + 8)) - double(dx::rt::ld32(b + 8));
}
}  // namespace

DX_EXPORT("test_init") void test_init(uint32_t heap_base) { dx::rt::runtime_init(heap_base); }
DX_EXPORT("test_cmp") uint32_t test_cmp(uint32_t which) {
  if (which == 0) return uint32_t(reinterpret_cast<uintptr_t>(&cmp_num));
  if (which == 1) return uint32_t(reinterpret_cast<uintptr_t>(&cmp_nan_aware));
  return uint32_t(reinterpret_cast<uintptr_t>(&cmp_len));
}

// The Unicode case tables, laid out as dxc places them in apps that change case (case_tables_blob.h).
extern "C" uint32_t dxgen_case_tables() {
  alignas(8) static uint8_t blob[dx::rt::case_blob::kBytes];
  static bool written = false;
  if (!written) {
    dx::rt::case_blob::write(blob);
    written = true;
  }
  return uint32_t(reinterpret_cast<uintptr_t>(blob));
}
