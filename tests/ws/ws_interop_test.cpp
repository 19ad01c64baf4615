// ws_interop_test.cpp — the dxs_ws codec against a reference client: Node's built-in WebSocket (undici).
// A one-connection echo server on 127.0.0.1 (this file: accept, read the head, check_upgrade,
// accept_response, then Decoder in / encoder out) serves interop_client.mjs, which checks the subprotocol,
// the echoes of UTF-8 text, a 16-bit and a 64-bit length message and an empty one, then closes with
// 4001 and expects the same code back (a clean close). The server also pings once and expects the Pong.
// Skipped with a warning when node lacks WebSocket.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "dxs/ws/decoder.h"
#include "dxs/ws/encoder.h"
#include "dxs/ws/handshake.h"

using namespace dxs::ws;

namespace {

bool write_all(int fd, const void* p, size_t n) {
  auto* b = static_cast<const char*>(p);
  while (n) {
    ssize_t w = ::send(fd, b, n, MSG_NOSIGNAL);
    if (w <= 0) return false;
    b += w;
    n -= size_t(w);
  }
  return true;
}

ssize_t read_some(int fd, char* buf, size_t cap) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 10000) <= 0) return -1;
  return ::recv(fd, buf, cap, 0);
}

// Serves one connection; returns what happened, for the test to check.
std::string serve_one(int listener) {
  pollfd p{listener, POLLIN, 0};
  if (::poll(&p, 1, 10000) <= 0) return "no connection";
  int fd = ::accept(listener, nullptr, nullptr);
  if (fd < 0) return "accept failed";
  std::string log, head;
  char buf[65536];
  size_t end;
  while ((end = head.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = read_some(fd, buf, sizeof buf);
    if (n <= 0) { ::close(fd); return "no head"; }
    head.append(buf, size_t(n));
  }
  std::string rest = head.substr(end + 4);
  head.resize(end + 2);
  // A minimal head split (the server proper uses dxs::http1::parse_request).
  std::vector<HeaderField> fields;
  size_t line_end = head.find("\r\n");
  std::string_view request_line(head.data(), line_end);
  for (size_t at = line_end + 2; at < head.size();) {
    size_t e = head.find("\r\n", at);
    std::string_view line(head.data() + at, e - at);
    size_t colon = line.find(':');
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    fields.push_back({line.substr(0, colon), value});
    at = e + 2;
  }
  std::string_view method = request_line.substr(0, request_line.find(' '));
  int minor = request_line.ends_with("HTTP/1.1") ? 1 : 0;
  UpgradeRequest up = check_upgrade(method, minor, fields, "hbtp");
  if (up.status != HandshakeStatus::kOk) {
    std::string r = reject_response(up.status);
    write_all(fd, r.data(), r.size());
    ::close(fd);
    return std::string("refused: ") + describe(up.status);
  }
  std::string ok = accept_response(up.key, up.protocol);
  write_all(fd, ok.data(), ok.size());
  Buffer probe;  // the client must answer a Ping with a Pong carrying the same payload
  append_ping(probe, std::vector<uint8_t>{'p', 'r', 'o', 'b', 'e'});
  write_all(fd, probe.data(), probe.size());

  Decoder dec;
  std::vector<uint8_t> in(rest.begin(), rest.end());
  bool open = true;
  while (open) {
    size_t at = 0;
    while (open && at < in.size()) {
      Step s = dec.feed(in.data() + at, in.size() - at);
      at += s.consumed;
      Buffer out;
      switch (s.event) {
        case Event::kNone: break;
        case Event::kText: append_text(out, dec.text()); log += "text;"; break;
        case Event::kBinary: append_binary(out, dec.message()); log += "binary " + std::to_string(dec.message().size()) + ";"; break;
        case Event::kPing: append_pong(out, dec.control()); break;
        case Event::kPong: log += "pong " + std::string(dec.control().begin(), dec.control().end()) + ";"; break;
        case Event::kClose:
          append_close(out, close_reply_code(dec.close_code()));
          log += "close " + std::to_string(dec.close_code()) + " " + std::string(dec.close_reason()) + ";";
          open = false;
          break;
        case Event::kError:
          append_close(out, dec.error().code, dec.error().reason);
          log += std::string("error ") + dec.error().reason + ";";
          open = false;
          break;
      }
      if (!out.empty() && !write_all(fd, out.data(), out.size())) open = false;
    }
    if (!open) break;
    ssize_t n = read_some(fd, buf, sizeof buf);
    if (n <= 0) { log += "eof;"; break; }
    in.assign(buf, buf + n);
  }
  ::shutdown(fd, SHUT_WR);
  while (read_some(fd, buf, sizeof buf) > 0) {}  // let the client close first (it owns TIME_WAIT)
  ::close(fd);
  return log;
}

}  // namespace

TEST_CASE("ws: interop with a reference client (Node's WebSocket)", "[ws][interop]") {
  if (std::system("node --experimental-websocket -e \"process.exit(typeof WebSocket === 'function' ? 0 : 1)\" "
                  ">/dev/null 2>&1") != 0) {
    WARN("node with a built-in WebSocket not found: interop test skipped");
    return;
  }
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(listener, 4) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  int port = ntohs(addr.sin_port);

  std::string server_log;
  std::thread server([&] { server_log = serve_one(listener); });
  std::string cmd = "node --experimental-websocket --no-warnings " DX_TEST_SOURCE_DIR "/tests/ws/interop_client.mjs " +
                    std::to_string(port) + " 2>&1";
  std::string client_log;
  FILE* f = ::popen(cmd.c_str(), "r");
  REQUIRE(f);
  char line[512];
  while (std::fgets(line, sizeof line, f)) client_log += line;
  int rc = ::pclose(f);
  server.join();
  ::close(listener);
  INFO("client:\n" << client_log << "server: " << server_log);
  CHECK(rc == 0);
  CHECK(client_log ==
        "open hbtp\necho 0 ok\necho 1 ok\necho 2 ok\necho 3 ok\nclose 4001  true\ndone\n");
  size_t pong = server_log.find("pong probe;");  // whenever it came, exactly once
  CHECK(pong != std::string::npos);
  if (pong != std::string::npos) server_log.erase(pong, 11);
  CHECK(server_log == "text;binary 70000;text;text;close 4001 done ✓;");
}
