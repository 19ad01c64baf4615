// stream_process_test.cpp — the dx-server binary with WebSocket and raw HBTP: --hbtp-port 0 announced on
// the stdout line, and SIGTERM with an open WebSocket and an open raw session: each gets its Close
// (1001 / GOING_AWAY), the process waits for them and exits 0.
#include <catch2/catch.hpp>

#include <csignal>
#include <regex>

#include "dx/schema/hbtp.h"
#include "dxs/client/hbtp_client.h"
#include "dxs/client/ws_client.h"
#include "fixtures.h"
#include "subprocess.h"

#ifndef DX_SERVER_BINARY
#error "DX_SERVER_BINARY must name the built dx-server"
#endif

using namespace dxs_test;
using namespace dxs::client;

TEST_CASE("server hbtp: dx-server --hbtp-port 0 prints both ports, SIGTERM closes sessions with 1001", "[process]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  Subprocess p({DX_SERVER_BINARY, tmp.str("dist"), "--port", "0", "--hbtp-port", "0", "--workers", "2"});
  REQUIRE(p.started());
  std::string line;
  REQUIRE(p.read_stdout_line(&line, 20000));
  std::smatch m;
  static const std::regex kLine("dx-server: serving .* on http://127\\.0\\.0\\.1:([0-9]+)/ and hbtp://127\\.0\\.0\\.1:([0-9]+)");
  INFO(line);
  REQUIRE(std::regex_match(line, m, kLine));
  uint16_t http_port = uint16_t(std::stoi(m[1])), hbtp_port = uint16_t(std::stoi(m[2]));

  HbtpClient raw, over_ws;
  std::string err;
  REQUIRE(raw.connect({.port = hbtp_port}, &err));
  REQUIRE(over_ws.connect({.port = http_port, .transport = Transport::kWebSocket}, &err));
  REQUIRE(raw.ping({}, 5000));
  REQUIRE(over_ws.call(0, HbtpClient::as_bytes("x"), 5000));

  p.signal(SIGTERM);
  auto c = raw.next(5000);
  REQUIRE(c);
  CHECK(c->header.opcode == dx::schema::kHbtpClose);
  CHECK(dx::schema::load_u16(c->payload.data()) == dx::schema::kHbtpErrGoingAway);
  CHECK(raw.wait_eof(5000));
  c = over_ws.next(5000);
  REQUIRE(c);
  CHECK(c->header.opcode == dx::schema::kHbtpClose);
  CHECK(!over_ws.next(5000));  // then the WebSocket Close
  CHECK(over_ws.ws_close_code() == 1001);
  CHECK(over_ws.wait_eof(5000));
  CHECK(p.wait(20000) == 0);
}
