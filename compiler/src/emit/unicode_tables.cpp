// The Unicode case tables as app data (runtime-wasm/src/case_tables.h): a CaseTables header followed by the
// six arrays, byte for byte as the wasm32 runtime reads them.
#include "emit/unicode_tables.h"

#include "case_tables_blob.h"

namespace dxc::emit {

std::vector<uint8_t> case_tables_blob() {
  std::vector<uint8_t> out(dx::rt::case_blob::kBytes);
  dx::rt::case_blob::write(out.data());
  return out;
}

}  // namespace dxc::emit
