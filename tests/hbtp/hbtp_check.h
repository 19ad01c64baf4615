// hbtp_check.h — the properties every input must keep through the HBTP decoder (dx/schema/hbtp.h); shared
// by the libFuzzer target (hbtp_fuzz.cpp) and the replay of its seed corpus in the unit tests.
//
//   1. fed one byte at a time (each prefix in its own exact-size allocation, so ASan sees any read past
//      the end), the answer is partial until it equals the answer for the whole input, and never changes
//      after that;
//   2. a decoded frame re-encodes to the same bytes (header and payload);
//   3. a stream of frames decodes to the end or to one error, consuming exactly the bytes it reports.
// A failed property calls __builtin_trap(), so libFuzzer and the unit tests both stop on it.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>

#include "dx/schema/hbtp.h"

namespace dx_hbtp_test {

using namespace dx::schema;

inline void require(bool ok) {
  if (!ok) __builtin_trap();
}

inline int32_t decode_copy(const uint8_t* data, uint32_t n, uint32_t max_payload, HbtpFrame* f, HbtpError* e) {
  std::unique_ptr<uint8_t[]> copy(new uint8_t[n ? n : 1]);
  if (n) std::memcpy(copy.get(), data, n);
  int32_t r = hbtp_decode(copy.get(), n, max_payload, f, e);
  if (f && r > 0) f->payload = data + (f->payload - copy.get());  // re-point into the caller's bytes
  return r;
}

inline void check_hbtp_input(const uint8_t* data, size_t size, uint32_t max_payload) {
  if (size > 1u << 16) return;
  uint32_t n = uint32_t(size);
  HbtpFrame whole;
  HbtpError whole_err;
  int32_t r = decode_copy(data, n, max_payload, &whole, &whole_err);
  require(r > 0 || r == kHbtpPartial || r == kHbtpMalformed);
  if (r > 0) require(uint32_t(r) <= n);
  if (r == kHbtpMalformed) require(whole_err.code != kHbtpOk && whole_err.message != nullptr);

  // 1. one byte at a time
  bool settled = false;
  for (uint32_t k = 0; k <= n; ++k) {
    HbtpFrame f;
    HbtpError e;
    int32_t rk = decode_copy(data, k, max_payload, &f, &e);
    if (rk == kHbtpPartial) {
      require(!settled);
      continue;
    }
    if (r > 0 && uint32_t(r) > k) require(false);  // a frame cannot complete before its last byte
    settled = true;
    if (rk != r) {
      // A shorter prefix may already give the final answer only if it is the same answer.
      require(false);
    }
    if (rk == kHbtpMalformed) require(e.code == whole_err.code);
    if (rk > 0) break;  // later prefixes only add bytes after the frame
  }
  if (r == kHbtpPartial) require(!settled);

  // 2. re-encode
  if (r > 0) {
    uint8_t head[kHbtpHeaderSize];
    hbtp_encode_header(head, whole.header);
    require(std::memcmp(head, data, kHbtpHeaderSize) == 0);
    require(whole.payload == data + kHbtpHeaderSize && whole.header.length == uint32_t(r) - kHbtpHeaderSize);
    std::unique_ptr<uint8_t[]> out(new uint8_t[uint32_t(r)]);
    require(hbtp_write_frame(out.get(), uint32_t(r), whole.header, whole.payload, whole.header.length) == uint32_t(r));
    require(std::memcmp(out.get(), data, uint32_t(r)) == 0);
    require(hbtp_write_frame(out.get(), uint32_t(r) - 1, whole.header, whole.payload, whole.header.length) == 0);
    HbtpHello hello;
    if (hbtp_read_hello(whole, &hello)) (void)hbtp_negotiate(HbtpHello{}, hello);
    HbtpStatus st;
    if (hbtp_read_status(whole, &st)) require(st.message_len + 2 == whole.header.length);
    HbtpRpcCall call;
    if (hbtp_read_rpc_call(whole, &call)) require(call.args_len + 4 == whole.header.length);
    HbtpRpcResult res;
    if (hbtp_read_rpc_response(whole, &res)) require(res.result_len + 4 == whole.header.length);
    (void)hbtp_opcode_name(whole.header.opcode);
    char line[64];
    require(hbtp_dump_header(whole.header, line, sizeof line) < sizeof line);
    (void)hbtp_flags_allowed(whole.header.flags, kHbtpFeatureDeflate);
  }

  // 3. a stream
  uint32_t at = 0;
  while (at < n) {
    HbtpFrame f;
    HbtpError e;
    int32_t rs = decode_copy(data + at, n - at, max_payload, &f, &e);
    if (rs <= 0) break;
    at += uint32_t(rs);
  }
  require(at <= n);
}

}  // namespace dx_hbtp_test
