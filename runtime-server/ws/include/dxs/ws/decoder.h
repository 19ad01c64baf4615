// dxs/ws/decoder.h — the incremental RFC 6455 message decoder: frames in, messages and control events out.
//
//   Step feed(data, len) → {consumed, event}
// Feed it bytes as they arrive, in pieces of any size. It consumes bytes until it has something to report,
// then returns at once: `consumed` is how many of `data` it used (the caller feeds the rest next), `event`
//   kNone    all of `data` was consumed, nothing complete yet (partial);
//   kText / kBinary  a whole message, reassembled from its fragments: message();
//   kPing / kPong    a control frame, possibly between the fragments of a message: control();
//   kClose   the peer's Close: close_code() (1005 when it carried none), close_reason(). The decoder is
//            finished; answer Close with close_reply_code(), then close the connection;
//   kError   a protocol violation: error() holds the close code (1002 protocol, 1007 invalid UTF-8,
//            1009 too big) and reason to send in a Close before closing. The decoder is finished.
// Views returned by message() / control() / close_reason() are valid until the next feed(). After kClose
// or kError, feed() consumes nothing and returns kNone (done() is true). Fed one byte at a time, it
// reports the same events with the same contents as fed whole. Text is validated as it arrives (fail
// fast, code points may straddle fragments); the message limit is checked from each frame's header, so
// an oversized message is refused before its payload is read. Memory: at most the limit per message.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dxs/ws/frame.h"
#include "dxs/ws/utf8.h"

namespace dxs::ws {

struct DecoderLimits {
  uint64_t max_message = 1u << 20;  // reassembled payload bytes per data message
  Role role = Role::kServer;        // kServer: frames come from a client and must be masked
};

enum class Event : uint8_t { kNone, kText, kBinary, kPing, kPong, kClose, kError };

struct Step {
  size_t consumed = 0;
  Event event = Event::kNone;
};

class Decoder {
 public:
  explicit Decoder(DecoderLimits limits = {}) : limits_(limits) {}

  Step feed(const uint8_t* data, size_t len);

  std::span<const uint8_t> message() const { return {msg_.data(), msg_.size()}; }
  std::string_view text() const { return {reinterpret_cast<const char*>(msg_.data()), msg_.size()}; }
  std::span<const uint8_t> control() const { return {ctl_, ctl_len_}; }
  uint16_t close_code() const { return close_code_; }
  std::string_view close_reason() const { return close_reason_; }
  Error error() const { return error_; }
  bool done() const { return state_ == State::kDone; }

 private:
  enum class State : uint8_t { kHeader, kPayload, kDone };

  bool start_frame();          // checks the frame against the message in progress; false = error set
  Event finish_frame();        // at the end of a frame's payload
  Event fail(uint16_t code, const char* reason);

  DecoderLimits limits_;
  State state_ = State::kHeader;
  uint8_t hdr_[kMaxFrameHeader] = {};
  size_t hdr_len_ = 0;
  FrameHeader cur_;
  uint64_t read_ = 0;                           // payload bytes of the current frame read so far
  Opcode message_op_ = Opcode::kContinuation;   // kText/kBinary while a message is in progress
  bool reset_message_ = false;                  // the last event handed out msg_: clear it on the next feed
  std::vector<uint8_t> msg_;
  uint8_t ctl_[kMaxControlPayload] = {};
  size_t ctl_len_ = 0;
  Utf8Validator utf8_;
  uint16_t close_code_ = 0;
  std::string_view close_reason_;
  Error error_;
};

}  // namespace dxs::ws
