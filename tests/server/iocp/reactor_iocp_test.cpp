// reactor_iocp_test.cpp — the Reactor contract (dxs/reactor.h) on the IOCP backend (src/reactor_iocp.cpp),
// the Windows counterpart of tests/server/reactor_test.cpp. Cross-compiled with mingw-w64 and run under Wine
// by CTest ("server: reactor iocp (mingw+wine)", tests/server/iocp/CMakeLists.txt), over real TCP sockets on
// 127.0.0.1: level-triggered readiness, modify, hangup, accept readiness, connect results, remove (no
// completion after it, even when the SOCKET value is reused at once), timeouts, many sockets, bad calls.
// No timing is asserted: waits use a generous timeout and check only what was reported.
#include <catch2/catch.hpp>

#include <winsock2.h>
#include <ws2tcpip.h>

#include <cerrno>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dxs/reactor.h"

using namespace dxs;

namespace {

constexpr int kWaitMs = 5000;

struct Wsa {
  Wsa() {
    WSADATA d;
    REQUIRE(::WSAStartup(MAKEWORD(2, 2), &d) == 0);
  }
  ~Wsa() { ::WSACleanup(); }
};

int fd_of(SOCKET s) { return int(s); }  // the documented cast (reactor_iocp.cpp)

void set_nonblocking(SOCKET s) {
  u_long on = 1;
  REQUIRE(::ioctlsocket(s, FIONBIO, &on) == 0);
}

void close_socket(SOCKET& s) {
  if (s != INVALID_SOCKET) ::closesocket(s);
  s = INVALID_SOCKET;
}

// A listening socket on 127.0.0.1 at a free port.
struct Listener {
  SOCKET s = INVALID_SOCKET;
  sockaddr_in addr{};
  Listener() {
    s = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    REQUIRE(s != INVALID_SOCKET);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    int len = sizeof addr;
    REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    REQUIRE(::listen(s, 512) == 0);
  }
  ~Listener() { close_socket(s); }
  SOCKET connect_blocking() const {
    SOCKET c = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    REQUIRE(c != INVALID_SOCKET);
    REQUIRE(::connect(c, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    return c;
  }
};

// A connected pair over loopback: `a` (accepted, non-blocking, the one registered) and `b` (the peer).
struct Pair {
  SOCKET a = INVALID_SOCKET, b = INVALID_SOCKET;
  explicit Pair(const Listener& l) {
    b = l.connect_blocking();
    a = ::accept(l.s, nullptr, nullptr);
    REQUIRE(a != INVALID_SOCKET);
    set_nonblocking(a);
  }
  ~Pair() {
    close_socket(a);
    close_socket(b);
  }
};

std::unique_ptr<Reactor> make() {
  std::string err;
  auto r = make_iocp_reactor(&err);
  INFO(err);
  REQUIRE(r);
  REQUIRE(std::string(r->name()) == "iocp");
  return r;
}

uint32_t events(const Completion& c) {
  REQUIRE(c.result >= 0);
  return uint32_t(c.result);
}

}  // namespace

TEST_CASE("server: reactor iocp: readiness is level-triggered and modify switches interest", "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  Pair p(l);
  Completion out[8];
  REQUIRE(r->add(fd_of(p.a), kRead, 42) == 0);
  CHECK(r->wait(out, 8, 0) == 0);   // nothing to read yet
  CHECK(r->wait(out, 8, 50) == 0);  // a timeout is 0, not an error
  REQUIRE(::send(p.b, "xy", 2, 0) == 2);
  for (int round = 0; round < 3; ++round) {  // not drained: reported again each wait
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n == 1);
    CHECK(out[0].user_data == 42);
    CHECK((events(out[0]) & kReadable));
    CHECK_FALSE((events(out[0]) & (kHangup | kError)));
    CHECK((out[0].flags & kMore));
  }
  char buf[8];
  REQUIRE(::recv(p.a, buf, sizeof buf, 0) == 2);
  CHECK(r->wait(out, 8, 50) == 0);  // drained: quiet

