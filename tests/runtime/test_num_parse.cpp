// Number(s), parseFloat(s) and parseInt(s, radix) against node: fixed edge cases (whitespace, signs, prefixes,
// Infinity, separators, overflow and underflow, the largest and smallest doubles), random doubles printed in
// many ways, exact decimal halfway points between neighbouring doubles (printed with glibc's exact %Le, then
// nudged by a trailing digit), very long digit strings, and parseInt over radices 2–36 and odd radix values.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "arena.h"
#include "entry.h"
#include "harness.h"
#include "oracle.h"
#include "platform.h"
#include "str.h"

extern "C" {
double dx_str_to_num(uint32_t s);
double dx_parse_float(uint32_t s);
double dx_parse_int(uint32_t s, double radix);
}

namespace rt = dx::rt;

namespace {

struct Bare {
  Bare() {
    rt::native::reset();
    rt::runtime_init(0x20000);
  }
};

std::u16string u16(const std::string& ascii) { return std::u16string(ascii.begin(), ascii.end()); }

struct NumCase {
  std::string op;
  std::u16string s;
  double radix = 0;
};

void check_cases(const std::vector<NumCase>& cases) {
  std::vector<std::string> lines;
  for (const auto& c : cases)
    lines.push_back(c.op + "\t" + dxt::enc_str(c.s) + (c.op == "parseInt" ? "\t" + dxt::enc_num(c.radix) : ""));
  std::vector<std::string> expected = dxt::run_oracle(lines);
  size_t mismatches = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    uint32_t s = dxt::make_str16(cases[i].s, i % 7 == 0);
    double v = cases[i].op == "Number" ? dx_str_to_num(s)
               : cases[i].op == "parseFloat" ? dx_parse_float(s)
                                             : dx_parse_int(s, cases[i].radix);
    std::string got = dxt::enc_num(v);
    if (got != expected[i] && ++mismatches <= 20)
      FAIL_CHECK(lines[i].substr(0, 300) << "\n  runtime: " << got << " (" << v << ")\n  node:    " << expected[i]);
    if (i % 1024 == 0) rt::arena_reset();
  }
  CHECK(mismatches == 0);
}

std::vector<std::u16string> edge_strings() {
  std::vector<std::string> a = {
      "", " ", "0", "-0", "+0", "00", "0.0", "-0.0", "1", "-1", "+1", "1.", ".1", ".", "+.", "-.5", "1e", "1e+",
      "1e-", "1e5", "1E5", "1e-5", "1e+5", "1.5e3", "1e400", "-1e400", "1e-400", "2.4703282292062327e-324",
      "2.4703282292062328e-324", "4.9406564584124654e-324", "5e-324", "1.7976931348623157e308",
      "1.7976931348623158e308", "1.7976931348623159e308", "1.797693134862315807e308", "0x1F", "0X1f", "0x", "0b101",
      "0B2", "0b", "0o17", "0O17", "0o8", "0o", "-0x1", "+0x1", "0x1g", "00x1", "Infinity", "-Infinity", "+Infinity",
      "infinity", "INFINITY", "Infinityx", "Infinit", "1_000", " 12 ", "12abc", "abc", "0x1FFFFFFFFFFFFF1",
      "0x1FFFFFFFFFFFFF0", "0x1FFFFFFFFFFFFF8", "0x1FFFFFFFFFFFFF9", "0x3FFFFFFFFFFFFF8", "9007199254740993",
      "9007199254740993.0000000000001", "9007199254740995", "  -0x10", "0x10", "1e1000000000000",
      "1e-1000000000000", "0e999999", "00012", "0.1e", "1..2", "1.2.3", "--1", "NaN", "-", "+", "e5", ".e5", "0.e5",
      "1e0005", "123456789012345678901234567890", "0.30000000000000004", "0.1", "2.2250738585072011e-308",
      "2.2250738585072012e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
      "0x" + std::string(300, 'f'), "0b" + std::string(1100, '1'), "1" + std::string(400, '0'),
      "1" + std::string(308, '0'), "17976931348623158" + std::string(292, '0'),
      "0." + std::string(400, '0') + "1", "1" + std::string(900, '0') + "e-900", std::string(1000, '9') + "e-1000",
      "4." + std::string(1000, '9'), "0.5" + std::string(900, '0') + "1", "  \t\n\r\v\f1\t", "1 2", "- 1", "1e+-5",
      "z", "0x0", "-0x0", "0b0", "36", "zz", "ZZ", "0X", "12.5px", "1e3.5", "077", "0xffffffff", "4294967306"};
  std::vector<std::u16string> out;
  for (const auto& s : a) out.push_back(u16(s));
  out.push_back(u"\u00A012\u3000");
  out.push_back(u"\uFEFF\u2028-3.5\u2029");
  out.push_back(u"\u180E12");
  out.push_back(u"\u008512");
  out.push_back(u"\u200B1");
  out.push_back(u"\uFF11");  // fullwidth digit
  out.push_back(u"1\xD800");
  return out;
}

}  // namespace

