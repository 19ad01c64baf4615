// http1/connection.cpp — Connection (contract in connection.h): the HTTP/1.1 request path.
#include "connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "dxs/http1/accept_encoding.h"
#include "dxs/http1/path.h"
#include "dxs/http1/range.h"
#include "dxs/http1/semantics.h"
#include "dxs/page_render.h"

namespace dxs::http1 {
namespace {

constexpr size_t kMaxSpareReads = 16;  // per worker: enough for every connection served in one loop turn

bool if_none_match_hits(const Request& req, const std::string& etag) {
  for (size_t i = 0; i < req.header_count; ++i)
    if (iequals(req.headers[i].name, "if-none-match") && etag_matches(req.headers[i].value, etag)) return true;
  return false;
}

// The value of the only header called `name`; empty (and `*several` set) when there are more than one.
std::string_view single_header(const Request& req, std::string_view name, bool* several) {
  std::string_view v;
  int n = 0;
  for (size_t i = 0; i < req.header_count; ++i)
    if (iequals(req.headers[i].name, name)) { v = req.headers[i].value; ++n; }
  *several = n > 1;
  return n == 1 ? v : std::string_view();
}

}  // namespace

Connection::Connection(ConnectionContext& ctx) : ctx_(ctx) {}

void Connection::borrow_in() {
  if (in_) return;
  if (ctx_.spare_reads.empty()) {
    in_.reset(new char[kReadBuffer]);
    return;
  }
  in_ = std::move(ctx_.spare_reads.back());
  ctx_.spare_reads.pop_back();
}

void Connection::return_in() {
  if (!in_ || in_len_ != 0) return;
  if (ctx_.spare_reads.size() < kMaxSpareReads) ctx_.spare_reads.push_back(std::move(in_));
  in_.reset();
}

bool Connection::open(int fd, Mode mode) {
  fd_ = fd;
  state_ = State::kOpen;
  mode_ = Mode::kHttp;
  interest_ = ctx_.read_interest;
  held_eof_ = false;
  in_len_ = scanned_ = lingered_ = 0;
  close_after_flush_ = peer_eof_ = false;
  end_body();
  out_.clear();
  deadline_ms_ = ctx_.now_ms + ctx_.idle_timeout_ms;
  if (ctx_.reactor->add(fd_, interest_, reinterpret_cast<uint64_t>(this)) != 0) {
    ::close(fd_);
    fd_ = -1;
    state_ = State::kClosed;
    return false;
  }
  if (mode == Mode::kHbtp) {
    start_stream(hbtp::Transport::kRaw);
    drive();
    return state_ != State::kClosed;
  }
  return true;
}

void Connection::close() {
  out_stream_.reset();
  if (state_ == State::kClosed) return;
  ctx_.reactor->remove(fd_);
  ::close(fd_);
  fd_ = -1;
  state_ = State::kClosed;
  out_.clear();
  in_len_ = 0;
  return_in();
  std::string().swap(held_);
  if (mode_ != Mode::kHttp) --ctx_.hbtp.stats.sessions;
  mode_ = Mode::kHttp;
}

// Buffers are lent for the event (connection.h: ConnectionContext::spare_reads, spare_out) and kept only
// by a connection left holding unparsed bytes or unsent output.
void Connection::on_event(uint32_t events) {
  borrow_in();
  if (!out_.pending()) out_.trade(ctx_.spare_out);
  handle(events);
  // Bytes the reactor delivered while they could not be taken: read them once they can (connection_recv.cpp).
  for (size_t left = held_.size(); holds_received() && may_read();) {
    handle(kReadable);
    if (held_.size() == left && !peer_eof_) break;  // nothing taken (no room): the next event retries
    left = held_.size();
  }
  if (state_ == State::kLingering && holds_received()) linger_received();
  return_in();
  if (!out_.pending()) out_.trade(ctx_.spare_out);
}

void Connection::handle(uint32_t events) {
  if (state_ == State::kLingering) return linger_read();
  if (state_ != State::kOpen) return;
  if (out_stream_ && (events & (kHangup | kError))) return close();  // nobody left to stream to
  if (!out_.pending() && !close_after_flush_ && !peer_eof_ && !out_stream_ && (events & kReadable)) {
    read_some();
    if (state_ != State::kOpen) return;
  }
  drive();
}

void Connection::read_some() {
  if (in_len_ == kReadBuffer) return;  // cannot happen: the parser refuses a head this long first
  ssize_t r = ctx_.read_interest == kRecv ? take_received(in_.get() + in_len_, kReadBuffer - in_len_)
                                          : ::recv(fd_, in_.get() + in_len_, kReadBuffer - in_len_, 0);
  if (r > 0 && mode_ != Mode::kHttp) {
    deadline_ms_ = ctx_.now_ms + ctx_.stream_idle_timeout_ms;
    feed_stream(in_.get(), size_t(r));
  } else if (r > 0) {
    // The first byte of a head starts its clock; more bytes dribbled in do not extend it (slowloris).
    if (in_len_ == 0) deadline_ms_ = ctx_.now_ms + ctx_.header_timeout_ms;
    in_len_ += size_t(r);
  } else if (r == 0) {
    peer_eof_ = true;
  } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
    close();
  }
}

