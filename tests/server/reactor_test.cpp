// reactor_test.cpp — the Reactor contract (dxs/reactor.h), checked on every backend that starts here, with
// socketpairs: level-triggered reports, modify, remove (no completion after it, even when the fd number is
// reused at once), timeouts, and the selector. Then the native operations on the backends that offer them
// (io_uring): multishot accept, recv into the shared buffer ring across many connections, an exhausted ring
// (ENOBUFS) that recovers without losing a byte, bytes parked while kRecv is off, remove() with operations
// in flight. No timing is asserted: waits use a generous timeout and check only what was reported.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <dirent.h>

#include <map>
#include <string>
#include <vector>

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

// The backends that offer every native operation (io_uring here); others must say they offer none.
std::vector<IoBackend> native_backends() {
  std::vector<IoBackend> out;
  for (IoBackend b : available_io_backends()) {
    std::string err;
    auto r = make_reactor(b, &err);
    if (r && r->features() == (kFeatureAccept | kFeatureRecv)) out.push_back(b);
  }
  return out;
}

int listen_tcp(uint16_t* port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::listen(fd, 64) == 0);
  socklen_t len = sizeof a;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
  *port = ntohs(a.sin_port);
  return fd;
}

int connect_tcp(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  return fd;
}

uint16_t port_of(int fd, bool peer) {
  sockaddr_in a{};
  socklen_t len = sizeof a;
  REQUIRE((peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len)) == 0);
  return ntohs(a.sin_port);
}

size_t open_fds() {
  size_t n = 0;
  DIR* d = ::opendir("/proc/self/fd");
  REQUIRE(d);
  while (::readdir(d)) ++n;
  ::closedir(d);
  return n;
}

std::string pattern(size_t n, int seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = char('a' + (i * 7 + size_t(seed) * 13) % 26);
  return s;
}

