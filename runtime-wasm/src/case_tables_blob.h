// case_tables_blob.h — the case tables laid out as dxc places them in an app (case_tables.h): a CaseTables
// header, then the six arrays. Freestanding: dxc (emit/unicode_tables.cpp) and the wasm smoke test both
// write the blob with this.
#pragma once
#include "case_tables.h"

namespace dx::rt::case_blob {

#include "case_tables.inc"

inline constexpr uint32_t kBytes = uint32_t(sizeof(CaseTables) + sizeof k_upper_runs + sizeof k_upper_multi + sizeof k_lower_runs +
                                            sizeof k_lower_multi + sizeof k_cased + sizeof k_case_ignorable);

// Writes the kBytes-byte blob to `out` (little-endian hosts, like wasm32).
inline void write(uint8_t* out) {
  struct Part { const void* data; uint32_t bytes, count; };
  const Part parts[kCaseTableCount] = {
      {k_upper_runs, sizeof k_upper_runs, sizeof k_upper_runs / sizeof(CaseRun)},
      {k_upper_multi, sizeof k_upper_multi, sizeof k_upper_multi / sizeof(CaseMulti)},
      {k_lower_runs, sizeof k_lower_runs, sizeof k_lower_runs / sizeof(CaseRun)},
      {k_lower_multi, sizeof k_lower_multi, sizeof k_lower_multi / sizeof(CaseMulti)},
      {k_cased, sizeof k_cased, sizeof k_cased / sizeof(CaseRange)},
      {k_case_ignorable, sizeof k_case_ignorable, sizeof k_case_ignorable / sizeof(CaseRange)},
  };
  CaseTables h{};
  uint32_t at = sizeof h;
  for (uint32_t t = 0; t < kCaseTableCount; ++t) {
    h.offset[t] = at;
    h.count[t] = parts[t].count;
    __builtin_memcpy(out + at, parts[t].data, parts[t].bytes);
    at += parts[t].bytes;
  }
  __builtin_memcpy(out, &h, sizeof h);
}

}  // namespace dx::rt::case_blob
