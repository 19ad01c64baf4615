// Replays the fuzz target's seed corpus (the parse fixtures and the diagnostics cases) through
// LLVMFuzzerTestOneInput, whole and one byte at a time, so the entry point stays exercised with any compiler.
#include <catch2/catch.hpp>
#include <filesystem>

#include "parse_test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

TEST_CASE("fuzz target: the seed corpus replays cleanly", "[parse][robust]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> seeds;
  for (const char* dir : {"tests/parse/fixtures", "tests/diagnostics/cases"}) {
    for (const fs::directory_entry& e : fs::directory_iterator(fs::path(dxtest::source_dir()) / dir)) {
      if (e.path().extension() == ".tsx") seeds.push_back(e.path());
    }
  }
  REQUIRE(seeds.size() >= 2);
  for (const fs::path& seed : seeds) {
    INFO(seed.string());
    std::string bytes = dxtest::read_file(seed.string());
    CHECK(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
  }
  // One byte at a time: every prefix of a short case.
  std::string text = dxtest::read_file((fs::path(dxtest::source_dir()) / "tests/diagnostics/cases/DX0102-mismatched-closing-tag.tsx").string());
  for (size_t n = 0; n <= text.size(); ++n) {
    CHECK(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(text.data()), n) == 0);
  }
}
