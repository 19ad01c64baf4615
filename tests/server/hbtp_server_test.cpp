// hbtp_server_test.cpp — HBTP in dx-server (schemas/hbtp.md "Behaviour rules"), over both transports (raw
// TCP on --hbtp-port, and WebSocket binary messages at /_dx/hbtp) and every event backend (EACH_IO), with
// the C++ HbtpClient (dx::client).
#include <catch2/catch.hpp>

#include <cctype>
#include <ctime>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include "dx/schema/hbtp.h"
#include "dxs/client/hbtp_client.h"
#include "running.h"

using namespace dxs_test;
using namespace dx::schema;
using dxs::client::HbtpClient;
using dxs::client::HbtpMessage;
using dxs::client::Transport;

namespace {

constexpr int kWait = 5000;

#define EACH_TRANSPORT GENERATE(Transport::kRaw, Transport::kWebSocket)

struct Session {
  std::unique_ptr<Running> server;
  HbtpClient client;
  Transport transport;

  Session(dxs::IoBackend io, Transport t, const std::function<void(dxs::ServerOptions&)>& tweak = {}, bool hello = true)
      : transport(t) {
    server = std::make_unique<Running>(io, 1, 10000, [&](dxs::ServerOptions& o, const auto&) {
      o.hbtp_port = 0;
      if (tweak) tweak(o);
    });
    REQUIRE(server->server->hbtp_port() != 0);
    std::string err;
    bool ok = client.connect(options(hello), &err);
    INFO((t == Transport::kRaw ? "raw: " : "websocket: ") << err);
    REQUIRE(ok);
  }
  dxs::client::HbtpOptions options(bool hello = true) const {
    dxs::client::HbtpOptions o;
    o.transport = transport;
    o.port = transport == Transport::kRaw ? server->server->hbtp_port() : server->port();
    o.hello = hello;
    return o;
  }
};

std::string frame(uint8_t op, uint8_t flags, uint16_t seq, std::string_view payload) {
  std::string b(kHbtpHeaderSize, '\0');
  hbtp_encode_header(reinterpret_cast<uint8_t*>(b.data()), {op, flags, seq, uint32_t(payload.size())});
  return b + std::string(payload);
}

std::string rpc_frame(uint16_t seq, uint32_t method, std::string_view args) {
  std::string p(4, '\0');
  store_u32(reinterpret_cast<uint8_t*>(p.data()), method);
  return frame(kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, seq, p + std::string(args));
}

// The server's Error(code), then Close(code), then EOF.
void expect_error_then_close(HbtpClient& c, uint16_t code) {
  auto e = c.next(kWait);
  REQUIRE(e);
  CHECK(e->header.opcode == kHbtpError);
  CHECK(e->header.sequence == 0);
  REQUIRE(e->payload.size() >= 2);
  CHECK(load_u16(e->payload.data()) == code);
  auto cl = c.next(kWait);
  REQUIRE(cl);
  CHECK(cl->header.opcode == kHbtpClose);
  REQUIRE(cl->payload.size() >= 2);
  CHECK(load_u16(cl->payload.data()) == code);
  CHECK(c.wait_eof(kWait));
}

}  // namespace

TEST_CASE("server hbtp: Hello, Ping → Pong with its sequence, Close", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  CHECK(s.client.server_hello().version == kHbtpVersion);
  CHECK(s.client.server_hello().max_payload == kHbtpDefaultMaxPayload);
  auto pong = s.client.ping(HbtpClient::as_bytes("hi"), kWait);
  REQUIRE(pong);
  CHECK(std::string(pong->begin(), pong->end()) == "hi");
  CHECK(s.client.close(kWait));
}

TEST_CASE("server hbtp: RPC echo, server_time, stats and an unknown method", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  auto r = s.client.call(0, HbtpClient::as_bytes("round trip ✓"), kWait);
  REQUIRE(r);
  CHECK(r->status == kHbtpOk);
  CHECK(std::string(r->result.begin(), r->result.end()) == "round trip ✓");

  r = s.client.call(1, {}, kWait);
  REQUIRE(r);
  REQUIRE(r->result.size() == 8);
  uint64_t ms = load_u32(r->result.data()) | uint64_t(load_u32(r->result.data() + 4)) << 32;
  CHECK(ms / 1000 >= uint64_t(std::time(nullptr)) - 5);
  CHECK(ms / 1000 <= uint64_t(std::time(nullptr)) + 5);

  r = s.client.call(2, {}, kWait);
  REQUIRE(r);
  REQUIRE(r->result.size() == 32);
  CHECK(load_u32(r->result.data()) == 1);      // connections of this worker: this one
  CHECK(load_u32(r->result.data() + 4) == 1);  // sessions
  CHECK(load_u32(r->result.data() + 16) == 2); // RPC calls answered before this one

  r = s.client.call(77, HbtpClient::as_bytes("x"), kWait);
  REQUIRE(r);
  CHECK(r->status == kHbtpErrUnknownMethod);
  CHECK(r->result.empty());
  CHECK(s.client.ping({}, kWait));  // still open
}

