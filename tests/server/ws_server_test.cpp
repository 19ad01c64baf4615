// ws_server_test.cpp — WebSocket in dx-server (GET /_dx/hbtp, RFC 6455 server behaviour), against a
// dxs::Server in this process, once per event backend (EACH_IO), with the C++ WsClient (dx::client).
//
// Each session starts with the server's HBTP Hello in a binary message (server_hello below); the cases
// then check the handshake answers, the codec rules as the server applies them (masking, fragmentation,
// UTF-8, size limit, ping/pong, the close handshake), the idle timeout and the connection limit.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "client.h"
#include "dx/schema/hbtp.h"
#include "dxs/client/ws_client.h"
#include "dxs/ws/encoder.h"
#include "running.h"

using namespace dxs_test;
using dxs::client::WsClient;
using dxs::client::WsMessage;
namespace ws = dxs::ws;

namespace {

constexpr int kWait = 5000;
const uint8_t kKey[4] = {0x12, 0x34, 0x56, 0x78};

// Connects, checks the 101, and reads the server's Hello (the first binary message).
void open_ws(WsClient& c, uint16_t port) {
  std::string err;
  bool ok = c.connect({.port = port}, &err);
  INFO(err);
  REQUIRE(ok);
  CHECK(c.protocol() == "hbtp");
  auto hello = c.receive(kWait);
  REQUIRE(hello);
  REQUIRE(hello->event == ws::Event::kBinary);
  REQUIRE(hello->data.size() == dx::schema::kHbtpHeaderSize + dx::schema::kHbtpHelloSize);
  CHECK(hello->data[0] == dx::schema::kHbtpHello);
}

// The next event must be the server's Close with `code`; then the server closes the TCP connection.
void expect_close(WsClient& c, uint16_t code) {
  auto m = c.receive(kWait);
  REQUIRE(m);
  CHECK(m->event == ws::Event::kClose);
  CHECK(m->close_code == code);
  CHECK(c.wait_eof(kWait));
}

std::string masked(ws::Opcode op, std::string_view payload, bool fin = true) {
  ws::Buffer b;
  ws::append_masked_frame(b, op, WsClient::as_bytes(payload), kKey, fin);
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

std::string upgrade_request(std::string_view method, std::string_view path, std::string_view version,
                            bool with_key = true) {
  std::string r = std::string(method) + " " + std::string(path) + " HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\n";
  if (with_key) r += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
  r += "Sec-WebSocket-Version: " + std::string(version) + "\r\n\r\n";
  return r;
}

int status_of(uint16_t port, const std::string& request) {
  Client c(port);
  REQUIRE(c.send(request));
  auto r = c.read_response();
  REQUIRE(r);
  return r->status;
}

}  // namespace

TEST_CASE("server ws: the handshake at /_dx/hbtp switches to WebSocket (RFC 6455 sample key)", "[server][ws]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(upgrade_request("GET", "/_dx/hbtp", "13")));
  auto r = c.read_response(true);
  REQUIRE(r);
  CHECK(r->status == 101);
  CHECK(r->header("sec-websocket-accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  CHECK(r->header("upgrade") == "websocket");
  WsClient w;
  open_ws(w, s.port());
  CHECK(w.close(1000, "bye", kWait));
}

TEST_CASE("server ws: refused handshakes get 426, 400, 405 or 404", "[server][ws]") {
  Running s(EACH_IO);
  CHECK(status_of(s.port(), upgrade_request("GET", "/_dx/hbtp", "8")) == 426);
  CHECK(status_of(s.port(), upgrade_request("GET", "/_dx/hbtp", "13", false)) == 400);
  CHECK(status_of(s.port(), upgrade_request("HEAD", "/_dx/hbtp", "13")) == 405);
  CHECK(status_of(s.port(), upgrade_request("POST", "/_dx/hbtp", "13")) == 405);
  CHECK(status_of(s.port(), upgrade_request("GET", "/_dx/other", "13")) == 404);
  CHECK(status_of(s.port(), get("/_dx/hbtp")) == 400);  // a plain GET: no Upgrade
  // The static path is untouched next to it.
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);
}

TEST_CASE("server ws: an unmasked client frame is closed with 1002", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  ws::Buffer b;
  ws::append_binary(b, std::vector<uint8_t>{1, 2, 3});  // a server-style (unmasked) frame
  REQUIRE(w.send_raw({reinterpret_cast<const char*>(b.data()), b.size()}));
  expect_close(w, ws::kCloseProtocolError);
}

TEST_CASE("server ws: fragmented text with invalid UTF-8 is closed with 1007", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  // "é" split across fragments is fine so far; then a lone continuation byte fails at once.
  REQUIRE(w.send_raw(masked(ws::Opcode::kText, "caf\xC3", false)));
  REQUIRE(w.send_raw(masked(ws::Opcode::kContinuation, "\xA9 \x80", false)));
  expect_close(w, ws::kCloseInvalidPayload);
}

TEST_CASE("server ws: a valid text message is refused with 1003 (HBTP is binary)", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  REQUIRE(w.send_text("hello"));
  expect_close(w, ws::kCloseUnsupportedData);
}

TEST_CASE("server ws: a message over --max-message-bytes is closed with 1009", "[server][ws]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.max_message = 1000; });
  WsClient w;
  open_ws(w, s.port());
  // Two fragments of 600: the second header already shows the message is over the limit.
  REQUIRE(w.send_raw(masked(ws::Opcode::kBinary, std::string(600, 'a'), false)));
  REQUIRE(w.send_raw(masked(ws::Opcode::kContinuation, std::string(600, 'b'))));
  expect_close(w, ws::kCloseTooBig);
}

TEST_CASE("server ws: ping gets a pong with the same payload, also between fragments", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  REQUIRE(w.send(ws::Opcode::kPing, WsClient::as_bytes("are you there")));
  auto m = w.receive(kWait);
  REQUIRE(m);
  CHECK(m->event == ws::Event::kPong);
  CHECK(m->text() == "are you there");
  // A Ping inside a fragmented binary message (whose HBTP frame is a Hello split in two).
  uint8_t hello[20];
  dx::schema::hbtp_write_hello(hello, sizeof hello, 0, {});
  std::string h(reinterpret_cast<const char*>(hello), sizeof hello);
  REQUIRE(w.send_raw(masked(ws::Opcode::kBinary, h.substr(0, 5), false) + masked(ws::Opcode::kPing, "mid") +
                     masked(ws::Opcode::kContinuation, h.substr(5))));
  m = w.receive(kWait);
  REQUIRE(m);
  CHECK(m->event == ws::Event::kPong);
  CHECK(m->text() == "mid");
  CHECK(w.close(1000, "", kWait));
}

TEST_CASE("server ws: the close handshake echoes the client's code", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  REQUIRE(w.send(ws::Opcode::kClose, std::vector<uint8_t>{0x0F, 0xA1, 'o', 'k'}));  // 4001 "ok"
  expect_close(w, 4001);
}

TEST_CASE("server ws: an idle session is closed after --hbtp-idle-timeout-ms", "[server][ws]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.hbtp_idle_timeout_ms = 200; });
  WsClient w;
  open_ws(w, s.port());
  auto m = w.receive(kWait);  // the HBTP Close 0 "idle timeout" in a binary message
  REQUIRE(m);
  CHECK(m->event == ws::Event::kBinary);
  CHECK(m->data[0] == dx::schema::kHbtpClose);
  expect_close(w, ws::kCloseNormal);
}

TEST_CASE("server ws: WebSocket sessions count against --max-connections", "[server][ws]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.max_connections = 2; });
  WsClient a, b;
  open_ws(a, s.port());
  open_ws(b, s.port());
  Client third(s.port());
  REQUIRE(third.send(upgrade_request("GET", "/_dx/hbtp", "13")));
  auto r = third.read_response();
  REQUIRE(r);
  CHECK(r->status == 503);
  CHECK(a.close(1000, "", kWait));
}

TEST_CASE("server ws: stop() sends Close 1001 to an open session and waits for it", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  s.server->stop();
  auto m = w.receive(kWait);  // HBTP Close 8 (GOING_AWAY) in a binary message, then WebSocket Close 1001
  REQUIRE(m);
  REQUIRE(m->event == ws::Event::kBinary);
  CHECK(m->data[0] == dx::schema::kHbtpClose);
  CHECK(dx::schema::load_u16(m->data.data() + 8) == dx::schema::kHbtpErrGoingAway);
  expect_close(w, ws::kCloseGoingAway);
}

TEST_CASE("server ws: many frames in one write, and a stream written one byte at a time", "[server][ws]") {
  Running s(EACH_IO);
  WsClient w;
  open_ws(w, s.port());
  uint8_t hello[20];
  dx::schema::hbtp_write_hello(hello, sizeof hello, 0, {});
  REQUIRE(w.send_raw(masked(ws::Opcode::kBinary, std::string(reinterpret_cast<const char*>(hello), sizeof hello))));
  // An HBTP Ping with sequence `seq` in its own binary message.
  auto hbtp_ping = [](uint16_t seq) {
    std::string f(dx::schema::kHbtpHeaderSize, '\0');
    dx::schema::hbtp_encode_header(reinterpret_cast<uint8_t*>(f.data()), {dx::schema::kHbtpPing, dx::schema::kHbtpFinal, seq, 0});
    return masked(ws::Opcode::kBinary, f);
  };
  std::string batch;
  for (uint16_t i = 1; i <= 100; ++i) batch += i % 10 ? hbtp_ping(i) : masked(ws::Opcode::kPing, std::to_string(i));
  REQUIRE(w.send_raw(batch));
  for (uint16_t i = 1; i <= 100; ++i) {
    auto m = w.receive(kWait);
    REQUIRE(m);
    if (i % 10) {
      REQUIRE(m->event == ws::Event::kBinary);
      CHECK(m->data[0] == dx::schema::kHbtpPong);
      CHECK(dx::schema::load_u16(m->data.data() + 2) == i);
    } else {
      REQUIRE(m->event == ws::Event::kPong);
      CHECK(m->text() == std::to_string(i));
    }
  }
  std::string slow = hbtp_ping(500) + masked(ws::Opcode::kPing, "slow");
  for (char b : slow) REQUIRE(w.send_raw(std::string(1, b)));
  auto m = w.receive(kWait);
  REQUIRE(m);
  CHECK(dx::schema::load_u16(m->data.data() + 2) == 500);
  m = w.receive(kWait);
  REQUIRE(m);
  CHECK(m->event == ws::Event::kPong);
  CHECK(m->text() == "slow");
  CHECK(w.close(1000, "", kWait));
}
