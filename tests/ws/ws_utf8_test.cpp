// ws_utf8_test.cpp — dxs::ws::Utf8Validator against dx::schema::valid_utf8 (the oracle): every 1- and
// 2-byte sequence, boundary code points, random sequences, and every split of each into two pieces.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dx/schema/bytes.h"
#include "dxs/ws/utf8.h"

using dxs::ws::Utf8Validator;

namespace {

bool incremental(const std::string& s, size_t split) {
  Utf8Validator v;
  auto* p = reinterpret_cast<const uint8_t*>(s.data());
  v.feed(p, split);
  v.feed(p + split, s.size() - split);
  return v.complete();
}

bool oracle(const std::string& s) {
  return dx::schema::valid_utf8(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()));
}

void agree(const std::string& s) {
  bool want = oracle(s);
  for (size_t k = 0; k <= s.size(); ++k) {
    if (incremental(s, k) != want) {
      CAPTURE(s, k, want);
      FAIL("incremental validator disagrees with valid_utf8");
    }
  }
}

}  // namespace

TEST_CASE("ws: utf8 validator agrees with valid_utf8 on every 1- and 2-byte input", "[ws][utf8]") {
  for (int a = 0; a < 256; ++a) {
    agree(std::string(1, char(a)));
    for (int b = 0; b < 256; ++b) agree(std::string{char(a), char(b)});
  }
}

TEST_CASE("ws: utf8 validator at the boundaries of each encoding length", "[ws][utf8]") {
  const char* cases[] = {
      "\x7F", "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
      "\xC1\xBF", "\xE0\x9F\xBF", "\xED\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xEE\x80\x80",
      "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xE2\x82\xAC\xAC",
      "\xF0\x9F\x98\x80 ok",
  };
  for (const char* c : cases) agree(c);
  Utf8Validator v;
  CHECK(v.complete());
  CHECK(v.feed(reinterpret_cast<const uint8_t*>("\xE2"), 1));
  CHECK(v.ok());
  CHECK_FALSE(v.complete());
  CHECK_FALSE(v.feed(reinterpret_cast<const uint8_t*>("A"), 1));  // a lead byte where a continuation must be
  CHECK_FALSE(v.feed(reinterpret_cast<const uint8_t*>("A"), 1));  // sticky
  v.reset();
  CHECK(v.complete());
}

TEST_CASE("ws: utf8 validator agrees with valid_utf8 on random mixes of code points and junk", "[ws][utf8]") {
  const char* atoms[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x80", "\xC3", "\xED\xA0\x80",
                         "\xF4\x90", "\xFF", "\xE0\x80\x80", "\x00"};
  uint64_t rng = 12345;
  auto next = [&rng] { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; };
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    int n = int(next() % 6);
    for (int k = 0; k < n; ++k) {
      const char* a = atoms[next() % (std::size(atoms) - (i % 3 == 0 ? 0 : 7))];  // mostly valid atoms
      s += a[0] ? std::string(a) : std::string(1, '\0');
    }
    agree(s);
  }
}