// Answers what can be answered, sends it, and decides what to wait for next.
void Connection::drive() {
  for (;;) {
    bool more = false;
    if (out_stream_ && !out_.pending()) {
      pump_stream();
      more = !out_stream_;  // it ended: requests pipelined behind it are answered next
    }
    if (!out_stream_ && !close_after_flush_ && !out_.pending() && mode_ == Mode::kHttp) more = process_requests();
    if (out_.pending()) {
      size_t sent = 0;
      OutQueue::FlushResult r = out_.flush(fd_, &sent);
      if (sent && !stream_waiting_) deadline_ms_ = ctx_.now_ms + idle_ms();  // the reader is making progress
      if (r == OutQueue::kFailed) return close();
      if (r == OutQueue::kWouldBlock) return set_interest(kWrite);
    }
    if (out_stream_) {
      if (stream_waiting_) return set_interest(0);  // the sweep wakes it at deadline_ms_ (on_timeout)
      continue;                                      // the next piece is ready
    }
    if (close_after_flush_) return begin_linger();
    if (peer_eof_) return close();  // the peer sent all it will; anything left is an incomplete head
    if (!more) break;
  }
  set_interest(ctx_.read_interest);
}

bool Connection::process_requests() {
  size_t pos = 0;
  bool partial = false, answered = false;
  while (!close_after_flush_ && mode_ == Mode::kHttp && !out_stream_) {  // a stream holds back what follows it
    if (body_mode_ != BodyMode::kNone) {  // pos is 0: the body's head is pinned at in_[0]
      if (!read_body()) break;
      answered = true;
      continue;
    }
    if (pos >= in_len_ || out_.owned_bytes() >= kHighWater) break;
    int rc = parse_request(in_.get() + pos, in_len_ - pos, pos == 0 ? scanned_ : 0, ctx_.request);
    if (rc == kPartial) {
      partial = true;
      break;
    }
    if (rc == kMalformed) { respond_and_close(ctx_.canned->bad_request, true); break; }
    if (rc == kTooLarge) { respond_and_close(ctx_.canned->too_large, true); break; }
    size_t start = pos;
    pos += size_t(rc);
    deadline_ms_ = ctx_.now_ms + ctx_.idle_timeout_ms;
    answer(ctx_.request);
    answered = true;
    if (body_mode_ != BodyMode::kNone) {
      // A body follows: move its head to in_[0] and keep it there; the body streams through the bytes after it.
      std::memmove(in_.get(), in_.get() + start, in_len_ - start);
      in_len_ -= start;
      head_len_ = size_t(rc);
      pos = 0;
    }
  }
  if (pos > 0) {
    std::memmove(in_.get(), in_.get() + pos, in_len_ - pos);
    in_len_ -= pos;
  }
  scanned_ = partial ? in_len_ : 0;
  if (mode_ != Mode::kHttp) {
    // Upgraded: what followed the handshake in the same read is the first WebSocket bytes.
    size_t n = in_len_;
    in_len_ = 0;
    if (n) feed_stream(in_.get(), n);
    return false;
  }
  if (answered && partial) deadline_ms_ = ctx_.now_ms + ctx_.header_timeout_ms;  // the next head has begun
  return !partial && body_mode_ == BodyMode::kNone && in_len_ > 0 && !close_after_flush_;
}

// Framing and expectations first; a request with a body is answered once the body is read (read_body).
void Connection::answer(const Request& req) {
  const CannedResponses& canned = *ctx_.canned;
  Semantics sem = read_semantics(req);
  bool head = req.method == "HEAD";
  if (sem.bad_request) return respond_and_close(canned.bad_request, !head);
  if (sem.not_implemented) return respond_and_close(canned.not_implemented, !head);
  if (sem.expect == Semantics::Expect::kUnsupported)  // an unread body would be taken for the next request
    return respond(canned.expectation_failed, !head, sem.keep_alive && !sem.has_body, sem.echo_keep_alive);
  if (normalize_target(req.target, ctx_.path) != PathError::kOk) return respond_and_close(canned.bad_request, !head);
  if (sem.has_body) return begin_body(req, sem);
  dispatch(req, sem, {});
}

