// dxs/server.h — dx-server as a library: load and validate a dist/, listen, serve with N workers.
//
//   std::string err;
//   auto server = dxs::Server::create({.dist = "dist", .port = 0}, &err);  // nothing listens on failure
//   if (!server) { fprintf(stderr, "dx-server: %s\n", err.c_str()); return 1; }
//   server->start();          // N worker threads (thread-per-core, DESIGN §4)
//   ... server->port() ...    // the real port when options.port was 0
//   server->stop();           // from any thread, even a signal handler: only write()s to an eventfd
//   server->join();
//
// create() does all the work that can fail before anything is served: it loads every file of `dist` into
// memory (StaticSite), validates the artifacts (validate_dist), prebuilds the responses, creates one
// SO_REUSEPORT listening socket per worker and one reactor per worker. Its error names the file, what is
// wrong and the byte offset ("dist/app.dxb: ... at offset 16") or the address it could not listen on.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dxs {

struct ServerOptions {
  std::string dist;                 // the compiled app directory, as the user wrote it
  std::string host = "127.0.0.1";   // an address or a name getaddrinfo resolves
  uint16_t port = 8080;             // 0: the kernel picks a free port (see Server::port)
  unsigned workers = 1;             // threads, each with its own reactor and listener
  int idle_timeout_ms = 10000;      // idle keep-alive, slow request heads, stalled readers
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

  uint16_t port() const;
  std::string url() const;  // "http://<host>:<port>/" ("[<host>]" for an IPv6 literal)
  size_t file_count() const;
  const std::vector<std::string>& warnings() const;  // files skipped while loading (escaping symlinks, ...)

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dxs
