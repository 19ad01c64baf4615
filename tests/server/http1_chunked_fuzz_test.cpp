// http1_chunked_fuzz_test.cpp — the chunked fuzz target's properties (chunked_check.h) over its seed corpus
// and a fixed set of deterministic mutations of it, so every build checks them (libFuzzer needs clang).
#include <catch2/catch.hpp>

#include <string>

#include "chunked_check.h"
#include "corpus_replay.h"

namespace {

const char* const kTokens[] = {"\r\n", "\n", "\r", "0\r\n\r\n", ";", "=", " ", "\t", "\"", "\\", ": ", "ff",
                               "10000000000000000", "X: 1\r\n", " fold\r\n", "\x7f", "\xff"};

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
  dxs_test::replay_corpus(DXS_CHUNKED_CORPUS_DIR, 0x2545F4914F6CDD1Dull, kTokens, check);
}
