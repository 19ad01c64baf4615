// The whole pipeline in one place (DESIGN §2):
//   discover → parse → analyze → lower → emit → verify → package
// Each phase has one entry function; `stop_after` ends the build after a phase, `dump` prints a phase's
// text form. Diagnostics are collected by every phase; the build stops after the first phase with errors.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "package/package.h"

namespace dxc {

inline const char* const kPhases[] = {"discover", "parse", "analyze", "lower", "emit", "verify", "native", "package"};

struct BuildOptions {
  std::string project;
  std::string out;           // default: <project>/dist
  std::string stop_after;    // a phase name, or empty
  std::string dump;          // a phase name, or empty
  std::string runtime_dir;   // where runtime.wasm and dx.js are
  int optimize = 2;
  bool dev = false;          // dxc serve: the live-reload client in the page, no .gz/.br (package::package)
  bool ssr = true;           // build dist/_server/app.so and prerender the entry page (native::); never in dev
  bool max_compression = false;  // brotli's quality 11 for every file, not only up to package::kBestQualityLimit
};

struct BuildResult {
  bool ok = false;
  std::string out_dir;
  std::vector<package::FileReport> report;
  std::vector<std::pair<std::string, double>> phase_ms;
};

// Runs the pipeline; dumps go to `dump_out`. Returns ok=false when a diagnostic is an error.
BuildResult build(const BuildOptions& opts, SourceManager& sm, Diagnostics& diags, std::ostream& dump_out);

// Where runtime.wasm and dx.js live: $DX_RUNTIME_DIR, then next to the dxc binary (../runtime-wasm, ../share/dx),
// then the build tree this dxc was built in.
std::string find_runtime_dir(const char* argv0);

}  // namespace dxc
