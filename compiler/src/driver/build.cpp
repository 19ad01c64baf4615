#include "driver/build.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "analyze/analyze.h"
#include "discover/discover.h"
#include "dx/schema/dxr_build.h"
#include "emit/emit.h"
#include "lower/ir.h"
#include "parse/parse.h"
#include "verify/verify.h"

namespace fs = std::filesystem;

namespace dxc {

std::string find_runtime_dir(const char* argv0) {
  std::error_code ec;
  if (const char* env = std::getenv("DX_RUNTIME_DIR"); env && *env) return env;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  if (ec && argv0) self = fs::absolute(argv0, ec);
  for (const fs::path& cand : {self.parent_path().parent_path() / "runtime-wasm", self.parent_path().parent_path() / "share" / "dx",
                               self.parent_path() / "runtime-wasm"})
    if (fs::exists(cand / "runtime.wasm", ec)) return cand.string();
  return DX_BUILD_RUNTIME_DIR;
}

BuildResult build(const BuildOptions& opts, SourceManager& sm, Diagnostics& diags, std::ostream& dump_out) {
  BuildResult res;
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* phase) {
    auto t1 = std::chrono::steady_clock::now();
    res.phase_ms.push_back({phase, std::chrono::duration<double, std::milli>(t1 - t0).count()});
    t0 = t1;
  };
  auto done = [&](const char* phase) {  // true: stop here
    lap(phase);
    return diags.has_errors() || opts.stop_after == phase;
  };

  Project proj = discover::discover(opts.project, diags, &sm);
  if (opts.dump == "discover") dump_out << discover::dump(proj);
  if (done("discover")) return res;

  Program prog;
  prog.sources = &sm;
  analyze::parse_project(proj, prog, diags);
  if (opts.dump == "parse")
    for (auto& m : prog.modules) dump_out << "// " << m->path << "\n" << dump_ast(sm, m->ast);
  if (done("parse")) return res;

  analyze::analyze(prog, diags);
  if (opts.dump == "analyze") dump_out << analyze::dump(prog);
  if (done("analyze")) return res;
  for (size_t i = 0; i < proj.pages.size(); ++i) {
    analyze::RequestReads reads = analyze::reads_request(prog, prog.page_modules[i]);
    proj.pages[i].search = reads.query;
    proj.pages[i].form = reads.form;
    // routes.dxr tells dx-server which pages take a POSTed form (route i is page i)
    if (proj.pages[i].form && !proj.pages[i].not_found &&
        !dx::schema::dxr_set_route_flags(proj.routes_dxr, uint32_t(i), dx::schema::kDxrRouteForm))
      diags.error_at_path("DX0405", proj.pages[i].path, "internal compiler error: cannot flag the route in routes.dxr");
  }

  LoweredProgram lp = lower::lower(prog, diags);
  if (opts.dump == "lower") dump_out << lower::dump(prog, lp);
  if (done("lower")) return res;

  EmitOptions eo;
  eo.runtime_wasm = (fs::path(opts.runtime_dir) / "runtime.wasm").string();
  eo.optimize = opts.optimize;
  EmitResult er;
  emit::emit(prog, lp, eo, er, diags, opts.dump == "emit");
  if (opts.dump == "emit") dump_out << er.wat;
  if (done("emit")) return res;

  verify::verify(er, diags);
  if (done("verify")) return res;

  native::ServerModule server;
  size_t best_quality_limit = opts.max_compression ? SIZE_MAX : package::kBestQualityLimit;
  bool with_server = opts.ssr && !opts.dev;
  if (with_server) {
    package::precompress(er, best_quality_limit);  // app.wasm's and app.dxb's .br/.gz, on the core the C compiler leaves idle
    std::vector<std::string> page_files;
    for (const PageFile& pg : proj.pages) page_files.push_back(pg.dynamic() ? "" : pg.path);  // "": rendered per request
    native::build_and_prerender(er.wasm, opts.runtime_dir, opts.optimize >= 2 ? 2 : 0, page_files, server, diags);
    if (done("native")) return res;
  }

  res.out_dir = opts.out.empty() ? (fs::path(proj.root) / "dist").string() : opts.out;
  package::package(proj, er, opts.runtime_dir, res.out_dir, res.report, diags, opts.dev, with_server ? &server : nullptr,
                   best_quality_limit);
  if (opts.dump == "package") dump_out << package::size_report(res.report);
  lap("package");
  res.ok = !diags.has_errors();
  return res;
}

}  // namespace dxc
