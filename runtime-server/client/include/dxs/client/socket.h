// dxs/client/socket.h — a blocking TCP socket with deadlines, for the HBTP / WebSocket clients.
//
// Every wait is bounded by the caller's timeout (poll), so a silent or dead server makes a call fail, never
// hang. Not thread-safe: one socket per thread (a load generator runs one client per connection).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dxs::client {

// Milliseconds on a monotonic clock; deadlines are now_ms() + timeout.
int64_t now_ms();

class Socket {
 public:
  Socket() = default;
  ~Socket();
  Socket(Socket&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Socket& operator=(Socket&& o) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // Connects to host:port (a name or an address) within timeout_ms; TCP_NODELAY. False with `err`.
  bool connect(const std::string& host, uint16_t port, int timeout_ms, std::string* err);
  bool is_open() const { return fd_ >= 0; }
  // Sends every byte before the deadline; false on an error, a closed peer or the deadline.
  bool send_all(std::string_view bytes, int64_t deadline_ms);
  // Waits for bytes until the deadline: > 0 bytes read into buf, 0 the peer closed, -1 error or timeout.
  long recv_some(char* buf, size_t cap, int64_t deadline_ms);
  // recv_some appending to `out` (up to 64 KiB); true when bytes came, else `*eof` says whether the peer closed.
  bool recv_append(std::string& out, int64_t deadline_ms, bool* eof);
  void shutdown_write();
  void close();
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

}  // namespace dxs::client
