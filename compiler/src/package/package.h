// Phase 8 — package: artifacts → dist/: app.dxb, app.wasm, dx.js, index.html (the shell, prerendered), _server/app.so, the project's
// public/ files, manifest.json (files with sizes and SHA-256), and .gz/.br copies of compressible files.
// dist/ is written next to its final place and renamed in one step: a failed build never leaves a partial
// dist/ looking valid, and the previous one stays until the new one is complete.
#pragma once
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "discover/discover.h"
#include "emit/emit.h"
#include "native/native.h"

namespace dxc::package {

struct FileReport {
  std::string name;
  size_t bytes = 0, gzip = 0, brotli = 0;  // 0 when not precompressed
};

// `server` (when not null): dist/_server/app.so and the entry page's prerendered HTML, which goes inside the
// page shell's mount element. `dev` (dxc serve only): adds the live-reload client (_dx/dev.js + _dx/hbtp.js, a module <script> in the
// page) and skips the .gz/.br copies, which cost more than the rest of a rebuild.
// Brotli's highest quality (11) costs ~1.2 s of CPU per MB here, quality 9 ~40 times less for ~15 % more bytes
// on a 1.3 MB app.wasm (and sometimes fewer: the smaller of the two is kept). Files up to this size get both;
// larger ones quality 9 only, unless the build asks for the best everywhere (dxc build --max-compression).
constexpr size_t kBestQualityLimit = 256 << 10;

bool package(const Project& proj, const EmitResult& r, const std::string& runtime_dir, const std::string& out_dir,
             std::vector<FileReport>& report, Diagnostics& diags, bool dev = false,
             const native::ServerModule* server = nullptr, size_t best_quality_limit = kBestQualityLimit);
std::string size_report(const std::vector<FileReport>& report);
// Starts computing the .gz/.br copies of `r`'s app.wasm and app.dxb on a background thread: the build calls it
// before the native phase, whose C compiler leaves a core idle; package() then takes them instead of
// compressing those files again. A later call (or the end of the program) first finishes the previous one.
void precompress(const EmitResult& r, size_t best_quality_limit = kBestQualityLimit);

}  // namespace dxc::package
