// reactor_uring.cpp — the io_uring backend of dxs::Reactor (Linux, liburing): readiness by re-armed polls,
// plus io_uring's own accept and recv (reactor.h: native operations).
//
// Readiness. Each registered fd with a read or write interest has one one-shot IORING_OP_POLL_ADD in
// flight. When it completes, the completion is returned and the fd is queued for re-arming; the next wait()
// submits a fresh poll for it together with its wait (one io_uring_submit_and_wait_timeout: one syscall per
// loop turn). A one-shot poll on an fd that is still ready completes at once, so this keeps the interface's
// level-triggered contract (a connection that reads only part of its input is reported again), exactly
// like epoll. Every completion carries kMore (the backend re-arms by itself).
//
// Native operations (kernel 6.1+, i.e. when the ring could be made with DEFER_TASKRUN; older kernels get
// readiness only). add_acceptor arms a multishot IORING_OP_ACCEPT; kRecv arms a multishot IORING_OP_RECV
// that picks buffers from one provided-buffer ring per reactor (io_uring_register_buf_ring, group 0). A
// multishot op that ends (no IORING_CQE_F_MORE: an error, ENOBUFS, a full CQ) is re-armed with the next
// wait, except a recv after EOF or an error (the caller closes). Flow control: when a registration drops
// kRecv (its output is blocked), its recv stays armed and what still arrives is parked, in order, with its
// buffer; past kMaxParked parked buffers the recv is cancelled (data then waits in the socket), so a peer
// that sends without reading cannot take the ring. ENOBUFS (ring empty) ends a recv; it is re-armed once
// the caller has handed a buffer back (starved_ list), never in a loop against an empty ring.
//
// Stale completions. An op's SQE user_data is (fd << 32 | seq << 2 | op): seq is a per-fd counter taken
// at every arm, and a completion counts only while its op kind is armed with that seq. modify() (poll
// interest) and remove() cancel what they replace (IORING_OP_POLL_REMOVE / ASYNC_CANCEL); a stale
// completion is dropped — its buffer goes straight back to the ring, a socket it accepted is closed — so
// nothing reaches a connection that reused the fd number. The kernel holds the file while an op is
// pending; the cancel is submitted with the next wait(), which the worker reaches right after the close,
// so a closed socket is released within one loop turn.
//
// Fixed files are not used: every connection is also written (sendmsg), shut down and closed by the
// caller with plain syscalls, so direct descriptors would only add a table to keep in step. The ring's own
// fd is registered (io_uring_register_ring_fd): each io_uring_enter skips an fd lookup.
//
// Built only when CMake finds liburing (DXS_HAVE_IO_URING); make_io_uring_reactor otherwise says so.
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "dxs/reactor.h"

