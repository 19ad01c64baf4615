// toUpperCase / toLowerCase against node for every code point (in chunks of 64 consecutive code points, so
// neighbours give Final_Sigma contexts too), for random strings built around Σ (cased letters, case-ignorables,
// letters that are both, astral letters, lone surrogates), and storage: Latin-1 results stay one-byte.
#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "arena.h"
#include "entry.h"
#include "harness.h"
#include "oracle.h"
#include "platform.h"
#include "str.h"

extern "C" {
uint32_t dx_str_to_upper(uint32_t s);
uint32_t dx_str_to_lower(uint32_t s);
}

namespace rt = dx::rt;

namespace {

struct Bare {
  Bare() {
    rt::native::reset();
    rt::runtime_init(0x20000);
  }
};

void append_cp(std::u16string& s, uint32_t cp) {
  if (cp >= 0x10000) {
    s += char16_t(0xD800 + ((cp - 0x10000) >> 10));
    s += char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    s += char16_t(cp);
  }
}

void check_strings(const std::vector<std::u16string>& strs) {
  std::vector<std::string> lines;
  for (const auto& s : strs) {
    lines.push_back("toUpperCase\t" + dxt::enc_str(s));
    lines.push_back("toLowerCase\t" + dxt::enc_str(s));
  }
  std::vector<std::string> expected = dxt::run_oracle(lines);
  size_t mismatches = 0;
  for (size_t i = 0; i < strs.size(); ++i) {
    uint32_t s = dxt::make_str16(strs[i]);
    std::string up = dxt::enc_ref_str(dx_str_to_upper(s)), lo = dxt::enc_ref_str(dx_str_to_lower(s));
    if (up != expected[2 * i] && ++mismatches <= 10)
      FAIL_CHECK("toUpperCase " << lines[2 * i] << "\n  runtime: " << up << "\n  node:    " << expected[2 * i]);
    if (lo != expected[2 * i + 1] && ++mismatches <= 10)
      FAIL_CHECK("toLowerCase " << lines[2 * i] << "\n  runtime: " << lo << "\n  node:    " << expected[2 * i + 1]);
    if (i % 256 == 0) rt::arena_reset();
  }
  CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("case mapping: every code point matches node", "[str][case][node]") {
  Bare bare;
  std::vector<std::u16string> strs;
  for (uint32_t base = 0; base < 0x110000; base += 64) {
    std::u16string s;
    for (uint32_t cp = base; cp < base + 64; ++cp)
      if (cp < 0xD800 || cp > 0xDFFF) append_cp(s, cp);
    strs.push_back(s);
  }
  check_strings(strs);
}

TEST_CASE("case mapping: Final_Sigma contexts and random strings match node", "[str][case][node]") {
  Bare bare;
  const std::vector<uint32_t> alphabet = {0x3A3, 0x3A3, 0x3C3, 0x3C2, 'A', 'a', ' ', '.', '\'', 0x345, 0x307, 0xAD,
                                          0x10400, 0x10428, 0xE0001, 0xD800, 0xDC00, 0xDF, 0x130, 0x1F0, 0xFB03,
                                          0x2BB, 0x1C5, 0xB5, 0xFF, 0x2C65};
  std::mt19937 rng(7);
  std::vector<std::u16string> strs;
  for (int i = 0; i < 20000; ++i) {
    std::u16string s;
    for (uint32_t k = 0, n = rng() % 7; k < n; ++k) append_cp(s, alphabet[rng() % alphabet.size()]);
    strs.push_back(s);
  }
  check_strings(strs);
}

TEST_CASE("case mapping: storage and identity", "[str][case]") {
  Bare bare;
  uint32_t s = dxt::make_str16(u"abc");
  CHECK(dx_str_to_lower(s) == s);  // nothing changes: the same string
  CHECK(!rt::str_wide(dx_str_to_upper(s)));
  CHECK(rt::str_wide(dx_str_to_upper(dxt::make_str16(u"\u00FF"))));  // ÿ → Ÿ (U+0178)
  CHECK(dxt::read_units(dx_str_to_upper(dxt::make_str16(u"stra\u00DFe"))) == u"STRASSE");
  CHECK(dxt::read_units(dx_str_to_lower(0)) == u"");
}
