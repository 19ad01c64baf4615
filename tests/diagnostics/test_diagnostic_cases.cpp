// Runs every tests/diagnostics/cases/*.tsx through the compiler and compares its rendered diagnostics with
// the .expected file next to it. DX_REGEN=1 rewrites the expectations instead (tools/regen-diagnostics.sh).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/diagnostics.h"
#include "parse/parse.h"

namespace fs = std::filesystem;

namespace {

// Every code the compiler can report so far; each needs a case whose file name starts with it.
const std::set<std::string> kKnownCodes = {"DX0101", "DX0102", "DX0103", "DX0104"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The pipeline up to where diagnostics come from: phase 2 today; later phases join here.
void diagnose(const dxc::SourceManager& sm, dxc::FileId file, dxc::Diagnostics& diags) {
  dxc::Ast ast = dxc::parse::parse_file(sm, file, diags);
  (void)ast;
}

fs::path cases_dir() {
  const char* root = std::getenv("DX_SOURCE_DIR");
  return fs::path(root ? root : ".") / "tests" / "diagnostics" / "cases";
}

}  // namespace

TEST_CASE("diagnostics cases match their .expected output", "[diagnostics]") {
  std::vector<fs::path> cases;
  for (const fs::directory_entry& e : fs::directory_iterator(cases_dir())) {
    if (e.path().extension() == ".tsx") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  bool regen = std::getenv("DX_REGEN") != nullptr;

  std::set<std::string> covered;
  for (const fs::path& path : cases) {
    std::string name = path.filename().string();
    INFO("case " << name);
    dxc::SourceManager sm;
    dxc::FileId file = sm.add(name, read_file(path));
    dxc::Diagnostics diags;
    diagnose(sm, file, diags);

    std::string rendered;
    std::set<std::string> codes;
    for (const dxc::Diagnostic& d : diags.all()) {
      if (!rendered.empty()) rendered += "\n";
      rendered += dxc::render_diagnostic(sm, d, false);
      codes.insert(d.code);
    }
    fs::path expected = fs::path(path).replace_extension(".expected");
    if (regen) std::ofstream(expected, std::ios::binary) << rendered;
    CHECK(rendered == read_file(expected));

    std::string code = name.substr(0, 6);
    CHECK(kKnownCodes.count(code) == 1);
    CHECK(codes.count(code) == 1);  // the case shows the code it is named after
    covered.insert(code);
  }
  for (const std::string& code : kKnownCodes) {
    INFO("code " << code);
    CHECK(covered.count(code) == 1);
  }
}
