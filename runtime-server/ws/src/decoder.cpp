// decoder.cpp — the incremental RFC 6455 message decoder (contract: dxs/ws/decoder.h).
//
// Header bytes are gathered in hdr_ (at most 14) and re-parsed by the pure parse_frame_header until it
// answers; payload bytes are unmasked straight into the message (data frames) or the control buffer, so
// each byte is copied once. Text is validated per chunk, so invalid UTF-8 fails at the offending frame.
#include "dxs/ws/decoder.h"

#include <algorithm>
#include <cstring>

#include "dx/schema/bytes.h"

namespace dxs::ws {

Event Decoder::fail(uint16_t code, const char* reason) {
  error_ = {code, reason};
  state_ = State::kDone;
  return Event::kError;
}

bool Decoder::start_frame() {
  read_ = 0;
  if (is_control(cur_.opcode)) {
    ctl_len_ = 0;
    return true;
  }
  if (cur_.opcode == Opcode::kContinuation) {
    if (message_op_ == Opcode::kContinuation) {
      fail(kCloseProtocolError, "continuation frame without a message to continue");
      return false;
    }
  } else {
    if (message_op_ != Opcode::kContinuation) {
      fail(kCloseProtocolError, "new message before the fragmented one ended");
      return false;
    }
    message_op_ = cur_.opcode;
    msg_.clear();
    utf8_.reset();
  }
  if (cur_.payload_len > limits_.max_message - msg_.size()) {
    fail(kCloseTooBig, "message too big");
    return false;
  }
  // No reserve from the announced length: a peer that announces 1 MiB and sends nothing must not cost
  // 1 MiB; the message grows as its bytes arrive.
  return true;
}

Event Decoder::finish_frame() {
  state_ = State::kHeader;
  switch (cur_.opcode) {
    case Opcode::kPing: return Event::kPing;
    case Opcode::kPong: return Event::kPong;
    case Opcode::kClose: {
      if (ctl_len_ == 0) {
        close_code_ = kCloseNoStatus;
        close_reason_ = {};
      } else {
        if (ctl_len_ == 1) return fail(kCloseProtocolError, "close frame with a 1-byte payload");
        close_code_ = uint16_t((ctl_[0] << 8) | ctl_[1]);
        if (!close_code_valid_on_wire(close_code_)) return fail(kCloseProtocolError, "invalid close code");
        if (!dx::schema::valid_utf8(ctl_ + 2, uint32_t(ctl_len_ - 2)))
          return fail(kCloseInvalidPayload, "close reason is not UTF-8");
        close_reason_ = {reinterpret_cast<const char*>(ctl_ + 2), ctl_len_ - 2};
      }
      state_ = State::kDone;
      return Event::kClose;
    }
    default: break;
  }
  if (!cur_.fin) return Event::kNone;
  Opcode op = message_op_;
  message_op_ = Opcode::kContinuation;
  if (op == Opcode::kText && !utf8_.complete()) return fail(kCloseInvalidPayload, "text message is not UTF-8");
  reset_message_ = true;
  return op == Opcode::kText ? Event::kText : Event::kBinary;
}

Step Decoder::feed(const uint8_t* data, size_t len) {
  if (reset_message_) {
    msg_.clear();
    reset_message_ = false;
  }
  size_t at = 0;
  while (state_ != State::kDone && at < len) {
    if (state_ == State::kHeader) {
      size_t take = std::min(len - at, kMaxFrameHeader - hdr_len_);
      std::memcpy(hdr_ + hdr_len_, data + at, take);
      int r = parse_frame_header(hdr_, hdr_len_ + take, limits_.role, limits_.max_message, &cur_, &error_);
      if (r == kPartial) {
        hdr_len_ += take;
        at += take;
        continue;
      }
      if (r == kMalformed) {
        state_ = State::kDone;
        return {at + take, Event::kError};
      }
      at += size_t(r) - hdr_len_;  // the rest of `take` belongs to the payload or the next frame
      hdr_len_ = 0;
      if (!start_frame()) return {at, Event::kError};
      state_ = State::kPayload;
      if (cur_.payload_len == 0) {
        Event e = finish_frame();
        if (e != Event::kNone) return {at, e};
      }
      continue;
    }
    // kPayload
    size_t n = size_t(std::min<uint64_t>(cur_.payload_len - read_, len - at));
    uint8_t* dst;
    if (is_control(cur_.opcode)) {
      dst = ctl_ + ctl_len_;
      std::memcpy(dst, data + at, n);
      ctl_len_ += n;
    } else {
      size_t old = msg_.size();
      msg_.insert(msg_.end(), data + at, data + at + n);
      dst = msg_.data() + old;
    }
    if (cur_.masked) mask_bytes(dst, n, cur_.mask, read_);
    at += n;
    read_ += n;
    if (!is_control(cur_.opcode) && message_op_ == Opcode::kText && !utf8_.feed(dst, n))
      return {at, fail(kCloseInvalidPayload, "text message is not UTF-8")};
    if (read_ == cur_.payload_len) {
      Event e = finish_frame();
      if (e != Event::kNone) return {at, e};
    }
  }
  return {at, Event::kNone};
}

}  // namespace dxs::ws