  REQUIRE(r->modify(fd_of(p.a), kWrite, 43) == 0);  // a fresh socket has room to write
  int n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 43);
  CHECK((events(out[0]) & kWritable));
  n = r->wait(out, 8, kWaitMs);  // still writable: reported again
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 43);

  REQUIRE(r->modify(fd_of(p.a), kRead | kWrite, 45) == 0);
  REQUIRE(::send(p.b, "z", 1, 0) == 1);
  uint32_t seen = 0;
  for (int i = 0; i < 10 && (seen & (kReadable | kWritable)) != (kReadable | kWritable); ++i) {
    n = r->wait(out, 8, kWaitMs);
    REQUIRE(n == 1);
    CHECK(out[0].user_data == 45);
    seen |= events(out[0]);
  }
  CHECK((seen & kReadable));
  CHECK((seen & kWritable));
  REQUIRE(::recv(p.a, buf, sizeof buf, 0) == 1);

  REQUIRE(r->modify(fd_of(p.a), kRead, 44) == 0);
  close_socket(p.b);  // the peer hangs up: reported to a reader, and a read returns 0
  n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 44);
  CHECK((events(out[0]) & kReadable));
  CHECK((events(out[0]) & kHangup));
  CHECK(::recv(p.a, buf, sizeof buf, 0) == 0);
  CHECK(r->wait(out, 8, kWaitMs) == 1);  // EOF stays readable (level-triggered)
  CHECK(r->remove(fd_of(p.a)) == 0);
}

TEST_CASE("server: reactor iocp: nothing is reported after remove, even for a reused SOCKET", "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  Completion out[8];
  auto p = std::make_unique<Pair>(l);
  REQUIRE(r->add(fd_of(p->a), kRead, 7) == 0);
  REQUIRE(::send(p->b, "x", 1, 0) == 1);
  REQUIRE(r->wait(out, 8, kWaitMs) == 1);  // armed and ready; the next wait re-arms it
  REQUIRE(r->wait(out, 8, kWaitMs) == 1);  // a poll is in flight now (or completed, not yet reaped)
  REQUIRE(r->remove(fd_of(p->a)) == 0);
  SOCKET old = p->a;
  p.reset();  // closes both sockets
  Pair q(l);  // Windows, like Linux, hands out the lowest free handle values: often the same
  INFO("old socket " << old << ", new " << q.a);
  REQUIRE(r->add(fd_of(q.a), kRead, 8) == 0);
  CHECK(r->wait(out, 8, 100) == 0);  // q is quiet; p's readiness must not leak in as "8" or "7"
  REQUIRE(::send(q.b, "y", 1, 0) == 1);
  int n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 8);

  // A poll in flight when remove() runs: it is cancelled and its completion dropped.
  REQUIRE(r->modify(fd_of(q.a), kWrite, 9) == 0);
  REQUIRE(r->remove(fd_of(q.a)) == 0);
  CHECK(r->wait(out, 8, 100) == 0);
  CHECK(r->remove(fd_of(q.a)) == -ENOENT);  // not registered any more
}

