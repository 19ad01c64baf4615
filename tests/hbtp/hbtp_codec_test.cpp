// hbtp_codec_test.cpp — dx/schema/hbtp.h: header round trips, the decoder fed whole and one byte at a time,
// limits, control-frame rules, unknown opcodes, the writers and payload readers, RPC routing.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dx/schema/hbtp.h"
#include "hbtp_check.h"

using namespace dx::schema;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes frame(uint8_t op, uint8_t flags, uint16_t seq, const Bytes& payload) {
  Bytes out(kHbtpHeaderSize + payload.size());
  REQUIRE(hbtp_write_frame(out.data(), uint32_t(out.size()), {op, flags, seq, 0}, payload.data(),
                           uint32_t(payload.size())) == out.size());
  return out;
}

// Decodes `in` whole, then every prefix; returns the whole answer after checking the prefixes agree.
int32_t decode_both_ways(const Bytes& in, uint32_t max_payload, HbtpFrame* f, HbtpError* e) {
  dx_hbtp_test::check_hbtp_input(in.data(), in.size(), max_payload);
  return hbtp_decode(in.data(), uint32_t(in.size()), max_payload, f, e);
}

}  // namespace

TEST_CASE("hbtp: header encodes little-endian and round trips", "[hbtp]") {
  uint8_t b[8];
  hbtp_encode_header(b, {kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, 0xBEEF, 0x01020304});
  const uint8_t want[8] = {0x30, 0x0c, 0xef, 0xbe, 0x04, 0x03, 0x02, 0x01};
  CHECK(Bytes(b, b + 8) == Bytes(want, want + 8));
  HbtpHeader h = hbtp_decode_header(b);
  CHECK(h.opcode == kHbtpRpcCall);
  CHECK(h.flags == (kHbtpFinal | kHbtpExpectsResponse));
  CHECK(h.sequence == 0xBEEF);
  CHECK(h.length == 0x01020304u);
}

TEST_CASE("hbtp: every opcode round trips through writer and decoder, whole and byte by byte", "[hbtp]") {
  const uint8_t ops[] = {kHbtpHello, kHbtpPing, kHbtpPong, kHbtpClose, kHbtpError, kHbtpStateSync,
                         kHbtpStateDelta, kHbtpHtipClone, kHbtpHtipPatchText, kHbtpRpcCall, kHbtpRpcResponse,
                         kHbtpClientEvent, kHbtpExtended};
  uint16_t seq = 0xFFFE;
  for (uint8_t op : ops) {
    CAPTURE(hbtp_opcode_name(op));
    CHECK(hbtp_known_opcode(op));
    Bytes payload;
    for (int i = 0; i < (hbtp_is_control(op) ? 125 : 300); ++i) payload.push_back(uint8_t(i * 7));
    Bytes in = frame(op, kHbtpFinal, seq, payload);
    HbtpFrame f;
    HbtpError e;
    REQUIRE(decode_both_ways(in, kHbtpDefaultMaxPayload, &f, &e) == int32_t(in.size()));
    CHECK(f.header.opcode == op);
    CHECK(f.header.sequence == seq);
    CHECK(Bytes(f.payload, f.payload + f.header.length) == payload);
    ++seq;  // wraps through 0
  }
}

TEST_CASE("hbtp: partial until the last payload byte, empty payload completes at 8 bytes", "[hbtp]") {
  Bytes in = frame(kHbtpStateDelta, kHbtpFinal, 1, {1, 2, 3});
  for (uint32_t k = 0; k < in.size(); ++k) CHECK(hbtp_decode(in.data(), k, 1024, nullptr, nullptr) == kHbtpPartial);
  Bytes empty = frame(kHbtpPing, kHbtpFinal, 9, {});
  HbtpFrame f;
  CHECK(decode_both_ways(empty, 1024, &f, nullptr) == 8);
  CHECK(f.header.length == 0);
}