// Waits until every connection's bytes (by user_data) reached `want`, handing each buffer back at once.
// False when a wait reports nothing for kWaitMs (the bytes are lost). EOF and errors are not expected.
bool receive_all(Reactor& r, std::map<uint64_t, std::string>& got, const std::map<uint64_t, std::string>& want) {
  Completion out[64];
  auto done = [&] {
    for (const auto& [k, v] : want)
      if (got[k].size() < v.size()) return false;
    return true;
  };
  while (!done()) {
    int n = r.wait(out, 64, kWaitMs);
    REQUIRE(n >= 0);
    if (n == 0) return false;
    for (int i = 0; i < n; ++i) {
      REQUIRE((out[i].flags & kOpResult));
      REQUIRE(out[i].result > 0);
      REQUIRE((out[i].flags & kBuffer));
      got[out[i].user_data].append(r.buffer(buffer_id(out[i])), size_t(out[i].result));
      r.release_buffer(buffer_id(out[i]));
    }
  }
  return got == want;
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

TEST_CASE("server: reactor: a backend without native operations refuses them", "[server][reactor]") {
  for (IoBackend b : available_io_backends()) {
    auto r = make(b);
    if (r->features() != 0) continue;
    Pair p;
    CHECK(r->add_acceptor(p.a, 1) == -EOPNOTSUPP);
    CHECK(r->setup_recv_buffers(8, 64) == -EOPNOTSUPP);
    CHECK(r->buffer(0) == nullptr);
  }
}

TEST_CASE("server: reactor: multishot accept delivers each new connection once", "[server][reactor]") {
  auto backends = native_backends();
  if (backends.empty()) return;  // no backend here accepts by itself
  auto r = make(GENERATE_COPY(from_range(backends)));
  uint16_t port = 0;
  int lfd = listen_tcp(&port);
  REQUIRE(r->add_acceptor(lfd, 5) == 0);
  CHECK(r->add_acceptor(lfd, 5) == -EEXIST);
  std::vector<int> clients;
  std::map<uint16_t, int> accepted;  // the client's port -> the accepted fd
  Completion out[16];
  for (int round = 0; round < 2; ++round) {  // connections that arrive before and after the first wait
    for (int i = 0; i < 4; ++i) clients.push_back(connect_tcp(port));
    while (accepted.size() < clients.size()) {
      int n = r->wait(out, 16, kWaitMs);
      REQUIRE(n > 0);
      for (int i = 0; i < n; ++i) {
        CHECK(out[i].user_data == 5);
        CHECK((out[i].flags & kOpResult));
        CHECK((out[i].flags & kMore));
        REQUIRE(out[i].result >= 0);
        int fd = out[i].result;
        CHECK((::fcntl(fd, F_GETFL) & O_NONBLOCK));
        CHECK((::fcntl(fd, F_GETFD) & FD_CLOEXEC));
        CHECK(accepted.emplace(port_of(fd, true), fd).second);
      }
    }
  }
  for (int c : clients) {  // each client is connected to exactly one accepted socket
    auto it = accepted.find(port_of(c, false));
    REQUIRE(it != accepted.end());
    REQUIRE(::write(c, "z", 1) == 1);
    char ch = 0;
    CHECK(::recv(it->second, &ch, 1, MSG_WAITALL) == 1);
    CHECK(ch == 'z');
  }
  CHECK(r->wait(out, 16, 0) == 0);  // nothing pending: no phantom accepts
  for (auto& [p, fd] : accepted) ::close(fd);
  for (int c : clients) ::close(c);
  REQUIRE(r->remove(lfd) == 0);
  ::close(lfd);
}

TEST_CASE("server: reactor: kRecv delivers every byte of many connections through one buffer ring",
          "[server][reactor]") {
  auto backends = native_backends();
  if (backends.empty()) return;
  auto r = make(GENERATE_COPY(from_range(backends)));
  // 32 buffers of 256 bytes for 100 connections of 1,000 bytes: the ring runs dry (ENOBUFS) again and again.
  REQUIRE(r->setup_recv_buffers(32, 256) == 0);
  CHECK(r->setup_recv_buffers(32, 256) == -EBUSY);
  std::vector<std::unique_ptr<Pair>> pairs;
  std::map<uint64_t, std::string> want, got;
  for (int i = 0; i < 100; ++i) {
    pairs.push_back(std::make_unique<Pair>());
    REQUIRE(r->add(pairs.back()->a, kRecv, 1000 + uint64_t(i)) == 0);
    want[1000 + uint64_t(i)] = pattern(1000, i);
  }
  Completion out[8];
  CHECK(r->wait(out, 8, 0) == 0);  // armed, nothing sent yet
  for (int i = 0; i < 100; ++i) REQUIRE(::write(pairs[size_t(i)]->b, want[1000 + uint64_t(i)].data(), 1000) == 1000);
  CHECK(receive_all(*r, got, want));
  CHECK(r->wait(out, 8, 0) == 0);  // all of it, once

  ::close(pairs[3]->b);  // EOF: one completion with result 0, then nothing more for that fd
  pairs[3]->b = -1;
  int n = r->wait(out, 8, kWaitMs);
  REQUIRE(n == 1);
  CHECK(out[0].user_data == 1003);
  CHECK(out[0].result == 0);
  CHECK((out[0].flags & kOpResult));
  CHECK_FALSE((out[0].flags & kBuffer));
  CHECK_FALSE((out[0].flags & kMore));  // the last one
  CHECK(r->wait(out, 8, 0) == 0);
  for (auto& p : pairs) CHECK(r->remove(p->a) == 0);
}

TEST_CASE("server: reactor: an exhausted buffer ring recovers once buffers come back, losing nothing",
          "[server][reactor]") {
  auto backends = native_backends();
  if (backends.empty()) return;
  auto r = make(GENERATE_COPY(from_range(backends)));
  REQUIRE(r->setup_recv_buffers(2, 64) == 0);
  Pair p, q;
  REQUIRE(r->add(p.a, kRecv, 1) == 0);
  REQUIRE(r->add(q.a, kRecv, 2) == 0);
  Completion out[8];
  CHECK(r->wait(out, 8, 0) == 0);
  std::map<uint64_t, std::string> want{{1, pattern(3000, 1)}, {2, pattern(3000, 2)}}, got;
  REQUIRE(::write(p.b, want[1].data(), 3000) == 3000);
  REQUIRE(::write(q.b, want[2].data(), 3000) == 3000);
  // Keep both buffers: the ring is empty, the recvs end with ENOBUFS, and nothing is reported (no loop).
  std::vector<Completion> held;
  while (held.size() < 2) {
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n > 0);
    for (int i = 0; i < n; ++i) held.push_back(out[i]);
  }
  REQUIRE(held.size() == 2);
  CHECK(r->wait(out, 8, 50) == 0);
  CHECK(r->wait(out, 8, 0) == 0);
  for (const Completion& c : held) {
    REQUIRE((c.flags & kBuffer));
    got[c.user_data].append(r->buffer(buffer_id(c)), size_t(c.result));
    r->release_buffer(buffer_id(c));
  }
  CHECK(receive_all(*r, got, want));  // the rest, in order, two buffers at a time
}

