// connection_stream_out.cpp — streaming responses (dxs/http1/response_stream.h) on a Connection.
#include <algorithm>
#include <charconv>
#include <cstdio>

#include "http1/connection.h"

namespace dxs::http1 {

void Connection::respond_stream(std::unique_ptr<ResponseStream> stream, std::string_view content_type,
                                const Request& req, const Semantics& sem) {
  bool head = req.method == "HEAD";
  bool http10 = req.minor_version == 0;
  bool keep_alive = sem.keep_alive && !ctx_.draining && !http10;  // HTTP/1.0: the close ends the body
  std::string& h = ctx_.scratch_head;
  h.assign("HTTP/1.1 200 OK\r\nContent-Type: ");
  h.append(content_type);
  h.append("\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n");
  h.append(stream->extra_headers());
  if (!http10) h.append("Transfer-Encoding: chunked\r\n");
  out_.append_owned(h);
  out_.append_owned(ctx_.date.line());
  out_.append_owned(keep_alive ? "\r\n" : "Connection: close\r\n\r\n");
  if (head) {  // a HEAD ends with its head
    if (!keep_alive) close_after_flush_ = true;
    return;
  }
  out_stream_ = std::move(stream);
  stream_chunked_ = !http10;
  stream_keep_alive_ = keep_alive;
  stream_waiting_ = false;
}

void Connection::pump_stream() {
  std::string& piece = ctx_.scratch_head;
  piece.clear();
  int64_t wake = 0;
  ResponseStream::Step step = out_stream_->next(ctx_.now_ms, piece, &wake);
  stream_waiting_ = step == ResponseStream::Step::kWait;
  if (step == ResponseStream::Step::kData) {
    if (piece.empty()) return;
    if (stream_chunked_) {
      char size[24];
      int n = std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
      out_.append_owned(std::string_view(size, size_t(n)));
      piece.append("\r\n");
    }
    out_.append_owned(piece);
    deadline_ms_ = ctx_.now_ms + ctx_.idle_timeout_ms;
  } else if (stream_waiting_) {
    deadline_ms_ = std::max(wake, ctx_.now_ms);
    ctx_.stream_wake_ms = std::min(ctx_.stream_wake_ms, deadline_ms_);
  } else {
    if (stream_chunked_) out_.append_owned("0\r\n\r\n");
    out_stream_.reset();
    if (!stream_keep_alive_) close_after_flush_ = true;
    deadline_ms_ = ctx_.now_ms + ctx_.idle_timeout_ms;
  }
}

namespace {

class TestStream final : public ResponseStream {
 public:
  TestStream(uint32_t chunks, uint32_t size, uint32_t interval_ms, int64_t now_ms)
      : chunks_(chunks), size_(size), interval_ms_(interval_ms), next_ms_(now_ms) {}
  Step next(int64_t now_ms, std::string& out, int64_t* wake_ms) override {
    if (sent_ == chunks_) return Step::kEnd;
    if (now_ms < next_ms_) {
      *wake_ms = next_ms_;
      return Step::kWait;
    }
    std::string piece = "chunk " + std::to_string(sent_) + " ";
    piece.resize(std::max<size_t>(size_, piece.size()), '.');
    out.append(piece);
    ++sent_;
    next_ms_ = now_ms + interval_ms_;
    return Step::kData;
  }

 private:
  uint32_t chunks_, size_, interval_ms_, sent_ = 0;
  int64_t next_ms_;
};

}  // namespace

uint32_t query_number(std::string_view query, std::string_view key, uint32_t fallback, uint32_t max) {
  for (size_t at = 0; at < query.size();) {
    size_t amp = query.find('&', at);
    std::string_view kv = query.substr(at, amp == std::string_view::npos ? std::string_view::npos : amp - at);
    at = amp == std::string_view::npos ? query.size() : amp + 1;
    if (kv.size() > key.size() && kv.substr(0, key.size()) == key && kv[key.size()] == '=') {
      uint32_t v = 0;
      std::string_view num = kv.substr(key.size() + 1);
      auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
      if (ec == std::errc() && p == num.data() + num.size()) return std::min(v, max);
    }
  }
  return fallback;
}

std::unique_ptr<ResponseStream> make_test_stream(std::string_view query, int64_t now_ms) {
  return std::make_unique<TestStream>(query_number(query, "chunks", 3, 10000), query_number(query, "size", 16, 1u << 20),
                                      query_number(query, "interval_ms", 20, 60000), now_ms);
}

}  // namespace dxs::http1
