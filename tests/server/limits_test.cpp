// limits_test.cpp — worker count, connection limit, header and idle timeouts, and graceful drain, against
// a dxs::Server in this process on 127.0.0.1, once per event backend (EACH_IO).
//
// Timeouts are set short (200 ms) and every wait is bounded by the client's 10 s timeout, so the tests
// check what happens at a timeout, never how long it took.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "client.h"
#include "fixtures.h"
#include "running.h"

using namespace dxs_test;

TEST_CASE("server: workers default to one per allowed CPU", "[server][limits]") {
  Running s(EACH_IO, /*workers=*/0);
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
  CHECK(s.server->worker_count() == unsigned(CPU_COUNT(&set)));
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);
}

TEST_CASE("server: a head not finished in time gets 408 and a close", "[server][limits]") {
  Running s(EACH_IO, 1, /*idle_timeout_ms=*/200, [](dxs::ServerOptions& o, const auto&) { o.header_timeout_ms = 200; });
  Client c(s.port());
  REQUIRE(c.send("GET / HTTP/1.1\r\nHost: test\r\n"));  // never finished
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 408);
  CHECK(r->header("connection") == "close");
  CHECK(c.closed_by_peer());

  // A connection that never sent a byte is idle, not slow: closed without a 408.
  Client quiet(s.port());
  std::string rest;
  CHECK(quiet.read_until_eof(&rest));
  CHECK(rest.empty());
}

TEST_CASE("server: an idle keep-alive connection is closed without a response", "[server][limits]") {
  Running s(EACH_IO, 1, /*idle_timeout_ms=*/200);
  Client c(s.port());
  INFO("connect: " << std::strerror(errno));
  REQUIRE(c.connected());
  REQUIRE(c.send(get("/")));
  REQUIRE(c.read_response());
  std::string rest;
  REQUIRE(c.read_until_eof(&rest));
  CHECK(rest.empty());
}

TEST_CASE("server: beyond max connections a new one gets 503 and a close", "[server][limits]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.max_connections = 2; });
  std::vector<std::unique_ptr<Client>> held;
  for (int i = 0; i < 2; ++i) {
    held.push_back(std::make_unique<Client>(s.port()));
    REQUIRE(held.back()->connected());
    REQUIRE(held.back()->send(get("/dx.js")));
    REQUIRE(held.back()->read_response());  // accepted and served: counted
  }
  {
    Client over(s.port());
    auto r = over.read_response();
    REQUIRE(r);
    CHECK(r->status == 503);
    CHECK(r->header("connection") == "close");
    CHECK(over.closed_by_peer());
  }
  // The held ones still work; once one closes, a new connection is served again.
  REQUIRE(held[0]->send(get("/")));
  REQUIRE(held[0]->read_response());
  held.pop_back();
  bool served = false;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {  // the server sees the close asynchronously
    Client again(s.port());
    REQUIRE(again.send(get("/dx.js")));
    auto r = again.read_response();
    served = r && r->status == 200;
  }
  CHECK(served);
}

TEST_CASE("server: stop drains: an in-flight response is finished, then closed", "[server][drain]") {
  Running s(EACH_IO);
  Client busy(s.port(), /*small_receive_buffer=*/true);
  Client idle(s.port());
  REQUIRE(idle.send(get("/")));
  REQUIRE(idle.read_response());
  REQUIRE(busy.send(get("/big.bin")));
  s.server->stop();  // before the client reads anything: the 1 MiB response is still being sent
  auto r = busy.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.size() == kBigSize);
  CHECK(r->body == big_bytes());
  CHECK(busy.closed_by_peer());
  CHECK(idle.closed_by_peer());
  s.server->join();
  Client late(s.port());
  CHECK_FALSE(late.connected());
}

TEST_CASE("server: 1,000 slowloris connections are cut with 408 while normal clients are served", "[server][slowloris]") {
  constexpr int kSlow = 1000;
  rlimit lim{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &lim) == 0);
  if (lim.rlim_cur < 2 * kSlow + 200 && lim.rlim_max >= 2 * kSlow + 200) {
    lim.rlim_cur = 2 * kSlow + 200;  // both ends live in this process
    setrlimit(RLIMIT_NOFILE, &lim);
  }
  if (lim.rlim_cur < 2 * kSlow + 200) {
    WARN("RLIMIT_NOFILE too low for 1,000 connections: skipped");
    return;
  }
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.header_timeout_ms = 1000; });
  std::vector<std::unique_ptr<Client>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<Client>(s.port()));
    INFO("connection " << i << ": " << std::strerror(errno));
    REQUIRE(slow.back()->connected());
    REQUIRE(slow.back()->send("GET / HTTP/1.1\r\nHost: t\r\nX-Slow: "));  // a head begun...
    REQUIRE(slow.back()->send("a"));                                     // ...and dribbled, never ended
  }
  for (int i = 0; i < 5; ++i) {  // normal clients are served meanwhile
    Client c(s.port());
    REQUIRE(c.send(get("/dx.js")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  int cut = 0;
  for (auto& c : slow) {
    auto r = c->read_response();
    if (r && r->status == 408 && c->closed_by_peer()) ++cut;
  }
  CHECK(cut == kSlow);
}

TEST_CASE("server: out of descriptors, a new connection is accepted and dropped; serving resumes after",
          "[server][limits]") {
  // The process's descriptors are used up to the soft limit (kept small so that is quick). The limit is
  // set before the server starts: io_uring's accept reads it when the operation is armed.
  rlimit saved{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &saved) == 0);
  rlimit lim = saved;
  if (lim.rlim_cur > 4096) lim.rlim_cur = 4096;
  REQUIRE(setrlimit(RLIMIT_NOFILE, &lim) == 0);
  Running s(EACH_IO, 1);
  int cfd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);  // made while descriptors are still free
  REQUIRE(cfd >= 0);
  std::vector<int> fillers;  // every free number below the limit: the server's accept gets EMFILE
  for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) fillers.push_back(fd);
  int open_errno = errno;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(s.port());
  int connected = ::connect(cfd, reinterpret_cast<sockaddr*>(&a), sizeof a);  // the kernel completes it
  pollfd p{cfd, POLLIN, 0};
  int ready = connected == 0 ? ::poll(&p, 1, 10000) : -1;
  char ch;
  ssize_t got = ready == 1 ? ::recv(cfd, &ch, 1, 0) : -2;
  for (int fd : fillers) ::close(fd);
  ::close(cfd);
  REQUIRE(setrlimit(RLIMIT_NOFILE, &saved) == 0);
  INFO(s.server->io_backend() << ": limit " << lim.rlim_cur << ", " << fillers.size() << " fillers");
  CHECK(open_errno == EMFILE);
  REQUIRE(connected == 0);
  CHECK(ready == 1);  // not left hanging in the backlog: the worker used its spare descriptor to drop it
  CHECK(got <= 0);    // EOF (or a reset), no response
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
}
