// String.prototype methods and Array.prototype.join against node: every function runs on edge-case and random
// inputs (empty strings, Latin-1 and two-byte storage, astral characters, lone surrogates, whitespace of every
// kind, `$` patterns, odd index values: -0, NaN, ±Infinity, fractions, huge) and must return exactly what V8
// returns (js_oracle.js). RangeErrors are `fatal` in the runtime; here the fatal hook throws and the test
// expects node to throw a RangeError too.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "arena.h"
#include "entry.h"
#include "harness.h"
#include "objects.h"
#include "oracle.h"
#include "platform.h"
#include "str.h"

extern "C" {
uint32_t dx_str_char_at(uint32_t s, double i);
uint32_t dx_str_index(uint32_t s, double i);
double dx_str_char_code_at(uint32_t s, double i);
uint32_t dx_str_slice(uint32_t s, double a, double b);
uint32_t dx_str_substring(uint32_t s, double a, double b);
double dx_str_index_of(uint32_t s, uint32_t t, double from);
double dx_str_last_index_of(uint32_t s, uint32_t t, double from);
uint32_t dx_str_includes(uint32_t s, uint32_t t, double from);
uint32_t dx_str_starts_with(uint32_t s, uint32_t t, double pos);
uint32_t dx_str_ends_with(uint32_t s, uint32_t t, double end);
uint32_t dx_str_trim(uint32_t s);
uint32_t dx_str_trim_start(uint32_t s);
uint32_t dx_str_trim_end(uint32_t s);
uint32_t dx_str_repeat(uint32_t s, double n);
uint32_t dx_str_pad_start(uint32_t s, double len, uint32_t fill);
uint32_t dx_str_pad_end(uint32_t s, double len, uint32_t fill);
uint32_t dx_str_replace(uint32_t s, uint32_t pattern, uint32_t rep);
uint32_t dx_str_replace_all(uint32_t s, uint32_t pattern, uint32_t rep);
uint32_t dx_str_split(uint32_t s, uint32_t sep);
uint32_t dx_array_join(uint32_t arr, uint32_t sep);
uint32_t dx_new_array(uint32_t elem_kind, uint32_t length);
void dx_array_push_f64(uint32_t arr, double v);
void dx_array_push_i32(uint32_t arr, uint32_t v);
}

namespace rt = dx::rt;
using dxt::enc_num;
using dxt::enc_ref_arr;
using dxt::enc_ref_str;
using dxt::enc_str;

namespace {

struct FatalThrows {
  FatalThrows() {
    rt::native::reset();
    rt::runtime_init(0x20000);
    rt::native::hooks.fatal = [](const char* what) { throw std::runtime_error(what); };
  }
  ~FatalThrows() { rt::native::hooks.fatal = nullptr; }
};

const double kInf = std::numeric_limits<double>::infinity();
const std::vector<double> kIndexes = {0.0, -0.0, 1, 2, 3, 4, -1, -2, -3, 1.5, -1.5, 2.7, -0.5, 0.9,
                                      std::nan(""), kInf, -kInf, 100, -100, 1e20, -1e20, 4294967296.0,
                                      4294967297.0, -4294967295.0};

// Alphabet for random strings: ASCII, `$` substitution characters, Latin-1, every kind of JS whitespace and
// some that is not (U+0085, U+180E, U+200B), two-byte, a surrogate pair's halves (so pairs and lone ones).
const std::u16string kAlphabet = u"ab$&`'A \t\n\r\v\f\u00A0\u00E9\u00FF\u0085\u1680\u180E\u2000\u200A\u200B\u2028"
                                 u"\u2029\u202F\u205F\u3000\uFEFF\u20AC\u0130\u00DF\u03A3\xD83D\xDE00";

struct Gen {
  std::mt19937 rng{20261122};
  std::u16string str(int max_len) {
    std::u16string s;
    int n = int(rng() % uint32_t(max_len + 1));
    for (int i = 0; i < n; ++i) {
      uint32_t pick = rng() % 3;
      // Bias toward a few characters so that patterns match often.
      s += pick == 0 ? u"ab"[rng() % 2] : kAlphabet[rng() % kAlphabet.size()];
    }
    return s;
  }
  double index() {
    if (rng() % 2) return kIndexes[rng() % kIndexes.size()];
    return double(int(rng() % 13) - 4);
  }
};

struct Case {
  std::string line;
  std::function<std::string()> run;
};

std::string guarded(const std::function<std::string()>& f) {
  try {
    return f();
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    return what.rfind("RangeError", 0) == 0 ? "eRangeError" : "fatal: " + what;
  }
}

void check_all(const std::vector<Case>& cases) {
  std::vector<std::string> lines;
  for (const auto& c : cases) lines.push_back(c.line);
  std::vector<std::string> expected = dxt::run_oracle(lines);
  size_t mismatches = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string got = guarded(cases[i].run);
    if (got != expected[i] && ++mismatches <= 20)
      FAIL_CHECK(cases[i].line << "\n  runtime: " << got << "\n  node:    " << expected[i]);
    if (i % 512 == 0) rt::arena_reset();
  }
  CHECK(mismatches == 0);
}

