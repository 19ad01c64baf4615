// hbtp/channel.h — an upgraded connection's protocol stack: HBTP raw over TCP, or HBTP inside WebSocket.
//
//   start(transport, env, max_message, out)  after the 101 (WebSocket) or the accept (raw): the server's Hello
//   feed(data, len, out)    bytes received; what to send is appended to `out` (WebSocket frames or raw HBTP)
//   go_away(out)            the server is draining: HBTP Close 8, and WebSocket Close 1001
//   idle_close(out)         nothing received for the idle timeout: HBTP Close 0 ("idle timeout"), WS 1000
//   push(frame, out)        a whole HBTP frame the server sends on its own (dev mode's ServerEvent)
//   closing()               a Close went into `out`: flush it, then close the connection (lingering)
// WebSocket (RFC 6455 server side, dxs_ws): client frames must be masked (else 1002); messages are
// reassembled up to `max_message` + 8 (one largest HBTP frame; 1009 beyond); a text message is refused
// with 1003 (HBTP is binary); Ping → Pong; a Close is answered with the same code and the connection
// closes; a codec error (1002, 1007, 1009) is sent as the Close code. Each binary message holds whole HBTP
// frames; the HBTP answers to one message go out as one binary message. Raw: bytes accumulate until
// frames are whole (at most one frame of max_message + 8 bytes is buffered).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

#include "dxs/ws/decoder.h"
#include "hbtp/session.h"

namespace dxs::hbtp {

enum class Transport : uint8_t { kRaw, kWebSocket };

class Channel {
 public:
  void start(Transport t, Env& env, uint32_t max_message, Bytes& out);
  void feed(const uint8_t* data, size_t len, Bytes& out);
  void go_away(Bytes& out);
  void idle_close(Bytes& out);
  void push(std::span<const uint8_t> frame, Bytes& out);  // a server-initiated HBTP frame (ServerEvent)
  bool closing() const { return closing_; }

 private:
  void feed_ws(const uint8_t* data, size_t len, Bytes& out);
  void on_binary(std::span<const uint8_t> msg, Bytes& out);
  void ws_close(uint16_t code, const char* reason, Bytes& out);
  void close_with(void (Session::*how)(Bytes&), uint16_t ws_code, const char* reason, Bytes& out);
  void wrap_hbtp(Bytes& out);  // scratch_ (HBTP bytes) → one binary message in `out`

  Transport transport_ = Transport::kRaw;
  Session session_;
  std::optional<ws::Decoder> decoder_;
  Bytes pending_;  // raw: bytes of an incomplete frame
  Bytes scratch_;  // WebSocket: the HBTP bytes of one answer
  bool closing_ = false;
};

}  // namespace dxs::hbtp
