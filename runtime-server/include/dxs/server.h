// dxs/server.h — dx-server as a library: load and validate a dist/, listen, serve with N workers.
//
//   std::string err;
//   auto server = dxs::Server::create({.dist = "dist", .port = 0}, &err);  // nothing listens on failure
//   if (!server) { fprintf(stderr, "dx-server: %s\n", err.c_str()); return 1; }
//   server->start();          // N worker threads (thread-per-core, DESIGN §4)
//   ... server->port() ...    // the real port when options.port was 0
//   server->stop();           // graceful: stop accepting, finish in-flight responses (bounded), close
//                             // (from any thread, even a signal handler: only write()s to an eventfd)
//   server->join();
//
// SIGHUP in dx-server calls reload(). create() does all the work that can fail before anything is served: it loads every file of `dist` into
// memory (StaticSite), validates the artifacts (validate_dist), prebuilds the responses, creates one
// SO_REUSEPORT listening socket per worker and one reactor per worker. Its error names the file, what is
// wrong and the byte offset ("dist/app.dxb: ... at offset 16") or the address it could not listen on.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dxs/reactor.h"

namespace dxs {

struct ServerOptions {
  std::string dist;                 // the compiled app directory, as the user wrote it
  std::string host = "127.0.0.1";   // an address or a name getaddrinfo resolves
  uint16_t port = 3000;             // 0: the kernel picks a free port (see Server::port)
  unsigned workers = 0;             // threads, each with its own reactor and listener; 0: one per CPU
                                    // this process may run on, each pinned to its CPU
  int idle_timeout_ms = 10000;      // idle keep-alive, stalled readers: close
  int header_timeout_ms = 10000;    // a request head begun but not finished (slowloris): 408, close
  int body_timeout_ms = 10000;      // a request body with no byte received for this long: 408, close
  uint64_t max_body = 1u << 20;     // a request body over this many bytes: 413, close
  bool test_hooks = false;          // --test-hooks: GET /_dx/test/stream (a chunked streaming response), ?dx-hold=MS
                                    // on a page with params (its <Suspense> boundaries streamed)
  int drain_timeout_ms = 10000;     // stop(): how long in-flight responses may take before a hard close
  uint32_t render_timeout_ms = 2000;  // one page render (the app's code, per request): then 500; 0: no limit
  size_t max_connections = 10000;   // per worker; beyond it a new connection gets 503 and is closed
  IoBackend io = IoBackend::kAuto;  // event backend of every worker (kAuto: io_uring when it starts)
  bool io_native = true;            // io_uring: its own accept and recv (reactor.h); false: readiness only
  int hbtp_port = -1;               // raw HBTP over TCP on this port (0: the kernel picks); -1: off
  int hbtp_idle_timeout_ms = 60000; // a WebSocket or raw HBTP session that receives nothing: Close
  uint32_t max_message = 1u << 20;  // WebSocket message and HBTP frame payload limit (≤ 16 MiB)
  bool dev = false;                 // dxc serve: a reload pushes ServerEvent "reload" to every session
};

class Server {
 public:
  static std::unique_ptr<Server> create(const ServerOptions& options, std::string* err);
  ~Server();  // stops and joins if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void start();
  void stop();
  void join();
  // Loads and validates `dist` again (from the calling thread, off the request path). On failure returns
  // false with `err` and the old dist stays in service. On success hands the new one to every worker by
  // message (each swaps its pointer between two events: a response comes wholly from the old or the new
  // dist) and waits until each took it (bounded: 5 s, then `err` says so, still true). The old dist is
  // freed once no connection is still sending bytes from it. Call from one thread at a time.
  bool reload(std::string* err);
  // Dev mode (schemas/hbtp.md "Server events"): sends ServerEvent `kind` + `text` (cut to 60 KiB) to every
  // open WebSocket / HBTP session of every worker. kHbtpEventBuildFailed is also sent to each session that
  // opens later, until the next push. reload() calls it with kHbtpEventReload when options.dev is set.
  void push_event(uint32_t kind, std::string_view text);

  uint16_t port() const;
  uint16_t hbtp_port() const;  // the raw HBTP port (the real one when options.hbtp_port was 0); 0 when off
  std::string url() const;  // "http://<host>:<port>/" ("[<host>]" for an IPv6 literal)
  size_t file_count() const;
  unsigned worker_count() const;
  const std::vector<std::string>& warnings() const;
  // The backend every worker uses ("io_uring" or "epoll") and, for --io auto, why io_uring was skipped.
  const char* io_backend() const;
  const std::string& io_note() const;  // files skipped while loading (escaping symlinks, ...)

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dxs
