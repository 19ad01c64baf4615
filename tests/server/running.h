// running.h — test support: a dxs::Server on 127.0.0.1 (port 0) serving a fresh make_dist() tree.
//
//   TEST_CASE("...") { Running s(EACH_IO); Client c(s.port()); ... }
// EACH_IO makes Catch2 run the test case once per event backend that starts on this machine (io_uring,
// then epoll; a machine without io_uring runs epoll only), so every behaviour test covers every backend.
// The destructor stops and joins the server.
#pragma once
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <string>

#include "dxs/reactor.h"
#include "dxs/server.h"
#include "fixtures.h"

#define EACH_IO GENERATE(from_range(::dxs::available_io_backends()))

namespace dxs_test {

struct Running {
  TempDir tmp;
  std::unique_ptr<dxs::Server> server;

  // `tweak` may change the options or add files to tmp/dist before the server loads it.
  explicit Running(dxs::IoBackend io, unsigned workers = 1, int idle_timeout_ms = 10000,
                   const std::function<void(dxs::ServerOptions&, const std::filesystem::path& dist)>& tweak = {}) {
    make_dist(tmp.path() / "dist");
    write_file(tmp.path() / "secret.txt", "top secret");
    dxs::ServerOptions o;
    o.dist = tmp.str("dist");
    o.port = 0;
    o.workers = workers;
    o.idle_timeout_ms = idle_timeout_ms;
    o.io = io;
    if (tweak) tweak(o, tmp.path() / "dist");
    std::string err;
    server = dxs::Server::create(o, &err);
    UNSCOPED_INFO("backend " << dxs::io_backend_name(io) << (err.empty() ? "" : ": " + err));
    REQUIRE(server);
    REQUIRE(server->port() != 0);
    REQUIRE(std::string(server->io_backend()) == dxs::io_backend_name(io));
    server->start();
  }
  ~Running() {
    server->stop();
    server->join();
  }
  uint16_t port() const { return server->port(); }
};

}  // namespace dxs_test
