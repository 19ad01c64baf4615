// hbtp_freestanding.cpp — compiled (not run) by the ctest `hbtp_freestanding_wasm32` for wasm32 with
// -ffreestanding -nostdlib -nostdinc++ -fno-exceptions: proves dx/schema/hbtp.h needs no libc or libc++,
// as the wasm runtime that will include it requires.
#include "dx/schema/hbtp.h"

using namespace dx::schema;

extern "C" int hbtp_probe(const uint8_t* buf, uint32_t len, uint8_t* out, uint32_t cap) {
  HbtpFrame f;
  HbtpError e;
  int32_t r = hbtp_decode(buf, len, kHbtpDefaultMaxPayload, &f, &e);
  if (r == kHbtpMalformed) return int(hbtp_write_error(out, cap, 0, e.code, e.message));
  if (r <= 0) return r;
  char line[64];
  hbtp_dump_header(f.header, line, sizeof line);
  HbtpRpcCall call;
  if (f.header.opcode == kHbtpPing) return int(hbtp_write_pong(out, cap, f));
  if (hbtp_read_rpc_call(f, &call)) return int(hbtp_write_rpc_response(out, cap, f.header.sequence, 0, call.args, call.args_len));
  HbtpHello hello;
  if (hbtp_read_hello(f, &hello)) return hbtp_negotiate(HbtpHello{}, hello);
  return r;
}
