// parser_check.h — the properties every input must keep through the HTTP/1 decoding path, shared by the
// libFuzzer target (fuzz/http1_parser_fuzz.cpp) and a deterministic Catch test (http1_fuzz_test.cpp).
//
// For any bytes: parse_request returns a value in {kMalformed, kPartial, kTooLarge} or 1..size; fed one
// byte at a time (prev_len = the previous prefix), every prefix before the end is partial and the final
// outcome equals the whole-input outcome; a complete head's method, target and headers lie inside the
// input; normalize_target either fails or yields "/" + a path with no "..", "//", "\" or control byte.
// A broken property calls __builtin_trap(), which both libFuzzer and Catch (as a crash) report.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "dxs/http1/parser.h"
#include "dxs/http1/path.h"
#include "dxs/http1/semantics.h"

namespace dxs_test {

inline void require(bool ok) {
  if (!ok) __builtin_trap();
}

inline bool inside(std::string_view part, const char* buf, size_t size) {
  return part.data() >= buf && part.data() + part.size() <= buf + size;
}

inline void check_path(std::string_view target) {
  static std::string out;
  if (dxs::http1::normalize_target(target, out) != dxs::http1::PathError::kOk) return;
  require(!out.empty() && out[0] == '/');
  require(out.find("//") == std::string::npos && out.find('\\') == std::string::npos);
  require(out.find("/../") == std::string::npos && (out.size() < 3 || out.compare(out.size() - 3, 3, "/..") != 0));
  for (char c : out) require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

inline void check_parser_input(const uint8_t* data, size_t size, const dxs::http1::Limits& limits = {}) {
  using namespace dxs::http1;
  static Request req;
  // Exact-size heap copies: ASan reports any read past the end.
  char* whole = new char[size ? size : 1];
  if (size) std::memcpy(whole, data, size);
  int rc = parse_request(whole, size, 0, req, limits);
  require(rc == kMalformed || rc == kPartial || rc == kTooLarge || (rc > 0 && size_t(rc) <= size));
  std::string method, target;
  size_t headers = 0;
  if (rc > 0) {
    require(inside(req.method, whole, size_t(rc)) && inside(req.target, whole, size_t(rc)));
    require(!req.method.empty() && !req.target.empty());
    for (size_t i = 0; i < req.header_count; ++i)
      require(inside(req.headers[i].name, whole, size_t(rc)) && inside(req.headers[i].value, whole, size_t(rc)));
    method = std::string(req.method);
    target = std::string(req.target);
    headers = req.header_count;
    read_semantics(req);
    check_path(req.target);
  }
  delete[] whole;

  size_t prev = 0;
  int last = kPartial;
  for (size_t k = 1; k <= size && last == kPartial; ++k) {
    char* prefix = new char[k];
    std::memcpy(prefix, data, k);
    last = parse_request(prefix, k, prev, req, limits);
    if (last == kPartial) prev = k;
    else if (last > 0) {
      require(size_t(last) == k);
      require(req.method == method && req.target == target && req.header_count == headers);
    }
    delete[] prefix;
  }
  require(last == rc);
}

}  // namespace dxs_test
