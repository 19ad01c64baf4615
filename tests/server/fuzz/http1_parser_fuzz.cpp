// http1_parser_fuzz.cpp — libFuzzer target for the HTTP/1 request decoder and path normalization.
//
// Properties: parser_check.h. Built by tests/server/CMakeLists.txt only when the compiler is clang
// (`dxs_http1_parser_fuzz`); run: dxs_http1_parser_fuzz -dict=tests/server/fuzz/http1.dict
// tests/server/fuzz/http1_corpus. A small head limit makes the size paths reachable too.
#include "../parser_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // byte-at-a-time replay is quadratic; the limits are tested at 256 below
  dxs_test::check_parser_input(data, size);
  dxs::http1::Limits small;
  small.max_head_bytes = 256;
  small.max_headers = 4;
  dxs_test::check_parser_input(data, size, small);
  return 0;
}
