// hbtp/channel.cpp — Channel (contract in channel.h): the WebSocket layer (dxs_ws) or raw bytes around a
// Session.
#include "hbtp/channel.h"

#include "dxs/ws/encoder.h"

namespace dxs::hbtp {

void Channel::start(Transport t, Env& env, uint32_t max_message, Bytes& out) {
  transport_ = t;
  closing_ = false;
  pending_.clear();
  if (t == Transport::kWebSocket) {
    // A message may hold one frame of the largest payload: the limit plus its 8-byte header.
    decoder_.emplace(ws::DecoderLimits{uint64_t(max_message) + dx::schema::kHbtpHeaderSize, ws::Role::kServer});
    scratch_.clear();
    session_.start(env, scratch_);
    wrap_hbtp(out);
  } else {
    decoder_.reset();
    session_.start(env, out);
  }
}

void Channel::feed(const uint8_t* data, size_t len, Bytes& out) {
  if (closing_) return;
  if (transport_ == Transport::kWebSocket) return feed_ws(data, len, out);
  // Raw: decode straight from `data` while nothing is pending; keep only an incomplete frame's bytes.
  if (pending_.empty()) {
    size_t used = session_.consume(data, len, out);
    pending_.assign(data + used, data + len);
  } else {
    pending_.insert(pending_.end(), data, data + len);
    size_t used = session_.consume(pending_.data(), pending_.size(), out);
    pending_.erase(pending_.begin(), pending_.begin() + ptrdiff_t(used));
  }
  if (session_.closing()) {
    closing_ = true;
    pending_.clear();
  }
}

void Channel::feed_ws(const uint8_t* data, size_t len, Bytes& out) {
  size_t at = 0;
  while (!closing_ && at < len) {
    ws::Step s = decoder_->feed(data + at, len - at);
    at += s.consumed;
    switch (s.event) {
      case ws::Event::kNone: break;
      case ws::Event::kBinary: on_binary(decoder_->message(), out); break;
      case ws::Event::kText: ws_close(ws::kCloseUnsupportedData, "HBTP is carried in binary messages", out); break;
      case ws::Event::kPing: ws::append_pong(out, decoder_->control()); break;
      case ws::Event::kPong: break;
      case ws::Event::kClose: ws_close(ws::close_reply_code(decoder_->close_code()), nullptr, out); break;
      case ws::Event::kError: ws_close(decoder_->error().code, decoder_->error().reason, out); break;
    }
  }
}

void Channel::on_binary(std::span<const uint8_t> msg, Bytes& out) {
  scratch_.clear();
  size_t used = session_.consume(msg.data(), msg.size(), scratch_);
  session_.end_of_message(msg.size() - used, scratch_);
  wrap_hbtp(out);
  // The HBTP session closed (its peer's Close, or an error): close the WebSocket too.
  if (session_.closing()) ws_close(session_.close_code() == 0 ? ws::kCloseNormal : ws::kClosePolicy, nullptr, out);
}

void Channel::wrap_hbtp(Bytes& out) {
  if (!scratch_.empty()) ws::append_binary(out, scratch_);
}

void Channel::ws_close(uint16_t code, const char* reason, Bytes& out) {
  if (closing_) return;
  ws::append_close(out, code, reason ? reason : "");
  closing_ = true;
}

// The server closes: the HBTP Close (`how`), and for WebSocket a Close frame with `ws_code` after it.
void Channel::close_with(void (Session::*how)(Bytes&), uint16_t ws_code, const char* reason, Bytes& out) {
  if (closing_) return;
  if (transport_ == Transport::kRaw) {
    (session_.*how)(out);
    closing_ = true;
    return;
  }
  scratch_.clear();
  (session_.*how)(scratch_);
  wrap_hbtp(out);
  ws_close(ws_code, reason, out);
}

void Channel::push(std::span<const uint8_t> frame, Bytes& out) {
  if (closing_) return;
  if (transport_ == Transport::kWebSocket) return ws::append_binary(out, frame);
  out.insert(out.end(), frame.begin(), frame.end());
}

void Channel::go_away(Bytes& out) { close_with(&Session::go_away, ws::kCloseGoingAway, "server shutting down", out); }

void Channel::idle_close(Bytes& out) { close_with(&Session::idle_close, ws::kCloseNormal, "idle timeout", out); }

}  // namespace dxs::hbtp