TEST_CASE("hbtp: a stream of frames decodes frame by frame, trailing bytes stay for the next call", "[hbtp]") {
  Bytes s = frame(kHbtpPing, kHbtpFinal, 1, {'a'});
  Bytes b = frame(kHbtpClientEvent, kHbtpFinal, 2, {1, 0, 0, 0, 2, 0, 0, 0});
  s.insert(s.end(), b.begin(), b.end());
  s.push_back(kHbtpPong);  // start of a third frame
  HbtpFrame f;
  int32_t r1 = hbtp_decode(s.data(), uint32_t(s.size()), 1024, &f, nullptr);
  REQUIRE(r1 == 9);
  CHECK(f.header.opcode == kHbtpPing);
  int32_t r2 = hbtp_decode(s.data() + r1, uint32_t(s.size()) - uint32_t(r1), 1024, &f, nullptr);
  REQUIRE(r2 == 16);
  CHECK(f.header.opcode == kHbtpClientEvent);
  CHECK(hbtp_decode(s.data() + r1 + r2, 1, 1024, &f, nullptr) == kHbtpPartial);
  dx_hbtp_test::check_hbtp_input(s.data(), s.size(), 1024);
}

TEST_CASE("hbtp: unknown opcodes are returned whole so the receiver can skip them", "[hbtp]") {
  for (uint8_t op : {uint8_t(0x06), uint8_t(0x0F), uint8_t(0x12), uint8_t(0x50), uint8_t(0xFE)}) {
    CAPTURE(int(op));
    CHECK_FALSE(hbtp_known_opcode(op));
    CHECK(std::string(hbtp_opcode_name(op)) == "Unknown");
    Bytes in = frame(op, kHbtpFinal, 3, {9, 9});
    HbtpFrame f;
    CHECK(decode_both_ways(in, 1024, &f, nullptr) == 10);
    CHECK(f.header.opcode == op);
  }
  // A non-final data frame of an unknown opcode is fine (it is a fragment); an unknown control one is not.
  Bytes frag = frame(0x50, 0, 3, {1});
  CHECK(decode_both_ways(frag, 1024, nullptr, nullptr) == 9);
  Bytes ctl = frame(0x06, 0, 3, {1});
  HbtpError e;
  CHECK(decode_both_ways(ctl, 1024, nullptr, &e) == kHbtpMalformed);
  CHECK(e.code == kHbtpErrMalformed);
}

TEST_CASE("hbtp: malformed headers are reported as soon as the bytes show them", "[hbtp]") {
  HbtpError e;
  const uint8_t zero[1] = {0};
  CHECK(hbtp_decode(zero, 1, 1024, nullptr, &e) == kHbtpMalformed);
  CHECK(e.code == kHbtpErrMalformed);
  for (uint8_t bit : {uint8_t(0x10), uint8_t(0x20), uint8_t(0x40), uint8_t(0x80)}) {
    const uint8_t reserved[2] = {kHbtpStateSync, uint8_t(kHbtpFinal | bit)};
    e = {};
    CHECK(hbtp_decode(reserved, 2, 1024, nullptr, &e) == kHbtpMalformed);
    CHECK(e.code == kHbtpErrMalformed);
  }
  const uint8_t unfinished_ping[2] = {kHbtpPing, 0};
  CHECK(hbtp_decode(unfinished_ping, 2, 1024, nullptr, &e) == kHbtpMalformed);
  Bytes long_ping = frame(kHbtpPing, kHbtpFinal, 0, Bytes(126, 'x'));
  e = {};
  CHECK(decode_both_ways(long_ping, 1024, nullptr, &e) == kHbtpMalformed);
  CHECK(e.code == kHbtpErrMalformed);
  CHECK(std::string(e.message).find("125") != std::string::npos);
}

TEST_CASE("hbtp: length over the limit fails at 8 bytes without waiting for the payload", "[hbtp]") {
  uint8_t h[8];
  hbtp_encode_header(h, {kHbtpStateSync, kHbtpFinal, 1, 1025});
  HbtpError e;
  CHECK(hbtp_decode(h, 7, 1024, nullptr, &e) == kHbtpPartial);
  CHECK(hbtp_decode(h, 8, 1024, nullptr, &e) == kHbtpMalformed);
  CHECK(e.code == kHbtpErrTooLarge);
  hbtp_encode_header(h, {kHbtpStateSync, kHbtpFinal, 1, 1024});
  CHECK(hbtp_decode(h, 8, 1024, nullptr, &e) == kHbtpPartial);  // exactly at the limit: fine, wants payload
  // The limit is clamped to 16 MiB whatever the caller asks for.
  hbtp_encode_header(h, {kHbtpStateSync, kHbtpFinal, 1, kHbtpMaxPayloadLimit + 1});
  CHECK(hbtp_decode(h, 8, 0xFFFFFFFFu, nullptr, &e) == kHbtpMalformed);
  CHECK(e.code == kHbtpErrTooLarge);
  hbtp_encode_header(h, {kHbtpStateSync, kHbtpFinal, 1, 0xFFFFFFFFu});
  CHECK(hbtp_decode(h, 8, 0xFFFFFFFFu, nullptr, &e) == kHbtpMalformed);
}

