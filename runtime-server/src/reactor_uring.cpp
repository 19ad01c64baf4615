// reactor_uring.cpp — the io_uring backend of dxs::Reactor (Linux, liburing), level-triggered by re-arming.
//
// Each registered fd has one one-shot IORING_OP_POLL_ADD in flight. When it completes, the completion is
// returned and the fd is queued for re-arming; the next wait() submits a fresh poll for it together with
// its wait (one io_uring_submit_and_wait_timeout: one syscall per loop turn). A one-shot poll on an fd that
// is still ready completes at once, so this keeps the interface's level-triggered contract (a connection
// that reads only part of its input is reported again), exactly like epoll. Every completion carries kMore
// (the backend re-arms by itself).
//
// Stale completions. A poll's SQE user_data is (fd << 32 | generation). modify() and remove() bump the
// fd's generation and cancel the old poll (IORING_OP_POLL_REMOVE); a completion whose generation is not
// the fd's current one is dropped, so a completion can never reach a connection that reused the fd number.
// The kernel holds the file while a poll is pending; the cancel is submitted with the next wait(), which
// the worker reaches right after the close, so a closed socket is released within one loop turn.
//
// Built only when CMake finds liburing (DXS_HAVE_IO_URING); make_io_uring_reactor otherwise says so.
#include <cerrno>
#include <cstring>
#include <vector>

#include "dxs/reactor.h"

#ifdef DXS_HAVE_IO_URING
#include <liburing.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace dxs {
namespace {

constexpr unsigned kEntries = 1024;
constexpr uint64_t kCancelTag = ~uint64_t(0);  // user_data of POLL_REMOVE requests: never reported

struct Slot {
  uint64_t user_data = 0;
  uint32_t interest = 0;
  uint32_t gen = 0;
  bool registered = false;
  bool armed = false;     // a poll with the current generation is in flight
  bool queued = false;    // on the re-arm list
};

uint32_t to_poll(uint32_t interest) {
  uint32_t ev = 0;
  if (interest & kRead) ev |= POLLIN | POLLRDHUP;
  if (interest & kWrite) ev |= POLLOUT;
  return ev;
}

uint32_t from_poll(uint32_t ev) {
  uint32_t r = 0;
  if (ev & POLLIN) r |= kReadable;
  if (ev & POLLOUT) r |= kWritable;
  if (ev & (POLLHUP | POLLRDHUP)) r |= kHangup | kReadable;
  if (ev & POLLERR) r |= kError | kReadable;
  return r;
}

class UringReactor final : public Reactor {
 public:
  UringReactor() = default;
  ~UringReactor() override {
    if (init_ok_) io_uring_queue_exit(&ring_);
  }
  UringReactor(const UringReactor&) = delete;
  UringReactor& operator=(const UringReactor&) = delete;

  int init(std::string* err) {
    // Preferred (6.1+): completions are posted only when this thread waits (DEFER_TASKRUN), so a socket that
    // becomes ready costs no interrupt of whatever the worker is doing and a turn reaps them in one batch.
    // It needs SINGLE_ISSUER, and the ring is made on the server's thread but used on the worker's: it
    // starts disabled and the first wait() enables it, making its caller the only submitter.
    io_uring_params p{};
    p.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_R_DISABLED;
    int rc = io_uring_queue_init_params(kEntries, &ring_, &p);
    disabled_ = rc == 0;
    if (rc == -EINVAL) {
      p = io_uring_params{};
      p.flags = IORING_SETUP_COOP_TASKRUN;  // 5.19+: no IPI per completion: we reap them only when we wait
      rc = io_uring_queue_init_params(kEntries, &ring_, &p);
    }
    if (rc == -EINVAL) {
      p = io_uring_params{};
      rc = io_uring_queue_init_params(kEntries, &ring_, &p);  // kernels before 5.19
    }
    if (rc < 0) {
      if (err) *err = std::string("io_uring_queue_init: ") + std::strerror(-rc);
      return rc;
    }
    io_uring_probe* probe = io_uring_get_probe_ring(&ring_);
    bool ok = probe && io_uring_opcode_supported(probe, IORING_OP_POLL_ADD) &&
              io_uring_opcode_supported(probe, IORING_OP_POLL_REMOVE);
    if (probe) io_uring_free_probe(probe);
    if (!ok || !(p.features & IORING_FEAT_EXT_ARG)) {
      if (err) *err = "the kernel's io_uring lacks POLL_ADD/POLL_REMOVE or EXT_ARG";
      io_uring_queue_exit(&ring_);
      ring_ = io_uring{};
      init_ok_ = false;
      return -ENOSYS;
    }
    init_ok_ = true;
    return 0;
  }
  const char* name() const override { return "io_uring"; }

  int add(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0) return -EBADF;
    if (size_t(fd) >= slots_.size()) slots_.resize(size_t(fd) + 64);
    Slot& s = slots_[size_t(fd)];
    if (s.registered) return -EEXIST;
    s.registered = true;
    return rearm_later(fd, interest, user_data);
  }

  int modify(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    return rearm_later(fd, interest, user_data);
  }

