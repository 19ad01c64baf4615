// hbtp_example_test.cpp — the worked example of schemas/hbtp.md, byte for byte: the writers produce exactly
// the spec's bytes, and the decoder, fed the client's stream whole and one byte at a time, yields the
// frames the spec describes (the unknown opcode included, to be skipped). The hex is also read back out of
// schemas/hbtp.md itself, so the document and this test cannot drift apart.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dx/schema/hbtp.h"
#include "hbtp_check.h"

using namespace dx::schema;

namespace {

using Bytes = std::vector<uint8_t>;

// The hex of the spec, with the comments stripped.
const Bytes kClient = {
    0x01, 0x08, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00,                                            // Hello
    0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00,                    //
    0x02, 0x08, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x68, 0x69,                                // Ping "hi"
    0x30, 0x0c, 0x02, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x2a, 0x00, 0x00, 0x00,  // RpcCall
    0x50, 0x08, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,                                      // unknown
};
const Bytes kServer = {
    0x01, 0x08, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x10, 0x00,
    0x00, 0x00, 0x00, 0x00,                                                                    // Hello
    0x03, 0x08, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x68, 0x69,                                // Pong
    0x31, 0x08, 0x02, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x54, 0x00, 0x00, 0x00,  // RpcResponse
};
const Bytes kOversized = {0x10, 0x08, 0x04, 0x00, 0x01, 0x00, 0x00, 0x01};
const Bytes kErrorThenClose = {
    0x05, 0x08, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x02, 0x00, 0x74, 0x6f, 0x6f, 0x20, 0x6c, 0x61, 0x72, 0x67, 0x65,
    0x04, 0x08, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00,
};

// A server as the spec's rules describe it, over the codec alone: answers Hello, Ping, RpcCall (result =
// argument × 2), skips unknown opcodes, and on a decode error writes Error then Close and stops.
struct MiniServer {
  Bytes out;
  std::vector<std::string> log;
  bool closed = false;

  void emit(uint32_t n, const uint8_t* buf) { out.insert(out.end(), buf, buf + n); }

  // Returns the bytes consumed from `in` (all of it unless partial).
  size_t feed(const uint8_t* in, size_t len) {
    size_t at = 0;
    uint8_t buf[256];
    while (!closed) {
      HbtpFrame f;
      HbtpError e;
      int32_t r = hbtp_decode(in + at, uint32_t(len - at), kHbtpDefaultMaxPayload, &f, &e);
      if (r == kHbtpPartial) break;
      if (r == kHbtpMalformed) {
        emit(hbtp_write_error(buf, sizeof buf, 0, e.code, "too large"), buf);
        emit(hbtp_write_close(buf, sizeof buf, e.code, nullptr), buf);
        closed = true;
        break;
      }
      at += size_t(r);
      if (!hbtp_known_opcode(f.header.opcode)) {
        log.push_back("ignored opcode " + std::to_string(f.header.opcode));
        continue;
      }
      HbtpRpcCall call;
      switch (f.header.opcode) {
        case kHbtpHello: emit(hbtp_write_hello(buf, sizeof buf, 0, HbtpHello{}), buf); break;
        case kHbtpPing: emit(hbtp_write_pong(buf, sizeof buf, f), buf); break;
        case kHbtpRpcCall: {
          REQUIRE(hbtp_read_rpc_call(f, &call));
          REQUIRE(call.method == 3);
          uint8_t result[4];
          store_u32(result, load_u32(call.args) * 2);
          emit(hbtp_write_rpc_response(buf, sizeof buf, f.header.sequence, kHbtpOk, result, 4), buf);
          break;
        }
        default: break;
      }
    }
    return at;
  }
};

}  // namespace

TEST_CASE("hbtp: the spec's worked example, byte for byte, fed whole", "[hbtp][example]") {
  MiniServer s;
  CHECK(s.feed(kClient.data(), kClient.size()) == kClient.size());
  CHECK(s.out == kServer);
  REQUIRE(s.log.size() == 1);
  CHECK(s.log[0] == "ignored opcode 80");
  s.out.clear();
  s.feed(kOversized.data(), kOversized.size());
  CHECK(s.closed);
  CHECK(s.out == kErrorThenClose);
}

TEST_CASE("hbtp: the spec's worked example, fed one byte at a time", "[hbtp][example]") {
  MiniServer s;
  Bytes pending;
  for (uint8_t b : kClient) {
    pending.push_back(b);
    size_t used = s.feed(pending.data(), pending.size());
    pending.erase(pending.begin(), pending.begin() + long(used));
  }
  CHECK(pending.empty());
  CHECK(s.out == kServer);
  s.out.clear();
  for (size_t i = 0; i < kOversized.size() && !s.closed; ++i) {
    pending.push_back(kOversized[i]);
    s.feed(pending.data(), pending.size());
    if (i + 1 < kOversized.size()) CHECK_FALSE(s.closed);  // the length is only known at byte 8
  }
  CHECK(s.out == kErrorThenClose);
}

TEST_CASE("hbtp: the worked example's RpcResponse reads back as status 0, result 84", "[hbtp][example]") {
  HbtpFrame f;
  const uint8_t* resp = kServer.data() + 30;  // after Hello (20) and Pong (10)
  REQUIRE(hbtp_decode(resp, 16, kHbtpDefaultMaxPayload, &f, nullptr) == 16);
  HbtpRpcResult r;
  REQUIRE(hbtp_read_rpc_response(f, &r));
  CHECK(r.status == kHbtpOk);
  CHECK(r.result_len == 4);
  CHECK(load_u32(r.result) == 84);
  HbtpRpcCall not_a_call;
  CHECK_FALSE(hbtp_read_rpc_call(f, &not_a_call));
}

TEST_CASE("hbtp: the worked example's frames keep the decoder properties", "[hbtp][example]") {
  dx_hbtp_test::check_hbtp_input(kClient.data(), kClient.size(), kHbtpDefaultMaxPayload);
  dx_hbtp_test::check_hbtp_input(kServer.data(), kServer.size(), kHbtpDefaultMaxPayload);
  dx_hbtp_test::check_hbtp_input(kOversized.data(), kOversized.size(), kHbtpDefaultMaxPayload);
  dx_hbtp_test::check_hbtp_input(kErrorThenClose.data(), kErrorThenClose.size(), kHbtpDefaultMaxPayload);
}

namespace {

bool is_hex_byte(const std::string& t) {
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
  return t.size() == 2 && hex(t[0]) && hex(t[1]);
}

// The bytes of the worked example's code block: on each line, the leading two-digit hex tokens.
Bytes spec_example_bytes() {
  std::ifstream in(DX_TEST_SOURCE_DIR "/schemas/hbtp.md");
  std::string line;
  while (std::getline(in, line) && line != "## Worked example (hex)") {}
  while (std::getline(in, line) && line != "```") {}
  Bytes out;
  while (std::getline(in, line) && line != "```") {
    std::istringstream words(line);
    std::string t;
    while (words >> t && is_hex_byte(t)) out.push_back(uint8_t(std::stoi(t, nullptr, 16)));
  }
  return out;
}

}  // namespace

TEST_CASE("hbtp: the hex in schemas/hbtp.md is exactly the bytes this test checks", "[hbtp][example]") {
  Bytes all;
  for (const Bytes* b : {&kClient, &kServer, &kOversized, &kErrorThenClose}) all.insert(all.end(), b->begin(), b->end());
  CHECK(spec_example_bytes() == all);
}
