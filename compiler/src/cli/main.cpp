// dxc — the dx compiler's command line (CLI11). Exit codes: 0 success, 1 user errors (diagnostics),
// 2 usage errors.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "driver/build.h"
#include "inspect/inspect.h"
#include "serve/serve.h"

namespace fs = std::filesystem;

namespace {

// dxc serve's Binaryen level: rebuild time over code speed (measured in tools/bench/serve/rebuild.sh).
constexpr int kServeOptimize = 0;

void print_diagnostics(const dxc::SourceManager& sm, const dxc::Diagnostics& d, bool json) {
  if (json) {
    std::cout << dxc::render_diagnostics_json(sm, d.all()) << std::endl;
    return;
  }
  bool color = isatty(2);
  for (const auto& diag : d.all()) std::cerr << dxc::render_diagnostic(sm, diag, color) << "\n";
  if (d.has_errors())
    std::cerr << "dxc: " << d.error_count() << (d.error_count() == 1 ? " error" : " errors") << ", nothing written\n";
}

std::string phase_list(bool with_dump_only) {
  std::string s;
  for (const char* p : dxc::kPhases)
    if (!with_dump_only || std::string(p) != "verify") s += (s.empty() ? "" : ", ") + std::string(p);
  return s;
}

int run_build(dxc::BuildOptions& opts, bool json, bool quiet, const char* argv0) {
  opts.runtime_dir = dxc::find_runtime_dir(argv0);
  dxc::SourceManager sm;
  dxc::Diagnostics diags;
  dxc::BuildResult r = dxc::build(opts, sm, diags, std::cout);
  print_diagnostics(sm, diags, json);
  if (!r.ok) return diags.has_errors() ? 1 : 0;
  if (!quiet && !json) {
    double total = 0;
    std::string phases;
    for (auto& [p, ms] : r.phase_ms) {
      total += ms;
      char b[64];
      snprintf(b, sizeof b, "%s%s %.1f", phases.empty() ? "" : ", ", p.c_str(), ms);
      phases += b;
    }
    std::fprintf(stderr, "dxc: built %s → %s in %.0f ms (%s ms)\n", opts.project.c_str(), r.out_dir.c_str(), total, phases.c_str());
    std::cerr << dxc::package::size_report(r.report);
  }
  return 0;
}

// dxc explain [CODE]: one entry of common/diagnostics.def, or the list of codes with their titles.
int run_explain(std::string code) {
  if (code.empty()) {
    for (const dxc::DiagInfo& i : dxc::all_diag_infos())
      std::cout << i.code << "  " << i.phase << std::string(9 - std::min<size_t>(8, i.phase.size()), ' ') << i.title << "\n";
    return 0;
  }
  for (char& c : code) c = char(std::toupper(static_cast<unsigned char>(c)));
  if (code.size() == 4 && code.find_first_not_of("0123456789") == std::string::npos) code = "DX" + code;
  const dxc::DiagInfo* info = dxc::find_diag_info(code);
  if (!info) {
    std::cerr << "dxc: explain: no diagnostic code " << code << " (codes look like DX0234; `dxc explain` lists them all)\n";
    return 2;
  }
  std::cout << dxc::explain_diagnostic(*info);
  return 0;
}

std::string find_server() {
  std::error_code ec;
  if (const char* env = std::getenv("DX_SERVER"); env && *env) return env;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  for (const fs::path& c : {self.parent_path().parent_path() / "runtime-server" / "dx-server", self.parent_path() / "dx-server"})
    if (fs::exists(c, ec)) return c.string();
  return "dx-server";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dxc — the dx compiler: TSX pages and components → app.dxb + app.wasm + dx.js in dist/", "dxc"};
  app.set_version_flag("--version", std::string("dxc ") + DX_VERSION);
  app.require_subcommand(1);

  dxc::BuildOptions bo;
  bool json = false, quiet = false;
  CLI::App* build = app.add_subcommand("build", "Compile a dx project into a dist/ directory");
  build->add_option("project", bo.project, "The project directory (holds pages/index.tsx)")->required();
  build->add_option("-o,--out", bo.out, "Output directory (default: <project>/dist)");
  build->add_option("--stop-after", bo.stop_after, "Stop after this phase: " + phase_list(false))
      ->check(CLI::IsMember({"discover", "parse", "analyze", "lower", "emit", "verify", "native", "package"}));
  build->add_option("--dump", bo.dump, "Print this phase's text form to stdout: " + phase_list(true))
      ->check(CLI::IsMember({"discover", "parse", "analyze", "lower", "emit", "package"}));
  build->add_option("-O,--optimize", bo.optimize, "Binaryen optimization level 0-4 (default 2)")->check(CLI::Range(0, 4));
  build->add_flag("--json", json, "Print diagnostics as JSON on stdout");
  build->add_flag("-q,--quiet", quiet, "No size report");
  build->add_flag("--max-compression", bo.max_compression,
                  "Brotli at its best quality (11) for every file; by default files over 256 KB get quality 9, "
                  "~40x faster for ~15% more bytes");
  bool no_ssr = false;
  build->add_flag("--no-ssr", no_ssr,
                  "Skip the server module (dist/_server/app.so, built with wasm2c and cc) and the prerendered page");

  std::string inspect_file;
  CLI::App* inspect = app.add_subcommand("inspect", "Print a text dump of a dx binary artifact (.dxb, .dxr, a page's state snapshot)");
  inspect->add_option("file", inspect_file, "The file, e.g. dist/app.dxb, dist/routes.dxr or dist/index.html (its resumption snapshot)")->required();

  std::string explain_code;
  CLI::App* explain = app.add_subcommand("explain", "Explain a diagnostic code (e.g. DX0234); without a code, list them all");
  explain->add_option("code", explain_code, "The code, as printed in error[DX0234]");

  dxc::serve::ServeOptions so;
  so.build.optimize = kServeOptimize;
  CLI::App* serve = app.add_subcommand("serve", "Build, serve with dx-server, rebuild and reload the page on every change");
  serve->add_option("project", so.build.project, "The project directory")->required();
  serve->add_option("-o,--out", so.build.out, "Output directory (default: <project>/dist)");
  serve->add_option("--port", so.port, "Port (default 3000; 0: a free one, shown in dx-server's line)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", so.host, "Address to listen on (default 127.0.0.1)");
  serve->add_option("-O,--optimize", so.build.optimize,
                    "Binaryen optimization level 0-4 (default " + std::to_string(kServeOptimize) + ": fast rebuilds)")
      ->check(CLI::Range(0, 4));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }

  if (*build) {
    bo.ssr = !no_ssr;
    return run_build(bo, json, quiet, argv[0]);
  }
  if (*explain) return run_explain(explain_code);
  if (*inspect) {
    std::ifstream in(inspect_file, std::ios::binary);
    if (!in) {
      std::cerr << "dxc: cannot read " << inspect_file << "\n";
      return 1;
    }
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string out, err;
    if (!dxc::inspect::dump_artifact(bytes, out, err)) {
      std::cerr << "dxc: " << inspect_file << ": " << err << "\n";
      return 1;
    }
    std::cout << out;
    return 0;
  }
  if (*serve) {
    so.build.runtime_dir = dxc::find_runtime_dir(argv[0]);
    so.server = find_server();
    return dxc::serve::run(so);
  }
  return 2;
}
