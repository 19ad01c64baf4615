// main.cpp — the dx-server command: `dx-server <dist> [--port N] [--host H] [--workers N] [--io auto|epoll|io_uring]
// [--io-uring-ops native|poll] [--max-connections N] [--header-timeout-ms N] [--body-timeout-ms N]
// [--max-body BYTES] [--idle-timeout-ms N] [--drain-timeout-ms N] [--render-timeout-ms N] [--hbtp-port N] [--hbtp-idle-timeout-ms N]
// [--max-message-bytes N] [--dev [--dev-error-file FILE]]`.
//
// Exit codes: 0 after SIGINT/SIGTERM (listeners closed, in-flight responses finished within
// --drain-timeout-ms, workers joined), 1 when the dist cannot be served (the message names the file, the
// problem and the byte offset; nothing listened), 2 on a usage error. SIGHUP reloads the dist
// (Server::reload) and logs the outcome to stderr. On success stdout gets exactly one line, flushed:
//   dx-server: serving <dist> on http://<host>:<port>/
// (with --hbtp-port: the same line ending in ` and hbtp://<host>:<hbtp port>`, the real port when 0 was asked).
// stderr gets the event backend once ("dx-server: event backend: io_uring"), warnings, and reload outcomes.
// --dev (what `dxc serve` runs; schemas/hbtp.md "Server events"): a successful reload pushes ServerEvent
// "reload" to every session; SIGUSR1 reads --dev-error-file and pushes its text as "build failed".
// Signals are blocked in every thread and read from a signalfd here, so no code runs in a signal handler.
#include <sys/signalfd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "dx/schema/hbtp.h"
#include "dxs/server.h"

