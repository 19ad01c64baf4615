// http1_chunked_fuzz_test.cpp — the chunked fuzz target's properties (chunked_check.h) over its seed corpus
// and a fixed set of deterministic mutations of it, so every build checks them (libFuzzer needs clang).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "chunked_check.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> seeds() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(DXS_CHUNKED_CORPUS_DIR)) {
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

struct Rng {
  uint64_t s = 0x2545F4914F6CDD1Dull;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  size_t below(size_t n) { return n ? size_t(next() % n) : 0; }
};

const char* const kTokens[] = {"\r\n", "\n", "\r", "0\r\n\r\n", ";", "=", " ", "\t", "\"", "\\", ": ", "ff",
                               "10000000000000000", "X: 1\r\n", " fold\r\n", "\x7f", "\xff"};

std::string mutate(std::string s, Rng& rng) {
  int steps = 1 + int(rng.below(4));
  for (int i = 0; i < steps; ++i) {
    size_t at = rng.below(s.size() + 1);
    switch (rng.below(4)) {
      case 0: s.insert(at, kTokens[rng.below(std::size(kTokens))]); break;
      case 1: if (!s.empty()) s[rng.below(s.size())] = char(rng.next()); break;
      case 2: s.erase(at, rng.below(8)); break;
      case 3: s.insert(at, s.substr(rng.below(s.size() + 1), rng.below(16))); break;
    }
  }
  return s;
}

void check(const std::string& in) {
  auto* p = reinterpret_cast<const uint8_t*>(in.data());
  dxs_test::check_chunked_input(p, in.size());
  dxs::http1::ChunkedLimits small;
  small.max_chunk_size = 64;
  small.max_size_digits = 3;
  small.max_line = 24;
  small.max_trailer_bytes = 32;
  dxs_test::check_chunked_input(p, in.size(), small);
}

}  // namespace

TEST_CASE("server: chunked fuzz properties hold on the corpus and its mutations", "[http1][chunked][fuzz]") {
  std::vector<std::string> corpus = seeds();
  REQUIRE(corpus.size() >= 5);
  Rng rng;
  size_t checked = 0;
  for (const std::string& seed : corpus) {
    check(seed);
    for (int i = 0; i < 400; ++i, ++checked) check(mutate(seed, rng));
  }
  CHECK(checked == corpus.size() * 400);
}
