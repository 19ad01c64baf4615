// libFuzzer target for the app.dxb reader (schemas/include/dx/schema/dxb.h): open() must reject or accept
// any bytes without reading out of bounds, and an accepted file must be walkable end to end.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "inspect/inspect.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);  // exact-size copy: ASan sees any over-read
  std::string out, err;
  dxc::inspect::dump_dxb(bytes, out, err);        // validates, then reads every table
  return 0;
}