using S = std::u16string;
uint32_t mk(const S& s, bool wide = false) { return dxt::make_str16(s, wide); }

}  // namespace

TEST_CASE("str ops: indexing, slicing and searching match node", "[str][node]") {
  FatalThrows env;
  Gen g;
  std::vector<Case> cases;
  const std::vector<S> fixed = {u"", u"a", u"abc", u"h\u00E9llo", u"\u20AC12", u"a\U0001F600b", u"\xD83D",
                                u"\xDE00x", u"aaa", u"abab"};
  std::vector<std::pair<S, bool>> strs;
  for (const S& s : fixed) strs.push_back({s, false});
  for (int i = 0; i < 300; ++i) strs.push_back({g.str(8), i % 3 == 0});
  for (const auto& [s, wide] : strs) {
    const S s1 = s;
    const bool w = wide;
    for (int k = 0; k < 4; ++k) {
      double a = g.index(), b = g.index();
      std::string sa = enc_str(s1), na = enc_num(a), nb = enc_num(b);
      cases.push_back({"charAt\t" + sa + "\t" + na, [=] {
                         uint32_t r = dx_str_char_at(mk(s1, w), a);
                         return enc_ref_str(r);
                       }});
      cases.push_back({"index\t" + sa + "\t" + na, [=] {
                         uint32_t r = dx_str_index(mk(s1, w), a);
                         return r ? enc_ref_str(r) : std::string("u");  // 0 = undefined
                       }});
      cases.push_back({"charCodeAt\t" + sa + "\t" + na, [=] { return enc_num(dx_str_char_code_at(mk(s1, w), a)); }});
      cases.push_back({"slice\t" + sa + "\t" + na + "\t" + nb,
                       [=] { return enc_ref_str(dx_str_slice(mk(s1, w), a, b)); }});
      cases.push_back({"substring\t" + sa + "\t" + na + "\t" + nb,
                       [=] { return enc_ref_str(dx_str_substring(mk(s1, w), a, b)); }});
      // Searching: the needle is often a piece of the haystack.
      S t = g.rng() % 2 && !s1.empty() ? s1.substr(g.rng() % s1.size(), g.rng() % 3) : g.str(2);
      std::string st = enc_str(t);
      cases.push_back({"indexOf\t" + sa + "\t" + st + "\t" + na,
                       [=] { return enc_num(dx_str_index_of(mk(s1, w), mk(t), a)); }});
      cases.push_back({"lastIndexOf\t" + sa + "\t" + st + "\t" + na,
                       [=] { return enc_num(dx_str_last_index_of(mk(s1, w), mk(t), a)); }});
      cases.push_back({"includes\t" + sa + "\t" + st + "\t" + na,
                       [=] { return dxt::enc_bool(dx_str_includes(mk(s1, w), mk(t), a)); }});
      cases.push_back({"startsWith\t" + sa + "\t" + st + "\t" + na,
                       [=] { return dxt::enc_bool(dx_str_starts_with(mk(s1, w), mk(t), a)); }});
      cases.push_back({"endsWith\t" + sa + "\t" + st + "\t" + na,
                       [=] { return dxt::enc_bool(dx_str_ends_with(mk(s1, w), mk(t, w), a)); }});
    }
    // Omitted arguments as the compiler passes them: end = +Infinity, position = 0, lastIndexOf NaN, endsWith +Infinity.
    std::string sa = enc_str(s1);
    S t = s1.size() > 1 ? s1.substr(1, 1) : u"a";
    cases.push_back({"slice\t" + sa + "\tn0000000000000000\tu", [=] { return enc_ref_str(dx_str_slice(mk(s1), 0, kInf)); }});
    cases.push_back({"lastIndexOf\t" + sa + "\t" + enc_str(t) + "\tu",
                     [=] { return enc_num(dx_str_last_index_of(mk(s1), mk(t), std::nan(""))); }});
    cases.push_back({"endsWith\t" + sa + "\t" + enc_str(t) + "\tu",
                     [=] { return dxt::enc_bool(dx_str_ends_with(mk(s1), mk(t), kInf)); }});
  }
  check_all(cases);
}

