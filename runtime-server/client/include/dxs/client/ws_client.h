// dxs/client/ws_client.h — a blocking WebSocket client (RFC 6455 client side) over dxs_ws's codec.
//
//   WsClient ws;
//   if (!ws.connect({.port = p}, &err)) ...        // GET /_dx/hbtp, Sec-WebSocket-Protocol: hbtp, checks the 101
//   ws.send(ws::Opcode::kBinary, bytes);            // masked with a fresh random key per frame
//   auto m = ws.receive(1000);                      // the next message or control frame (Ping is not answered
//                                                   // automatically: tests see everything), nullopt on timeout/EOF
//   ws.close(1000, "bye", 1000);                    // Close, then the server's Close and EOF
// send_raw() writes arbitrary bytes (unmasked or broken frames, one byte at a time) for tests. Every wait is
// bounded by a timeout. The server's frames are decoded in the client role (they must not be masked).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dxs/client/socket.h"
#include "dxs/ws/decoder.h"

namespace dxs::client {

struct WsOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;
  std::string path = "/_dx/hbtp";
  std::string protocol = "hbtp";   // offered in Sec-WebSocket-Protocol; empty: none
  int timeout_ms = 10000;          // connect + handshake
  uint64_t max_message = 16u << 20;
};

struct WsMessage {
  ws::Event event = ws::Event::kNone;  // kText, kBinary, kPing, kPong, kClose, kError (a bad server frame)
  std::vector<uint8_t> data;           // message or control payload
  uint16_t close_code = 0;             // kClose: the code (1005 when none); kError: the code we would send
  std::string reason;                  // kClose / kError
  std::string_view text() const { return {reinterpret_cast<const char*>(data.data()), data.size()}; }
};

class WsClient {
 public:
  // Connects and performs the opening handshake. False with `err` (which quotes the status line when the
  // server answered something other than 101; status() has the code).
  bool connect(const WsOptions& o, std::string* err);
  int status() const { return status_; }
  const std::string& protocol() const { return protocol_; }

  bool send(ws::Opcode op, std::span<const uint8_t> payload, bool fin = true);
  bool send_text(std::string_view text) { return send(ws::Opcode::kText, as_bytes(text)); }
  bool send_raw(std::string_view bytes);
  std::optional<WsMessage> receive(int timeout_ms);
  bool eof() const { return eof_; }
  // Sends Close(code, reason) and waits for the server's Close and then EOF; true when both came in time.
  bool close(uint16_t code, std::string_view reason, int timeout_ms);
  // Waits until the server closes the TCP connection (reading and dropping frames), then closes our end;
  // true if it did in time.
  bool wait_eof(int timeout_ms);
  Socket& socket() { return sock_; }

  static std::span<const uint8_t> as_bytes(std::string_view s) {
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
  }

 private:
  Socket sock_;
  std::optional<ws::Decoder> dec_;
  std::string buf_;  // received, not yet decoded
  int status_ = 0;
  std::string protocol_;
  bool eof_ = false;
};

}  // namespace dxs::client