TEST_CASE("server: reactor iocp: remove() with a poll in flight or its completion already queued",
          "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  Completion out[8];
  // In flight: the poll is armed by a wait that found nothing; remove cancels it; data sent afterwards
  // must not surface.
  Pair quiet(l);
  REQUIRE(r->add(fd_of(quiet.a), kRead, 1) == 0);
  REQUIRE(r->wait(out, 8, 0) == 0);
  REQUIRE(r->remove(fd_of(quiet.a)) == 0);
  REQUIRE(::send(quiet.b, "q", 1, 0) == 1);
  CHECK(r->wait(out, 8, 100) == 0);

  // Already completed: two ready sockets, a batch of one; the other's completion waits in the port when
  // it is removed, and is never returned.
  Pair x(l), y(l);
  REQUIRE(r->add(fd_of(x.a), kRead, 10) == 0);
  REQUIRE(r->add(fd_of(y.a), kRead, 20) == 0);
  REQUIRE(::send(x.b, "x", 1, 0) == 1);
  REQUIRE(::send(y.b, "y", 1, 0) == 1);
  REQUIRE(r->wait(out, 8, kWaitMs) >= 1);  // arms both (one may come before the other is ready)
  for (int i = 0; i < 10; ++i)
    if (r->wait(out, 8, kWaitMs) == 2) break;  // both ready: from now on every wait re-arms both
  REQUIRE(r->wait(out, 1, kWaitMs) == 1);  // re-arms both, reaps one
  uint64_t kept = out[0].user_data;
  REQUIRE((kept == 10 || kept == 20));
  Pair& gone = kept == 10 ? y : x;
  REQUIRE(r->remove(fd_of(gone.a)) == 0);
  for (int i = 0; i < 3; ++i) {
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n == 1);  // the kept socket, still unread: never the removed one
    CHECK(out[0].user_data == kept);
  }
}

TEST_CASE("server: reactor iocp: accept and connect readiness", "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  set_nonblocking(l.s);
  Completion out[8];
  REQUIRE(r->add(fd_of(l.s), kRead, 1) == 0);
  CHECK(r->wait(out, 8, 50) == 0);  // nobody is connecting

  SOCKET c = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  REQUIRE(c != INVALID_SOCKET);
  set_nonblocking(c);
  int rc = ::connect(c, reinterpret_cast<const sockaddr*>(&l.addr), sizeof l.addr);
  REQUIRE((rc == 0 || ::WSAGetLastError() == WSAEWOULDBLOCK));
  REQUIRE(r->add(fd_of(c), kWrite, 2) == 0);  // a non-blocking connect completes as writability

  bool accepted = false, connected = false;
  for (int i = 0; i < 10 && !(accepted && connected); ++i) {
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n > 0);
    for (int k = 0; k < n; ++k) {
      if (out[k].user_data == 1) {
        CHECK((events(out[k]) & kReadable));
        if (accepted) continue;
        SOCKET a = ::accept(l.s, nullptr, nullptr);
        REQUIRE(a != INVALID_SOCKET);
        ::closesocket(a);
        accepted = true;
      } else {
        REQUIRE(out[k].user_data == 2);
        CHECK((events(out[k]) & kWritable));
        CHECK_FALSE((events(out[k]) & kError));
        connected = true;
      }
    }
  }
  CHECK(accepted);
  CHECK(connected);
  REQUIRE(r->remove(fd_of(c)) == 0);
  ::closesocket(c);

  // A connect that is refused reports an error (Windows retries a refused SYN for about a second).
  Listener gone;
  sockaddr_in dead = gone.addr;
  close_socket(gone.s);  // nothing listens on that port any more
  SOCKET d = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  REQUIRE(d != INVALID_SOCKET);
  set_nonblocking(d);
  rc = ::connect(d, reinterpret_cast<const sockaddr*>(&dead), sizeof dead);
  REQUIRE(rc != 0);
  REQUIRE(r->add(fd_of(d), kWrite, 3) == 0);
  int n = 0;
  for (int i = 0; i < 10 && n == 0; ++i) {  // the listener may still report its closed connection
    n = r->wait(out, 8, kWaitMs);
    REQUIRE(n > 0);
    int keep = 0;
    for (int k = 0; k < n; ++k)
      if (out[k].user_data == 3) out[keep++] = out[k];
    n = keep;
  }
  REQUIRE(n == 1);
  CHECK((events(out[0]) & kError));
  REQUIRE(r->remove(fd_of(d)) == 0);
  ::closesocket(d);
  REQUIRE(r->remove(fd_of(l.s)) == 0);
}

