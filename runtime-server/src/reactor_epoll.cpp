// reactor_epoll.cpp — the epoll backend of dxs::Reactor (Linux), level-triggered.
//
// Maps Interest to EPOLLIN|EPOLLRDHUP / EPOLLOUT and epoll events back to Events bits; every completion
// carries kMore because an epoll registration stays armed until `remove`. One instance per worker thread.
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "dxs/reactor.h"

namespace dxs {
namespace {

constexpr int kMaxBatch = 512;

uint32_t to_epoll(uint32_t interest) {
  uint32_t ev = 0;
  if (interest & kRead) ev |= EPOLLIN | EPOLLRDHUP;
  if (interest & kWrite) ev |= EPOLLOUT;
  return ev;
}

uint32_t from_epoll(uint32_t ev) {
  uint32_t r = 0;
  if (ev & EPOLLIN) r |= kReadable;
  if (ev & EPOLLOUT) r |= kWritable;
  if (ev & (EPOLLHUP | EPOLLRDHUP)) r |= kHangup | kReadable;  // a read reports the EOF
  if (ev & EPOLLERR) r |= kError | kReadable;                  // a read reports the error
  return r;
}

class EpollReactor final : public Reactor {
 public:
  explicit EpollReactor(int epfd) : epfd_(epfd) {}
  ~EpollReactor() override { ::close(epfd_); }
  EpollReactor(const EpollReactor&) = delete;
  EpollReactor& operator=(const EpollReactor&) = delete;

  const char* name() const override { return "epoll"; }

  int add(int fd, uint32_t interest, uint64_t user_data) override {
    return ctl(EPOLL_CTL_ADD, fd, interest, user_data);
  }
  int modify(int fd, uint32_t interest, uint64_t user_data) override {
    return ctl(EPOLL_CTL_MOD, fd, interest, user_data);
  }
  int remove(int fd) override {
    epoll_event ev{};  // non-null for kernels before 2.6.9
    return ::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, &ev) == 0 ? 0 : -errno;
  }

  int wait(Completion* out, int max, int timeout_ms) override {
    if (max > kMaxBatch) max = kMaxBatch;
    if (max <= 0) return -EINVAL;
    int n = ::epoll_wait(epfd_, events_, max, timeout_ms);
    if (n < 0) return errno == EINTR ? 0 : -errno;
    for (int i = 0; i < n; ++i) {
      out[i].user_data = events_[i].data.u64;
      out[i].result = int32_t(from_epoll(events_[i].events));
      out[i].flags = kMore;
    }
    return n;
  }

 private:
  int ctl(int op, int fd, uint32_t interest, uint64_t user_data) {
    epoll_event ev{};
    ev.events = to_epoll(interest);
    ev.data.u64 = user_data;
    return ::epoll_ctl(epfd_, op, fd, &ev) == 0 ? 0 : -errno;
  }

  int epfd_;
  epoll_event events_[kMaxBatch];
};

}  // namespace

std::unique_ptr<Reactor> make_epoll_reactor(std::string* err) {
  int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) {
    if (err) *err = std::string("epoll_create1: ") + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<EpollReactor>(fd);
}

}  // namespace dxs
