// The diagnostics catalogue (compiler/src/common/diagnostics.def) against the compiler and tests/diagnostics/cases.
//
// A case is `cases/DXnnnn-what.tsx` (built as pages/index.tsx of a fresh temporary project) or a directory
// `cases/DXnnnn-what/` (a whole small project, for project-level codes). Each is built through the whole pipeline
// (dxc::build, as `dxc build` runs it); its diagnostics, rendered without colour, must equal
// `cases/DXnnnn-what.expected` (the temporary project's path is shown as `<project>`), must include the code the
// case is named after, and must all be `user` codes; a build with an error must leave the project's files as they
// were (no dist/, nothing half-written). DX_REGEN=1 rewrites the expectations instead (tools/regen-diagnostics.sh).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "driver/build.h"

namespace fs = std::filesystem;

namespace {

// Codes without a case, and the test file under tests/ that covers each instead (it must mention the code), or
// "" when no test can: a reason is given in the comment. Every code of kind env or internal is listed here.
const std::map<std::string, std::string> kNoCase = {
    // internal: code generation met a construct analyze accepted. No known input reaches it; robustness_test
    // builds thousands of broken variants of the samples and fails on any DX04xx.
    {"DX0401", ""},
    {"DX0402", "tests/compiler/build_diagnostics_test.cpp"},  // env: runtime.wasm missing
    {"DX0403", "tests/compiler/build_diagnostics_test.cpp"},  // env: runtime.wasm from another dx
    // user, but needs more than 4 MiB of string constants: too big for a case file.
    {"DX0404", "tests/compiler/build_diagnostics_test.cpp"},
    // internal: Binaryen rejects the generated module. Like DX0401, robustness_test guards against it.
    {"DX0405", ""},
    {"DX0406", "tests/compiler/build_diagnostics_test.cpp"},  // internal: fed corrupt artifacts by the test
    // env: the native sources, wabt's wasm2c or a C compiler is missing (the test removes the sources).
    {"DX0410", "tests/compiler/build_diagnostics_test.cpp"},
    {"DX0501", "tests/compiler/build_diagnostics_test.cpp"},  // env: an output directory that cannot be written
    {"DX0502", "tests/compiler/build_diagnostics_test.cpp"},  // env: a runtime directory without dx.js
};

fs::path source_dir() {
  const char* root = std::getenv("DX_SOURCE_DIR");
  return fs::path(root ? root : DX_TEST_SOURCE_DIR);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Case {
  fs::path path;  // the .tsx file or the project directory
  std::string name;
  std::string code;  // the DXnnnn its name starts with
  fs::path expected() const { return path.parent_path() / (name + ".expected"); }
};

std::vector<Case> list_cases() {
  std::vector<Case> cases;
  for (const fs::directory_entry& e : fs::directory_iterator(source_dir() / "tests" / "diagnostics" / "cases")) {
    std::string file = e.path().filename().string();
    if (e.is_directory()) cases.push_back({e.path(), file, file.substr(0, 6)});
    else if (e.path().extension() == ".tsx") cases.push_back({e.path(), e.path().stem().string(), file.substr(0, 6)});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

// Every file under `dir` (relative paths), to see what a build wrote.
std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    out.insert(fs::relative(it->path(), dir, ec).generic_string());
  return out;
}

struct Outcome {
  std::string rendered;  // every diagnostic, rendered without colour, separated by blank lines
  std::vector<std::string> codes;
  nlohmann::json json;  // what `dxc build --json` prints
  bool ok = false;
  bool has_errors = false;
  std::set<std::string> before, after;  // the project's files before and after the build
};

// Writes the case into a fresh temporary project and builds it as `dxc build <project>` does.
Outcome run_case(const Case& c, const dxc::DiagInfo& info) {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("dx-diag-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  if (fs::is_directory(c.path)) {
    fs::copy(c.path, dir, fs::copy_options::recursive);
  } else {
    fs::create_directories(dir / "pages");
    fs::copy_file(c.path, dir / "pages" / "index.tsx");
  }
  Outcome o;
  o.before = files_under(dir);
  dxc::BuildOptions opts;
  opts.project = dir.string();
  opts.runtime_dir = dxc::find_runtime_dir(nullptr);
  opts.optimize = 0;
  opts.ssr = info.phase == "native";  // the server module costs a C compiler run: only where the code comes from it
  dxc::SourceManager sm;
  dxc::Diagnostics diags;
  std::ostringstream dump;
  dxc::BuildResult r = dxc::build(opts, sm, diags, dump);
  o.ok = r.ok;
  o.has_errors = diags.has_errors();
  o.after = files_under(dir);
  for (const dxc::Diagnostic& d : diags.all()) {
    if (!o.rendered.empty()) o.rendered += "\n";
    o.rendered += dxc::render_diagnostic(sm, d, false);
    o.codes.push_back(d.code);
  }
  o.json = nlohmann::json::parse(dxc::render_diagnostics_json(sm, diags.all()));
  // The temporary directory's name differs per run: show it as <project>.
  for (const std::string& p : {fs::weakly_canonical(dir).string(), dir.string()})
    for (size_t at; (at = o.rendered.find(p)) != std::string::npos;) o.rendered.replace(at, p.size(), "<project>");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return o;
}

}  // namespace

TEST_CASE("diagnostics cases match their .expected output and write nothing", "[diagnostics]") {
  std::vector<Case> cases = list_cases();
  REQUIRE_FALSE(cases.empty());
  bool regen = std::getenv("DX_REGEN") != nullptr;
  for (const Case& c : cases) {
    INFO("case " << c.name);
    const dxc::DiagInfo* info = dxc::find_diag_info(c.code);
    REQUIRE(info);  // the case is named after a catalogued code
    Outcome o = run_case(c, *info);
    INFO(o.rendered);
    if (regen) std::ofstream(c.expected(), std::ios::binary) << o.rendered;
    CHECK(o.rendered == read_file(c.expected()));
    CHECK(std::count(o.codes.begin(), o.codes.end(), c.code) > 0);  // the case shows the code it is named after
    REQUIRE(o.json.size() == o.codes.size());
    for (size_t i = 0; i < o.codes.size(); ++i) {  // --json names the same codes, at the places the text shows
      const nlohmann::json& j = o.json[i];
      CHECK(j["code"] == o.codes[i]);
      if (j["line"].is_number())
        CHECK(o.rendered.find(j["file"].get<std::string>() + ":" + std::to_string(j["line"].get<int>()) + ":" +
                              std::to_string(j["column"].get<int>()) + ": ") != std::string::npos);
    }
    for (const std::string& code : o.codes) {
      INFO("reported " << code);
      const dxc::DiagInfo* reported = dxc::find_diag_info(code);
      REQUIRE(reported);
      CHECK(reported->kind == dxc::DiagKind::User);  // a refused construct is the user's, never an internal error
    }
    if (info->severity == dxc::Severity::Error) {
      CHECK_FALSE(o.ok);
      CHECK(o.after == o.before);  // a refused build writes nothing: no dist/, no temporary directory left
    } else {
      CHECK_FALSE(o.has_errors);  // a warning alone does not stop the build
      CHECK(o.ok);
    }
  }
}

TEST_CASE("every user-facing code has a case; the others are tested elsewhere or exempt with a reason", "[diagnostics]") {
  std::set<std::string> covered;
  for (const Case& c : list_cases()) covered.insert(c.code);
  for (const dxc::DiagInfo& info : dxc::all_diag_infos()) {
    std::string code(info.code);
    INFO("code " << code << " (" << dxc::diag_kind_name(info.kind) << "): " << info.title);
    auto exempt = kNoCase.find(code);
    if (exempt == kNoCase.end()) {
      CHECK(info.kind == dxc::DiagKind::User);  // env and internal codes are listed in kNoCase
      CHECK(covered.count(code) == 1);
    } else {
      CHECK(covered.count(code) == 0);  // it has a case now: drop it from kNoCase
      if (!exempt->second.empty()) CHECK(read_file(source_dir() / exempt->second).find(code) != std::string::npos);
    }
  }
  for (const auto& [code, where] : kNoCase) {
    INFO("kNoCase lists " << code);
    CHECK(dxc::find_diag_info(code) != nullptr);
  }
}

TEST_CASE("the catalogue and the compiler's sources name the same codes", "[diagnostics]") {
  // Every "DXnnnn" string literal in compiler/src is a code the compiler reports.
  std::map<std::string, std::string> used;  // code → first file:line
  const std::regex literal("\"(DX[0-9]{4})\"");
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(source_dir() / "compiler" / "src")) {
    std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
    std::istringstream in(read_file(e.path()));
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      for (std::sregex_iterator m(line.begin(), line.end(), literal), end; m != end; ++m)
        used.emplace((*m)[1].str(), fs::relative(e.path(), source_dir()).generic_string() + ":" + std::to_string(line_no));
    }
  }
  REQUIRE(used.size() > 10);
  for (const auto& [code, where] : used) {
    INFO(code << " is reported at " << where << " but is not in compiler/src/common/diagnostics.def");
    CHECK(dxc::find_diag_info(code) != nullptr);
  }
  for (const dxc::DiagInfo& info : dxc::all_diag_infos()) {
    INFO(info.code << " is in diagnostics.def but no compiler source reports it: remove it (codes are never reused)");
    CHECK(used.count(std::string(info.code)) == 1);
  }
}

