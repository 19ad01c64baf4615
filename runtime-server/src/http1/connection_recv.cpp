// http1/connection_recv.cpp — Connection's side of a reactor that reads for it (read_interest kRecv,
// reactor.h kFeatureRecv): bytes arrive in completions instead of being recv()'d (contract in connection.h).
//
// A completion's bytes live in the reactor's ring buffer only while on_received runs: the connection copies
// them into its read buffer as read_some() asks (the same path a recv() fills), and whatever it could not
// take in that call — it was sending (backpressure), or the buffer had no room — into held_, which later
// reads drain first. An EOF likewise waits in held_eof_ until the held bytes are read. held_ is normally
// empty; it holds at most what the reactor delivered after the connection stopped reading (reactor.h: a
// registration without kRecv gets nothing new), so it stays small and is freed when emptied.
#include <cerrno>
#include <cstring>

#include "connection.h"

namespace dxs::http1 {

void Connection::on_received(int32_t result, const char* data) {
  if (result < 0) return close();  // a reset or an error: what recv() would have reported
  if (result == 0) held_eof_ = true;
  arrived_ = data;
  arrived_len_ = size_t(result);
  on_event(kReadable);
  if (arrived_len_ > 0 && state_ != State::kClosed) held_.append(arrived_, arrived_len_);
  arrived_ = nullptr;
  arrived_len_ = 0;
}

// Like recv(): bytes (held ones first), 0 at EOF once every byte is taken, or -1 with EAGAIN.
ssize_t Connection::take_received(char* to, size_t room) {
  if (room > 0 && !held_.empty()) {
    size_t n = held_.size() < room ? held_.size() : room;
    std::memcpy(to, held_.data(), n);
    if (n == held_.size()) std::string().swap(held_);
    else held_.erase(0, n);
    return ssize_t(n);
  }
  if (room > 0 && held_.empty() && arrived_len_ > 0) {
    size_t n = arrived_len_ < room ? arrived_len_ : room;
    std::memcpy(to, arrived_, n);
    arrived_ += n;
    arrived_len_ -= n;
    return ssize_t(n);
  }
  if (held_.empty() && arrived_len_ == 0 && held_eof_) return 0;
  errno = EAGAIN;
  return -1;
}

// Lingering close (connection.cpp: linger_read) on delivered bytes: discard them, close at EOF.
void Connection::linger_received() {
  lingered_ += held_.size() + arrived_len_;
  std::string().swap(held_);
  arrived_len_ = 0;
  if (held_eof_ || lingered_ > kMaxLingerBytes) close();
}

}  // namespace dxs::http1
