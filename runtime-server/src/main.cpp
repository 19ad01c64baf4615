// main.cpp — the dx-server command: `dx-server <dist> [--port N] [--host H] [--workers N]`.
//
// Exit codes: 0 after SIGINT/SIGTERM (listeners and connections closed, workers joined), 1 when the dist
// cannot be served (the message names the file, the problem and the byte offset; nothing listened),
// 2 on a usage error. On success stdout gets exactly one line, flushed:
//   dx-server: serving <dist> on http://<host>:<port>/
// Signals are blocked in every thread and read from a signalfd here, so no code runs in a signal handler.
#include <sys/signalfd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <string>

#include "dxs/server.h"

int main(int argc, char** argv) {
  dxs::ServerOptions options;
  unsigned port = options.port;
  CLI::App app{"dx-server: serves a compiled dx app directory over HTTP/1.1", "dx-server"};
  app.add_option("dist", options.dist, "the app directory dxc built (index.html, app.wasm, app.dxb, ...)")->required();
  app.add_option("--port,-p", port, "TCP port; 0 lets the kernel pick a free one")->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--host", options.host, "address to listen on")->capture_default_str();
  app.add_option("--workers,-w", options.workers, "worker threads, each with its own event loop")
      ->check(CLI::Range(1, 1024))->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help (0) or the usage error
    return rc == 0 ? 0 : 2;
  }
  options.port = static_cast<uint16_t>(port);

  // Block the stop signals before any thread exists, so every worker inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  int sfd = signalfd(-1, &stop_signals, SFD_CLOEXEC);
  if (sfd < 0) {
    std::perror("dx-server: signalfd");
    return 1;
  }

  std::string err;
  auto server = dxs::Server::create(options, &err);
  if (!server) {
    std::fprintf(stderr, "dx-server: %s\n", err.c_str());
    return 1;
  }
  for (const std::string& w : server->warnings()) std::fprintf(stderr, "dx-server: warning: %s\n", w.c_str());
  server->start();
  std::printf("dx-server: serving %s on %s\n", options.dist.c_str(), server->url().c_str());
  std::fflush(stdout);

  signalfd_siginfo info{};
  while (::read(sfd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) {
    if (errno != EINTR) break;
  }
  server->stop();
  server->join();
  ::close(sfd);
  return 0;
}