int main(int argc, char** argv) {
  dxs::ServerOptions options;
  unsigned port = options.port;
  CLI::App app{"dx-server: serves a compiled dx app directory over HTTP/1.1", "dx-server"};
  app.add_option("dist", options.dist, "the app directory dxc built (index.html, app.wasm, app.dxb, ...)")->required();
  app.add_option("--port,-p", port, "TCP port; 0 lets the kernel pick a free one")->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--host", options.host, "address to listen on")->capture_default_str();
  std::string io = "auto";
  app.add_option("--io", io, "event backend: auto (io_uring when the kernel allows it, else epoll), epoll, io_uring")
      ->check(CLI::IsMember({"auto", "epoll", "io_uring"}))->capture_default_str();
  std::string io_ops = "native";
  app.add_option("--io-uring-ops", io_ops,
                 "io_uring: native (its own multishot accept and recv into a buffer ring) or poll (readiness, "
                 "then accept4/recv, like epoll)")
      ->check(CLI::IsMember({"native", "poll"}))->capture_default_str();
  app.add_option("--workers,-w", options.workers, "worker threads, each with its own event loop (0: one per core, pinned)")
      ->check(CLI::Range(0, 1024))->capture_default_str();
  app.add_option("--max-connections", options.max_connections, "open connections per worker; beyond: 503 and close")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  app.add_option("--header-timeout-ms", options.header_timeout_ms, "time to send a request head: then 408 and close")
      ->check(CLI::Range(10, 3600000))->capture_default_str();
  app.add_option("--body-timeout-ms", options.body_timeout_ms,
                 "a request body that stops arriving (no byte for this long): then 408 and close")
      ->check(CLI::Range(10, 3600000))->capture_default_str();
  app.add_option("--max-body", options.max_body,
                 "largest request body in bytes (POST /_dx/rpc/<method> arguments, or discarded): beyond, 413 and close")
      ->check(CLI::Range(uint64_t(0), uint64_t(1) << 40))->capture_default_str();
  app.add_flag("--test-hooks", options.test_hooks,
               "for tests: serve GET /_dx/test/stream?chunks=N&size=B&interval_ms=M (a chunked streaming response), and "
               "stream a page with params asked for with ?dx-hold=MS, its <Suspense> boundaries held back MS each");
  app.add_option("--idle-timeout-ms", options.idle_timeout_ms, "idle keep-alive connection: then close")
      ->check(CLI::Range(10, 3600000))->capture_default_str();
  app.add_option("--drain-timeout-ms", options.drain_timeout_ms, "SIGTERM: time to finish in-flight responses")
      ->check(CLI::Range(0, 3600000))->capture_default_str();
  app.add_option("--render-timeout-ms", options.render_timeout_ms,
                 "one page rendered per request (the app's code): past it the render stops, 500 (0: no limit)")
      ->check(CLI::Range(0, 3600000))->capture_default_str();
  int hbtp_port = -1;
  app.add_option("--hbtp-port", hbtp_port, "also serve raw HBTP over TCP on this port (0: the kernel picks; default: off)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--hbtp-idle-timeout-ms", options.hbtp_idle_timeout_ms,
                 "WebSocket / raw HBTP session that receives nothing: Close")
      ->check(CLI::Range(10, 86400000))->capture_default_str();
  app.add_option("--max-message-bytes", options.max_message,
                 "largest WebSocket message and HBTP frame payload accepted (1009 / Error 2 beyond)")
      ->check(CLI::Range(125u, 16u << 20))->capture_default_str();
  app.add_flag("--dev", options.dev, "development (dxc serve): push a reload event to every HBTP session after SIGHUP");
  std::string dev_error_file;
  app.add_option("--dev-error-file", dev_error_file, "with --dev: SIGUSR1 pushes this file's text as a build-failed event")
      ->needs("--dev");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help (0) or the usage error
    return rc == 0 ? 0 : 2;
  }
  options.port = static_cast<uint16_t>(port);
  options.hbtp_port = hbtp_port;
  dxs::parse_io_backend(io, &options.io);
  options.io_native = io_ops == "native";

  // Block the stop signals before any thread exists, so every worker inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);
  if (options.dev) sigaddset(&stop_signals, SIGUSR1);
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
  // The backend choice, logged once (stderr: stdout carries only the "serving" line).
  if (server->io_note().empty()) std::fprintf(stderr, "dx-server: event backend: %s\n", server->io_backend());
  else std::fprintf(stderr, "dx-server: event backend: %s (%s)\n", server->io_backend(), server->io_note().c_str());
  server->start();
  std::string hbtp;
  if (server->hbtp_port()) {
    std::string url = server->url();  // "http://host:port/" → "hbtp://host:<hbtp port>"
    hbtp = " and hbtp://" + url.substr(7, url.rfind(':') - 7) + ":" + std::to_string(server->hbtp_port());
  }
  std::printf("dx-server: serving %s on %s%s\n", options.dist.c_str(), server->url().c_str(), hbtp.c_str());
  std::fflush(stdout);

  // SIGHUP: reload dist/ (a broken new one is refused and the old one kept); SIGINT/SIGTERM: drain, exit 0.
  for (;;) {
    signalfd_siginfo info{};
    if (::read(sfd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) {
      if (errno == EINTR) continue;
      break;
    }
    if (info.ssi_signo == SIGUSR1) {
      std::ifstream in(dev_error_file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      server->push_event(dx::schema::kHbtpEventBuildFailed, text.str());
      continue;
    }
    if (info.ssi_signo != SIGHUP) break;
    std::string why;
    if (server->reload(&why)) {
      std::fprintf(stderr, "dx-server: reloaded %s%s%s\n", options.dist.c_str(), why.empty() ? "" : ": ", why.c_str());
      for (const std::string& w : server->warnings()) std::fprintf(stderr, "dx-server: warning: %s\n", w.c_str());
    } else std::fprintf(stderr, "dx-server: reload refused, still serving the previous dist: %s\n", why.c_str());
  }
  server->stop();
  server->join();
  ::close(sfd);
  return 0;
}
