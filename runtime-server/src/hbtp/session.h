// hbtp/session.h — one HBTP session on the server: the behaviour rules of schemas/hbtp.md over bytes.
//
// Transport-agnostic: the raw TCP port and WebSocket binary messages both hand it bytes (hbtp/channel.h).
//   start(out)            writes the server's Hello (the server speaks first, without waiting);
//   consume(buf, len, out) decodes whole frames from buf and answers them into `out`; returns the bytes
//                          used (a partial frame at the end is left: the raw transport keeps it for later,
//                          a WebSocket message that ends inside a frame is an error, see end_of_message);
//   go_away(out)           Close 8 (GOING_AWAY): the server is stopping;
//   idle_close(out)        Close 0 "idle timeout".
// After a Close is written (answered, sent on an error or by go_away) closing() is true and the session
// writes nothing more; the connection flushes `out` and closes.
// Rules: the first frame must be Hello (else Error 4); Ping → Pong with its sequence and payload before
// anything later; RpcCall → RpcResponse through the RPC table (unknown id: status 6, the session stays
// open; a handler result over the peer's limit: status 7); Close → Close 0; unknown opcodes, and frames
// the server does not take from clients (state, HTIP, events, responses), are consumed, counted and
// logged at most once a second per worker; a malformed header, a length over the limit, a disallowed flag
// or a bad payload of a known opcode → Error (sequence 0), then Close with the same code. Fragments of a
// data message are reassembled (held to the same limit) before the message is handled.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dx/schema/hbtp.h"
#include "hbtp/rpc.h"

namespace dxs::hbtp {

using Bytes = std::vector<uint8_t>;

// What every session of a worker shares: its limit, its counters, the log's rate limit.
struct Env {
  uint32_t max_payload = dx::schema::kHbtpDefaultMaxPayload;  // what this server accepts (its Hello)
  Stats stats;
  int64_t log_next_ms = 0;   // the next time an ignored frame may be logged
  uint64_t log_suppressed = 0;
};

class Session {
 public:
  void start(Env& env, Bytes& out);
  size_t consume(const uint8_t* buf, size_t len, Bytes& out);
  // A WebSocket message ended `left` bytes into a frame: Error 1, then Close.
  void end_of_message(size_t left, Bytes& out);
  void go_away(Bytes& out);
  void idle_close(Bytes& out);
  bool closing() const { return closing_; }
  uint16_t close_code() const { return close_code_; }

 private:
  void on_frame(const dx::schema::HbtpFrame& f, Bytes& out);
  void on_message(uint8_t opcode, uint8_t flags, uint16_t seq, const uint8_t* payload, uint32_t len, Bytes& out);
  void on_hello(const dx::schema::HbtpFrame& f, Bytes& out);
  void on_rpc(uint8_t flags, uint16_t seq, const uint8_t* payload, uint32_t len, Bytes& out);
  void ignore(const dx::schema::HbtpHeader& h);
  void fail(uint16_t code, const char* message, Bytes& out);
  void send_close(uint16_t code, const char* reason, Bytes& out);

  Env* env_ = nullptr;
  bool hello_ = false;
  bool closing_ = false;
  uint16_t close_code_ = 0;
  uint32_t peer_max_payload_ = dx::schema::kHbtpDefaultMaxPayload;
  bool fragmenting_ = false;  // a data message's frames so far are in frag_
  uint8_t frag_op_ = 0, frag_flags_ = 0;
  uint16_t frag_seq_ = 0;
  Bytes frag_;
  Bytes result_;  // scratch for RPC results
};

}  // namespace dxs::hbtp
