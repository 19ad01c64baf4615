// http1/connection_body.cpp — request bodies of a Connection (contract in connection.h): Content-Length and
// chunked bodies streamed through the read buffer, their limits, and POST /_dx/rpc/<method> (schemas/hbtp.md
// "Over plain HTTP"); the other handler that keeps a body is a page's, for a POSTed form (respond_page).
#include <cstdio>
#include <cstring>

#include "connection.h"
#include "dx/schema/hbtp.h"
#include "dxs/http1/path.h"
#include "hbtp/rpc.h"

namespace dxs::http1 {
namespace {

// A kept body's buffer larger than this is freed after use, so pooled connections stay small.
constexpr size_t kKeepBodyCapacity = 4096;

// An RPC status (schemas/hbtp.md "Error and Close codes") as an HTTP status and reason.
void http_status_of(uint32_t status, int* code, const char** reason) {
  using namespace dx::schema;
  switch (status) {
    case kHbtpErrMalformed:
    case kHbtpErrProtocol:
    case kHbtpErrUnsupported: *code = 400, *reason = "Bad Request"; return;
    case kHbtpErrTooLarge: *code = 413, *reason = "Content Too Large"; return;
    case kHbtpErrUnknownMethod: *code = 404, *reason = "Not Found"; return;
    case kHbtpErrGoingAway: *code = 503, *reason = "Service Unavailable"; return;
    default: *code = 500, *reason = "Internal Server Error"; return;
  }
}

const char* rpc_status_text(uint32_t status) {
  using namespace dx::schema;
  switch (status) {
    case kHbtpErrMalformed: return "malformed arguments";
    case kHbtpErrTooLarge: return "too large";
    case kHbtpErrProtocol: return "bad arguments";
    case kHbtpErrUnsupported: return "unsupported";
    case kHbtpErrUnknownMethod: return "unknown method";
    case kHbtpErrGoingAway: return "server shutting down";
    default: return "the handler failed";
  }
}

}  // namespace

// The head is complete, framing checked, ctx_.path normalized. A Content-Length over the limit is refused
// before a byte of the body is read (so a client that waits for "100 Continue" never sends it).
void Connection::begin_body(const Request& req, const Semantics& sem) {
  bool head = req.method == "HEAD";
  if (sem.body == Semantics::Body::kLength && sem.content_length > ctx_.max_body)
    return respond_and_close(ctx_.canned->payload_too_large, !head);
  uint32_t id = 0;
  std::string_view path(ctx_.path);
  // Kept: an RPC's arguments, and the form POSTed to a path that may be a page (dispatch → respond_page).
  bool rpc = path.substr(0, kRpcPrefix.size()) == kRpcPrefix;
  keep_body_ = rpc ? req.method == "POST" && hbtp::find_method_by_name(path.substr(kRpcPrefix.size()), &id) != nullptr
                   : page_post(req);
  body_.clear();
  body_mode_ = sem.body == Semantics::Body::kChunked ? BodyMode::kChunked : BodyMode::kLength;
  body_left_ = sem.content_length;
  chunked_.reset();
  if (sem.expect == Semantics::Expect::kContinue) out_.append_owned("HTTP/1.1 100 Continue\r\n\r\n");
  deadline_ms_ = ctx_.now_ms + ctx_.body_timeout_ms;
}

void Connection::end_body() {
  body_mode_ = BodyMode::kNone;
  head_len_ = 0;
  body_left_ = 0;
  keep_body_ = false;
  body_.clear();
  if (body_.capacity() > kKeepBodyCapacity) std::vector<uint8_t>().swap(body_);
}

// Consumes the body bytes in in_[head_len_, in_len_); the bytes after the body's end stay (moved down to
// in_[head_len_]). Once the body is complete the head is parsed again (ctx_.request is shared by the
// worker's connections), answered, and dropped, so the next request starts at in_[0].
bool Connection::read_body() {
  char* p = in_.get() + head_len_;
  size_t avail = in_len_ - head_len_;
  size_t used = 0;
  bool complete = false;
  auto keep = [this](const char* data, size_t n) {
    auto* bytes = reinterpret_cast<const uint8_t*>(data);
    if (keep_body_) body_.insert(body_.end(), bytes, bytes + n);
  };
  if (body_mode_ == BodyMode::kLength) {
    used = body_left_ < avail ? size_t(body_left_) : avail;
    keep(p, used);
    body_left_ -= used;
    complete = body_left_ == 0;
  } else {
    while (used < avail) {
      ChunkedStep st = chunked_.feed(p + used, avail - used);
      used += st.consumed;
      if (st.status == ChunkedStatus::kError) {
        end_body();
        respond_and_close(ctx_.canned->bad_request, true);
        return true;
      }
      // What the chunks announced so far (this one's rest included) against the limit, before keeping any.
      if (chunked_.body_bytes() + chunked_.chunk_left() > ctx_.max_body) {
        end_body();
        respond_and_close(ctx_.canned->payload_too_large, true);
        return true;
      }
      keep(st.data, st.data_len);
      if (st.status == ChunkedStatus::kDone) {
        complete = true;
        break;
      }
    }
  }
  std::memmove(p, p + used, avail - used);
  in_len_ -= used;
  if (used) deadline_ms_ = ctx_.now_ms + ctx_.body_timeout_ms;  // the body is still arriving
  if (!complete) return false;

  size_t head = head_len_;
  [[maybe_unused]] int rc = parse_request(in_.get(), head, 0, ctx_.request);  // the same bytes: complete again
  Semantics sem = read_semantics(ctx_.request);
  (void)normalize_target(ctx_.request.target, ctx_.path);  // succeeded before
  deadline_ms_ = ctx_.now_ms + ctx_.idle_timeout_ms;
  dispatch(ctx_.request, sem, body_);
  std::memmove(in_.get(), in_.get() + head, in_len_ - head);
  in_len_ -= head;
  end_body();
  return true;
}

// POST /_dx/rpc/<name>: the body is the arguments, the answer the result bytes (200) or the RPC status as
// an HTTP status with a one-line text reason. Any other method: 405 with "Allow: POST".
void Connection::answer_rpc(const Request& req, const Semantics& sem, std::span<const uint8_t> args) {
  bool head = req.method == "HEAD";
  if (req.method != "POST") return respond(ctx_.canned->rpc_not_allowed, !head, sem.keep_alive, sem.echo_keep_alive);
  std::string_view name = std::string_view(ctx_.path).substr(kRpcPrefix.size());
  uint32_t id = 0;
  const hbtp::RpcMethod* m = hbtp::find_method_by_name(name, &id);
  uint32_t status = dx::schema::kHbtpErrUnknownMethod;
  ctx_.rpc_result.clear();
  if (m) {
    hbtp::RpcRequest call;
    call.method = id;
    call.args = args;
    call.stats = &ctx_.hbtp.stats;
    status = m->handler(call, ctx_.rpc_result);
    ++ctx_.hbtp.stats.rpc_calls;
  }
  if (status != dx::schema::kHbtpOk) {
    int code = 500;
    const char* reason = "";
    http_status_of(status, &code, &reason);
    std::string text = "rpc " + std::string(name.substr(0, 64)) + ": " + rpc_status_text(status) + "\n";
    return respond_text(code, reason, text, sem);
  }
  char line[64];
  ctx_.scratch_head.assign("HTTP/1.1 200 OK\r\nServer: dx\r\nContent-Type: application/octet-stream\r\n"
                           "Cache-Control: no-store\r\n");
  std::snprintf(line, sizeof line, "Content-Length: %zu\r\n", ctx_.rpc_result.size());
  ctx_.scratch_head += line;
  respond_parts(ctx_.scratch_head, nullptr, 0, sem.keep_alive, sem.echo_keep_alive);
  // Copied: rpc_result is the worker's scratch (respond_parts would borrow a large body).
  out_.append_owned({reinterpret_cast<const char*>(ctx_.rpc_result.data()), ctx_.rpc_result.size()});
}

void Connection::respond_text(int status, const char* reason, std::string_view text, const Semantics& sem) {
  char line[128];
  std::snprintf(line, sizeof line, "HTTP/1.1 %d %s\r\nServer: dx\r\n", status, reason);
  ctx_.scratch_head.assign(line);
  std::snprintf(line, sizeof line,
                "Content-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: %zu\r\n",
                text.size());
  ctx_.scratch_head += line;
  respond_parts(ctx_.scratch_head, nullptr, 0, sem.keep_alive, sem.echo_keep_alive);
  out_.append_owned(text);
}

}  // namespace dxs::http1
