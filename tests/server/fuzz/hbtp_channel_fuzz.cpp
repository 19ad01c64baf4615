// hbtp_channel_fuzz.cpp — libFuzzer target for the server's WebSocket / HBTP stack (hbtp::Channel).
//
// Properties: channel_check.h. Built by tests/server/CMakeLists.txt only with clang
// (`dxs_hbtp_channel_fuzz`); run: dxs_hbtp_channel_fuzz -dict=tests/fuzz/hbtp/hbtp.dict corpus/ where
// corpus/ starts as a copy of tests/fuzz/hbtp/corpus and tests/fuzz/ws/corpus (byte 0 picks the transport).
#include "../channel_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // fed one byte at a time too
  dxs_test::check_channel_input(data, size);
  return 0;
}