TEST_CASE("catalogue entries are well-formed and dxc explain renders them", "[diagnostics]") {
  const std::set<std::string> phases(std::begin(dxc::kPhases), std::end(dxc::kPhases));
  for (const dxc::DiagInfo& info : dxc::all_diag_infos()) {
    INFO(info.code);
    CHECK(std::regex_match(std::string(info.code), std::regex("DX[0-9]{4}")));
    CHECK(phases.count(std::string(info.phase)) == 1);
    CHECK_FALSE(info.title.empty());
    CHECK(info.title.back() != '.');
    CHECK(info.title.find('\n') == std::string_view::npos);
    if (!info.explanation.empty()) CHECK(info.explanation.back() == '.');
    std::string text = dxc::explain_diagnostic(info);
    CHECK(text.find("[" + std::string(info.code) + "]: " + std::string(info.title) + "\n") != std::string::npos);
    CHECK(text.find("phase: " + std::string(info.phase) + "\n") != std::string::npos);
    std::istringstream lines(text);
    int line_no = 0;
    for (std::string line; std::getline(lines, line);)
      if (++line_no > 3) CHECK(line.size() <= 100);  // the explanation is wrapped
  }
  CHECK(dxc::find_diag_info("DX9999") == nullptr);
  CHECK(dxc::find_diag_info("dx0101") == nullptr);
  REQUIRE(dxc::find_diag_info("DX0101") != nullptr);
  CHECK(dxc::find_diag_info("DX0101")->phase == "parse");
}
