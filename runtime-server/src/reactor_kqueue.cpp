// reactor_kqueue.cpp — the kqueue backend of dxs::Reactor (FreeBSD, macOS, the other BSDs), level-triggered.
//
// An fd's interest maps to up to two kqueue filters: kRead → EVFILT_READ, kWrite → EVFILT_WRITE. Neither
// uses EV_CLEAR (nor EV_ONESHOT/EV_DISPATCH), so a filter is reported on every kevent() while its condition
// holds — the interface's level-triggered contract, as with epoll. kqueue reports each filter as its own
// event; events of the same fd in one batch are merged into one Completion (as epoll reports one per fd).
// Mapping: EVFILT_READ → kReadable (data, a pending connection on a listener, or EOF); EVFILT_WRITE →
// kWritable; EV_EOF → kHangup | kReadable (on a write filter: the peer stopped reading), with kError when
// fflags carries a socket error; an event with EV_ERROR → kError | kReadable. Every completion has kMore.
//
// Changes are applied at once (one kevent() call per add/modify/remove), so errors come back from the call
// that caused them. EV_DELETE also drops the filter's pending events, so nothing registered before remove()
// is reported after it, even when the fd number is reused at once. user_data lives in a table indexed by
// fd (not in udata: it must hold 64 bits on every platform).
//
// Not built on Linux: CI compiles it only with -fsyntax-only against tests/server/kqueue_shim/sys/event.h
// (the API as FreeBSD's kqueue(2) declares it) — checked for syntax and types, never run here.
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || defined(__DragonFly__)

#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "dxs/reactor.h"

namespace dxs {
namespace {

constexpr int kMaxBatch = 512;

struct Slot {
  uint64_t user_data = 0;
  uint32_t interest = 0;  // the filters added: kRead (EVFILT_READ), kWrite (EVFILT_WRITE)
  bool registered = false;
  uint64_t batch = 0;     // the wait() that last wrote a completion for this fd, and where
  int batch_pos = 0;
};

uint32_t from_kevent(const struct kevent& ev) {
  if (ev.flags & EV_ERROR) return kError | kReadable;  // data holds the errno; a read reports it too
  uint32_t r = ev.filter == EVFILT_WRITE ? uint32_t(kWritable) : uint32_t(kReadable);
  if (ev.flags & EV_EOF) {
    r |= kHangup | kReadable;  // a read reports the EOF
    if (ev.fflags != 0) r |= kError;  // fflags: the socket's pending error
  }
  return r;
}

class KqueueReactor final : public Reactor {
 public:
  explicit KqueueReactor(int kq) : kq_(kq) {}
  ~KqueueReactor() override { ::close(kq_); }
  KqueueReactor(const KqueueReactor&) = delete;
  KqueueReactor& operator=(const KqueueReactor&) = delete;

  const char* name() const override { return "kqueue"; }

  int add(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0) return -EBADF;
    if (size_t(fd) >= slots_.size()) slots_.resize(size_t(fd) + 64);
    Slot& s = slots_[size_t(fd)];
    if (s.registered) return -EEXIST;
    if (int rc = change(fd, 0, interest & (kRead | kWrite)); rc < 0) return rc;
    s.registered = true;
    s.interest = interest & (kRead | kWrite);
    s.user_data = user_data;
    return 0;
  }

  int modify(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    Slot& s = slots_[size_t(fd)];
    uint32_t want = interest & (kRead | kWrite);
    if (int rc = change(fd, s.interest, want); rc < 0) return rc;
    s.interest = want;
    s.user_data = user_data;
    return 0;
  }

  int remove(int fd) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    Slot& s = slots_[size_t(fd)];
    int rc = change(fd, s.interest, 0);
    s = Slot{};
    // EBADF/ENOENT: the fd was closed first, which already removed its filters; it is forgotten either way.
    return rc == -EBADF || rc == -ENOENT ? 0 : rc;
  }

  int wait(Completion* out, int max, int timeout_ms) override {
    if (max <= 0) return -EINVAL;
    if (max > kMaxBatch) max = kMaxBatch;
    struct timespec ts;
    struct timespec* tsp = nullptr;
    if (timeout_ms >= 0) {
      ts.tv_sec = timeout_ms / 1000;
      ts.tv_nsec = long(timeout_ms % 1000) * 1000000L;
      tsp = &ts;
    }
    int got = ::kevent(kq_, nullptr, 0, events_, max, tsp);
    if (got < 0) return errno == EINTR ? 0 : -errno;
    ++batch_;
    int n = 0;
    for (int i = 0; i < got; ++i) {
      const struct kevent& ev = events_[i];
      int fd = int(ev.ident);
      if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) continue;
      Slot& s = slots_[size_t(fd)];
      uint32_t bits = from_kevent(ev);
      if (s.batch == batch_) {  // the fd's other filter in this batch: one completion per fd
        out[s.batch_pos].result = int32_t(uint32_t(out[s.batch_pos].result) | bits);
        continue;
      }
      s.batch = batch_;
      s.batch_pos = n;
      out[n].user_data = s.user_data;
      out[n].result = int32_t(bits);
      out[n].flags = kMore;
      ++n;
    }
    return n;
  }

 private:
  // Adds the filters in `want` that are not in `have` and deletes those in `have` not in `want`.
  // Returns 0 or -errno; on failure the fd keeps the filters of `have`.
  int change(int fd, uint32_t have, uint32_t want) {
    struct kevent ch[2];
    int n = 0;
    const uint32_t bits[2] = {kRead, kWrite};
    const short filters[2] = {EVFILT_READ, EVFILT_WRITE};
    for (int i = 0; i < 2; ++i) {
      bool had = (have & bits[i]) != 0, wants = (want & bits[i]) != 0;
      if (had == wants) continue;
      // udata 0, not nullptr: NetBSD's udata is an intptr_t.
      EV_SET(&ch[n], uintptr_t(fd), filters[i], wants ? EV_ADD | EV_ENABLE : EV_DELETE, 0, 0, 0);
      ++n;
    }
    if (n == 0) return 0;
    // One change per call so that a failure is attributed (kevent stops at the first error when there is
    // no room to report it) and the first can be undone when the second fails.
    if (::kevent(kq_, &ch[0], 1, nullptr, 0, nullptr) < 0) return -errno;
    if (n == 2 && ::kevent(kq_, &ch[1], 1, nullptr, 0, nullptr) < 0) {
      int err = errno;
      struct kevent undo = ch[0];
      undo.flags = (ch[0].flags & EV_ADD) ? EV_DELETE : EV_ADD | EV_ENABLE;
      ::kevent(kq_, &undo, 1, nullptr, 0, nullptr);
      return -err;
    }
    return 0;
  }

  int kq_;
  uint64_t batch_ = 0;  // counts wait() calls (64 bits: never wraps)
  std::vector<Slot> slots_;
  struct kevent events_[kMaxBatch];
};

}  // namespace

std::unique_ptr<Reactor> make_kqueue_reactor(std::string* err) {
  int kq = ::kqueue();
  if (kq < 0) {
    if (err) *err = std::string("kqueue: ") + std::strerror(errno);
    return nullptr;
  }
  ::fcntl(kq, F_SETFD, FD_CLOEXEC);
  return std::make_unique<KqueueReactor>(kq);
}

}  // namespace dxs

#endif  // kqueue platforms
