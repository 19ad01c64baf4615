// Phase 5 — emit: Program + IR → app.dxb bytes and app.wasm bytes (runtime.wasm + generated code, through
// Binaryen: read → add functions/data → replace the dxgen_* imports → validate → optimize → write).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/program.h"
#include "lower/ir.h"

namespace dxc {

struct EmitOptions {
  std::string runtime_wasm;  // path to the prebuilt runtime.wasm
  int optimize = 2;          // Binaryen optimize level (0 = none)
};

struct EmitResult {
  std::vector<uint8_t> dxb;
  std::vector<uint8_t> wasm;
  std::string wat;  // --dump=emit: the text form of the generated functions (before optimization)
};

namespace emit {
// Builds app.dxb (templates are deduplicated here; sets BlockIR::tpl_id).
std::vector<uint8_t> build_dxb(const Program& p, LoweredProgram& lp);
bool emit(Program& p, LoweredProgram& lp, const EmitOptions& opts, EmitResult& out, Diagnostics& diags, bool want_text);
}  // namespace emit

}  // namespace dxc
