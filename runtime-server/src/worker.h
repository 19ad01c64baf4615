// worker.h — one thread's event loop: its own reactor, its own SO_REUSEPORT listener, its connections.
//
// Thread-per-core (DESIGN §4): a Worker touches only its own reactor, listener and connections, plus the
// server's read-only StaticSite and canned responses, so the request path takes no lock. run() pins the
// thread to `cpu` (when >= 0; a refusal is ignored).
// Limits: beyond max_connections open connections a new one gets a 503 (best effort, non-blocking) and is
// closed; a request head not complete within header_timeout_ms gets a 408 and a close; a keep-alive
// connection idle for idle_timeout_ms (or a reader that stops reading for as long) is closed.
// Stop is graceful: when the server's stop eventfd becomes readable (it is never drained, so every worker
// sees it), the worker closes its listener, closes idle connections, lets the others finish the response
// they are sending (each then closes: "Connection: close"), and returns from run() when none is left or
// after drain_timeout_ms, closing what remains. The Worker owns (and closes) its listening socket.
// Reload: post_site() leaves the new StaticSite in a mailbox and wakes the worker through its own eventfd;
// the worker swaps ctx_.site between two events and keeps the old one until no connection is sending.
// Raw HBTP: with hbtp_listen_fd set (--hbtp-port) the worker also accepts on that listener; those
// connections speak HBTP from the first byte and count against the same max_connections. Drain sends
// every WebSocket / HBTP session its Close (1001 / GOING_AWAY) and waits for the peers within the deadline.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <memory>
#include <string>
#include <vector>

#include "dxs/reactor.h"
#include "http1/connection.h"

namespace dxs {

struct WorkerConfig {
  std::shared_ptr<const StaticSite> site;
  const http1::CannedResponses* canned = nullptr;
  int listen_fd = -1;  // owned by the Worker from construction
  int hbtp_listen_fd = -1;  // raw HBTP listener (owned too); -1: none
  int stop_fd = -1;
  IoBackend io = IoBackend::kAuto;
  bool io_native = true;  // use the reactor's native accept / recv when it has them (reactor.h features())
  int cpu = -1;  // pin to this CPU; -1: no pinning
  size_t max_connections = 10000;
  int idle_timeout_ms = 10000;
  int header_timeout_ms = 10000;
  int body_timeout_ms = 10000;     // a request body with no byte received for this long: 408
  uint64_t max_body = 1u << 20;    // request body limit: 413
  bool test_hooks = false;         // GET /_dx/test/stream, ?dx-hold=MS on pages
  int drain_timeout_ms = 10000;
  int stream_idle_timeout_ms = 60000;  // WebSocket / raw HBTP sessions
  uint32_t max_message = 1u << 20;     // WebSocket message / HBTP frame payload limit
};

class Worker {
 public:
  explicit Worker(const WorkerConfig& config);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Creates the reactor and registers the listener and the stop fd. False with `err` on failure.
  // `note` (optional) gets why kAuto did not take io_uring.
  bool init(std::string* err, std::string* note = nullptr);
  const char* backend_name() const { return reactor_ ? reactor_->name() : "none"; }
  // Runs the loop until stopped and drained. Call on the worker's own thread, once.
  void run();

  // Reload by message (any thread): the worker takes `site` at its next wake-up and acknowledges `gen`.
  // `running` false: the loop is not running yet, so the site is swapped here and now.
  void post_site(std::shared_ptr<const StaticSite> site, uint64_t gen, bool running);
  // Waits until the worker took generation `gen` (or timeout_ms passed: false).
  bool wait_site(uint64_t gen, int timeout_ms);
  // Dev mode (any thread): at its next wake-up the worker sends `frame` (one whole HBTP frame) to each of
  // its WebSocket / HBTP sessions; `sticky`: also to every session opened later, until the next push.
  void post_push(std::shared_ptr<const std::string> frame, bool sticky, bool running);

 private:
  static constexpr uint64_t kListenerTag = 1;  // user_data values no Connection* can take
  static constexpr uint64_t kStopTag = 2;
  static constexpr uint64_t kReloadTag = 3;
  static constexpr uint64_t kHbtpListenerTag = 4;
  // The reactor's receive ring when it reads for the connections (kFeatureRecv): 512 × 4 KB per worker.
  static constexpr uint32_t kRecvBuffers = 512;
  static constexpr uint32_t kRecvBufferSize = 4096;

  void tick();
  void dispatch(const Completion& c);
  void on_listener(const Completion& c, int listen_fd, http1::Connection::Mode mode);
  void accept_all(int fd, http1::Connection::Mode mode);
  void accept_failed(int listen_fd, int error);
  void admit(int fd, http1::Connection::Mode mode);
  void refuse(int fd, http1::Connection::Mode mode);
  void begin_drain();
  void take_site();
  void swap_site(std::shared_ptr<const StaticSite> next);
  void free_retired();
  void sweep();
  void recycle(http1::Connection* c);
  void release_dead();
  void close_all();

  WorkerConfig config_;
  int listen_fd_;
  int hbtp_listen_fd_;
  int spare_fd_ = -1;  // closed to accept-and-drop when the process is out of descriptors
  std::unique_ptr<Reactor> reactor_;
  http1::ConnectionContext ctx_;
  http1::Connection* live_ = nullptr;  // intrusive list of open connections
  size_t live_count_ = 0;
  std::vector<std::unique_ptr<http1::Connection>> pool_;  // owns every connection ever made
  std::vector<http1::Connection*> free_;  // closed, ready for reuse
  std::vector<http1::Connection*> dead_;  // closed during this batch
  int64_t next_sweep_ms_ = 0;
  int64_t drain_deadline_ms_ = -1;  // >= 0 once stopping

  // The dist/ served now, and replaced ones kept while a connection may still send their bytes.
  std::shared_ptr<const StaticSite> site_;
  std::vector<std::shared_ptr<const StaticSite>> retired_;
  // Mailbox for reloads: the only state shared with another thread, touched only on a reload.
  int reload_fd_ = -1;
  std::mutex mail_mu_;
  std::condition_variable mail_cv_;
  std::shared_ptr<const StaticSite> mail_;
  std::shared_ptr<const std::string> mail_push_;
  bool mail_sticky_ = false;
  uint64_t mail_gen_ = 0, acked_gen_ = 0;
};

}  // namespace dxs
