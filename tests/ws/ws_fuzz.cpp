// ws_fuzz.cpp — libFuzzer target for the WebSocket decoder (dxs/ws/decoder.h). Properties: ws_check.h.
// Built with -DDX_FUZZ=ON and clang (`dx_fuzz_ws`); run long with
//   dx_fuzz_ws -dict=tests/fuzz/ws/ws.dict NEW_CORPUS_DIR tests/fuzz/ws/corpus
// The first input byte picks the role (bit 0: client, i.e. unmasked frames) and the limit (bit 1: 64 B).
#include "ws_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dx_ws_test::check_fuzz_input(data, size);
  return 0;
}
