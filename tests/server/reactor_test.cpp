// reactor_test.cpp — the Reactor contract (dxs/reactor.h), checked on every backend that starts here, with
// socketpairs: level-triggered reports, modify, remove (no completion after it, even when the fd number is
// reused at once), timeouts, and the selector. No timing is asserted: waits use a generous timeout and
// check only what was reported.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "dxs/reactor.h"

using namespace dxs;

namespace {

constexpr int kWaitMs = 5000;

struct Pair {
  int a = -1, b = -1;
  Pair() {
    int fds[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0);
    a = fds[0];
    b = fds[1];
  }
  ~Pair() {
    if (a >= 0) ::close(a);
    if (b >= 0) ::close(b);
  }
};

std::unique_ptr<Reactor> make(IoBackend io) {
  std::string err;
  auto r = make_reactor(io, &err);
  INFO(err);
  REQUIRE(r);
  REQUIRE(std::string(r->name()) == io_backend_name(io));
  return r;
}

}  // namespace

TEST_CASE("server: reactor: readiness is level-triggered and modify switches interest", "[server][reactor]") {
  auto r = make(GENERATE(from_range(available_io_backends())));
  Pair p;
  Completion out[8];
  REQUIRE(r->add(p.a, kRead, 42) == 0);
  CHECK(r->wait(out, 8, 0) == 0);  // nothing to read yet
  REQUIRE(::write(p.b, "xy", 2) == 2);
  for (int round = 0; round < 3; ++round) {  // not drained: reported again each wait
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n == 1);
    CHECK(out[0].user_data == 42);
    CHECK((uint32_t(out[0].result) & kReadable));
    CHECK((out[0].flags & kMore));
  }
  char buf[8];
  REQUIRE(::read(p.a, buf, sizeof buf) == 2);
  CHECK(r->wait(out, 8, 0) == 0);  // drained: quiet

  REQUIRE(r->modify(p.a, kWrite, 43) == 0);  // a fresh socket has room to write
  int n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 43);
  CHECK((uint32_t(out[0].result) & kWritable));

  ::close(p.b);  // the peer hangs up: reported to a reader
  p.b = -1;
  REQUIRE(r->modify(p.a, kRead, 44) == 0);
  n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 44);
  CHECK((uint32_t(out[0].result) & kReadable));
}

TEST_CASE("server: reactor: nothing is reported after remove, even for a reused fd number", "[server][reactor]") {
  auto r = make(GENERATE(from_range(available_io_backends())));
  Completion out[8];
  auto* p = new Pair;
  REQUIRE(r->add(p->a, kRead, 7) == 0);
  REQUIRE(::write(p->b, "x", 1) == 1);
  REQUIRE(r->wait(out, 8, kWaitMs) == 1);  // armed and ready
  REQUIRE(r->remove(p->a) == 0);
  delete p;  // closes both fds
  Pair q;    // very likely the same fd numbers
  REQUIRE(r->add(q.a, kRead, 8) == 0);
  CHECK(r->wait(out, 8, 50) == 0);  // q is quiet; p's readiness must not leak in as "8" or "7"
  REQUIRE(::write(q.b, "y", 1) == 1);
  int n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 8);
  CHECK(r->remove(q.a) == 0);
  CHECK(r->remove(q.a) != 0);  // not registered any more
}

TEST_CASE("server: reactor: the selector", "[server][reactor]") {
  IoBackend b = IoBackend::kAuto;
  CHECK(parse_io_backend("epoll", &b));
  CHECK(b == IoBackend::kEpoll);
  CHECK(parse_io_backend("io_uring", &b));
  CHECK(b == IoBackend::kIoUring);
  CHECK(parse_io_backend("auto", &b));
  CHECK(b == IoBackend::kAuto);
  CHECK_FALSE(parse_io_backend("kqueue", &b));
  auto available = available_io_backends();
  REQUIRE_FALSE(available.empty());
  CHECK(available.back() == IoBackend::kEpoll);  // epoll works on every Linux: the fallback
  std::string err, note;
  auto r = make_reactor(IoBackend::kAuto, &err, &note);
  REQUIRE(r);
  CHECK(std::string(r->name()) == io_backend_name(available.front()));  // io_uring first when it works
  CHECK(note.empty() == (available.front() == IoBackend::kIoUring));
}
