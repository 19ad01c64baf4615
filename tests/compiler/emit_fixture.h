// Test fixture: emits a compiled project at -O0 and -O2 and checks each module with Binaryen.
#pragma once
#include <catch2/catch.hpp>

#include <binaryen-c.h>

#include <vector>

#include "emit/emit.h"
#include "project_fixture.h"

namespace dxt {

// For -O0 and -O2: emits `c` (which must have no errors), reads the wasm back with Binaryen, checks that it
// validates and hands the module to `more` for the caller's own checks.
template <class More>
void emit_each_level(Compiled& c, More more) {
  dxc::EmitOptions o;
  o.runtime_wasm = dxc::find_runtime_dir(nullptr) + "/runtime.wasm";
  for (int level : {0, 2}) {
    INFO("-O" << level);
    o.optimize = level;
    dxc::EmitResult r;
    dxc::Diagnostics d;
    REQUIRE(dxc::emit::emit(c.prog, c.lp, o, r, d, false));
    std::vector<char> copy(r.wasm.begin(), r.wasm.end());
    BinaryenModuleRef m = BinaryenModuleRead(copy.data(), copy.size());
    CHECK(BinaryenModuleValidate(m));
    more(m);
    BinaryenModuleDispose(m);
  }
}

}  // namespace dxt
