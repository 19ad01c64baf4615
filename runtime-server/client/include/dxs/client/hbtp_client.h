// dxs/client/hbtp_client.h — a blocking HBTP client (schemas/hbtp.md): raw TCP (--hbtp-port) or inside
// WebSocket binary messages (GET /_dx/hbtp), for tests, tools and load generators.
//
//   HbtpClient c;
//   if (!c.connect({.port = p, .transport = Transport::kWebSocket}, &err)) ...  // Hellos exchanged
//   auto pong = c.ping(bytes, 1000);               // the Pong's payload (matched by sequence)
//   auto r = c.call(0, args, 1000);                // RpcReply{status, result} (matched by sequence)
//   c.close(1000);                                 // Close 0, then the server's Close and EOF
// Answers are matched by sequence; frames that arrive while waiting for another are kept, in order, for
// next(). send_frame / send_bytes / next() give tests the wire itself (unknown opcodes, broken headers,
// many frames in one write). Every call is bounded by its timeout; nullopt means timeout, EOF or a Close.
// One client per thread; a load generator runs one per connection.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dx/schema/hbtp.h"
#include "dxs/client/socket.h"
#include "dxs/client/ws_client.h"

namespace dxs::client {

enum class Transport : uint8_t { kRaw, kWebSocket };

struct HbtpOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;
  Transport transport = Transport::kRaw;
  std::string path = "/_dx/hbtp";  // WebSocket only
  int timeout_ms = 10000;          // connect, handshake and Hello
  uint32_t max_payload = dx::schema::kHbtpDefaultMaxPayload;  // announced in our Hello
  bool hello = true;               // false: send no Hello (to test the server's refusal)
};

struct HbtpMessage {
  dx::schema::HbtpHeader header;
  std::vector<uint8_t> payload;
  std::string_view text() const { return {reinterpret_cast<const char*>(payload.data()), payload.size()}; }
};

struct RpcReply {
  uint32_t status = 0;
  std::vector<uint8_t> result;
};

class HbtpClient {
 public:
  bool connect(const HbtpOptions& o, std::string* err);
  const dx::schema::HbtpHello& server_hello() const { return server_hello_; }

  std::optional<std::vector<uint8_t>> ping(std::span<const uint8_t> payload, int timeout_ms);
  std::optional<RpcReply> call(uint32_t method, std::span<const uint8_t> args, int timeout_ms);
  // Sends Close 0 and waits for the server's Close, then EOF.
  bool close(int timeout_ms);

  // The wire: one frame (`h.length` is set from payload), or any bytes (WebSocket: one binary message).
  bool send_frame(dx::schema::HbtpHeader h, std::span<const uint8_t> payload);
  bool send_bytes(std::string_view bytes);
  // The next frame from the server (kept ones first); nullopt on timeout, EOF or WebSocket Close.
  std::optional<HbtpMessage> next(int timeout_ms);
  // Waits until the server closes the connection, then closes our end; true if it did in time.
  bool wait_eof(int timeout_ms);
  bool eof() const { return eof_; }
  uint16_t next_sequence() { return ++seq_; }
  // The WebSocket close code the server sent (0 if none yet) — WebSocket transport only.
  uint16_t ws_close_code() const { return ws_close_code_; }

  static std::span<const uint8_t> as_bytes(std::string_view s) { return WsClient::as_bytes(s); }

 private:
  std::optional<HbtpMessage> read_frame(int64_t deadline_ms);  // from the wire, ignoring the kept ones
  std::optional<HbtpMessage> await(uint8_t opcode, uint16_t seq, int timeout_ms);

  Transport transport_ = Transport::kRaw;
  Socket sock_;
  WsClient ws_;
  std::string buf_;                 // raw: received bytes not yet decoded; WebSocket: frames of messages
  std::deque<HbtpMessage> kept_;    // frames that arrived while waiting for another
  dx::schema::HbtpHello server_hello_;
  uint32_t max_payload_ = dx::schema::kHbtpDefaultMaxPayload;
  uint16_t seq_ = 0;
  uint16_t ws_close_code_ = 0;
  bool eof_ = false;
};

}  // namespace dxs::client
