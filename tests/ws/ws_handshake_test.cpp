// ws_handshake_test.cpp — dxs::ws::check_upgrade / accept_key / accept_response / reject_response against
// RFC 6455 §1.3 and §4.2: the RFC's key example, each required field missing or wrong, tokens in lists,
// subprotocol selection.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dxs/ws/handshake.h"

using namespace dxs::ws;

namespace {

std::vector<HeaderField> good() {
  return {{"Host", "server.example.com"},
          {"Upgrade", "websocket"},
          {"Connection", "Upgrade"},
          {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
          {"Origin", "http://example.com"},
          {"Sec-WebSocket-Protocol", "chat, hbtp"},
          {"Sec-WebSocket-Version", "13"}};
}

HandshakeStatus status_without(std::string_view name) {
  std::vector<HeaderField> h;
  for (const HeaderField& f : good())
    if (f.name != name) h.push_back(f);
  return check_upgrade("GET", 1, h).status;
}

HandshakeStatus status_with(std::string_view name, std::string_view value) {
  std::vector<HeaderField> h = good();
  for (HeaderField& f : h)
    if (f.name == name) f.value = value;
  return check_upgrade("GET", 1, h).status;
}

}  // namespace

TEST_CASE("ws: the RFC 6455 handshake example computes s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "[ws][handshake]") {
  CHECK(accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  std::vector<HeaderField> h = good();
  UpgradeRequest r = check_upgrade("GET", 1, h, "hbtp");
  REQUIRE(r.status == HandshakeStatus::kOk);
  CHECK(r.key == "dGhlIHNhbXBsZSBub25jZQ==");
  CHECK(r.protocol == "hbtp");
  CHECK(accept_response(r.key, r.protocol) ==
        "HTTP/1.1 101 Switching Protocols\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
        "Sec-WebSocket-Protocol: hbtp\r\n"
        "\r\n");
  CHECK(accept_response(r.key).find("Sec-WebSocket-Protocol") == std::string::npos);
}

TEST_CASE("ws: handshake names and tokens are case-insensitive and may be lists", "[ws][handshake]") {
  std::vector<HeaderField> h = {{"HOST", "a"},
                                {"upgrade", "WebSocket"},
                                {"connection", "keep-alive"},
                                {"CONNECTION", "keep-alive ,  Upgrade"},
                                {"sec-websocket-key", "AQIDBAUGBwgJCgsMDQ4PEA=="},
                                {"sec-websocket-version", "13"}};
  UpgradeRequest r = check_upgrade("GET", 1, h, "hbtp");
  CHECK(r.status == HandshakeStatus::kOk);
  CHECK(r.protocol.empty());  // not offered
  CHECK(check_upgrade("GET", 1, good(), "mqtt").protocol.empty());
  CHECK(check_upgrade("GET", 1, good()).protocol.empty());
}

TEST_CASE("ws: handshake refuses each missing or wrong field", "[ws][handshake]") {
  CHECK(check_upgrade("POST", 1, good()).status == HandshakeStatus::kNotGet);
  CHECK(check_upgrade("get", 1, good()).status == HandshakeStatus::kNotGet);  // methods are case-sensitive
  CHECK(check_upgrade("GET", 0, good()).status == HandshakeStatus::kNotHttp11);
  CHECK(status_without("Host") == HandshakeStatus::kNoHost);
  CHECK(status_without("Upgrade") == HandshakeStatus::kNoUpgrade);
  CHECK(status_with("Upgrade", "h2c") == HandshakeStatus::kNoUpgrade);
  CHECK(status_without("Connection") == HandshakeStatus::kNoConnectionUpgrade);
  CHECK(status_with("Connection", "keep-alive") == HandshakeStatus::kNoConnectionUpgrade);
  CHECK(status_with("Connection", "upgraded") == HandshakeStatus::kNoConnectionUpgrade);
  CHECK(status_without("Sec-WebSocket-Key") == HandshakeStatus::kBadKey);
  CHECK(status_with("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ") == HandshakeStatus::kBadKey);
  CHECK(status_with("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=") == HandshakeStatus::kBadKey);
  CHECK(status_with("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25j*Q==") == HandshakeStatus::kBadKey);
  CHECK(status_with("Sec-WebSocket-Key", "") == HandshakeStatus::kBadKey);
  CHECK(status_without("Sec-WebSocket-Version") == HandshakeStatus::kBadVersion);
  CHECK(status_with("Sec-WebSocket-Version", "8") == HandshakeStatus::kBadVersion);
  std::vector<HeaderField> two_keys = good();
  two_keys.push_back({"Sec-WebSocket-Key", "AQIDBAUGBwgJCgsMDQ4PEA=="});
  CHECK(check_upgrade("GET", 1, two_keys).status == HandshakeStatus::kBadKey);
  std::vector<HeaderField> two_versions = good();
  two_versions.push_back({"Sec-WebSocket-Version", "13"});
  CHECK(check_upgrade("GET", 1, two_versions).status == HandshakeStatus::kBadVersion);
  UpgradeRequest bad = check_upgrade("GET", 1, {});
  CHECK(bad.key.empty());
  CHECK(std::string(describe(bad.status)).size() > 0);
}

TEST_CASE("ws: handshake rejections are complete responses", "[ws][handshake]") {
  CHECK(reject_response(HandshakeStatus::kBadVersion) ==
        "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  CHECK(reject_response(HandshakeStatus::kNotGet).rfind("HTTP/1.1 405 ", 0) == 0);
  for (HandshakeStatus s : {HandshakeStatus::kNotHttp11, HandshakeStatus::kNoHost, HandshakeStatus::kNoUpgrade,
                            HandshakeStatus::kNoConnectionUpgrade, HandshakeStatus::kBadKey}) {
    CHECK(reject_response(s) == "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  }
  CHECK(reject_response(HandshakeStatus::kOk).empty());
}