TEST_CASE("Number, parseFloat, parseInt: edge cases match node", "[num][parse][node]") {
  Bare bare;
  std::vector<NumCase> cases;
  const std::vector<double> radices = {0,  2,  8,  10, 16, 36, 1,  37, -1, std::nan(""), 16.9, 4294967306.0,
                                       -4294967280.0, 3, 7, 35, std::numeric_limits<double>::infinity(), 1e20};
  for (const auto& s : edge_strings()) {
    cases.push_back({"Number", s});
    cases.push_back({"parseFloat", s});
    for (double r : radices) cases.push_back({"parseInt", s, r});
  }
  check_cases(cases);
}

TEST_CASE("Number, parseFloat: random doubles and exact halfway points match node", "[num][parse][node]") {
  Bare bare;
  std::mt19937_64 rng(99);
  std::vector<NumCase> cases;
  char buf[1200];
  auto add = [&](const std::string& s) {
    cases.push_back({"Number", u16(s)});
    if (cases.size() % 3 == 0) cases.push_back({"parseFloat", u16(s + "x")});
  };
  for (int i = 0; i < 10000; ++i) {
    uint64_t bits = rng();
    double v;
    if (i % 4 == 0) bits &= 0x000FFFFFFFFFFFFFull;  // subnormals
    memcpy(&v, &bits, 8);
    if (!std::isfinite(v)) continue;
    int prec = int(rng() % 20) + 1;
    snprintf(buf, sizeof buf, "%.*e", prec, v);
    add(buf);
    snprintf(buf, sizeof buf, "%.17g", v);
    add(buf);
    // The exact midpoint to the next double up (long double holds it exactly), and nudged either way.
    double up = std::nextafter(v, std::numeric_limits<double>::infinity());
    if (!std::isfinite(up)) continue;
    long double mid = (static_cast<long double>(v) + static_cast<long double>(up)) / 2;
    snprintf(buf, sizeof buf, "%.780Le", mid);
    std::string m = buf;
    size_t e = m.find('e');
    std::string mant = m.substr(0, e), ex = m.substr(e);
    while (mant.size() > 3 && mant.back() == '0') mant.pop_back();
    add(mant + ex);
    add(mant + "0000001" + ex);
    std::string below = mant;  // mant minus one unit in its last place
    for (size_t k = below.size(); k-- > 0;) {
      if (below[k] == '.') continue;
      if (below[k] > '0') { --below[k]; break; }
      below[k] = '9';
    }
    add(below + "9999" + ex);
  }
  // Random decimal-looking strings: n digits, a point somewhere, an exponent.
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    if (rng() % 4 == 0) s += "-";
    for (int k = 0, n = int(rng() % 30) + 1; k < n; ++k) s += char('0' + rng() % 10);
    if (rng() % 2) s.insert(rng() % s.size() + (s[0] == '-' ? 1 : 0), ".");
    if (rng() % 2) s += "e" + std::to_string(int(rng() % 700) - 350);
    if (s == "." || s == "-.") continue;
    add(s);
  }
  check_cases(cases);
}

TEST_CASE("parseInt: random strings over every radix match node", "[num][parse][node]") {
  Bare bare;
  std::mt19937_64 rng(5);
  std::vector<NumCase> cases;
  const std::string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ";
  for (int i = 0; i < 30000; ++i) {
    std::string s;
    if (rng() % 5 == 0) s += " ";
    if (rng() % 4 == 0) s += rng() % 2 ? "-" : "+";
    if (rng() % 6 == 0) s += "0x";
    int len = rng() % 3 == 0 ? int(rng() % 90) : int(rng() % 12);
    int radix = i % 40 == 0 ? 0 : int(2 + rng() % 35);
    for (int k = 0; k < len; ++k) {
      // Mostly valid digits for the radix, so long values exercise rounding.
      int d = int(rng() % uint64_t(radix ? radix : 10));
      s += rng() % 20 == 0 ? alphabet[rng() % alphabet.size()] : alphabet[size_t(d)];
    }
    cases.push_back({"parseInt", u16(s), double(radix)});
  }
  check_cases(cases);
}
