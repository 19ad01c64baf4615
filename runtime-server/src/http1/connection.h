// http1/connection.h — one HTTP/1.1 connection: read, parse every complete request, answer, write.
//
// Contract with the worker that owns it (same thread, no locks):
//   - open(fd) registers the socket with the worker's reactor (user_data = this) for reading;
//   - on_event(events) is called with each completion's Events bits; afterwards, closed() says whether the
//     connection released its socket (the worker then unlinks and recycles it);
//   - with ctx.read_interest == kRecv the reactor reads for the connection (reactor.h, kFeatureRecv): the
//     worker passes each recv completion to on_received() instead, and the connection never calls recv().
//     Bytes are copied into the read buffer as it has room; what arrives while it may not read (output
//     blocked) or does not fit is kept in held_ and read first once it may (connection_recv.cpp);
//   - the worker calls on_timeout() once now_ms passes deadline_ms(): a head begun but not finished within
//     header_timeout_ms gets 408 and a lingering close; an idle keep-alive connection, a reader that stopped
//     reading, or a lingering close that never saw EOF is closed.
// Pipelining: every complete request in the read buffer is answered in order, and the batch is sent with
// one sendmsg. Backpressure: while output is pending the connection stops reading and waits for
// writability; it also stops parsing once kHighWater bytes of heads are queued. Closing after a response
// (Connection: close, HTTP/1.0, 4xx with close) is "lingering": shutdown(SHUT_WR), then read and discard
// until EOF so the peer receives the response instead of a reset.
// Request bodies (connection_body.cpp): a Content-Length or chunked body is read after its head, streamed
// through the read buffer however large it is: while it is read the head stays at the start of the buffer
// (parsed again once the body is complete) and the body bytes after it are consumed as they arrive. Only
// POST /_dx/rpc/<method> keeps its body (the RPC's arguments, at most max_body bytes); any other body is
// discarded and the request answered as without one. A body over max_body gets 413 (a Content-Length at
// once, a chunked body as soon as a chunk would pass it), a chunked framing error 400, a body with no byte
// for body_timeout_ms 408; each closes. `Expect: 100-continue` gets "100 Continue" when the body is wanted.
// Upgrades (connection_stream.cpp): a valid WebSocket handshake for `GET /_dx/hbtp` gets its 101 and the
// connection switches to Mode::kWebSocket; a connection accepted on the raw HBTP port opens in Mode::kHbtp.
// Either way an hbtp::Channel takes every byte read from then on; stream_idle_timeout_ms without a byte
// received sends a Close; on_drain() sends Close 1001 / HBTP Close 8; after a Close the close lingers.
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "dxs/http1/chunked.h"
#include "dxs/http1/parser.h"
#include "dxs/http1/response.h"
#include "dxs/http1/response_stream.h"
#include "dxs/http1/semantics.h"
#include "dxs/reactor.h"
#include "dxs/static_site.h"
#include "hbtp/channel.h"
#include "out_queue.h"

