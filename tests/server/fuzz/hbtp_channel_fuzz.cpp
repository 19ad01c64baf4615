// hbtp_channel_fuzz.cpp — libFuzzer target for the server's WebSocket / HBTP stack (hbtp::Channel).
//
// Properties: channel_check.h. Built only with clang (`dx_fuzz_channel`, tests/fuzz/dx_fuzz.cmake); the suite runs
// it briefly ("server: fuzz channel"), tests/fuzz/run-long.sh channel for minutes with
// tests/fuzz/channel/channel.dict. Its seeds (tests/fuzz/channel/corpus) are the HBTP and WebSocket codec
// corpora behind the transport byte (0x00 raw, 0x02 raw after a client Hello, 0x01 WebSocket).
#include "../channel_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;  // fed one byte at a time too
  dxs_test::check_channel_input(data, size);
  return 0;
}