TEST_CASE("server: reactor iocp: many sockets, each reported with its own user_data", "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  constexpr int kCount = 200;
  std::vector<std::unique_ptr<Pair>> pairs;
  for (int i = 0; i < kCount; ++i) {
    pairs.push_back(std::make_unique<Pair>(l));
    REQUIRE(r->add(fd_of(pairs.back()->a), kRead, 1000 + uint64_t(i)) == 0);
  }
  Completion out[64];
  CHECK(r->wait(out, 64, 50) == 0);
  for (int i = 0; i < kCount; i += 2) REQUIRE(::send(pairs[size_t(i)]->b, "m", 1, 0) == 1);  // every other one

  // Each ready socket is reported, none that is not; `max` bounds every batch. Reading drains it.
  std::map<uint64_t, int> seen;
  for (int turns = 0; turns < 100 && int(seen.size()) < kCount / 2; ++turns) {
    int n = r->wait(out, 16, kWaitMs);
    REQUIRE(n > 0);
    REQUIRE(n <= 16);
    for (int k = 0; k < n; ++k) {
      uint64_t id = out[k].user_data;
      REQUIRE(id >= 1000);
      REQUIRE(id < 1000 + kCount);
      REQUIRE((id - 1000) % 2 == 0);
      CHECK((events(out[k]) & kReadable));
      char c;
      if (::recv(pairs[size_t(id - 1000)]->a, &c, 1, 0) == 1) ++seen[id];
    }
  }
  CHECK(int(seen.size()) == kCount / 2);
  for (auto& [id, times] : seen) CHECK(times == 1);  // drained by its one read
  CHECK(r->wait(out, 64, 50) == 0);                  // all drained: quiet
  for (auto& p : pairs) REQUIRE(r->remove(fd_of(p->a)) == 0);
  // The reactor is destroyed with no registrations, then another with polls in flight (its destructor
  // cancels and drains them).
  auto r2 = make();
  for (auto& p : pairs) REQUIRE(r2->add(fd_of(p->a), kRead | kWrite, 1) == 0);
  REQUIRE(r2->wait(out, 64, kWaitMs) > 0);
  REQUIRE(r2->wait(out, 64, kWaitMs) > 0);
}

TEST_CASE("server: reactor iocp: bad calls", "[server][reactor]") {
  Wsa wsa;
  auto r = make();
  Listener l;
  Pair p(l);
  Completion out[4];
  CHECK(r->add(-1, kRead, 1) < 0);
  CHECK(r->modify(fd_of(p.a), kRead, 1) == -ENOENT);
  CHECK(r->remove(fd_of(p.a)) == -ENOENT);
  REQUIRE(r->add(fd_of(p.a), kRead, 1) == 0);
  CHECK(r->add(fd_of(p.a), kRead, 1) == -EEXIST);
  CHECK(r->wait(out, 0, 0) == -EINVAL);
  HANDLE ev = ::CreateEventW(nullptr, TRUE, FALSE, nullptr);  // a handle that is not a socket
  REQUIRE(ev);
  CHECK(r->add(int(reinterpret_cast<intptr_t>(ev)), kRead, 2) < 0);
  ::CloseHandle(ev);
  // Interest 0 keeps the registration but reports nothing.
  REQUIRE(::send(p.b, "x", 1, 0) == 1);
  REQUIRE(r->modify(fd_of(p.a), 0, 3) == 0);
  CHECK(r->wait(out, 4, 100) == 0);
  REQUIRE(r->modify(fd_of(p.a), kRead, 4) == 0);
  REQUIRE(r->wait(out, 4, kWaitMs) == 1);
  CHECK(out[0].user_data == 4);
  CHECK(r->remove(fd_of(p.a)) == 0);

  // A socket closed while registered (the contract says remove first): one kError, then nothing.
  Pair p2(l);
  REQUIRE(r->add(fd_of(p2.a), kRead, 5) == 0);
  REQUIRE(r->wait(out, 4, 50) == 0);  // its poll is in flight
  SOCKET gone = p2.a;
  close_socket(p2.a);
  REQUIRE(r->wait(out, 4, kWaitMs) == 1);
  CHECK(out[0].user_data == 5);
  CHECK((events(out[0]) & kError));
  CHECK(r->wait(out, 4, 100) == 0);
  CHECK(r->remove(fd_of(gone)) == 0);
}
