// corpus_replay.h — what the Catch2 stand-ins for the libFuzzer targets share (http1_fuzz_test.cpp,
// http1_chunked_fuzz_test.cpp): read a seed corpus, mutate each seed deterministically (xorshift from a
// fixed state), and run the target's property check on every seed and every mutation, so builds without
// clang still check the fuzz properties.
#pragma once
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

namespace dxs_test {

inline std::vector<std::string> read_corpus(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

struct MutationRng {
  uint64_t s;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  size_t below(size_t n) { return n ? size_t(next() % n) : 0; }
};

// 1–4 edits: insert a token, overwrite a byte, erase a run, or duplicate a slice of the input.
inline std::string mutate(std::string s, MutationRng& rng, std::span<const char* const> tokens) {
  int steps = 1 + int(rng.below(4));
  for (int i = 0; i < steps; ++i) {
    size_t at = rng.below(s.size() + 1);
    switch (rng.below(4)) {
      case 0: s.insert(at, tokens[rng.below(tokens.size())]); break;
      case 1: if (!s.empty()) s[rng.below(s.size())] = char(rng.next()); break;
      case 2: s.erase(at, rng.below(8)); break;
      case 3: s.insert(at, s.substr(rng.below(s.size() + 1), rng.below(16))); break;
    }
  }
  return s;
}

// `check` on every seed of `dir` (at least 5) and `per_seed` mutations of each.
template <class Check>
void replay_corpus(const std::filesystem::path& dir, uint64_t rng_state, std::span<const char* const> tokens,
                   Check check, int per_seed = 400) {
  std::vector<std::string> corpus = read_corpus(dir);
  REQUIRE(corpus.size() >= 5);
  MutationRng rng{rng_state};
  size_t checked = 0;
  for (const std::string& seed : corpus) {
    check(seed);
    for (int i = 0; i < per_seed; ++i, ++checked) check(mutate(seed, rng, tokens));
  }
  CHECK(checked == corpus.size() * size_t(per_seed));
}

}  // namespace dxs_test