TEST_CASE("server hbtp: an unknown opcode is ignored and the session stays open", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  REQUIRE(s.client.send_bytes(frame(0x50, kHbtpFinal, 3, "?") + frame(0x07, kHbtpFinal, 4, "")));
  auto pong = s.client.ping(HbtpClient::as_bytes("after"), kWait);
  REQUIRE(pong);
  auto stats = s.client.call(2, {}, kWait);
  REQUIRE(stats);
  CHECK(load_u32(stats->result.data() + 24) == 2);  // ignored frames
}

TEST_CASE("server hbtp: a malformed header gets Error 1, then Close", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  REQUIRE(s.client.send_bytes(frame(0x02, 0x80 | kHbtpFinal, 9, "")));  // a reserved flag bit
  expect_error_then_close(s.client, kHbtpErrMalformed);
}

TEST_CASE("server hbtp: a length over --max-message-bytes gets Error 2 without the payload", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT, [](dxs::ServerOptions& o) { o.max_message = 4096; });
  CHECK(s.client.server_hello().max_payload == 4096);
  std::string head(kHbtpHeaderSize, '\0');
  hbtp_encode_header(reinterpret_cast<uint8_t*>(head.data()), {kHbtpRpcCall, kHbtpFinal, 5, 5000});
  REQUIRE(s.client.send_bytes(head));  // the header alone: the server must not wait for 5000 bytes
  expect_error_then_close(s.client, kHbtpErrTooLarge);
}

TEST_CASE("server hbtp: a first frame other than Hello gets Error 4", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT, {}, /*hello=*/false);
  REQUIRE(s.client.send_bytes(frame(kHbtpPing, kHbtpFinal, 1, "")));
  expect_error_then_close(s.client, kHbtpErrProtocol);
}

TEST_CASE("server hbtp: ENCRYPTED gets Error 5, a short RpcCall Error 4", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  SECTION("encrypted") {
    REQUIRE(s.client.send_bytes(frame(kHbtpRpcCall, kHbtpFinal | kHbtpEncrypted, 1, "abcd")));
    expect_error_then_close(s.client, kHbtpErrUnsupported);
  }
  SECTION("short call") {
    REQUIRE(s.client.send_bytes(frame(kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, 1, "ab")));
    expect_error_then_close(s.client, kHbtpErrProtocol);
  }
}

TEST_CASE("server hbtp: many frames in one write are answered in order", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  std::string batch;
  constexpr int kN = 200;
  for (int i = 0; i < kN; ++i)
    batch += i % 2 ? frame(kHbtpPing, kHbtpFinal, uint16_t(100 + i), std::to_string(i))
                   : rpc_frame(uint16_t(100 + i), 0, std::to_string(i));
  REQUIRE(s.client.send_bytes(batch));
  for (int i = 0; i < kN; ++i) {
    auto m = s.client.next(kWait);
    REQUIRE(m);
    CHECK(m->header.sequence == 100 + i);
    CHECK(m->header.opcode == (i % 2 ? kHbtpPong : kHbtpRpcResponse));
    std::string want = (i % 2 ? "" : std::string(4, '\0')) + std::to_string(i);
    CHECK(m->text() == want);
  }
}

TEST_CASE("server hbtp: a fragmented RpcCall is reassembled", "[server][hbtp]") {
  Session s(EACH_IO, EACH_TRANSPORT);
  std::string p(4, '\0');  // method 0 (echo)
  REQUIRE(s.client.send_bytes(frame(kHbtpRpcCall, kHbtpExpectsResponse, 7, p + "hel") +
                              frame(kHbtpPing, kHbtpFinal, 8, "between") +
                              frame(kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, 7, "lo")));
  auto pong = s.client.next(kWait);
  REQUIRE(pong);
  CHECK(pong->header.opcode == kHbtpPong);
  auto r = s.client.next(kWait);
  REQUIRE(r);
  CHECK(r->header.opcode == kHbtpRpcResponse);
  CHECK(r->header.sequence == 7);
  CHECK(r->text() == std::string(4, '\0') + "hello");
}