TEST_CASE("hbtp: writers refuse buffers that are too small", "[hbtp]") {
  uint8_t buf[16];
  const uint8_t p[9] = {};
  CHECK(hbtp_write_frame(buf, 16, {kHbtpPing, kHbtpFinal, 0, 0}, p, 8) == 16);
  CHECK(hbtp_write_frame(buf, 16, {kHbtpPing, kHbtpFinal, 0, 0}, p, 9) == 0);
  CHECK(hbtp_write_frame(buf, 7, {kHbtpPing, kHbtpFinal, 0, 0}, p, 0) == 0);
  CHECK(hbtp_write_rpc_call(buf, 16, 1, 2, p, 4) == 16);
  CHECK(hbtp_write_rpc_call(buf, 16, 1, 2, p, 5) == 0);
  CHECK(hbtp_write_rpc_response(buf, 11, 1, 0, p, 0) == 0);
  CHECK(hbtp_write_hello(buf, 16, 0, {}) == 0);
}

TEST_CASE("hbtp: Ping is answered by a Pong with its sequence and payload", "[hbtp]") {
  Bytes ping = frame(kHbtpPing, kHbtpFinal, 0x1234, {'h', 'i'});
  HbtpFrame f;
  REQUIRE(hbtp_decode(ping.data(), uint32_t(ping.size()), 1024, &f, nullptr) == 10);
  uint8_t out[32];
  uint32_t n = hbtp_write_pong(out, sizeof out, f);
  REQUIRE(n == 10);
  HbtpFrame pong;
  REQUIRE(hbtp_decode(out, n, 1024, &pong, nullptr) == 10);
  CHECK(pong.header.opcode == kHbtpPong);
  CHECK(pong.header.sequence == 0x1234);
  CHECK(std::string(reinterpret_cast<const char*>(pong.payload), 2) == "hi");
}

TEST_CASE("hbtp: Hello round trip and version negotiation", "[hbtp]") {
  uint8_t out[32];
  HbtpHello mine;
  mine.max_payload = 4096;
  mine.features = kHbtpFeatureDeflate;
  uint32_t n = hbtp_write_hello(out, sizeof out, 0, mine);
  REQUIRE(n == 20);
  HbtpFrame f;
  REQUIRE(hbtp_decode(out, n, 1024, &f, nullptr) == 20);
  HbtpHello got;
  REQUIRE(hbtp_read_hello(f, &got));
  CHECK(got.version == kHbtpVersion);
  CHECK(got.max_payload == 4096);
  CHECK(got.features == kHbtpFeatureDeflate);
  CHECK(hbtp_negotiate(HbtpHello{}, got) == 1);
  HbtpHello future{3, 2, 1024, 0};  // version 3 that still speaks 2: a version-1 side cannot follow
  CHECK(hbtp_negotiate(HbtpHello{}, future) == 0);
  HbtpHello lenient{3, 1, 1024, 0};
  CHECK(hbtp_negotiate(HbtpHello{}, lenient) == 1);
  HbtpHello bogus{1, 2, 1024, 0};  // min above its own version
  CHECK(hbtp_negotiate(HbtpHello{}, bogus) == 0);
  f.header.length = 11;
  CHECK_FALSE(hbtp_read_hello(f, &got));
}