TEST_CASE("server: reactor: bytes that arrive without kRecv wait, in order, until kRecv is back", "[server][reactor]") {
  auto backends = native_backends();
  if (backends.empty()) return;
  auto r = make(GENERATE_COPY(from_range(backends)));
  REQUIRE(r->setup_recv_buffers(64, 128) == 0);
  Pair p;
  REQUIRE(r->add(p.a, kRecv, 3) == 0);
  Completion out[8];
  CHECK(r->wait(out, 8, 0) == 0);
  REQUIRE(r->modify(p.a, kWrite, 4) == 0);  // output blocked: only writability, no bytes
  std::map<uint64_t, std::string> want{{4, pattern(4000, 4)}}, got;  // more than the parked limit
  REQUIRE(::write(p.b, want[4].data(), 4000) == 4000);
  for (int round = 0; round < 3; ++round) {
    int n = r->wait(out, 8, kWaitMs);
    REQUIRE(n == 1);
    CHECK(out[0].user_data == 4);
    CHECK_FALSE((out[0].flags & kOpResult));
    CHECK((uint32_t(out[0].result) & kWritable));
  }
  REQUIRE(r->modify(p.a, kRecv, 4) == 0);
  CHECK(receive_all(*r, got, want));
  CHECK(r->wait(out, 8, 0) == 0);
  CHECK(r->remove(p.a) == 0);
}

TEST_CASE("server: reactor: remove() with a recv or an accept in flight: a reused fd number gets none of it",
          "[server][reactor]") {
  auto backends = native_backends();
  if (backends.empty()) return;
  auto r = make(GENERATE_COPY(from_range(backends)));
  REQUIRE(r->setup_recv_buffers(16, 64) == 0);
  Completion out[8];
  size_t fds_before = open_fds();

  // A recv armed with bytes on their way: removed and closed before the reactor reports them.
  auto* p = new Pair;
  REQUIRE(r->add(p->a, kRecv, 7) == 0);
  CHECK(r->wait(out, 8, 0) == 0);  // armed
  REQUIRE(::write(p->b, "old bytes", 9) == 9);
  REQUIRE(r->remove(p->a) == 0);
  int old_a = p->a;
  delete p;
  Pair q;  // very likely the same fd numbers
  CHECK(q.a == old_a);
  REQUIRE(r->add(q.a, kRecv, 8) == 0);
  CHECK(r->wait(out, 8, 50) == 0);  // p's bytes must not show up as 7 or as 8
  REQUIRE(::write(q.b, "new", 3) == 3);
  std::map<uint64_t, std::string> want{{8, "new"}}, got;
  CHECK(receive_all(*r, got, want));
  REQUIRE(r->remove(q.a) == 0);

  // An accept armed and a client connecting: removed and closed; the socket it may have accepted is closed.
  uint16_t port = 0;
  int lfd = listen_tcp(&port);
  REQUIRE(r->add_acceptor(lfd, 9) == 0);
  CHECK(r->wait(out, 8, 0) == 0);
  int c = connect_tcp(port);
  REQUIRE(r->remove(lfd) == 0);
  ::close(lfd);
  CHECK(r->wait(out, 8, 50) == 0);
  ::close(c);
  // Every buffer went back to the ring: 16 more bytes-carrying completions fit (a lost one would starve).
  std::vector<std::unique_ptr<Pair>> pairs;
  std::map<uint64_t, std::string> want16, got16;
  for (int i = 0; i < 16; ++i) {
    pairs.push_back(std::make_unique<Pair>());
    REQUIRE(r->add(pairs.back()->a, kRecv, 100 + uint64_t(i)) == 0);
    want16[100 + uint64_t(i)] = pattern(60, i);
  }
  CHECK(r->wait(out, 8, 0) == 0);
  for (int i = 0; i < 16; ++i) REQUIRE(::write(pairs[size_t(i)]->b, want16[100 + uint64_t(i)].data(), 60) == 60);
  CHECK(receive_all(*r, got16, want16));
  for (auto& pp : pairs) REQUIRE(r->remove(pp->a) == 0);
  pairs.clear();
  r->wait(out, 8, 0);  // submits the cancels: the kernel lets go of the closed sockets
  CHECK(open_fds() == fds_before + 2);  // q's two: p's, the listener's, the client's and any accepted one are gone
}
