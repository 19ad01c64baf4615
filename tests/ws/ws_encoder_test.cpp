// ws_encoder_test.cpp — dxs::ws frame writers: exact bytes of server frames (RFC 6455 §5.7 examples),
// header sizes, control-frame cuts, Close codes and reasons, and round trips through the decoder.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dxs/ws/decoder.h"
#include "dxs/ws/encoder.h"
#include "ws_check.h"

using namespace dxs::ws;

namespace {
std::vector<uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }
const DecoderLimits kAsClient{1u << 20, Role::kClient};
}  // namespace

TEST_CASE("ws: server frames match the RFC's examples", "[ws][encoder]") {
  Buffer out;
  append_frame(out, Opcode::kText, bytes("Hel"), false);
  append_frame(out, Opcode::kContinuation, bytes("lo"));
  CHECK(out == Buffer{0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f});
  out.clear();
  append_ping(out, bytes("Hello"));
  CHECK(out == Buffer{0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f});
  out.clear();
  append_pong(out, bytes("Hello"));
  CHECK(out == Buffer{0x8a, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f});
  out.clear();
  append_binary(out, std::vector<uint8_t>(256, 0));
  CHECK(std::vector<uint8_t>(out.begin(), out.begin() + 4) == std::vector<uint8_t>{0x82, 0x7E, 0x01, 0x00});
  out.clear();
  append_binary(out, std::vector<uint8_t>(65536, 0));
  CHECK(std::vector<uint8_t>(out.begin(), out.begin() + 10) ==
        std::vector<uint8_t>{0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0});
}

TEST_CASE("ws: header sizes follow the minimal length encoding", "[ws][encoder]") {
  CHECK(frame_header_size(0) == 2);
  CHECK(frame_header_size(125) == 2);
  CHECK(frame_header_size(126) == 4);
  CHECK(frame_header_size(65535) == 4);
  CHECK(frame_header_size(65536) == 10);
  CHECK(frame_header_size(125, true) == 6);
  uint8_t h[kMaxFrameHeader];
  const uint8_t key[4] = {1, 2, 3, 4};
  CHECK(write_frame_header(h, Opcode::kBinary, true, uint64_t(1) << 40, key) == 14);
  FrameHeader fh;
  CHECK(parse_frame_header(h, 14, Role::kServer, ~uint64_t(0), &fh, nullptr) == 14);
  CHECK(fh.payload_len == uint64_t(1) << 40);
  CHECK(fh.mask[3] == 4);
}

TEST_CASE("ws: Close frames carry the code and a reason cut to 123 bytes", "[ws][encoder]") {
  Buffer out;
  append_close(out, kCloseNormal, "bye");
  CHECK(out == Buffer{0x88, 0x05, 0x03, 0xe8, 'b', 'y', 'e'});
  out.clear();
  append_close(out, kCloseNoStatus);
  CHECK(out == Buffer{0x88, 0x00});
  std::string reason(122, 'r');
  reason += "\xE2\x82\xAC";  // € straddles byte 123
  for (uint16_t code : {kCloseProtocolError, kCloseInvalidPayload, kCloseTooBig, kCloseGoingAway}) {
    out.clear();
    append_close(out, code, reason);
    std::vector<dx_ws_test::Record> r = dx_ws_test::run(out, kAsClient, 1);
    REQUIRE(r.size() == 1);
    CHECK(r[0].event == Event::kClose);
    CHECK(r[0].code == code);
    CHECK(r[0].data.size() == 122);  // cut before the code point
  }
}

TEST_CASE("ws: control frames from append_frame are cut to 125 bytes", "[ws][encoder]") {
  Buffer out;
  append_ping(out, std::vector<uint8_t>(300, 'p'));
  CHECK(out.size() == 127);
  std::vector<dx_ws_test::Record> r = dx_ws_test::run(out, kAsClient, 0);
  REQUIRE(r.size() == 1);
  CHECK(r[0].data.size() == 125);
}

TEST_CASE("ws: masked client frames round trip through a server decoder, any key", "[ws][encoder]") {
  for (uint8_t k = 0; k < 8; ++k) {
    const uint8_t key[4] = {uint8_t(k * 37), uint8_t(0xFF - k), 0, uint8_t(k)};
    Buffer out;
    append_masked_frame(out, Opcode::kBinary, bytes("the quick brown fox"), key, false);
    append_masked_frame(out, Opcode::kContinuation, bytes(" jumps"), key);
    std::vector<dx_ws_test::Record> r = dx_ws_test::run(out, {}, 3);
    REQUIRE(r.size() == 1);
    CHECK(r[0].data == bytes("the quick brown fox jumps"));
  }
  uint8_t data[5] = {1, 2, 3, 4, 5};
  const uint8_t key[4] = {9, 8, 7, 6};
  mask_bytes(data, 2, key, 0);
  mask_bytes(data + 2, 3, key, 2);  // continuing at offset 2 = masking all at once
  uint8_t again[5] = {1, 2, 3, 4, 5};
  mask_bytes(again, 5, key, 0);
  CHECK(std::vector<uint8_t>(data, data + 5) == std::vector<uint8_t>(again, again + 5));
  mask_bytes(again, 5, key, 0);
  CHECK(std::vector<uint8_t>(again, again + 5) == std::vector<uint8_t>{1, 2, 3, 4, 5});
  // The wide path agrees with the byte-by-byte definition at every length and starting offset.
  for (size_t off = 0; off < 4; ++off) {
    for (size_t len = 0; len < 40; ++len) {
      std::vector<uint8_t> fast(len), slow(len);
      for (size_t i = 0; i < len; ++i) fast[i] = slow[i] = uint8_t(i * 13 + off);
      mask_bytes(fast.data(), len, key, off);
      for (size_t i = 0; i < len; ++i) slow[i] ^= key[(off + i) & 3];
      CHECK(fast == slow);
    }
  }
}
