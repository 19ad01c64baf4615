// hbtp_fuzz.cpp — libFuzzer target for the HBTP frame decoder (dx/schema/hbtp.h). Properties: hbtp_check.h.
// Built with clang (`dx_fuzz_hbtp`, tests/fuzz/dx_fuzz.cmake); the suite runs it briefly ("hbtp: fuzz"),
// tests/fuzz/run-long.sh hbtp for minutes with tests/fuzz/hbtp/hbtp.dict and the seeds in tests/fuzz/hbtp/corpus.
// The first input byte picks the limit, so both the default and a tiny limit are reachable.
#include "hbtp_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint32_t limits[4] = {dx::schema::kHbtpDefaultMaxPayload, 16, 0, 0xFFFFFFFFu};
  dx_hbtp_test::check_hbtp_input(data + 1, size - 1, limits[data[0] & 3]);
  return 0;
}
