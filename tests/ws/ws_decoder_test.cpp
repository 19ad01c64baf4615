// ws_decoder_test.cpp — dxs::ws::Decoder against RFC 6455 §5: masking, 7/16/64-bit lengths, fragmentation,
// control frames between fragments, reserved bits and opcodes, limits, UTF-8 (split across fragments), and
// Close payloads and codes. Every case is fed whole, one byte at a time and in 7-byte chunks (ws_check.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dxs/ws/decoder.h"
#include "dxs/ws/encoder.h"
#include "ws_check.h"

using namespace dxs::ws;
using dx_ws_test::Record;

namespace {

const uint8_t kKey[4] = {0x37, 0xfa, 0x21, 0x3d};

std::vector<uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

// A masked client frame.
void client(Buffer& out, Opcode op, std::string_view payload, bool fin = true, uint8_t rsv = 0) {
  append_masked_frame(out, op, bytes(payload), kKey, fin, rsv);
}

// Runs `in` whole, byte by byte and in chunks; requires they agree, returns the records.
std::vector<Record> decode(const Buffer& in, DecoderLimits limits = {}) {
  std::vector<Record> whole = dx_ws_test::run(in, limits, 0);
  CHECK(dx_ws_test::run(in, limits, 1) == whole);
  CHECK(dx_ws_test::run(in, limits, 7) == whole);
  return whole;
}

Record text(std::string_view s) { return {Event::kText, bytes(s), 0}; }
Record binary(std::string_view s) { return {Event::kBinary, bytes(s), 0}; }
Record error(uint16_t code) { return {Event::kError, {}, code}; }

}  // namespace

TEST_CASE("ws: the RFC's masked example decodes to Hello", "[ws]") {
  // RFC 6455 §5.7: a single-frame masked text message containing "Hello".
  const Buffer in = {0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58};
  CHECK(decode(in) == std::vector<Record>{text("Hello")});
  Buffer mine;
  client(mine, Opcode::kText, "Hello");
  CHECK(mine == in);
  // The unmasked form is what a server sends, and what a client-role decoder accepts.
  const Buffer server = {0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};
  Buffer out;
  append_text(out, "Hello");
  CHECK(out == server);
  DecoderLimits as_client;
  as_client.role = Role::kClient;
  CHECK(decode(server, as_client) == std::vector<Record>{text("Hello")});
}

TEST_CASE("ws: masking is required from clients and refused from servers", "[ws]") {
  const Buffer unmasked = {0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};
  CHECK(decode(unmasked) == std::vector<Record>{error(kCloseProtocolError)});
  Buffer masked;
  client(masked, Opcode::kText, "Hello");
  DecoderLimits as_client;
  as_client.role = Role::kClient;
  CHECK(decode(masked, as_client) == std::vector<Record>{error(kCloseProtocolError)});
}

TEST_CASE("ws: 7-bit, 16-bit and 64-bit lengths at their boundaries", "[ws]") {
  for (size_t n : {size_t(0), size_t(125), size_t(126), size_t(127), size_t(65535), size_t(65536), size_t(70000)}) {
    CAPTURE(n);
    std::string payload(n, 'x');
    for (size_t i = 0; i < n; ++i) payload[i] = char('a' + i % 26);
    Buffer in;
    append_masked_frame(in, Opcode::kBinary, bytes(payload), kKey);
    CHECK(in.size() == frame_header_size(n, true) + n);
    std::vector<Record> whole = dx_ws_test::run(in, {}, 0);
    CHECK(whole == std::vector<Record>{binary(payload)});
    if (n <= 65536) CHECK(dx_ws_test::run(in, {}, 1) == whole);  // byte by byte for all but the largest
  }
}

TEST_CASE("ws: non-minimal lengths and a 64-bit length with the top bit set are refused", "[ws]") {
  const Buffer len16_small = {0x82, 0xFE, 0x00, 0x05, 1, 2, 3, 4, 0, 0, 0, 0, 0};
  CHECK(decode(len16_small) == std::vector<Record>{error(kCloseProtocolError)});
  const Buffer len64_small = {0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4};
  CHECK(decode(len64_small) == std::vector<Record>{error(kCloseProtocolError)});
  const Buffer top_bit = {0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4};
  CHECK(decode(top_bit) == std::vector<Record>{error(kCloseProtocolError)});
}

