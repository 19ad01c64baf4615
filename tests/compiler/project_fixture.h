// Test fixture: writes a small dx project into a temporary directory and runs the compiler's phases on it.
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "analyze/analyze.h"
#include "discover/discover.h"
#include "driver/build.h"
#include "lower/ir.h"

namespace dxt {

namespace fs = std::filesystem;

struct TempProject {
  fs::path dir;
  explicit TempProject(const std::map<std::string, std::string>& files) {
    static int counter = 0;
    dir = fs::temp_directory_path() / ("dxc-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    for (auto& [name, text] : files) {
      fs::create_directories((dir / name).parent_path());
      std::ofstream(dir / name) << text;
    }
  }
  ~TempProject() { std::error_code ec; fs::remove_all(dir, ec); }
};

// Runs discover → parse → analyze (→ lower when `lower` is set) on a one-page project.
struct Compiled {
  dxc::SourceManager sm;
  dxc::Diagnostics diags;
  dxc::Program prog;
  dxc::LoweredProgram lp;
  std::string rendered;  // all diagnostics, rendered without color

  bool has(const std::string& code) const {
    for (auto& d : diags.all()) if (d.code == code) return true;
    return false;
  }
};

inline std::unique_ptr<Compiled> compile(const std::map<std::string, std::string>& files, bool lower = true) {
  auto c = std::make_unique<Compiled>();
  TempProject tp(files);
  dxc::Project proj = dxc::discover::discover(tp.dir.string(), c->diags);
  c->prog.sources = &c->sm;
  if (!c->diags.has_errors()) {
    dxc::analyze::parse_project(proj, c->prog, c->diags);
    if (!c->diags.has_errors()) dxc::analyze::analyze(c->prog, c->diags);
    if (!c->diags.has_errors() && lower) c->lp = dxc::lower::lower(c->prog, c->diags);
  }
  for (auto& d : c->diags.all()) c->rendered += dxc::render_diagnostic(c->sm, d, false) + "\n";
  return c;
}

inline std::unique_ptr<Compiled> compile_page(const std::string& tsx, bool lower = true) {
  return compile({{"pages/index.tsx", tsx}}, lower);
}

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A full `dxc build` of the project in `dir` at -O0 into dir/dist; `rendered` (optional) gets the diagnostics
// as dxc prints them.
inline bool build_project(const fs::path& dir, dxc::Diagnostics& d, bool dev = false, bool ssr = true,
                          std::string* rendered = nullptr) {
  dxc::BuildOptions o;
  o.project = dir.string();
  o.runtime_dir = dxc::find_runtime_dir(nullptr);
  o.optimize = 0;
  o.dev = dev;
  o.ssr = ssr;
  dxc::SourceManager sm;
  std::ostringstream dump;
  bool ok = dxc::build(o, sm, d, dump).ok;
  if (rendered)
    for (auto& diag : d.all()) *rendered += dxc::render_diagnostic(sm, diag, false) + "\n";
  return ok;
}

// A project of `files` built as `dxc build` does (`ssr`: with the server module, pages prerendered); its
// directory, dist/ inside, lives as long as this.
using Files = std::map<std::string, std::string>;  // path in the project → text
struct BuiltProject {
  TempProject project;
  dxc::Diagnostics diags;
  std::string rendered;  // the diagnostics as dxc prints them
  bool ok = false;
  explicit BuiltProject(const Files& files, bool ssr = true) : project(files) {
    ok = build_project(project.dir, diags, false, ssr, &rendered);
  }
  fs::path dist() const { return project.dir / "dist"; }
};

}  // namespace dxt