// The request is complete (its body, if any, read: `body` holds it when it was kept) and ctx_.path is its
// normalized path.
void Connection::dispatch(const Request& req, const Semantics& sem, std::span<const uint8_t> body) {
  const CannedResponses& canned = *ctx_.canned;
  bool head = req.method == "HEAD";
  if (std::string_view(ctx_.path).substr(0, kRpcPrefix.size()) == kRpcPrefix) return answer_rpc(req, sem, body);
  if (req.method != "GET" && !head) {  // POST: a form to a page that reads one (useFormData), else 405
    if (!page_post(req)) return respond(canned.method_not_allowed, true, sem.keep_alive, sem.echo_keep_alive);
    return respond_page(req, sem, body);
  }
  if (ctx_.test_hooks && ctx_.path == "/_dx/test/stream") {
    size_t q = req.target.find('?');
    return respond_stream(make_test_stream(q == std::string_view::npos ? "" : req.target.substr(q + 1), ctx_.now_ms),
                          "text/plain; charset=utf-8", req, sem);
  }
  if (ctx_.path == "/_dx/hbtp") {
    if (sem.has_body) return respond_and_close(canned.bad_request, !head);  // a handshake has no body
    return upgrade(req);
  }
  const StaticEntry* entry = ctx_.site->find(ctx_.path);
  if (!entry) return respond_page(req, sem);
  if (entry->is_redirect) return respond(entry->ok, !head, sem.keep_alive, sem.echo_keep_alive);
  bool several_ranges = false;
  std::string_view range = head ? std::string_view() : single_header(req, "range", &several_ranges);
  // A Range request is answered from the identity bytes (offsets into what the client asked to resume).
  Encoding enc = range.empty() ? choose_encoding(req, entry->br != nullptr, entry->gzip != nullptr) : Encoding::kIdentity;
  const StaticVariant* v = enc == Encoding::kBrotli ? entry->br.get() : enc == Encoding::kGzip ? entry->gzip.get() : nullptr;
  const std::string& etag = v ? v->etag : entry->etag;
  if (if_none_match_hits(req, etag))
    return respond(v ? v->not_modified : entry->not_modified, false, sem.keep_alive, sem.echo_keep_alive);
  if (!range.empty() && if_range_allows(req, entry->etag)) return respond_range(*entry, range, sem);
  respond(v ? v->ok : entry->ok, !head, sem.keep_alive, sem.echo_keep_alive);
}

// If-Range (RFC 9110 §13.1.5): the range applies only when the validator is our strong ETag; a date or
// another tag means "the file changed: send all of it".
bool Connection::if_range_allows(const Request& req, const std::string& etag) {
  bool several = false;
  std::string_view v = single_header(req, "if-range", &several);
  if (several) return false;
  return v.empty() || v == etag;
}

void Connection::respond_range(const StaticEntry& entry, std::string_view range, const Semantics& sem) {
  const std::string& body = *entry.ok.body;
  ByteRange r;
  RangeResult rr = parse_range(range, body.size(), &r);
  if (rr == RangeResult::kIgnore) return respond(entry.ok, true, sem.keep_alive, sem.echo_keep_alive);
  char line[96];
  ctx_.scratch_head.clear();
  if (rr == RangeResult::kUnsatisfiable) {
    ctx_.scratch_head += "HTTP/1.1 416 Range Not Satisfiable\r\nServer: dx\r\n";
    std::snprintf(line, sizeof line, "Content-Range: bytes */%zu\r\nContent-Length: 0\r\n", body.size());
    ctx_.scratch_head += line;
    return respond_parts(ctx_.scratch_head, nullptr, 0, sem.keep_alive, sem.echo_keep_alive);
  }
  ctx_.scratch_head += "HTTP/1.1 206 Partial Content\r\nServer: dx\r\n";
  ctx_.scratch_head += entry.range_fields;
  uint64_t n = r.last - r.first + 1;
  std::snprintf(line, sizeof line, "Content-Range: bytes %llu-%llu/%zu\r\nContent-Length: %llu\r\n",
                static_cast<unsigned long long>(r.first), static_cast<unsigned long long>(r.last), body.size(),
                static_cast<unsigned long long>(n));
  ctx_.scratch_head += line;
  respond_parts(ctx_.scratch_head, body.data() + r.first, size_t(n), sem.keep_alive, sem.echo_keep_alive);
}