TEST_CASE("server hbtp: raw frames written one byte at a time", "[server][hbtp]") {
  Session s(EACH_IO, Transport::kRaw);
  std::string bytes = rpc_frame(1, 0, "slow") + frame(kHbtpPing, kHbtpFinal, 2, "p");
  for (char b : bytes) REQUIRE(s.client.send_bytes(std::string(1, b)));
  auto r = s.client.next(kWait);
  REQUIRE(r);
  CHECK(r->header.sequence == 1);
  CHECK(r->text() == std::string(4, '\0') + "slow");
  auto p = s.client.next(kWait);
  REQUIRE(p);
  CHECK(p->header.opcode == kHbtpPong);
}

TEST_CASE("server hbtp: a WebSocket message that ends inside a frame gets Error 1", "[server][hbtp]") {
  Session s(EACH_IO, Transport::kWebSocket);
  REQUIRE(s.client.send_bytes(frame(kHbtpPing, kHbtpFinal, 1, "abc").substr(0, 9)));
  expect_error_then_close(s.client, kHbtpErrMalformed);
}

TEST_CASE("server hbtp: stop() sends Close 8 (GOING_AWAY) on the raw port", "[server][hbtp]") {
  Session s(EACH_IO, Transport::kRaw);
  s.server->server->stop();
  auto m = s.client.next(kWait);
  REQUIRE(m);
  CHECK(m->header.opcode == kHbtpClose);
  CHECK(load_u16(m->payload.data()) == kHbtpErrGoingAway);
  CHECK(s.client.wait_eof(kWait));
}

namespace {

// The two byte runs of the "Built-in RPC methods" example in schemas/hbtp.md: client → server, server → client.
std::pair<std::string, std::string> builtin_example() {
  std::ifstream in(DX_TEST_SOURCE_DIR "/schemas/hbtp.md");
  std::string line;
  while (std::getline(in, line) && line != "## Built-in RPC methods (dx-server)") {}
  while (std::getline(in, line) && line != "```") {}
  std::string parts[2];
  int part = -1;
  while (std::getline(in, line) && line != "```") {
    if (line.starts_with("client")) part = 0;
    if (line.starts_with("server")) part = 1;
    std::istringstream words(line);
    std::string t;
    while (part >= 0 && words >> t && t.size() == 2 && std::isxdigit(uint8_t(t[0])) && std::isxdigit(uint8_t(t[1])))
      parts[part] += char(std::stoi(t, nullptr, 16));
  }
  return {parts[0], parts[1]};
}

}  // namespace

TEST_CASE("server hbtp: the built-in methods example of schemas/hbtp.md, byte for byte", "[server][hbtp]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.hbtp_port = 0; });
  auto [request, answer] = builtin_example();
  REQUIRE(request.size() == 58);
  dxs::client::Socket sock;
  std::string err;
  REQUIRE(sock.connect("127.0.0.1", s.server->hbtp_port(), kWait, &err));
  REQUIRE(sock.send_all(request, dxs::client::now_ms() + kWait));
  std::string got;
  char buf[4096];
  while (got.size() < answer.size()) {
    long n = sock.recv_some(buf, sizeof buf, dxs::client::now_ms() + kWait);
    REQUIRE(n > 0);
    got.append(buf, size_t(n));
  }
  CHECK(got == answer);
}

TEST_CASE("server hbtp: over --max-connections the raw port answers Error 8 and Close 8", "[server][hbtp]") {
  Session s(EACH_IO, Transport::kRaw, [](dxs::ServerOptions& o) { o.max_connections = 1; });
  dxs::client::Socket extra;
  std::string err;
  REQUIRE(extra.connect("127.0.0.1", s.server->server->hbtp_port(), kWait, &err));
  std::string got;
  char buf[256];
  for (long n; (n = extra.recv_some(buf, sizeof buf, dxs::client::now_ms() + kWait)) > 0;) got.append(buf, size_t(n));
  REQUIRE(got.size() >= 2 * kHbtpHeaderSize + 4);
  CHECK(uint8_t(got[0]) == kHbtpError);
  CHECK(load_u16(reinterpret_cast<const uint8_t*>(got.data()) + 8) == kHbtpErrGoingAway);
  CHECK(s.client.ping({}, kWait));  // the session in the slot is unaffected
}
