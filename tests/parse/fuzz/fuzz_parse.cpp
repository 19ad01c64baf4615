// libFuzzer target for the TSX and TypeScript front ends (the bytes are parsed as fuzz.tsx and as fuzz.ts):
// any bytes → parse_file must return (no crash, no sanitizer
// report, no unbounded recursion), and the dump and both diagnostic renderers must work on the result.
// Built with clang and -DDX_FUZZ=ON (target dx_fuzz_parse); dx_parse_tests also replays the seed corpus
// through this function with any compiler.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/diagnostics.h"
#include "parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string out;
  for (const char* path : {"fuzz.tsx", "fuzz.ts"}) {
    dxc::SourceManager sm;
    dxc::FileId file = sm.add(path, std::string(reinterpret_cast<const char*>(data), size));
    dxc::Diagnostics diags;
    dxc::Ast ast = dxc::parse::parse_file(sm, file, diags);
    out += dxc::dump_ast(sm, ast);
    for (const dxc::Diagnostic& d : diags.all()) out += dxc::render_diagnostic(sm, d, true);
    out += dxc::render_diagnostics_json(sm, diags.all());
  }
  return out.empty() ? 1 : 0;  // never empty (the module lines); keeps the work from being optimized out
}
