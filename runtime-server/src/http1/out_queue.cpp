// http1/out_queue.cpp — OutQueue (contract in out_queue.h).
#include "out_queue.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>

namespace dxs::http1 {

namespace {
constexpr size_t kMaxSlices = 64;  // per sendmsg; the loop sends the rest
}

void OutQueue::append_owned(std::string_view bytes) {
  if (bytes.empty()) return;
  size_t at = buf_.size();
  buf_.append(bytes);
  if (!segs_.empty() && segs_.back().borrowed == nullptr && segs_.back().offset + segs_.back().size == at &&
      segs_.size() - 1 >= first_) {
    segs_.back().size += bytes.size();
    return;
  }
  segs_.push_back(Segment{nullptr, at, bytes.size()});
}

void OutQueue::append_borrowed(const char* data, size_t size) {
  if (size) segs_.push_back(Segment{data, 0, size});
}

void OutQueue::clear() {
  buf_.clear();
  segs_.clear();
  first_ = 0;
}

void OutQueue::trade(OutQueue& other) {
  clear();
  other.clear();
  buf_.swap(other.buf_);
  segs_.swap(other.segs_);
}

OutQueue::FlushResult OutQueue::flush(int fd, size_t* sent) {
  while (pending()) {
    iovec iov[kMaxSlices];
    size_t n = 0;
    for (size_t i = first_; i < segs_.size() && n < kMaxSlices; ++i, ++n) {
      const Segment& s = segs_[i];
      const char* base = s.borrowed ? s.borrowed : buf_.data() + s.offset;
      iov[n].iov_base = const_cast<char*>(base);
      iov[n].iov_len = s.size;
    }
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = n;
    ssize_t r = ::sendmsg(fd, &msg, MSG_NOSIGNAL);  // MSG_NOSIGNAL: EPIPE instead of SIGPIPE
    if (r < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return kWouldBlock;
      return kFailed;
    }
    if (sent) *sent += size_t(r);
    size_t left = size_t(r);
    while (left > 0) {
      Segment& s = segs_[first_];
      if (left >= s.size) {
        left -= s.size;
        ++first_;
      } else {
        // Keep the unsent tail of this segment.
        if (s.borrowed) s.borrowed += left;
        else s.offset += left;
        s.size -= left;
        left = 0;
      }
    }
  }
  clear();
  return kFlushed;
}

}  // namespace dxs::http1