TEST_CASE("ws: fragments are reassembled into one message", "[ws]") {
  Buffer in;
  client(in, Opcode::kText, "Hel", false);
  client(in, Opcode::kContinuation, "", false);
  client(in, Opcode::kContinuation, "lo", true);
  client(in, Opcode::kBinary, "ab", false);
  client(in, Opcode::kContinuation, "cd", true);
  CHECK(decode(in) == std::vector<Record>{text("Hello"), binary("abcd")});
}

TEST_CASE("ws: control frames may come between fragments and leave the message intact", "[ws]") {
  Buffer in;
  client(in, Opcode::kText, "fra", false);
  client(in, Opcode::kPing, "p1");
  client(in, Opcode::kContinuation, "gm", false);
  client(in, Opcode::kPong, "");
  client(in, Opcode::kContinuation, "ented", true);
  client(in, Opcode::kClose, std::string("\x03\xe8", 2) + "bye");
  CHECK(decode(in) == std::vector<Record>{{Event::kPing, bytes("p1"), 0}, {Event::kPong, {}, 0}, text("fragmented"),
                                          {Event::kClose, bytes("bye"), 1000}});
}

TEST_CASE("ws: fragmentation errors", "[ws]") {
  Buffer orphan;
  client(orphan, Opcode::kContinuation, "x");
  CHECK(decode(orphan) == std::vector<Record>{error(kCloseProtocolError)});
  Buffer interleaved;
  client(interleaved, Opcode::kText, "a", false);
  client(interleaved, Opcode::kBinary, "b");
  CHECK(decode(interleaved) == std::vector<Record>{error(kCloseProtocolError)});
  Buffer fragmented_ping;
  client(fragmented_ping, Opcode::kPing, "a", false);
  CHECK(decode(fragmented_ping) == std::vector<Record>{error(kCloseProtocolError)});
}

TEST_CASE("ws: control frames are at most 125 bytes", "[ws]") {
  Buffer ok;
  client(ok, Opcode::kPing, std::string(125, 'p'));
  CHECK(decode(ok) == std::vector<Record>{{Event::kPing, bytes(std::string(125, 'p')), 0}});
  Buffer too_long;
  client(too_long, Opcode::kPing, std::string(126, 'p'));
  CHECK(decode(too_long) == std::vector<Record>{error(kCloseProtocolError)});
}