namespace dxs::http1 {

// Per-worker state every connection of that worker uses; scratch space is reused across requests.
struct ConnectionContext {
  Reactor* reactor = nullptr;
  uint32_t read_interest = kRead;  // kRecv when the reactor delivers bytes (kFeatureRecv)
  const StaticSite* site = nullptr;
  const CannedResponses* canned = nullptr;
  DateCache date;
  int64_t now_ms = 0;
  // The earliest time a streaming response asked to be woken at (INT64_MAX: none): the worker wakes then
  // rather than at its next sweep, so a stream's pieces leave on time (a streamed page's boundaries).
  int64_t stream_wake_ms = INT64_MAX;
  int idle_timeout_ms = 10000;    // keep-alive between requests; a reader that stopped reading
  int header_timeout_ms = 10000;  // from a head's first byte to its end (slowloris): then 408
  int linger_timeout_ms = 2000;
  int body_timeout_ms = 10000;    // a request body with no byte received for this long: 408
  uint64_t max_body = 1u << 20;   // a request body over this: 413
  bool test_hooks = false;        // dx-server --test-hooks: /_dx/test/stream (connection_stream_out.cpp), ?dx-hold=MS
                                  // on pages (respond_page)
  bool draining = false;          // the server is stopping: every response closes its connection
  int stream_idle_timeout_ms = 60000;  // WebSocket / raw HBTP: nothing received for this long: Close
  uint32_t max_message = 1u << 20;     // WebSocket message and HBTP frame payload limit
  hbtp::Env hbtp;                      // the worker's HBTP counters and log limiter
  hbtp::Bytes stream_out;              // scratch: what a channel answers to one read
  std::shared_ptr<const std::string> stream_greeting;  // dev mode: a frame each new session gets after Hello
  Request request;   // scratch: the request being answered
  std::string path;  // scratch: its normalized path
  std::string scratch_head;  // scratch: a head built per request (206, 416, RPC answers, rendered pages)
  std::string scratch_body;  // scratch: a page rendered per request (dxs/page_render.h)
  std::vector<uint8_t> rpc_result;  // scratch: an RPC handler's result
  // Read buffers (Connection::kReadBuffer bytes) are lent to a connection only while it reads or holds
  // unanswered bytes, so an idle keep-alive connection owns none (memory per idle connection stays small);
  // returned ones wait here, warm, for the next reader.
  std::vector<std::unique_ptr<char[]>> spare_reads;
  OutQueue spare_out;  // likewise the output storage: lent for one event, kept by a connection still sending
};

class Connection {
 public:
  static constexpr size_t kReadBuffer = 2 * kMaxHeadBytes;  // always room for one more head
  static constexpr size_t kHighWater = 64 * 1024;           // queued head bytes before we flush
  static constexpr size_t kCopyBodyMax = 2048;              // smaller bodies are copied, larger borrowed
  static constexpr size_t kMaxLingerBytes = 1 << 20;        // discarded during a lingering close, then close
  static constexpr std::string_view kRpcPrefix = "/_dx/rpc/";  // POST /_dx/rpc/<method>: connection_body.cpp

  // kHttp: requests (may upgrade to kWebSocket); kHbtp: raw HBTP from the first byte (the --hbtp-port).
  enum class Mode : uint8_t { kHttp, kWebSocket, kHbtp };

  explicit Connection(ConnectionContext& ctx);

  // Takes ownership of the connected, non-blocking socket `fd`. False if the reactor refuses it (then closed).
  bool open(int fd, Mode mode = Mode::kHttp);
  void on_event(uint32_t events);
  // A recv completion (read_interest kRecv): `result` bytes at `data` (valid during the call), 0 EOF, -errno.
  void on_received(int32_t result, const char* data);
  void close();
  // The server is stopping: HTTP answers what is already in the socket and closes when idle; WebSocket and
  // HBTP send their Close (1001 / GOING_AWAY) and close after the peer's answer (lingering, bounded).
  void on_drain();
  // Dev mode: sends one whole HBTP frame to this connection's session (nothing for plain HTTP).
  void push(std::string_view frame);

  // The deadline passed: 408 + close for a half-received head, a plain close otherwise.
  void on_timeout();

  bool closed() const { return state_ == State::kClosed; }
  // read_interest kRecv: delivered bytes (or an EOF) wait in held_. After a push or a timeout, which may
  // unblock reading without an event, the worker calls on_event(0) so they are read.
  bool holds_received() const { return !held_.empty() || (held_eof_ && !peer_eof_); }
  // Output is queued (it may borrow bytes of the StaticSite it was answered from).
  bool sending() const { return out_.pending(); }
  // Open, between requests: nothing received that is unanswered and nothing left to send.
  bool idle() const {
    return state_ == State::kOpen && mode_ == Mode::kHttp && in_len_ == 0 && !out_.pending() && !close_after_flush_ &&
           !out_stream_;
  }
  int64_t deadline_ms() const { return deadline_ms_; }
  bool stream_waiting() const { return out_stream_ && stream_waiting_; }

  // The worker's intrusive list of live connections.
  Connection* prev = nullptr;
  Connection* next = nullptr;

 private:
  enum class State { kOpen, kLingering, kClosed };