TEST_CASE("hbtp: Error and Close carry a code and a UTF-8 message cut at 123 bytes", "[hbtp]") {
  uint8_t out[256];
  std::string msg(130, 'a');
  msg.replace(121, 3, "\xE2\x82\xAC");  // a 3-byte code point straddling byte 123
  uint32_t n = hbtp_write_error(out, sizeof out, 7, kHbtpErrProtocol, msg.c_str());
  HbtpFrame f;
  REQUIRE(hbtp_decode(out, n, 1024, &f, nullptr) == int32_t(n));
  HbtpStatus st;
  REQUIRE(hbtp_read_status(f, &st));
  CHECK(st.code == kHbtpErrProtocol);
  CHECK(st.message_len == 121);  // cut before the code point, not through it
  n = hbtp_write_close(out, sizeof out, kHbtpOk, nullptr);
  REQUIRE(n == 10);
  REQUIRE(hbtp_decode(out, n, 1024, &f, nullptr) == 10);
  REQUIRE(hbtp_read_status(f, &st));
  CHECK(st.message_len == 0);
  Bytes bad = frame(kHbtpClose, kHbtpFinal, 0, {0, 0, 0xC0, 0x80});  // overlong NUL
  REQUIRE(hbtp_decode(bad.data(), uint32_t(bad.size()), 1024, &f, nullptr) == 12);
  CHECK_FALSE(hbtp_read_status(f, &st));
  Bytes short_close = frame(kHbtpClose, kHbtpFinal, 0, {0});
  REQUIRE(hbtp_decode(short_close.data(), uint32_t(short_close.size()), 1024, &f, nullptr) == 9);
  CHECK_FALSE(hbtp_read_status(f, &st));
}

namespace {
int add_one(uint32_t x) { return int(x) + 1; }
int twice(uint32_t x) { return int(x) * 2; }
using Handler = int (*)(uint32_t);
constexpr Handler kTable[] = {add_one, twice};
}  // namespace

TEST_CASE("hbtp: RpcCall routes through a compile-time table, unknown ids find nothing", "[hbtp]") {
  uint8_t out[32];
  const uint8_t args[4] = {21, 0, 0, 0};
  uint32_t n = hbtp_write_rpc_call(out, sizeof out, 5, 1, args, 4);
  HbtpFrame f;
  REQUIRE(hbtp_decode(out, n, 1024, &f, nullptr) == 16);
  CHECK(f.header.flags == (kHbtpFinal | kHbtpExpectsResponse));
  HbtpRpcCall call;
  REQUIRE(hbtp_read_rpc_call(f, &call));
  CHECK(call.method == 1);
  const Handler* h = hbtp_route(kTable, call.method);
  REQUIRE(h);
  CHECK((*h)(load_u32(call.args)) == 42);
  CHECK(hbtp_route(kTable, 2) == nullptr);
  CHECK(hbtp_route(kTable, 0xFFFFFFFFu) == nullptr);
  Bytes short_call = frame(kHbtpRpcCall, kHbtpFinal, 0, {1, 2, 3});
  REQUIRE(hbtp_decode(short_call.data(), 11, 1024, &f, nullptr) == 11);
  CHECK_FALSE(hbtp_read_rpc_call(f, &call));
}

TEST_CASE("hbtp: flags allowed only as agreed", "[hbtp]") {
  CHECK(hbtp_flags_allowed(kHbtpFinal | kHbtpExpectsResponse, 0));
  CHECK_FALSE(hbtp_flags_allowed(kHbtpFinal | kHbtpEncrypted, kHbtpFeatureDeflate));
  CHECK_FALSE(hbtp_flags_allowed(kHbtpFinal | kHbtpCompressed, 0));
  CHECK(hbtp_flags_allowed(kHbtpFinal | kHbtpCompressed, kHbtpFeatureDeflate));
  CHECK_FALSE(hbtp_flags_allowed(0x80, kHbtpFeatureDeflate));
}

TEST_CASE("hbtp: headers dump as one line of text", "[hbtp]") {
  char buf[96];
  hbtp_dump_header({kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, 2, 8}, buf, sizeof buf);
  CHECK(std::string(buf) == "RpcCall seq=2 len=8 EXPECTS_RESPONSE|FINAL");
  hbtp_dump_header({0x50, kHbtpFinal, 65535, 4294967295u}, buf, sizeof buf);
  CHECK(std::string(buf) == "0x50 seq=65535 len=4294967295 FINAL");
  hbtp_dump_header({kHbtpPing, 0, 0, 0}, buf, sizeof buf);
  CHECK(std::string(buf) == "Ping seq=0 len=0");
  CHECK(hbtp_dump_header({kHbtpPing, 0, 0, 0}, buf, 5) == 4);  // truncated, NUL-terminated
  CHECK(std::string(buf) == "Ping");
}