#ifdef DXS_HAVE_IO_URING
#include <liburing.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace dxs {
namespace {

constexpr unsigned kEntries = 1024;
constexpr uint64_t kCancelTag = ~uint64_t(0);  // user_data of cancel requests: never reported
constexpr uint32_t kDefaultBuffers = 512;      // the receive ring when setup_recv_buffers was not called
constexpr uint32_t kDefaultBufferSize = 4096;  // a request head or a pipelined batch; more arrives in pieces
constexpr size_t kMaxParked = 4;               // parked buffers per registration before its recv is cancelled
constexpr uint16_t kGroup = 0;                 // the buffer group id of the receive ring

enum Op : uint32_t { kPollOp = 0, kRecvOp = 1, kAcceptOp = 2 };

// A recv result held while the registration's interest lacks kRecv: bytes (with their buffer), EOF, -errno.
struct Parked {
  int32_t result;
  uint32_t flags;  // as delivered: kOpResult, kBuffer and the buffer id
};

struct Slot {
  uint64_t user_data = 0;
  uint32_t interest = 0;
  uint32_t seq = 0;       // taken by every arm (low 30 bits in the tag)
  uint32_t poll_seq = 0;  // seq of the poll in flight
  uint32_t op_seq = 0;    // seq of the accept / recv in flight
  bool registered = false;
  bool acceptor = false;     // add_acceptor: a multishot accept instead of a poll
  bool armed = false;        // a poll with poll_seq is in flight
  bool queued = false;       // on the arm list
  bool op_armed = false;     // a multishot op with op_seq is in flight (until a completion without F_MORE)
  bool op_cancelling = false;
  bool op_done = false;      // the recv reported EOF or an error: never re-armed
  bool starved = false;      // the recv ended with ENOBUFS: on starved_, re-armed once a buffer is back
  bool redeliver = false;    // on redeliver_: parked results wait for the next wait()
  std::vector<Parked> parked;
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

// What the poll of a registration waits for: kRecv reads by itself, so it drops kRead; an acceptor polls nothing.
uint32_t poll_bits(const Slot& s) {
  if (s.acceptor) return 0;
  uint32_t i = s.interest & (kRead | kWrite);
  if (s.interest & kRecv) i &= ~uint32_t(kRead);
  return i;
}

class UringReactor final : public Reactor {
 public:
  UringReactor() = default;
  ~UringReactor() override {
    if (!init_ok_) return;
    // Sockets accepted by the kernel but never reported would leak: close them before the ring goes.
    io_uring_get_events(&ring_);
    io_uring_cqe* cqe = nullptr;
    unsigned head = 0;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      uint64_t data = io_uring_cqe_get_data64(cqe);
      if (data != kCancelTag && (data & 3) == kAcceptOp && cqe->res >= 0) ::close(cqe->res);
    }
    io_uring_queue_exit(&ring_);
    if (br_) ::munmap(br_, br_bytes_);
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
    // Multishot accept (5.19), multishot recv and buffer rings (6.0): a ring with DEFER_TASKRUN is 6.1+.
    if (ok && disabled_ && io_uring_opcode_supported(probe, IORING_OP_ACCEPT) &&
        io_uring_opcode_supported(probe, IORING_OP_RECV) && io_uring_opcode_supported(probe, IORING_OP_ASYNC_CANCEL))
      features_ = kFeatureAccept | kFeatureRecv;
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
  uint32_t features() const override { return features_; }

  int add(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0) return -EBADF;
    if ((interest & kRecv) && !(features_ & kFeatureRecv)) return -EOPNOTSUPP;
    if ((interest & kRecv) && !br_) {
      if (int rc = setup_recv_buffers(kDefaultBuffers, kDefaultBufferSize); rc < 0) return rc;
    }
    Slot* s = claim(fd);
    if (!s) return -EEXIST;
    return change(fd, interest, user_data);
  }

  int add_acceptor(int fd, uint64_t user_data) override {
    if (fd < 0) return -EBADF;
    if (!(features_ & kFeatureAccept)) return -EOPNOTSUPP;
    Slot* s = claim(fd);
    if (!s) return -EEXIST;
    s->acceptor = true;
    s->user_data = user_data;
    queue(fd, *s);
    return 0;
  }

  int modify(int fd, uint32_t interest, uint64_t user_data) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    if ((interest & kRecv) && !br_) return -EOPNOTSUPP;  // kRecv is chosen at add()
    return change(fd, interest, user_data);
  }

  int remove(int fd) override {
    if (fd < 0 || size_t(fd) >= slots_.size() || !slots_[size_t(fd)].registered) return -ENOENT;
    Slot& s = slots_[size_t(fd)];
    cancel_poll(fd, s);
    cancel_op(fd, s);
    for (const Parked& pk : s.parked)
      if (pk.flags & kBuffer) release_buffer(pk.flags >> 16);
    s.parked.clear();
    s.registered = s.acceptor = s.op_armed = s.op_cancelling = s.op_done = s.starved = false;
    s.interest = 0;
    return 0;
  }

