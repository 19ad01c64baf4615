// http1_fuzz_test.cpp — the fuzz target's properties (parser_check.h) over the seed corpus and a fixed set
// of deterministic mutations of it, so every build checks them (libFuzzer needs clang: fuzz/).
#include <catch2/catch.hpp>

#include <string>

#include "corpus_replay.h"
#include "parser_check.h"

namespace {

const char* const kTokens[] = {"\r\n", "\r\n\r\n", "\n", "\r", ": ", " ", "..", "%2e", "%2f", "%5c", "%00", "%",
                               "/", "//", "?", "#", "\\", "Host: a\r\n", "Content-Length: 1\r\n", "HTTP/1.0",
                               "W/\"x\"", "\x01", std::string("\0", 1).c_str(), "\xff"};

void check(const std::string& in) {
  auto* p = reinterpret_cast<const uint8_t*>(in.data());
  dxs_test::check_parser_input(p, in.size());
  dxs::http1::Limits small;
  small.max_head_bytes = 64;
  small.max_headers = 2;
  dxs_test::check_parser_input(p, in.size(), small);
}

}  // namespace

TEST_CASE("server: http1 fuzz properties hold on the corpus and its mutations", "[http1][fuzz]") {
  dxs_test::replay_corpus(DXS_FUZZ_CORPUS_DIR, 0x9E3779B97F4A7C15ull, kTokens, check);
}
