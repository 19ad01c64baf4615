// socket.cpp — Socket (contract in dxs/client/socket.h).
#include "dxs/client/socket.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace dxs::client {

int64_t now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

namespace {

// Waits for `events` on fd until the deadline; true when ready.
bool wait_for(int fd, short events, int64_t deadline_ms) {
  for (;;) {
    int64_t left = deadline_ms - now_ms();
    if (left < 0) left = 0;
    pollfd p{fd, events, 0};
    int r = ::poll(&p, 1, int(left));
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

}  // namespace

Socket::~Socket() { close(); }

Socket& Socket::operator=(Socket&& o) noexcept {
  if (this != &o) {
    close();
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

bool Socket::connect(const std::string& host, uint16_t port, int timeout_ms, std::string* err) {
  close();
  int64_t deadline = now_ms() + timeout_ms;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* res = nullptr;
  std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &res); rc != 0) {
    if (err) *err = "cannot resolve " + host + ": " + ::gai_strerror(rc);
    return false;
  }
  int fd = ::socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int rc = fd < 0 ? -1 : ::connect(fd, res->ai_addr, res->ai_addrlen);
  ::freeaddrinfo(res);
  if (fd >= 0 && rc != 0 && (errno == EINPROGRESS || errno == EINTR)) {
    int so = ETIMEDOUT;
    socklen_t len = sizeof so;
    if (wait_for(fd, POLLOUT, deadline)) ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &len);
    rc = so == 0 ? 0 : -1;
    errno = so;
  }
  if (rc != 0) {
    if (err) *err = "cannot connect to " + host + ":" + service + ": " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return false;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fd_ = fd;
  return true;
}

bool Socket::send_all(std::string_view bytes, int64_t deadline_ms) {
  while (!bytes.empty()) {
    ssize_t r = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (r > 0) {
      bytes.remove_prefix(size_t(r));
      continue;
    }
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_for(fd_, POLLOUT, deadline_ms)) continue;
    return false;
  }
  return true;
}

long Socket::recv_some(char* buf, size_t cap, int64_t deadline_ms) {
  for (;;) {
    ssize_t r = ::recv(fd_, buf, cap, 0);
    if (r >= 0) return long(r);
    if (errno == EINTR) continue;
    if ((errno == EAGAIN || errno == EWOULDBLOCK) && wait_for(fd_, POLLIN, deadline_ms)) continue;
    return -1;
  }
}

bool Socket::recv_append(std::string& out, int64_t deadline_ms, bool* eof) {
  char tmp[65536];
  long n = recv_some(tmp, sizeof tmp, deadline_ms);
  *eof = n == 0;
  if (n <= 0) return false;
  out.append(tmp, size_t(n));
  return true;
}

void Socket::shutdown_write() {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_WR);
}

void Socket::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace dxs::client
