// http1/connection_stream.cpp — the upgraded side of Connection (contract in connection.h): the WebSocket
// handshake at /_dx/hbtp, raw HBTP, and the hand-off of every byte to an hbtp::Channel.
#include "connection.h"
#include "dxs/ws/handshake.h"

namespace dxs::http1 {

namespace {
std::span<const uint8_t> as_bytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }
}  // namespace

// GET /_dx/hbtp: a valid RFC 6455 handshake gets its 101 (with `Sec-WebSocket-Protocol: hbtp` when the
// client offered it) and the connection becomes a WebSocket; anything else gets the codec's 400/405/426
// and a close. While draining, 503 (the server takes no new sessions).
void Connection::upgrade(const Request& req) {
  if (ctx_.draining) return respond_and_close(ctx_.canned->service_unavailable, true);
  ws::HeaderField fields[kMaxHeaders];
  for (size_t i = 0; i < req.header_count; ++i) fields[i] = {req.headers[i].name, req.headers[i].value};
  ws::UpgradeRequest up = ws::check_upgrade(req.method, req.minor_version, {fields, req.header_count}, "hbtp");
  if (up.status != ws::HandshakeStatus::kOk) {
    out_.append_owned(ws::reject_response(up.status));
    close_after_flush_ = true;
    return;
  }
  out_.append_owned(ws::accept_response(up.key, up.protocol));
  start_stream(hbtp::Transport::kWebSocket);
}

void Connection::start_stream(hbtp::Transport t) {
  if (!channel_) channel_ = std::make_unique<hbtp::Channel>();
  mode_ = t == hbtp::Transport::kWebSocket ? Mode::kWebSocket : Mode::kHbtp;
  ++ctx_.hbtp.stats.sessions;
  deadline_ms_ = ctx_.now_ms + ctx_.stream_idle_timeout_ms;
  ctx_.stream_out.clear();
  channel_->start(t, ctx_.hbtp, ctx_.max_message, ctx_.stream_out);
  if (ctx_.stream_greeting) channel_->push(as_bytes(*ctx_.stream_greeting), ctx_.stream_out);
  queue_stream_out();
}

void Connection::push(std::string_view frame) {
  if (state_ != State::kOpen || mode_ == Mode::kHttp || close_after_flush_) return;
  ctx_.stream_out.clear();
  channel_->push(as_bytes(frame), ctx_.stream_out);
  queue_stream_out();
  drive();
}

void Connection::feed_stream(const char* data, size_t len) {
  ctx_.stream_out.clear();
  channel_->feed(reinterpret_cast<const uint8_t*>(data), len, ctx_.stream_out);
  queue_stream_out();
}

void Connection::queue_stream_out() {
  const hbtp::Bytes& b = ctx_.stream_out;
  out_.append_owned(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
  if (channel_->closing()) close_after_flush_ = true;
}

void Connection::on_drain() {
  if (state_ != State::kOpen) return;
  if (mode_ != Mode::kHttp) {
    if (close_after_flush_) return;
    ctx_.stream_out.clear();
    channel_->go_away(ctx_.stream_out);
    queue_stream_out();
    return drive();
  }
  // A request already in the socket is answered (with Connection: close); a truly idle one is closed.
  if (idle()) on_event(kReadable);
  if (state_ == State::kOpen && idle()) close();
}

}  // namespace dxs::http1
