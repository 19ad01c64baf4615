// worker.h — one thread's event loop: its own reactor, its own SO_REUSEPORT listener, its connections.
//
// Thread-per-core (DESIGN §4): a Worker touches only its own reactor, listener and connections, plus the
// server's read-only StaticSite and canned responses, so the request path takes no lock. It stops when the
// server's stop eventfd becomes readable (it is never drained, so every worker sees it): it then closes its
// listener and every connection and returns from run(). The Worker owns (and closes) its listening socket.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dxs/reactor.h"
#include "http1/connection.h"

namespace dxs {

class Worker {
 public:
  Worker(const StaticSite& site, const http1::CannedResponses& canned, int idle_timeout_ms, int listen_fd,
         int stop_fd);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Creates the reactor and registers the listener and the stop fd. False with `err` on failure.
  bool init(std::string* err);
  // Runs the loop until stopped. Call on the worker's own thread, once.
  void run();

 private:
  static constexpr uint64_t kListenerTag = 1;  // user_data values no Connection* can take
  static constexpr uint64_t kStopTag = 2;

  void tick();
  void accept_all();
  void sweep();
  void recycle(http1::Connection* c);
  void release_dead();
  void close_all();

  int listen_fd_;
  int stop_fd_;
  int spare_fd_ = -1;  // closed to accept-and-drop when the process is out of descriptors
  std::unique_ptr<Reactor> reactor_;
  http1::ConnectionContext ctx_;
  http1::Connection* live_ = nullptr;  // intrusive list of open connections
  size_t live_count_ = 0;
  std::vector<std::unique_ptr<http1::Connection>> pool_;  // owns every connection ever made
  std::vector<http1::Connection*> free_;  // closed, ready for reuse
  std::vector<http1::Connection*> dead_;  // closed during this batch
  int64_t next_sweep_ms_ = 0;
};

}  // namespace dxs