  void read_some();
  ssize_t take_received(char* to, size_t room);  // connection_recv.cpp: like recv() from arrived_ / held_
  void linger_received();
  bool may_read() const {
    return state_ == State::kOpen && !out_.pending() && !close_after_flush_ && !peer_eof_ && !out_stream_;
  }
  void drive();
  bool process_requests();  // true if complete requests are left unparsed (high water)
  void answer(const Request& req);
  void dispatch(const Request& req, const Semantics& sem, std::span<const uint8_t> body);
  void begin_body(const Request& req, const Semantics& sem);  // connection_body.cpp
  bool read_body();  // true when the body ended (answered, or refused), false when it needs more bytes
  void end_body();
  void answer_rpc(const Request& req, const Semantics& sem, std::span<const uint8_t> args);
  void respond_text(int status, const char* reason, std::string_view text, const Semantics& sem);
  void upgrade(const Request& req);       // connection_stream.cpp
  void start_stream(hbtp::Transport t);   // switches mode_ and sends the server's Hello
  void feed_stream(const char* data, size_t len);
  void queue_stream_out();
  int idle_ms() const { return mode_ == Mode::kHttp ? ctx_.idle_timeout_ms : ctx_.stream_idle_timeout_ms; }
  void respond(const Prebuilt& p, bool with_body, bool keep_alive, bool echo_keep_alive);
  void respond_parts(std::string_view head, const char* body, size_t body_len, bool keep_alive, bool echo_keep_alive);
  void respond_range(const StaticEntry& entry, std::string_view range, const Semantics& sem);
  // No file for the path: a page rendered per request or the app's 404 page (dxs/page_render.h), else 404.
  void respond_page(const Request& req, const Semantics& sem, std::span<const uint8_t> form = {});
  // A POST to a path that is no file and not under /_dx/ (ctx_.path normalized): a form that may be for a page
  // (respond_page decides). Its body is kept (begin_body) and dispatch sends it there; other POSTs get 405.
  bool page_post(const Request& req) const {
    return req.method == "POST" && std::string_view(ctx_.path).substr(0, 5) != "/_dx/" && !ctx_.site->find(ctx_.path);
  }
  static bool if_range_allows(const Request& req, const std::string& etag);
  void respond_and_close(const Prebuilt& p, bool with_body) { respond(p, with_body, false, false); }
  // Streaming responses (connection_stream_out.cpp): the head now, the body as `stream` produces it.
  void respond_stream(std::unique_ptr<ResponseStream> stream, std::string_view content_type, const Request& req,
                      const Semantics& sem);
  void pump_stream();  // asks the open stream for its next piece (or the time to ask again, or its end)
  void begin_linger();
  void linger_read();
  void set_interest(uint32_t interest);
  void borrow_in();   // in_ from ctx_.spare_reads (or new) before a read
  void return_in();   // back to ctx_.spare_reads once it holds nothing (in_len_ == 0)
  void handle(uint32_t events);

  ConnectionContext& ctx_;
  State state_ = State::kClosed;
  Mode mode_ = Mode::kHttp;
  int fd_ = -1;
  uint32_t interest_ = 0;
  int64_t deadline_ms_ = 0;
  std::unique_ptr<char[]> in_;  // lent while reading or holding bytes (borrow_in / return_in)
  size_t in_len_ = 0;
  size_t scanned_ = 0;  // leading bytes of in_ the parser already called partial
  size_t lingered_ = 0;
  bool close_after_flush_ = false;
  bool peer_eof_ = false;
  OutQueue out_;
  // read_interest kRecv: the completion being handled (arrived_, valid during on_received), and bytes or an
  // EOF delivered while the connection could not take them.
  const char* arrived_ = nullptr;
  size_t arrived_len_ = 0;
  std::string held_;
  bool held_eof_ = false;
  // The body being read (connection_body.cpp): its head is in_[0, head_len_).
  enum class BodyMode : uint8_t { kNone, kLength, kChunked };
  BodyMode body_mode_ = BodyMode::kNone;
  bool keep_body_ = false;  // an RPC's arguments: kept in body_; else discarded
  size_t head_len_ = 0;
  uint64_t body_left_ = 0;  // kLength: bytes still to come
  ChunkedDecoder chunked_;
  std::vector<uint8_t> body_;
  // The streaming response being sent: nothing more is read or parsed until it ends.
  std::unique_ptr<ResponseStream> out_stream_;
  bool stream_chunked_ = true, stream_keep_alive_ = true, stream_waiting_ = false;
  std::unique_ptr<hbtp::Channel> channel_;  // made at the first upgrade, kept while the connection is pooled
};

}  // namespace dxs::http1
