// The Unicode case tables as app data (runtime-wasm/src/case_tables.h): a CaseTables header followed by the
// six arrays, byte for byte as the wasm32 runtime reads them.
#include "emit/unicode_tables.h"

#include <cstring>

#include "case_tables.h"

namespace dx::rt {
namespace {
#include "case_tables.inc"
}  // namespace
}  // namespace dx::rt

namespace dxc::emit {

std::vector<uint8_t> case_tables_blob() {
  using namespace dx::rt;
  struct Part { const void* data; size_t bytes, count; };
  const Part parts[kCaseTableCount] = {
      {k_upper_runs, sizeof k_upper_runs, sizeof k_upper_runs / sizeof(CaseRun)},
      {k_upper_multi, sizeof k_upper_multi, sizeof k_upper_multi / sizeof(CaseMulti)},
      {k_lower_runs, sizeof k_lower_runs, sizeof k_lower_runs / sizeof(CaseRun)},
      {k_lower_multi, sizeof k_lower_multi, sizeof k_lower_multi / sizeof(CaseMulti)},
      {k_cased, sizeof k_cased, sizeof k_cased / sizeof(CaseRange)},
      {k_case_ignorable, sizeof k_case_ignorable, sizeof k_case_ignorable / sizeof(CaseRange)},
  };
  CaseTables h{};
  std::vector<uint8_t> out(sizeof h);
  for (uint32_t t = 0; t < kCaseTableCount; ++t) {
    h.offset[t] = uint32_t(out.size());
    h.count[t] = uint32_t(parts[t].count);
    const uint8_t* p = static_cast<const uint8_t*>(parts[t].data);
    out.insert(out.end(), p, p + parts[t].bytes);
  }
  std::memcpy(out.data(), &h, sizeof h);  // little-endian hosts, like wasm32
  return out;
}

}  // namespace dxc::emit
