// ws_fuzz_replay_test.cpp — replays the libFuzzer seed corpus (tests/fuzz/ws/corpus) through the fuzz
// target's properties, plus deterministic mutations of each seed, so every build checks them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ws_check.h"

TEST_CASE("ws: fuzz seed corpus and its mutations keep the decoder properties", "[ws][fuzz]") {
  std::vector<std::string> corpus;
  for (const auto& e : std::filesystem::directory_iterator(DX_TEST_SOURCE_DIR "/tests/fuzz/ws/corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(corpus.size() >= 8);
  uint64_t rng = 0x9E3779B97F4A7C15ull;
  auto next = [&rng] { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; };
  auto check = [](const std::string& s) {
    dx_ws_test::check_fuzz_input(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  for (const std::string& seed : corpus) {
    check(seed);
    if (seed.size() > 4096) continue;  // large seeds are checked as they are (mutations would be slow)
    for (int i = 0; i < 200; ++i) {
      std::string m = seed;
      if (m.size() > 1) m[1 + next() % (m.size() - 1)] = char(next());
      if (next() % 2 && m.size() > 1) m.resize(1 + next() % (m.size() - 1));
      if (next() % 3 == 0) m += seed.substr(1);
      check(m);
    }
  }
}
