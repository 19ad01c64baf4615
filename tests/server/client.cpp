// client.cpp — Client (contract in client.h).
#include "client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "dxs/http1/chunked.h"

namespace dxs_test {

Client::Client(uint16_t port, bool small_receive_buffer) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  timeval tv{kTimeoutMs / 1000, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (small_receive_buffer) {
    int size = 4096;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  }
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  if (rc != 0 && errno == EINTR) {
    // A signal interrupted the blocking connect; the kernel keeps connecting: wait for it (bounded), then
    // read the outcome (connect(2): EINTR).
    pollfd p{fd_, POLLOUT, 0};
    int err = 0;
    socklen_t len = sizeof err;
    int ready;
    do ready = ::poll(&p, 1, 5000); while (ready < 0 && errno == EINTR);
    if (ready == 1 && ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) rc = 0;
    else errno = ready == 1 ? err : ETIMEDOUT;
  }
  if (rc != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

Client::~Client() {
  if (fd_ >= 0) ::close(fd_);
}

bool Client::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t r = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    bytes.remove_prefix(size_t(r));
  }
  return true;
}

bool Client::fill() {
  pollfd p{fd_, POLLIN, 0};
  int r;
  do r = ::poll(&p, 1, kTimeoutMs);
  while (r < 0 && errno == EINTR);
  if (r <= 0) return false;
  char tmp[65536];
  ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
  if (n <= 0) return false;
  buf_.append(tmp, size_t(n));
  return true;
}

std::optional<Response> Client::read_response(bool no_body) {
  size_t end;
  while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
    if (!fill()) return std::nullopt;
  Response r;
  r.head = buf_.substr(0, end + 4);
  buf_.erase(0, end + 4);
  size_t line_end = r.head.find("\r\n");
  std::string status_line = r.head.substr(0, line_end);
  if (status_line.rfind("HTTP/1.1 ", 0) != 0 || status_line.size() < 12) return std::nullopt;
  r.status = std::stoi(status_line.substr(9, 3));
  size_t pos = line_end + 2;
  while (pos < r.head.size() - 2) {
    size_t eol = r.head.find("\r\n", pos);
    std::string line = r.head.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    size_t v = line.find_first_not_of(' ', colon + 1);
    r.headers[name] = v == std::string::npos ? "" : line.substr(v);
    pos = eol + 2;
  }
  if (no_body || r.status == 304 || r.status == 204) return r;
  if (r.header("transfer-encoding") == "chunked") {  // decoded with the server's own validating decoder
    dxs::http1::ChunkedDecoder dec;
    for (;;) {
      dxs::http1::ChunkedStep st = dec.feed(buf_.data(), buf_.size());
      if (st.data_len) r.body.append(st.data, st.data_len);
      if (st.data_len) ++r.chunks;
      buf_.erase(0, st.consumed);
      if (st.status == dxs::http1::ChunkedStatus::kDone) return r;
      if (st.status == dxs::http1::ChunkedStatus::kError) return std::nullopt;
      if (st.consumed == 0 && !fill()) return std::nullopt;
    }
  }
  size_t length = r.has("content-length") ? std::stoul(r.header("content-length")) : 0;
  while (buf_.size() < length)
    if (!fill()) return std::nullopt;
  r.body = buf_.substr(0, length);
  buf_.erase(0, length);
  return r;
}

bool Client::peek_until(std::string_view needle, std::string* out) {
  while (buf_.find(needle) == std::string::npos)
    if (!fill()) return false;
  *out = buf_;
  return true;
}

bool Client::read_until_eof(std::string* out) {
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    int r = ::poll(&p, 1, kTimeoutMs);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    char tmp[65536];
    ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF or reset
    buf_.append(tmp, size_t(n));
  }
  if (out) *out = std::move(buf_);
  buf_.clear();
  return true;
}

bool Client::closed_by_peer() {
  std::string rest;
  return read_until_eof(&rest) && rest.empty() && buf_.empty();
}

std::string get(std::string_view path, std::string_view extra) {
  std::string s = "GET ";
  s += path;
  s += " HTTP/1.1\r\nHost: test\r\n";
  s += extra;
  s += "\r\n";
  return s;
}

}  // namespace dxs_test
