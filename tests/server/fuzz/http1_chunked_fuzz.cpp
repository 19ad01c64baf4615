// http1_chunked_fuzz.cpp — libFuzzer target for the chunked body decoder (dxs/http1/chunked.h).
//
// Properties: chunked_check.h (whole == byte at a time == split; spans inside the input; never more used
// than given). Built only with clang (`dx_fuzz_chunked`, tests/fuzz/dx_fuzz.cmake); the suite runs it
// briefly ("server: fuzz chunked"), tests/fuzz/run-long.sh chunked for minutes with
// tests/fuzz/chunked/chunked.dict and the seeds in tests/fuzz/chunked/corpus. Small limits make the
// size, line and trailer limits reachable too.
#include "../chunked_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // fed one byte at a time too
  dxs_test::check_chunked_input(data, size);
  dxs::http1::ChunkedLimits small;
  small.max_chunk_size = 64;
  small.max_size_digits = 3;
  small.max_line = 24;
  small.max_trailer_bytes = 32;
  dxs_test::check_chunked_input(data, size, small);
  return 0;
}