TEST_CASE("str ops: trim, repeat, pad, replace, split and join match node", "[str][node]") {
  FatalThrows env;
  Gen g;
  std::vector<Case> cases;
  // Every code unit below U+3001 and U+FEFF..U+FFFF through trim (the whitespace set is exact).
  for (uint32_t u = 0; u < 0x10000; ++u) {
    if (u > 0x3001 && u < 0xFEFF) continue;
    S s = S(u"x") + char16_t(u) + u"y" + char16_t(u);
    S s2 = S(1, char16_t(u)) + u"z" + char16_t(u);
    cases.push_back({"trim\t" + enc_str(s2), [=] { return enc_ref_str(dx_str_trim(mk(s2))); }});
    cases.push_back({"trimEnd\t" + enc_str(s), [=] { return enc_ref_str(dx_str_trim_end(mk(s))); }});
  }
  const std::vector<double> counts = {0, -0.0, 1, 2, 3, 2.5, 7, -1, -0.5, std::nan(""), kInf, -kInf, 1e9, 1e10};
  for (int i = 0; i < 400; ++i) {
    S s = g.str(6), f = g.str(3), p = g.rng() % 2 && !s.empty() ? s.substr(g.rng() % s.size(), 1 + g.rng() % 2) : g.str(2);
    S r = g.str(4);
    if (i % 4 == 0) r = u"[$&|$`|$'|$$|$1|$<x>|$]";
    bool w = i % 5 == 0;
    std::string ss = enc_str(s);
    double c = i < int(counts.size()) ? counts[size_t(i)] : double(g.rng() % 5);
    double len = g.index() + (g.rng() % 2 ? double(g.rng() % 12) : 0.0);
    cases.push_back({"trimStart\t" + ss, [=] { return enc_ref_str(dx_str_trim_start(mk(s, w))); }});
    cases.push_back({"repeat\t" + ss + "\t" + enc_num(c), [=] { return enc_ref_str(dx_str_repeat(mk(s, w), c)); }});
    cases.push_back({"padStart\t" + ss + "\t" + enc_num(len) + "\t" + enc_str(f),
                     [=] { return enc_ref_str(dx_str_pad_start(mk(s, w), len, mk(f))); }});
    cases.push_back({"padEnd\t" + ss + "\t" + enc_num(len) + "\t" + enc_str(f),
                     [=] { return enc_ref_str(dx_str_pad_end(mk(s, w), len, mk(f, w))); }});
    cases.push_back({"replace\t" + ss + "\t" + enc_str(p) + "\t" + enc_str(r),
                     [=] { return enc_ref_str(dx_str_replace(mk(s, w), mk(p), mk(r))); }});
    cases.push_back({"replaceAll\t" + ss + "\t" + enc_str(p) + "\t" + enc_str(r),
                     [=] { return enc_ref_str(dx_str_replace_all(mk(s), mk(p, w), mk(r))); }});
    cases.push_back({"split\t" + ss + "\t" + enc_str(p), [=] { return enc_ref_arr(dx_str_split(mk(s, w), mk(p))); }});
    // join: of the split pieces, and of numbers.
    S sep = g.str(2);
    cases.push_back({"join\t" + dxt::enc_arr({enc_str(s), enc_str(p), enc_str(f)}) + "\t" + enc_str(sep), [=] {
                       uint32_t a = dx_new_array(rt::kElemString, 0);
                       dx_array_push_i32(a, mk(s));
                       dx_array_push_i32(a, mk(p, true));
                       dx_array_push_i32(a, mk(f));
                       return enc_ref_str(dx_array_join(a, mk(sep)));
                     }});
    std::vector<double> nums;
    for (uint32_t k = 0, n = g.rng() % 4; k < n; ++k) nums.push_back(g.rng() % 2 ? g.index() : double(g.rng()) / 7.0);
    std::vector<std::string> enc;
    for (double v : nums) enc.push_back(enc_num(v));
    cases.push_back({"join\t" + dxt::enc_arr(enc) + "\t" + enc_str(sep), [=] {
                       uint32_t a = dx_new_array(rt::kElemNumber, 0);
                       for (double v : nums) dx_array_push_f64(a, v);
                       return enc_ref_str(dx_array_join(a, mk(sep)));
                     }});
  }
  // Fixed cases: empty separators and patterns, whole-string matches, length limits.
  const std::vector<std::pair<S, S>> pairs = {{u"", u""}, {u"", u"a"}, {u"abc", u""}, {u"a\U0001F600", u""},
                                              {u"aaa", u"aa"}, {u"abc", u"abc"}, {u"a,b,,c,", u","}};
  for (const auto& [s, p] : pairs) {
    cases.push_back({"split\t" + enc_str(s) + "\t" + enc_str(p), [=] { return enc_ref_arr(dx_str_split(mk(s), mk(p))); }});
    cases.push_back({"replaceAll\t" + enc_str(s) + "\t" + enc_str(p) + "\ts5f",
                     [=] { return enc_ref_str(dx_str_replace_all(mk(s), mk(p), mk(u"_"))); }});
    cases.push_back({"replace\t" + enc_str(s) + "\t" + enc_str(p) + "\ts005f",
                     [=] { return enc_ref_str(dx_str_replace(mk(s), mk(p), mk(u"_"))); }});
  }
  cases.push_back({"repeat\ts0061\t" + enc_num(1e9), [] { return enc_ref_str(dx_str_repeat(mk(u"a"), 1e9)); }});
  cases.push_back({"repeat\ts\t" + enc_num(1e12), [] { return enc_ref_str(dx_str_repeat(mk(u""), 1e12)); }});
  cases.push_back({"repeat\ts\t" + enc_num(kInf), [] { return enc_ref_str(dx_str_repeat(mk(u""), kInf)); }});
  cases.push_back({"padEnd\ts0061\t" + enc_num(1e10) + "\ts", [] { return enc_ref_str(dx_str_pad_end(mk(u"a"), 1e10, mk(u""))); }});
  cases.push_back({"padEnd\ts0061\t" + enc_num(1e10) + "\ts0062",
                   [] { return enc_ref_str(dx_str_pad_end(mk(u"a"), 1e10, mk(u"b"))); }});
  check_all(cases);
}

