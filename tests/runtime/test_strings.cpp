// Strings: Latin-1 / UTF-16 storage, concat, equality and ordering by code units, UTF-8 both ways, and
// dx_num_rem (JS %) against known values.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "abi.h"
#include "entry.h"
#include "harness.h"
#include "str.h"

namespace rt = dx::rt;
using dxt::read_str;
using dxt::read_units;

namespace {

struct Bare {
  Bare() {
    rt::native::reset();
    rt::runtime_init(0x20000);
  }
};

// A runtime string made from UTF-8, through the runtime's decoder.
uint32_t make(const std::string& utf8) {
  return rt::str_from_utf8(reinterpret_cast<const uint8_t*>(utf8.data()), uint32_t(utf8.size()));
}

std::string to_utf8(uint32_t s) {
  std::string out(rt::utf8_size(s), '\0');
  uint32_t n = rt::write_utf8(s, reinterpret_cast<uint8_t*>(out.data()));
  REQUIRE(n == out.size());
  return out;
}

}  // namespace

TEST_CASE("strings: storage width follows the code points", "[str]") {
  Bare bare;
  uint32_t ascii = make("hello"), latin = make("caf\xC3\xA9"), wide = make("\xE2\x82\xAC 5");
  CHECK(!rt::str_wide(ascii));
  CHECK(!rt::str_wide(latin));  // é = U+00E9 fits one byte
  CHECK(rt::str_len(latin) == 4);
  CHECK(rt::str_wide(wide));    // € = U+20AC
  CHECK(rt::str_len(wide) == 3);
  CHECK(read_units(wide) == u"\u20AC 5");
  uint32_t astral = make("a\xF0\x9F\x98\x80" "b");  // U+1F600 is a surrogate pair
  CHECK(rt::str_len(astral) == 4);
  CHECK(read_units(astral) == std::u16string(u"a\U0001F600b"));
  CHECK(rt::str_len(0) == 0);
  CHECK(make("") == rt::str_empty());
}

TEST_CASE("strings: concat keeps one-byte storage when both are one-byte", "[str]") {
  Bare bare;
  uint32_t a = make("abc"), b = make("d\xC3\xA9"), w = make("\xE2\x82\xAC");
  uint32_t ab = dx_str_concat(a, b);
  CHECK(!rt::str_wide(ab));
  CHECK(read_str(ab) == "abcd\xC3\xA9");
  uint32_t aw = dx_str_concat(a, w), wa = dx_str_concat(w, b);
  CHECK(rt::str_wide(aw));
  CHECK(read_units(aw) == u"abc\u20AC");
  CHECK(read_units(wa) == u"\u20ACd\u00E9");
  CHECK(dx_str_concat(a, 0) == a);          // null reads as ""
  CHECK(dx_str_concat(0, b) == b);
  CHECK(dx_str_concat(make(""), a) == a);
  CHECK(read_str(dx_str_concat(0, 0)).empty());
}

TEST_CASE("strings: eq and cmp by UTF-16 code units, across storage widths", "[str]") {
  Bare bare;
  uint32_t a1 = make("caf\xC3\xA9");
  uint32_t a2 = dx_str_concat(make("\xE2\x82\xAC"), a1);  // two-byte storage
  uint32_t tail = rt::str_alloc(4, true);                   // "café" stored two-byte
  const char16_t cafe[] = u"caf\u00E9";
  for (int i = 0; i < 4; ++i) rt::st16(tail + 12 + 2 * i, cafe[i]);
  CHECK(dx_str_eq(a1, tail) == 1);
  CHECK(dx_str_eq(tail, a1) == 1);
  CHECK(dx_str_eq(a1, a2) == 0);
  CHECK(dx_str_eq(0, make("")) == 1);
  CHECK(dx_str_eq(make("ab"), make("abc")) == 0);
  CHECK(dx_str_cmp(a1, tail) == 0);
  CHECK(int32_t(dx_str_cmp(make("ab"), make("abc"))) == -1);
  CHECK(int32_t(dx_str_cmp(make("b"), make("abc"))) == 1);
  CHECK(int32_t(dx_str_cmp(make(""), make("a"))) == -1);
  // Code-unit order, not code-point order: U+FF5E > U+1F600's lead surrogate 0xD83D? No: 0xFF5E > 0xD83D.
  CHECK(int32_t(dx_str_cmp(make("\xEF\xBD\x9E"), make("\xF0\x9F\x98\x80"))) == 1);
  CHECK(int32_t(dx_str_cmp(make("\xC3\xA9"), make("\xE2\x82\xAC"))) == -1);  // 0xE9 < 0x20AC
}

