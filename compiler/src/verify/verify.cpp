#include "verify/verify.h"

#include <binaryen-c.h>

#include <cstring>

#include "dx/schema/dxb.h"

namespace dxc::verify {

bool verify(const EmitResult& r, Diagnostics& diags) {
  dx::schema::DxbView v;
  dx::schema::DxbError err;
  if (!v.open(r.dxb.data(), uint32_t(r.dxb.size()), &err)) {
    diags.error_at_path("DX0406", "app.dxb", std::string("internal compiler error: the written app.dxb does not validate: ") + err.what +
                                                 " at offset " + std::to_string(err.offset));
    return false;
  }
  static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
  if (r.wasm.size() < 8 || std::memcmp(r.wasm.data(), magic, 8) != 0) {
    diags.error_at_path("DX0406", "app.wasm", "internal compiler error: app.wasm has no wasm header");
    return false;
  }
  std::vector<char> copy(r.wasm.begin(), r.wasm.end());
  BinaryenModuleRef m = BinaryenModuleRead(copy.data(), copy.size());
  bool ok = BinaryenModuleValidate(m);
  for (const char* e : {"memory", "dx_start", "dx_input", "dx_dispatch"})
    if (!BinaryenGetExport(m, e)) {
      diags.error_at_path("DX0406", "app.wasm", std::string("internal compiler error: app.wasm does not export ") + e);
      ok = false;
    }
  BinaryenModuleDispose(m);
  if (!ok && !diags.has_errors()) diags.error_at_path("DX0406", "app.wasm", "internal compiler error: app.wasm does not validate");
  return ok;
}

}  // namespace dxc::verify
