// libFuzzer target for the routes.dxr reader (schemas/include/dx/schema/dxr.h): open() must reject or accept
// any bytes without reading out of bounds, and on an accepted file the dump and lookups must stay in bounds
// and terminate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dx/schema/dxr.h"
#include "inspect/inspect.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);  // exact-size copy: ASan sees any over-read
  std::string out, err;
  if (!dxc::inspect::dump_dxr(bytes, out, err)) return 0;
  dx::schema::DxrView v;
  v.open(bytes.data(), uint32_t(bytes.size()), nullptr);
  dx::schema::DxrMatch m;
  for (const char* p : {"/", "/a", "/a/b", "/a/b/c/d/e/f/g/h/i/j", "/users/1/edit", "/x/"})
    v.lookup(p, uint32_t(std::char_traits<char>::length(p)), &m);
  return 0;
}
