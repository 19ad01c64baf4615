// dx_num_to_str must print exactly what JavaScript's String(x) prints, for every double.
// A fixed table covers the ECMA-262 layout rules; 150,000 further doubles (random bit patterns over all
// exponents, decimal-looking values, integers, neighbours of powers of ten) are compared against node,
// which prints them at test time via tests/runtime/num_oracle.js.
#include <catch2/catch.hpp>

#include "oracle.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "arena.h"
#include "entry.h"
#include "harness.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace {

struct Bare {
  Bare() {
    dx::rt::native::reset();
    dx::rt::runtime_init(0x20000);
  }
};

std::string fmt(double v) { return dxt::read_str(dx_num_to_str(v)); }

double from_bits(uint64_t b) {
  double v;
  memcpy(&v, &b, 8);
  return v;
}

}  // namespace

TEST_CASE("num_to_str: ECMAScript layout and known values", "[num]") {
  Bare bare;
  const double inf = std::numeric_limits<double>::infinity();
  struct Case { double v; const char* s; };
  const Case cases[] = {
      {0.0, "0"}, {-0.0, "0"}, {1, "1"}, {-1, "-1"}, {7, "7"}, {10, "10"}, {100, "100"}, {-42, "-42"},
      {1.5, "1.5"}, {-1.5, "-1.5"}, {0.5, "0.5"}, {0.1, "0.1"}, {0.2, "0.2"}, {0.1 + 0.2, "0.30000000000000004"},
      {1.0 / 3, "0.3333333333333333"}, {2.0 / 3, "0.6666666666666666"}, {3.14159, "3.14159"},
      {5e-324, "5e-324"}, {-5e-324, "-5e-324"}, {1e-323, "1e-323"}, {2.5e-323, "2.5e-323"},
      {2.2250738585072014e-308, "2.2250738585072014e-308"}, {2.225073858507201e-308, "2.225073858507201e-308"},
      {1.7976931348623157e308, "1.7976931348623157e+308"}, {-1.7976931348623157e308, "-1.7976931348623157e+308"},
      {1e21, "1e+21"}, {1e22, "1e+22"}, {1e23, "1e+23"}, {1.5e21, "1.5e+21"}, {9.999999999999999e20, "999999999999999900000"},
      {1e20, "100000000000000000000"}, {1.2345e20, "123450000000000000000"},
      {123456789012345680000.0, "123456789012345680000"}, {1e-7, "1e-7"}, {1.5e-7, "1.5e-7"}, {1e-6, "0.000001"},
      {1.5e-6, "0.0000015"}, {0.000001234, "0.000001234"}, {1.234e-7, "1.234e-7"}, {123e-20, "1.23e-18"},
      {9007199254740992.0, "9007199254740992"}, {9007199254740994.0, "9007199254740994"},
      {9007199254740993.0, "9007199254740992"}, {18014398509481984.0, "18014398509481984"},
      {4294967295.0, "4294967295"}, {4294967296.0, "4294967296"}, {-2147483648.0, "-2147483648"},
      {1e15, "1000000000000000"}, {1e16, "10000000000000000"}, {1.7e16, "17000000000000000"},
      {0.001, "0.001"}, {123.456, "123.456"}, {-0.0000001, "-1e-7"}, {1e100, "1e+100"}, {1e-100, "1e-100"},
      {1e308, "1e+308"}, {4.35, "4.35"}, {0.3, "0.3"}, {2e-7, "2e-7"}, {5e-7, "5e-7"},
      {std::nan(""), "NaN"}, {-std::nan(""), "NaN"}, {inf, "Infinity"}, {-inf, "-Infinity"},
      {1.0e-5, "0.00001"}, {12345678.9, "12345678.9"}, {0.1 * 3, "0.30000000000000004"},
      {100.0 / 3, "33.333333333333336"}, {std::nextafter(1e21, 0.0), "999999999999999900000"}, {1e21 - 65536, "1e+21"}, {5e-8, "5e-8"},
  };
  for (const Case& c : cases) {
    INFO("expected " << c.s);
    CHECK(fmt(c.v) == c.s);
  }
  // Every power of two, both signs (exact binary values with long decimal expansions).
  for (int e = -1074; e <= 1023; ++e) {
    double v = std::ldexp(1.0, e);
    std::string s = fmt(v);
    CHECK(std::strtod(s.c_str(), nullptr) == v);
  }
}

TEST_CASE("num_to_str: the result is a Latin-1 arena string", "[num]") {
  Bare bare;
  uint32_t s = dx_num_to_str(12.5);
  CHECK(dx::rt::ld32(s + 4) == 1u);  // kind string, one-byte storage
  CHECK(dx::rt::is_arena(s));
}

TEST_CASE("num_to_str: 150,000 doubles match node's String(x)", "[num][node]") {
  Bare bare;
  std::mt19937_64 rng(20240601);
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) values.push_back(from_bits(rng()));  // every exponent, NaNs included
  std::uniform_int_distribution<int> digits(1, 17), exp10(-30, 30);
  for (int i = 0; i < 30000; ++i) {  // decimal-looking: n digits × 10^e
    uint64_t m = rng() % 100000000000000000ull;
    for (int k = digits(rng); k < 17; ++k) m /= 10;
    values.push_back(double(m) * std::pow(10.0, exp10(rng)));
  }
  for (int i = 0; i < 10000; ++i) values.push_back(double(int64_t(rng() >> (rng() % 64))) * ((i & 1) ? -1 : 1));
  for (int e = -325; e <= 308; ++e) {  // neighbours of powers of ten
    double p = std::pow(10.0, e);
    values.push_back(p);
    values.push_back(std::nextafter(p, 0.0));
    values.push_back(std::nextafter(p, std::numeric_limits<double>::infinity()));
  }
  for (int i = 0; i < 8000; ++i) values.push_back(from_bits(rng() & 0x000FFFFFFFFFFFFFull));  // subnormals

  std::vector<std::string> hex_lines;
  char hex[20];
  for (double v : values) {
    uint64_t b;
    memcpy(&b, &v, 8);
    snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(b));
    hex_lines.push_back(hex);
  }
  std::vector<std::string> expected = dxt::run_node_script("num_oracle.js", hex_lines);
  REQUIRE(expected.size() == values.size());

  size_t mismatches = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    std::string got = fmt(values[i]);
    if (got != expected[i] && ++mismatches <= 20) {
      uint64_t b;
      memcpy(&b, &values[i], 8);
      FAIL_CHECK("bits " << std::hex << b << ": got " << got << ", node prints " << expected[i]);
    }
    if (i % 4096 == 0) dx::rt::arena_reset();
  }
  CHECK(mismatches == 0);
}