TEST_CASE("ws: reserved bits and reserved opcodes are refused", "[ws]") {
  for (uint8_t rsv : {uint8_t(1), uint8_t(2), uint8_t(4)}) {
    Buffer in;
    client(in, Opcode::kText, "x", true, rsv);
    CHECK(decode(in) == std::vector<Record>{error(kCloseProtocolError)});
  }
  for (uint8_t op : {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
    CAPTURE(int(op));
    Buffer in;
    client(in, Opcode(op), "");
    CHECK(decode(in) == std::vector<Record>{error(kCloseProtocolError)});
  }
}

TEST_CASE("ws: the message limit applies to the reassembled message, checked from frame headers", "[ws]") {
  DecoderLimits small;
  small.max_message = 10;
  Buffer fits;
  client(fits, Opcode::kBinary, "12345", false);
  client(fits, Opcode::kContinuation, "67890");
  CHECK(decode(fits, small) == std::vector<Record>{binary("1234567890")});
  Buffer over;
  client(over, Opcode::kBinary, "12345", false);
  client(over, Opcode::kContinuation, "678901");
  CHECK(decode(over, small) == std::vector<Record>{error(kCloseTooBig)});
  // A header announcing 2^40 bytes is refused at once, before any payload.
  const Buffer huge = {0x82, 0xFF, 0, 0, 0x01, 0, 0, 0, 0, 0, 1, 2, 3, 4};
  CHECK(decode(huge) == std::vector<Record>{error(kCloseTooBig)});
  Decoder d;
  Step s = d.feed(huge.data(), huge.size());
  CHECK(s.event == Event::kError);
  CHECK(d.error().code == kCloseTooBig);
  // Control frames are not counted against the message.
  Buffer with_ping;
  client(with_ping, Opcode::kBinary, "12345", false);
  client(with_ping, Opcode::kPing, "0123456789abc");
  client(with_ping, Opcode::kContinuation, "67890");
  CHECK(decode(with_ping, small).back() == binary("1234567890"));
}

TEST_CASE("ws: invalid UTF-8 in text fails with 1007, also split across fragments", "[ws]") {
  Buffer split;  // U+20AC € = E2 82 AC, cut across three fragments: valid
  client(split, Opcode::kText, "a\xE2", false);
  client(split, Opcode::kContinuation, "\x82", false);
  client(split, Opcode::kContinuation, "\xAC" "b");
  CHECK(decode(split) == std::vector<Record>{text("a\xE2\x82\xAC" "b")});
  Buffer truncated;  // the message ends inside a code point
  client(truncated, Opcode::kText, "a\xE2\x82", false);
  client(truncated, Opcode::kContinuation, "");
  CHECK(decode(truncated) == std::vector<Record>{error(kCloseInvalidPayload)});
  Buffer bad_cont;  // fails fast in the first fragment, before the message ends
  client(bad_cont, Opcode::kText, "ok\xC3\x28", false);
  CHECK(decode(bad_cont) == std::vector<Record>{error(kCloseInvalidPayload)});
  for (std::string_view bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xE0\x9F\xBF"}) {
    Buffer in;
    client(in, Opcode::kText, bad);
    CHECK(decode(in) == std::vector<Record>{error(kCloseInvalidPayload)});
  }
  Buffer bin;  // binary messages are not validated
  client(bin, Opcode::kBinary, "\xFF\xFE");
  CHECK(decode(bin) == std::vector<Record>{binary("\xFF\xFE")});
}

TEST_CASE("ws: Close payloads, codes and reasons", "[ws]") {
  Buffer empty;
  client(empty, Opcode::kClose, "");
  CHECK(decode(empty) == std::vector<Record>{{Event::kClose, {}, kCloseNoStatus}});
  CHECK(close_reply_code(kCloseNoStatus) == kCloseNormal);
  CHECK(close_reply_code(kCloseGoingAway) == kCloseGoingAway);
  Buffer one;
  client(one, Opcode::kClose, "\x03");
  CHECK(decode(one) == std::vector<Record>{error(kCloseProtocolError)});
  for (uint16_t code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4999}) {
    Buffer in;
    std::string p = {char(code >> 8), char(code & 0xFF)};
    client(in, Opcode::kClose, p);
    CHECK(decode(in) == std::vector<Record>{{Event::kClose, {}, code}});
  }
  for (uint16_t code : {0, 999, 1004, 1005, 1006, 1015, 1100, 2999, 5000, 65535}) {
    CAPTURE(code);
    Buffer in;
    std::string p = {char(code >> 8), char(code & 0xFF)};
    client(in, Opcode::kClose, p);
    CHECK(decode(in) == std::vector<Record>{error(kCloseProtocolError)});
  }
  Buffer bad_reason;
  client(bad_reason, Opcode::kClose, std::string("\x03\xe8\xC3\x28", 4));
  CHECK(decode(bad_reason) == std::vector<Record>{error(kCloseInvalidPayload)});
}

TEST_CASE("ws: nothing is decoded after Close or an error", "[ws]") {
  Buffer in;
  client(in, Opcode::kClose, "\x03\xe8");
  client(in, Opcode::kText, "late");
  Decoder d;
  Step s = d.feed(in.data(), in.size());
  CHECK(s.event == Event::kClose);
  CHECK(s.consumed == 8);
  CHECK(d.done());
  s = d.feed(in.data() + s.consumed, in.size() - s.consumed);
  CHECK(s.consumed == 0);
  CHECK(s.event == Event::kNone);
}

TEST_CASE("ws: several messages in one read come out one per call", "[ws]") {
  Buffer in;
  for (int i = 0; i < 5; ++i) client(in, Opcode::kText, std::to_string(i));
  Decoder d;
  size_t at = 0;
  std::string got;
  while (at < in.size()) {
    Step s = d.feed(in.data() + at, in.size() - at);
    REQUIRE(s.event == Event::kText);
    got += d.text();
    at += s.consumed;
  }
  CHECK(got == "01234");
}
