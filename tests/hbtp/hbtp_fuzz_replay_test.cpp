// hbtp_fuzz_replay_test.cpp — replays the libFuzzer seed corpus (tests/fuzz/hbtp/corpus) through the same
// properties as the fuzz target, plus deterministic mutations of each seed, so every build checks them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "hbtp_check.h"

namespace {

std::vector<std::string> seeds() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(DX_TEST_SOURCE_DIR "/tests/fuzz/hbtp/corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

void run(const std::string& s) {
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // The same entry point as LLVMFuzzerTestOneInput: the first byte picks the limit.
  if (s.empty()) return;
  const uint32_t limits[4] = {dx::schema::kHbtpDefaultMaxPayload, 16, 0, 0xFFFFFFFFu};
  dx_hbtp_test::check_hbtp_input(p + 1, s.size() - 1, limits[p[0] & 3]);
}

}  // namespace

TEST_CASE("hbtp: fuzz seed corpus and its mutations keep the decoder properties", "[hbtp][fuzz]") {
  std::vector<std::string> corpus = seeds();
  REQUIRE(corpus.size() >= 5);
  uint64_t rng = 0x9E3779B97F4A7C15ull;
  auto next = [&rng] { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; };
  for (const std::string& seed : corpus) {
    run(seed);
    for (int i = 0; i < 300; ++i) {
      std::string m = seed;
      if (!m.empty()) m[next() % m.size()] = char(next());
      if (next() % 2 && !m.empty()) m.resize(next() % m.size());
      if (next() % 3 == 0) m += seed;
      run(m);
    }
  }
}
