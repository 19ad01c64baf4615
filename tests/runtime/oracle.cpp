// oracle.cpp — see oracle.h.
#include "oracle.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "harness.h"
#include "object.h"
#include "objects.h"
#include "str.h"

namespace dxt {

std::string enc_str(const std::u16string& s) {
  std::string r = "s";
  char buf[8];
  for (char16_t u : s) {
    snprintf(buf, sizeof buf, "%04x", unsigned(u));
    r += buf;
  }
  return r;
}

std::string enc_num(double v) {
  if (v != v) return "nNaN";
  uint64_t b;
  memcpy(&b, &v, 8);
  char buf[24];
  snprintf(buf, sizeof buf, "n%016llx", static_cast<unsigned long long>(b));
  return buf;
}

std::string enc_arr(const std::vector<std::string>& elems) {
  std::string r = "[";
  for (size_t i = 0; i < elems.size(); ++i) r += (i ? "," : "") + elems[i];
  return r + "]";
}

std::string enc_ref_str(uint32_t s) { return enc_str(read_units(s)); }

std::string enc_ref_arr(uint32_t arr) {
  namespace rt = dx::rt;
  std::vector<std::string> e;
  uint32_t n = rt::array_len(arr), kind = rt::array_kind(arr), d = rt::array_data(arr);
  for (uint32_t i = 0; i < n; ++i) {
    if (kind == rt::kElemNumber) e.push_back(enc_num(rt::ldf64(d + 8 * i)));
    else if (kind == rt::kElemString) e.push_back(enc_ref_str(rt::ld32(d + 4 * i)));
    else e.push_back(enc_bool(rt::ld32(d + 4 * i) != 0));
  }
  return enc_arr(e);
}

std::vector<std::string> run_oracle(const std::vector<std::string>& lines) { return run_node_script("js_oracle.js", lines); }

std::vector<std::string> run_node_script(const std::string& script, const std::vector<std::string>& lines) {
  const char* src = std::getenv("DX_SOURCE_DIR");
  std::string oracle = std::string(src ? src : DX_TEST_SOURCE_DIR) + "/tests/runtime/" + script;
  char in_path[] = "/tmp/dx_js_in_XXXXXX";
  int fd = mkstemp(in_path);
  REQUIRE(fd >= 0);
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  REQUIRE(write(fd, text.data(), text.size()) == ssize_t(text.size()));
  close(fd);
  std::string out_path = std::string(in_path) + ".out";
  std::string cmd = "node '" + oracle + "' " + in_path + " " + out_path;
  int rc = std::system(cmd.c_str());
  std::remove(in_path);
  REQUIRE(rc == 0);  // node is a build dependency of the test suite
  std::ifstream in(out_path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  std::remove(out_path.c_str());
  REQUIRE(out.size() == lines.size());
  return out;
}

uint32_t make_str16(const std::u16string& s, bool wide) {
  namespace rt = dx::rt;
  for (char16_t u : s) wide = wide || u > 0xFF;
  uint32_t r = rt::str_alloc(uint32_t(s.size()), wide);
  for (size_t i = 0; i < s.size(); ++i) {
    if (wide) rt::st16(r + rt::kStrChars + 2 * uint32_t(i), s[i]);
    else rt::st8(r + rt::kStrChars + uint32_t(i), uint8_t(s[i]));
  }
  return r;
}

}  // namespace dxt