  int setup_recv_buffers(uint32_t count, uint32_t size) override {
    if (!(features_ & kFeatureRecv)) return -EOPNOTSUPP;
    if (br_) return -EBUSY;
    if (count == 0 || count > 32768 || (count & (count - 1)) || size == 0 || size > (1u << 20)) return -EINVAL;
    size_t ring_bytes = count * sizeof(io_uring_buf);
    void* mem = ::mmap(nullptr, ring_bytes, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
    if (mem == MAP_FAILED) return -errno;
    auto* br = static_cast<io_uring_buf_ring*>(mem);
    io_uring_buf_ring_init(br);
    io_uring_buf_reg reg{};
    reg.ring_addr = reinterpret_cast<uint64_t>(mem);
    reg.ring_entries = count;
    reg.bgid = kGroup;
    if (int rc = io_uring_register_buf_ring(&ring_, &reg, 0); rc < 0) {
      ::munmap(mem, ring_bytes);
      return rc;
    }
    br_ = br;
    br_bytes_ = ring_bytes;
    buf_count_ = count;
    buf_size_ = size;
    bufs_.reset(new char[size_t(count) * size]);
    for (uint32_t i = 0; i < count; ++i)
      io_uring_buf_ring_add(br_, bufs_.get() + size_t(i) * size, size, uint16_t(i), io_uring_buf_ring_mask(count),
                            int(i));
    io_uring_buf_ring_advance(br_, int(count));
    return 0;
  }

  const char* buffer(uint32_t id) const override {
    return id < buf_count_ ? bufs_.get() + size_t(id) * buf_size_ : nullptr;
  }

  void release_buffer(uint32_t id) override {
    if (id >= buf_count_) return;
    io_uring_buf_ring_add(br_, bufs_.get() + size_t(id) * buf_size_, buf_size_, uint16_t(id),
                          io_uring_buf_ring_mask(buf_count_), 0);
    io_uring_buf_ring_advance(br_, 1);
    --lent_;
  }

  int wait(Completion* out, int max, int timeout_ms) override {
    if (max <= 0) return -EINVAL;
    if (disabled_) {
      // liburing 2.3 declares io_uring_enable_rings but does not export it: the register call itself.
      if (::syscall(__NR_io_uring_register, ring_.ring_fd, IORING_REGISTER_ENABLE_RINGS, nullptr, 0) < 0) return -errno;
      disabled_ = false;
      (void)io_uring_register_ring_fd(&ring_);  // an optimisation: without it io_uring_enter takes the fd
    }
    arm_queued();
    int n = redeliver(out, max);
    n += reap(out + n, max - n);
    if (n > 0 || timeout_ms == 0) {
      io_uring_submit(&ring_);
      if (n > 0) return n;
      io_uring_get_events(&ring_);  // DEFER_TASKRUN: completions are posted only when asked for
      return reap(out, max);
    }
    // Completions the caller never sees (stale, cancels, parked bytes) can end a wait early: wait again
    // until one is reported or the time is up, so 0 means the timeout (or a signal), as epoll's does.
    timespec end{};
    if (timeout_ms > 0) {
      clock_gettime(CLOCK_MONOTONIC, &end);
      end.tv_sec += timeout_ms / 1000;
      end.tv_nsec += (timeout_ms % 1000) * 1000000L;
      if (end.tv_nsec >= 1000000000L) {
        ++end.tv_sec;
        end.tv_nsec -= 1000000000L;
      }
    }
    for (;;) {
      io_uring_cqe* cqe = nullptr;
      int rc;
      if (timeout_ms < 0) {
        rc = io_uring_submit_and_wait_timeout(&ring_, &cqe, 1, nullptr, nullptr);
      } else {
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        int64_t left_ns = (int64_t(end.tv_sec) - now.tv_sec) * 1000000000LL + (end.tv_nsec - now.tv_nsec);
        if (left_ns <= 0) return 0;
        __kernel_timespec ts{};
        ts.tv_sec = left_ns / 1000000000LL;
        ts.tv_nsec = left_ns % 1000000000LL;
        rc = io_uring_submit_and_wait_timeout(&ring_, &cqe, 1, &ts, nullptr);
      }
      if (rc < 0 && rc != -ETIME && rc != -EINTR && rc != -EAGAIN && rc != -EBUSY) return rc;
      int got = reap(out, max);
      if (got > 0 || rc == -ETIME || rc == -EINTR) return got;
      arm_queued();  // what the reaped completions queued (a re-armed recv) goes in with the next wait
      got = redeliver(out, max);
      if (got > 0) return got;
    }
  }

 private:
  static uint64_t tag(int fd, uint32_t seq, Op op) {
    return (uint64_t(uint32_t(fd)) << 32) | (uint64_t(seq & 0x3fffffffu) << 2) | op;
  }

  Slot* claim(int fd) {
    if (size_t(fd) >= slots_.size()) slots_.resize(size_t(fd) + 64);
    Slot& s = slots_[size_t(fd)];
    if (s.registered) return nullptr;
    s.registered = true;
    return &s;
  }

  io_uring_sqe* sqe() {
    io_uring_sqe* e = io_uring_get_sqe(&ring_);
    if (!e) {  // the submission queue is full: hand it to the kernel and take a fresh entry
      io_uring_submit(&ring_);
      e = io_uring_get_sqe(&ring_);
    }
    return e;
  }

  void queue(int fd, Slot& s) {
    if (s.queued) return;
    s.queued = true;
    arm_.push_back(fd);
  }

  // Cancels the fd's poll in flight, if any; its completion (and the cancel's) is dropped from now on.
  void cancel_poll(int fd, Slot& s) {
    if (!s.armed) return;
    if (io_uring_sqe* e = sqe()) {
      io_uring_prep_poll_remove(e, tag(fd, s.poll_seq, kPollOp));
      io_uring_sqe_set_data64(e, kCancelTag);
    }
    s.armed = false;
  }

  // Cancels the fd's accept / recv in flight. For remove(): its completions are stale from now on.
  void cancel_op(int fd, Slot& s) {
    if (!s.op_armed) return;
    if (!s.op_cancelling) request_cancel(fd, s);
    s.op_armed = false;
  }

  void request_cancel(int fd, Slot& s) {
    if (io_uring_sqe* e = sqe()) {
      io_uring_prep_cancel64(e, tag(fd, s.op_seq, s.acceptor ? kAcceptOp : kRecvOp), 0);
      io_uring_sqe_set_data64(e, kCancelTag);
      s.op_cancelling = true;
    }
  }

  int change(int fd, uint32_t interest, uint64_t user_data) {
    Slot& s = slots_[size_t(fd)];
    uint32_t before = poll_bits(s);
    bool recv_before = s.interest & kRecv;
    s.interest = interest;
    s.user_data = user_data;
    if (poll_bits(s) != before || !s.armed) {
      cancel_poll(fd, s);
      if (poll_bits(s)) queue(fd, s);
    }
    if ((interest & kRecv) && !recv_before) {
      if (!s.parked.empty() && !s.redeliver) {
        s.redeliver = true;
        redeliver_.push_back(fd);
      }
      if (!s.op_armed) queue(fd, s);
    }
    return 0;
  }

  void arm_queued() {
    if (!starved_.empty() && lent_ < buf_count_) {  // buffers are back: try the starved recvs again
      for (int fd : starved_) {
        Slot& s = slots_[size_t(fd)];
        if (!s.starved) continue;
        s.starved = false;
        queue(fd, s);
      }
      starved_.clear();
    }
    for (int fd : arm_) {
      Slot& s = slots_[size_t(fd)];
      s.queued = false;
      if (!s.registered) continue;
      if (uint32_t bits = poll_bits(s); bits && !s.armed) {
        if (io_uring_sqe* e = sqe()) {
          s.poll_seq = ++s.seq;
          io_uring_prep_poll_add(e, fd, to_poll(bits));
          io_uring_sqe_set_data64(e, tag(fd, s.poll_seq, kPollOp));
          s.armed = true;
        }
      }
      if (s.op_armed || s.op_done || s.starved) continue;
      if (s.acceptor) {
        if (io_uring_sqe* e = sqe()) {
          s.op_seq = ++s.seq;
          io_uring_prep_multishot_accept(e, fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
          io_uring_sqe_set_data64(e, tag(fd, s.op_seq, kAcceptOp));
          s.op_armed = true;
        }
      } else if ((s.interest & kRecv) && s.parked.empty()) {
        if (io_uring_sqe* e = sqe()) {
          s.op_seq = ++s.seq;
          io_uring_prep_recv_multishot(e, fd, nullptr, 0, 0);
          e->flags |= IOSQE_BUFFER_SELECT;
          e->buf_group = kGroup;
          io_uring_sqe_set_data64(e, tag(fd, s.op_seq, kRecvOp));
          s.op_armed = true;
        }
      }
    }
    arm_.clear();
  }

  // Parked recv results of registrations that took kRecv back, in arrival order, before any new completion.
  int redeliver(Completion* out, int max) {
    int n = 0;
    size_t kept = 0;
    for (size_t i = 0; i < redeliver_.size(); ++i) {
      int fd = redeliver_[i];
      Slot& s = slots_[size_t(fd)];
      size_t taken = 0;
      if (s.registered && (s.interest & kRecv)) {
        for (; taken < s.parked.size() && n < max; ++taken, ++n) {
          out[n].user_data = s.user_data;
          out[n].result = s.parked[taken].result;
          out[n].flags = s.parked[taken].flags | kMore;
        }
        s.parked.erase(s.parked.begin(), s.parked.begin() + long(taken));
      }
      if (s.registered && (s.interest & kRecv) && !s.parked.empty()) {
        redeliver_[kept++] = fd;  // `out` is full: the rest next time
        continue;
      }
      s.redeliver = false;
      if (s.registered && (s.interest & kRecv) && !s.op_armed) queue(fd, s);  // parked while its recv ended
    }
    redeliver_.resize(kept);
    return n;
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
      uint32_t seq = uint32_t(data >> 2) & 0x3fffffffu;
      Op op = Op(data & 3);
      Slot* s = size_t(fd) < slots_.size() && slots_[size_t(fd)].registered ? &slots_[size_t(fd)] : nullptr;
      if (op == kPollOp) {
        if (!s || !s->armed || (s->poll_seq & 0x3fffffffu) != seq) continue;  // stale: modified or removed since
        s->armed = false;
        queue(fd, *s);
        out[n].user_data = s->user_data;
        out[n].result = cqe->res >= 0 ? int32_t(from_poll(uint32_t(cqe->res))) : int32_t(kError | kReadable);
        out[n].flags = kMore;
        ++n;
        continue;
      }
      bool has_buffer = cqe->flags & IORING_CQE_F_BUFFER;
      uint32_t bid = cqe->flags >> IORING_CQE_BUFFER_SHIFT;
      if (!s || !s->op_armed || (s->op_seq & 0x3fffffffu) != seq) {  // stale: hand back what it carries
        if (op == kAcceptOp && cqe->res >= 0) ::close(cqe->res);
        if (has_buffer) recycle(bid);
        continue;
      }
      bool more = cqe->flags & IORING_CQE_F_MORE;
      if (!more) {
        s->op_armed = false;
        bool cancelled = s->op_cancelling;
        s->op_cancelling = false;
        if (cqe->res == -ECANCELED && cancelled) {
          if (s->interest & kRecv) queue(fd, *s);
          continue;
        }
        if (op == kRecvOp && cqe->res == -ENOBUFS) {
          s->starved = true;
          starved_.push_back(fd);
          continue;
        }
        if (op == kRecvOp && cqe->res <= 0) s->op_done = true;
        else if (op == kAcceptOp || (s->interest & kRecv)) queue(fd, *s);  // ended early (e.g. CQ full)
      }
      uint32_t flags = kOpResult | (op == kRecvOp && cqe->res <= 0 ? 0u : uint32_t(kMore));  // EOF, error: the last
      if (has_buffer) {
        flags |= kBuffer | (bid << 16);
        ++lent_;
      }
      if (op == kRecvOp && (!(s->interest & kRecv) || !s->parked.empty() || s->redeliver)) {
        s->parked.push_back(Parked{cqe->res, flags});  // kRecv is off: keep it, in order, for later
        if (s->parked.size() >= kMaxParked && s->op_armed && !s->op_cancelling) request_cancel(fd, *s);
        continue;
      }
      out[n].user_data = s->user_data;
      out[n].result = cqe->res;
      out[n].flags = flags;
      ++n;
    }
    io_uring_cq_advance(&ring_, seen);
    return n;
  }

  // A buffer that never reached the caller goes straight back to the ring.
  void recycle(uint32_t id) {
    ++lent_;
    release_buffer(id);
  }

  io_uring ring_{};
  bool init_ok_ = false;
  bool disabled_ = false;  // made with R_DISABLED: the first wait() enables it (see init)
  uint32_t features_ = 0;
  std::vector<Slot> slots_;
  std::vector<int> arm_;        // fds whose poll or op is (re)submitted with the next wait
  std::vector<int> redeliver_;  // fds with parked recv results to deliver
  std::vector<int> starved_;    // fds whose recv ended with ENOBUFS
  // The receive ring: buf_count_ buffers of buf_size_ bytes; lent_ of them are with the caller or parked.
  io_uring_buf_ring* br_ = nullptr;
  size_t br_bytes_ = 0;
  std::unique_ptr<char[]> bufs_;
  uint32_t buf_count_ = 0, buf_size_ = 0, lent_ = 0;
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