  int remove(int fd) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    Slot& s = slots_[size_t(fd)];
    cancel(fd, s);
    s.registered = false;
    return 0;
  }

  int wait(Completion* out, int max, int timeout_ms) override {
    if (max <= 0) return -EINVAL;
    if (disabled_) {
      // liburing 2.3 declares io_uring_enable_rings but does not export it: the register call itself.
      if (::syscall(__NR_io_uring_register, ring_.ring_fd, IORING_REGISTER_ENABLE_RINGS, nullptr, 0) < 0) return -errno;
      disabled_ = false;
    }
    arm_queued();
    int n = reap(out, max);
    if (n > 0 || timeout_ms == 0) {
      io_uring_submit(&ring_);
      if (n > 0) return n;
      io_uring_get_events(&ring_);  // DEFER_TASKRUN: completions are posted only when asked for
      return reap(out, max);
    }
    io_uring_cqe* cqe = nullptr;
    int rc;
    if (timeout_ms < 0) {
      rc = io_uring_submit_and_wait_timeout(&ring_, &cqe, 1, nullptr, nullptr);
    } else {
      __kernel_timespec ts{};
      ts.tv_sec = timeout_ms / 1000;
      ts.tv_nsec = (timeout_ms % 1000) * 1000000LL;
      rc = io_uring_submit_and_wait_timeout(&ring_, &cqe, 1, &ts, nullptr);
    }
    if (rc < 0 && rc != -ETIME && rc != -EINTR && rc != -EAGAIN && rc != -EBUSY) return rc;
    return reap(out, max);
  }

 private:
  static uint64_t tag(int fd, uint32_t gen) { return (uint64_t(uint32_t(fd)) << 32) | gen; }

  io_uring_sqe* sqe() {
    io_uring_sqe* e = io_uring_get_sqe(&ring_);
    if (!e) {  // the submission queue is full: hand it to the kernel and take a fresh entry
      io_uring_submit(&ring_);
      e = io_uring_get_sqe(&ring_);
    }
    return e;
  }

  // Cancels the fd's poll in flight, if any; its completions (and the cancel's) are dropped from now on.
  void cancel(int fd, Slot& s) {
    if (s.armed) {
      if (io_uring_sqe* e = sqe()) {
        io_uring_prep_poll_remove(e, tag(fd, s.gen));
        io_uring_sqe_set_data64(e, kCancelTag);
      }
      s.armed = false;
    }
    ++s.gen;
  }

  int rearm_later(int fd, uint32_t interest, uint64_t user_data) {
    Slot& s = slots_[size_t(fd)];
    if (s.armed && s.interest == interest) {
      s.user_data = user_data;  // same poll, new owner tag: nothing to resubmit
      return 0;
    }
    cancel(fd, s);
    s.interest = interest;
    s.user_data = user_data;
    if (!s.queued) {
      s.queued = true;
      rearm_.push_back(fd);
    }
    return 0;
  }

  void arm_queued() {
    for (int fd : rearm_) {
      Slot& s = slots_[size_t(fd)];
      s.queued = false;
      if (!s.registered || s.armed) continue;
      io_uring_sqe* e = sqe();
      if (!e) continue;  // cannot happen after a submit; the fd would simply stay silent
      io_uring_prep_poll_add(e, fd, to_poll(s.interest));
      io_uring_sqe_set_data64(e, tag(fd, s.gen));
      s.armed = true;
    }
    rearm_.clear();
  }

  int reap(Completion* out, int max) {
    int n = 0;
    io_uring_cqe* cqe = nullptr;
    unsigned head = 0, seen = 0;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      if (n == max) break;
      ++seen;
      uint64_t data = io_uring_cqe_get_data64(cqe);
      if (data == kCancelTag) continue;
      int fd = int(data >> 32);
      uint32_t gen = uint32_t(data);
      if (size_t(fd) >= slots_.size()) continue;
      Slot& s = slots_[size_t(fd)];
      if (!s.registered || s.gen != gen || !s.armed) continue;  // stale: modified or removed since
      s.armed = false;
      if (!s.queued) {
        s.queued = true;
        rearm_.push_back(fd);
      }
      out[n].user_data = s.user_data;
      out[n].result = cqe->res >= 0 ? int32_t(from_poll(uint32_t(cqe->res))) : int32_t(kError | kReadable);
      out[n].flags = kMore;
      ++n;
    }
    io_uring_cq_advance(&ring_, seen);
    return n;
  }

  io_uring ring_{};
  bool init_ok_ = false;
  bool disabled_ = false;  // made with R_DISABLED: the first wait() enables it (see init)
  std::vector<Slot> slots_;
  std::vector<int> rearm_;
};

}  // namespace

std::unique_ptr<Reactor> make_io_uring_reactor(std::string* err) {
  auto r = std::make_unique<UringReactor>();
  if (r->init(err) < 0) return nullptr;
  return r;
}

}  // namespace dxs

#else  // !DXS_HAVE_IO_URING

namespace dxs {
std::unique_ptr<Reactor> make_io_uring_reactor(std::string* err) {
  if (err) *err = "dx-server was built without liburing";
  return nullptr;
}
}  // namespace dxs

#endif
