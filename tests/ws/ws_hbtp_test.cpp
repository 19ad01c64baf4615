// ws_hbtp_test.cpp — HBTP carried in WebSocket binary messages (schemas/hbtp.md rule 9): the browser's
// path through both codecs. A client message holding Hello + Ping is decoded by the server-role WebSocket
// decoder, its HBTP frames by hbtp_decode; the Pong goes back in a server frame and is read by a
// client-role decoder. A message that ends inside an HBTP frame is an HBTP error (MALFORMED).
#include <catch2/catch.hpp>

#include <vector>

#include "dx/schema/hbtp.h"
#include "dxs/ws/decoder.h"
#include "dxs/ws/encoder.h"

using namespace dx::schema;
using namespace dxs::ws;

namespace {

const uint8_t kKey[4] = {1, 2, 3, 4};

// All HBTP frames of one WebSocket message; false if the message does not end at a frame boundary.
bool hbtp_frames(std::span<const uint8_t> msg, std::vector<HbtpHeader>* out, std::vector<uint8_t>* replies) {
  uint32_t at = 0;
  while (at < msg.size()) {
    HbtpFrame f;
    HbtpError e;
    int32_t r = hbtp_decode(msg.data() + at, uint32_t(msg.size() - at), kHbtpDefaultMaxPayload, &f, &e);
    if (r <= 0) return false;  // partial at the message end is malformed too: frames never span messages
    out->push_back(f.header);
    if (f.header.opcode == kHbtpPing) {
      uint8_t buf[256];
      uint32_t n = hbtp_write_pong(buf, sizeof buf, f);
      replies->insert(replies->end(), buf, buf + n);
    }
    at += uint32_t(r);
  }
  return true;
}

}  // namespace

TEST_CASE("ws: HBTP frames ride in binary messages, whole frames per message", "[ws][hbtp]") {
  uint8_t buf[64];
  std::vector<uint8_t> hbtp;
  uint32_t n = hbtp_write_hello(buf, sizeof buf, 0, HbtpHello{});
  hbtp.insert(hbtp.end(), buf, buf + n);
  const uint8_t hi[2] = {'h', 'i'};
  n = hbtp_write_frame(buf, sizeof buf, {kHbtpPing, kHbtpFinal, 7, 0}, hi, 2);
  hbtp.insert(hbtp.end(), buf, buf + n);

  Buffer wire;
  append_masked_frame(wire, Opcode::kBinary, {hbtp.data(), 12}, kKey, false);  // fragmented mid-frame:
  append_masked_frame(wire, Opcode::kContinuation, {hbtp.data() + 12, hbtp.size() - 12}, kKey);  // fine
  Decoder server;
  size_t at = 0;
  Step s;
  for (; at < wire.size(); at += s.consumed) {  // one byte at a time
    s = server.feed(wire.data() + at, 1);
    if (s.event != Event::kNone) break;
  }
  REQUIRE(s.event == Event::kBinary);
  std::vector<HbtpHeader> frames;
  std::vector<uint8_t> replies;
  REQUIRE(hbtp_frames(server.message(), &frames, &replies));
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].opcode == kHbtpHello);
  CHECK(frames[1].opcode == kHbtpPing);

  Buffer back;
  append_binary(back, replies);
  Decoder client(DecoderLimits{1u << 20, Role::kClient});
  s = client.feed(back.data(), back.size());
  REQUIRE(s.event == Event::kBinary);
  std::vector<HbtpHeader> got;
  std::vector<uint8_t> none;
  REQUIRE(hbtp_frames(client.message(), &got, &none));
  REQUIRE(got.size() == 1);
  CHECK(got[0].opcode == kHbtpPong);
  CHECK(got[0].sequence == 7);

  // A message that ends inside an HBTP frame is refused.
  std::vector<HbtpHeader> cut;
  CHECK_FALSE(hbtp_frames({hbtp.data(), hbtp.size() - 1}, &cut, &none));
}