// A page rendered per request, or the 404 page; `form`: a POST's body (the PageRenderer checks the route takes one).
void Connection::respond_page(const Request& req, const Semantics& sem, std::span<const uint8_t> form) {
  bool head = req.method == "HEAD";
  const PageRenderer* pages = ctx_.site->pages();
  bool gzip = choose_encoding(req, false, true) == Encoding::kGzip;
  // --test-hooks: ?dx-hold=MS streams a page's <Suspense> boundaries, one every MS (schemas/stream.md)
  uint32_t hold_ms = 0;
  if (ctx_.test_hooks) {
    size_t q = req.target.find('?');
    if (q != std::string_view::npos) hold_ms = query_number(req.target.substr(q + 1), "dx-hold", 0, 60000);
  }
  std::unique_ptr<ResponseStream> stream;
  PageRenderer::FormPost post;
  if (req.method == "POST") {
    bool several = false;
    post.content_type = single_header(req, "content-type", &several);
    post.body = {reinterpret_cast<const char*>(form.data()), form.size()};
  }
  if (!pages || !pages->respond(req.target, gzip, &ctx_.scratch_head, &ctx_.scratch_body, hold_ms, &stream,
                                req.method == "POST" ? &post : nullptr))
    return respond(ctx_.canned->not_found, !head, sem.keep_alive, sem.echo_keep_alive);
  if (stream) return respond_stream(std::move(stream), "text/html; charset=utf-8", req, sem);
  // The body is scratch, reused by the next request: copied into the output, never borrowed.
  respond_parts(ctx_.scratch_head, nullptr, 0, sem.keep_alive, sem.echo_keep_alive);
  if (!head) out_.append_owned(ctx_.scratch_body);
}

void Connection::on_timeout() {
  if (state_ == State::kOpen && out_stream_ && stream_waiting_ && !out_.pending()) return drive();  // its next piece
  if (state_ == State::kOpen && mode_ != Mode::kHttp && !close_after_flush_ && !out_.pending()) {
    ctx_.stream_out.clear();
    channel_->idle_close(ctx_.stream_out);
    queue_stream_out();
    return drive();
  }
  if (state_ == State::kOpen && in_len_ > 0 && !out_.pending() && !close_after_flush_ && !peer_eof_) {
    respond_and_close(ctx_.canned->request_timeout, true);
    return drive();
  }
  close();
}

void Connection::respond(const Prebuilt& p, bool with_body, bool keep_alive, bool echo_keep_alive) {
  bool body = with_body && p.body && !p.body->empty();
  respond_parts(p.head, body ? p.body->data() : nullptr, body ? p.body->size() : 0, keep_alive, echo_keep_alive);
}

// `body` points into the StaticSite (or a canned response), which outlives the connection's output.
void Connection::respond_parts(std::string_view head, const char* body, size_t body_len, bool keep_alive,
                               bool echo_keep_alive) {
  if (ctx_.draining) keep_alive = false;
  out_.append_owned(head);
  out_.append_owned(ctx_.date.line());
  if (!keep_alive) out_.append_owned("Connection: close\r\n");
  else if (echo_keep_alive) out_.append_owned("Connection: keep-alive\r\n");
  out_.append_owned("\r\n");
  if (body_len) {
    if (body_len <= kCopyBodyMax) out_.append_owned(std::string_view(body, body_len));
    else out_.append_borrowed(body, body_len);
  }
  if (!keep_alive) close_after_flush_ = true;
}

void Connection::begin_linger() {
  if (peer_eof_ || ::shutdown(fd_, SHUT_WR) != 0) return close();
  state_ = State::kLingering;
  in_len_ = 0;
  int linger = ctx_.linger_timeout_ms < ctx_.idle_timeout_ms ? ctx_.linger_timeout_ms : ctx_.idle_timeout_ms;
  deadline_ms_ = ctx_.now_ms + linger;
  set_interest(ctx_.read_interest);
}

void Connection::linger_read() {
  if (ctx_.read_interest == kRecv) return linger_received();
  for (;;) {
    ssize_t r = ::recv(fd_, in_.get(), kReadBuffer, 0);
    if (r > 0) {
      lingered_ += size_t(r);
      if (lingered_ > kMaxLingerBytes) return close();
      continue;
    }
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (r < 0 && errno == EINTR) continue;
    return close();  // EOF or an error: the peer has our response or never will
  }
}

void Connection::set_interest(uint32_t interest) {
  if (interest == interest_ || state_ == State::kClosed) return;
  if (ctx_.reactor->modify(fd_, interest, reinterpret_cast<uint64_t>(this)) != 0) return close();
  interest_ = interest;
}

}  // namespace dxs::http1
