// http1_parser_fuzz.cpp — libFuzzer target for the HTTP/1 request decoder and path normalization.
//
// Properties: parser_check.h. Built only with clang (`dx_fuzz_http1`, tests/fuzz/dx_fuzz.cmake); the suite runs
// it briefly ("server: fuzz http1"), tests/fuzz/run-long.sh http1 for minutes with tests/fuzz/http1/http1.dict
// and the seeds in tests/fuzz/http1/corpus. A small head limit makes the size paths reachable too.
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
