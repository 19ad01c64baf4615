// ws_fuzz.cpp — libFuzzer target for the WebSocket decoder (dxs/ws/decoder.h). Properties: ws_check.h.
// Built with clang (`dx_fuzz_ws`, tests/fuzz/dx_fuzz.cmake); the suite runs it briefly ("ws: fuzz"),
// tests/fuzz/run-long.sh ws for minutes with tests/fuzz/ws/ws.dict and the seeds in tests/fuzz/ws/corpus.
// The first input byte picks the role (bit 0: client, i.e. unmasked frames) and the limit (bit 1: 64 B).
#include "ws_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dx_ws_test::check_fuzz_input(data, size);
  return 0;
}
