// hbtp_channel_test.cpp — the server's protocol stack (runtime-server/src/hbtp/channel.h) without sockets:
// the properties of channel_check.h on the HBTP and WebSocket fuzz seed corpora and deterministic
// mutations of them (the libFuzzer target fuzz/hbtp_channel_fuzz.cpp checks the same on anything).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "channel_check.h"

namespace {

std::vector<std::string> seeds(const char* dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DX_TEST_SOURCE_DIR "/tests/fuzz/") + dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

// Each seed and 40 mutations of it, as the bytes a client sends, behind the selector byte `mode`.
void check_corpus(const std::vector<std::string>& corpus, char mode, size_t skip) {
  uint64_t rng = 0x9E3779B97F4A7C15ull;
  auto next = [&rng] { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; };
  auto run = [mode](const std::string& s) {
    std::string in = mode + s;
    dxs_test::check_channel_input(reinterpret_cast<const uint8_t*>(in.data()), in.size());
  };
  for (const std::string& whole : corpus) {
    std::string seed = whole.substr(std::min(skip, whole.size()));
    run(seed);
    for (int i = 0; i < 40; ++i) {
      std::string m = seed;
      if (!m.empty()) m[next() % m.size()] = char(next());
      if (next() % 2 && !m.empty()) m.resize(next() % m.size());
      if (next() % 3 == 0) m += seed;
      run(m);
    }
  }
}

}  // namespace

TEST_CASE("server hbtp: the raw channel answers the same however the bytes are split", "[server][hbtp][channel]") {
  std::vector<std::string> corpus = seeds("hbtp/corpus");
  REQUIRE(corpus.size() >= 5);
  check_corpus(corpus, 2, 1);  // after a Hello; a seed's first byte picks the codec fuzz target's limit
  check_corpus(corpus, 0, 1);  // without one
}

TEST_CASE("server ws: the WebSocket channel answers the same however the bytes are split", "[server][ws][channel]") {
  std::vector<std::string> corpus = seeds("ws/corpus");
  REQUIRE(corpus.size() >= 5);
  check_corpus(corpus, 1, 0);
}