TEST_CASE("strings: UTF-8 round trip, astral characters and lone surrogates", "[str]") {
  Bare bare;
  const std::string samples[] = {"", "plain ascii", "caf\xC3\xA9 \xC3\xBF", "\xE2\x82\xAC\xE4\xB8\xAD\xE6\x96\x87",
                                 "\xF0\x9F\x98\x80 smile \xF0\x9D\x84\x9E", std::string("nul\0inside", 10),
                                 "\xEF\xBB\xBF" "bom first"};
  for (const std::string& s : samples) {
    uint32_t r = make(s);
    CHECK(to_utf8(r) == s);
    CHECK(read_str(r) == s);
  }
  // A lone surrogate (possible in JS strings) is written as U+FFFD, like TextEncoder.
  uint32_t lone = rt::str_alloc(3, true);
  rt::st16(lone + 12, 'x');
  rt::st16(lone + 14, 0xD800);
  rt::st16(lone + 16, 'y');
  CHECK(to_utf8(lone) == "x\xEF\xBF\xBDy");
  uint32_t trailing = rt::str_alloc(1, true);
  rt::st16(trailing + 12, 0xDC00);
  CHECK(to_utf8(trailing) == "\xEF\xBF\xBD");
  // Malformed input decodes like TextDecoder: one U+FFFD per maximal subpart.
  CHECK(read_units(make("a\xFF" "b")) == u"a\uFFFDb");
  CHECK(read_units(make("\xE2\x82")) == u"\uFFFD");
  CHECK(read_units(make("\xED\xA0\x80")) == u"\uFFFD\uFFFD\uFFFD");  // encoded surrogate
  CHECK(read_units(make("\xC0\xAF")) == u"\uFFFD\uFFFD");              // overlong
  CHECK(read_units(make("\xF0\x9F\x98")) == u"\uFFFD");
}

TEST_CASE("strings: random code points survive UTF-16 to UTF-8 to UTF-16", "[str]") {
  Bare bare;
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::u16string units;
    for (int i = 0, n = int(rng() % 40); i < n; ++i) {
      uint32_t cp = rng() % 4 == 0 ? 0x10000 + rng() % 0x100000 : rng() % 0xD800;
      if (cp >= 0x10000) {
        units += char16_t(0xD800 + ((cp - 0x10000) >> 10));
        units += char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        units += char16_t(cp);
      }
    }
    uint32_t s = rt::str_alloc(uint32_t(units.size()), true);
    for (size_t i = 0; i < units.size(); ++i) rt::st16(s + 12 + 2 * uint32_t(i), units[i]);
    std::string utf8 = to_utf8(s);
    CHECK(utf8 == dxt::utf16_to_utf8(units));
    CHECK(read_units(make(utf8)) == units);
    CHECK(dx_str_eq(make(utf8), s) == 1);
  }
}

TEST_CASE("dx_num_rem is JavaScript's %", "[num]") {
  const double inf = std::numeric_limits<double>::infinity();
  auto same = [](double a, double b) { return std::memcmp(&a, &b, 8) == 0 || (a != a && b != b); };
  struct Case { double a, b, r; };
  const Case cases[] = {
      {5, 3, 2}, {-5, 3, -2}, {5, -3, 2}, {-5, -3, -2}, {5.5, 2, 1.5}, {-0.0, 3, -0.0}, {0.0, -3, 0.0},
      {6, 3, 0}, {-6, 3, -0.0}, {1, inf, 1}, {-1, -inf, -1}, {0.3, 0.1, 0.09999999999999998},
      {1e308, 1e-308, std::fmod(1e308, 1e-308)}, {5e-324, 3e-324, std::fmod(5e-324, 3e-324)},
      {7.25, 0.5, 0.25}, {1e17, 3, std::fmod(1e17, 3)},
  };
  for (const Case& c : cases) {
    INFO(c.a << " % " << c.b);
    CHECK(same(dx_num_rem(c.a, c.b), c.r));
  }
  CHECK(std::isnan(dx_num_rem(1, 0)));
  CHECK(std::isnan(dx_num_rem(inf, 2)));
  CHECK(std::isnan(dx_num_rem(std::nan(""), 2)));
  CHECK(std::isnan(dx_num_rem(2, std::nan(""))));
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {  // fmod is exact, so libm's is a reference
    uint64_t ba = rng(), bb = i % 3 ? rng() : rng() >> (rng() % 64);
    double a, b;
    std::memcpy(&a, &ba, 8);
    std::memcpy(&b, &bb, 8);
    if (!same(dx_num_rem(a, b), std::fmod(a, b))) FAIL_CHECK(a << " % " << b);
  }
}