TEST_CASE("str ops: charAt gives the empty string out of range, results keep one-byte storage when they can", "[str]") {
  FatalThrows env;
  uint32_t s = mk(u"ab\u20AC");
  CHECK(dx_str_char_at(s, 3) == rt::str_empty());  // "", not the Ref 0 (undefined in a `string | undefined`)
  CHECK(dx_str_char_at(s, -1) == rt::str_empty());
  CHECK(dx_str_char_at(0, 0) == rt::str_empty());
  CHECK(dxt::read_units(dx_str_char_at(s, 2)) == u"\u20AC");
  uint32_t used = rt::arena_used();  // one-unit Latin-1 results are static strings: no allocation
  CHECK(dxt::read_units(dx_str_char_at(s, 1)) == u"b");
  CHECK(dx_str_index(s, 0) == dx_str_char_at(mk(u"xa"), 1));
  CHECK(rt::arena_used() == used + 16);  // only mk's string
  CHECK(dx_str_index(s, -0.0) != 0);
  CHECK(dx_str_index(s, 0.5) == 0);
  CHECK(!rt::str_wide(dx_str_replace(mk(u"a\u20AC"), mk(u"\u20AC"), mk(u"b"))));
  CHECK(dx_str_trim(s) == s);  // nothing to trim: the same string
  // Arrays of arrays join their elements as String(inner) = inner.join(","); booleans as true/false.
  uint32_t outer = dx_new_array(rt::kElemArray, 0), a = dx_new_array(rt::kElemNumber, 0);
  dx_array_push_f64(a, 1);
  dx_array_push_f64(a, -0.0);
  dx_array_push_i32(outer, a);
  dx_array_push_i32(outer, dx_new_array(rt::kElemNumber, 0));
  dx_array_push_i32(outer, 0);
  dx_array_push_i32(outer, a);
  CHECK(dxt::read_units(dx_array_join(outer, mk(u"-"))) == u"1,0---1,0");
  uint32_t flags = dx_new_array(rt::kElemU32, 0);
  dx_array_push_i32(flags, 1);
  dx_array_push_i32(flags, 0);
  CHECK(dxt::read_units(dx_array_join(flags, mk(u","))) == u"true,false");
  CHECK(dxt::read_units(dx_array_join(0, mk(u","))) == u"");
}
