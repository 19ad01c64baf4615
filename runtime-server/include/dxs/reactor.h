// dxs/reactor.h — the one event-loop interface every platform backend implements (DESIGN §4).
//
// Contract. A Reactor belongs to one thread (thread-per-core: never shared, no locks). Callers register
// file descriptors with an interest (kRead / kWrite) and a 64-bit user_data; `wait` fills an array of
// Completions and returns how many. A Completion is laid out like an io_uring CQE on purpose:
//   user_data  what was given at registration (the backend never interprets it),
//   result     readiness: >= 0 the Events bits that are ready, < 0 -errno for that registration;
//              an operation's result (flags has kOpResult): what the operation returns (see below),
//   flags      kMore while the registration stays armed (every backend re-arms by itself, so it is always
//              set but on a recv's last completion, EOF or an error; io_uring's multishot ops set
//              IORING_CQE_F_MORE and the backend re-arms what ends early).
// Registrations are level-triggered: a ready fd is reported on every `wait` until drained or modified.
// So a readiness backend (epoll, kqueue) and a completion backend (io_uring, IOCP via AFD polls)
// fit behind the same calls.
//
// Native operations (optional; `features()` says which a backend has — the base class has none, so a
// backend that knows nothing of them, e.g. epoll, keeps the readiness calls above and callers accept and
// recv themselves):
//   kFeatureAccept  add_acceptor(listen_fd): the backend accepts (io_uring: multishot accept, sockets
//                   non-blocking and close-on-exec); each completion has kOpResult and result = the new
//                   connected fd (the caller owns it) or -errno (e.g. -EMFILE: the caller frees a
//                   descriptor; the backend re-arms by itself). remove(listen_fd) ends it; an fd accepted
//                   after that is closed by the backend, never reported.
//   kFeatureRecv    interest kRecv instead of kRead: the backend reads for the caller into buffers of its
//                   own (io_uring: multishot recv from a provided-buffer ring), so an idle connection owns
//                   no read buffer and a read costs no syscall of the caller's. Each completion has
//                   kOpResult; result > 0: that many bytes, in buffer(buffer_id(c)) (flag kBuffer), which
//                   the caller must hand back with release_buffer() once it has copied what it keeps (the
//                   ring is shared by every connection: return it within the same loop turn); 0: EOF (the
//                   last completion); < 0: -errno (last too). While a registration's interest lacks kRecv
//                   (e.g. only kWrite while output is pending) bytes that still arrive are held by the
//                   backend, in order, and delivered once kRecv is back; a completion already returned by
//                   `wait` cannot be taken back, so a caller that drops kRecv mid-batch may still get bytes
//                   for it in that batch. An empty ring (ENOBUFS) is invisible to callers: the backend
//                   re-arms once buffers are back (data waits in the socket meanwhile).
//   remove() ends every operation of the fd: no completion for it afterwards, whatever was in flight,
//   even if the fd number is reused at once by a new registration.
// Backends live in their own files (src/reactor_epoll.cpp, src/reactor_uring.cpp); `make_reactor`
// picks one at run time.
#pragma once
#include <cerrno>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dxs {

// kRecv (only with kFeatureRecv) replaces kRead: bytes are delivered, not readiness.
enum Interest : uint32_t { kRead = 1u << 0, kWrite = 1u << 1, kRecv = 1u << 2 };

// Bits of Completion::result when it is >= 0.
enum Events : uint32_t {
  kReadable = 1u << 0,  // data, a pending connection, or EOF to read
  kWritable = 1u << 1,  // room in the send buffer
  kHangup = 1u << 2,    // the peer closed (reads will return 0 once drained)
  kError = 1u << 3,     // an error is pending on the fd (read or write will report it)
};

// Bits of Completion::flags. With kBuffer, bits 16..31 hold the buffer id (buffer_id()).
enum CompletionFlags : uint32_t { kMore = 1u << 0, kOpResult = 1u << 1, kBuffer = 1u << 2 };

// Native operations a backend offers (Reactor::features()).
enum Feature : uint32_t { kFeatureAccept = 1u << 0, kFeatureRecv = 1u << 1 };

struct Completion {
  uint64_t user_data = 0;
  int32_t result = 0;
  uint32_t flags = 0;
};

inline uint32_t buffer_id(const Completion& c) { return c.flags >> 16; }

class Reactor {
 public:
  virtual ~Reactor() = default;
  // The backend's name ("epoll", later "io_uring", "kqueue", "iocp"), for logs and benchmarks.
  virtual const char* name() const = 0;
  // Registers `fd` (not owned: the caller closes it after `remove`). Returns 0 or -errno.
  virtual int add(int fd, uint32_t interest, uint64_t user_data) = 0;
  // Replaces the interest (and user_data) of a registered fd. Returns 0 or -errno.
  virtual int modify(int fd, uint32_t interest, uint64_t user_data) = 0;
  // Forgets `fd`; no completion for it is returned by later `wait` calls. Returns 0 or -errno.
  virtual int remove(int fd) = 0;
  // Waits up to `timeout_ms` (-1: no limit, 0: poll) and writes at most `max` completions to `out`.
  // Returns their count (0 on timeout or on a signal interruption) or -errno.
  virtual int wait(Completion* out, int max, int timeout_ms) = 0;

  // Native operations (contract above). The defaults: none offered.
  virtual uint32_t features() const { return 0; }
  virtual int add_acceptor(int /*listen_fd*/, uint64_t /*user_data*/) { return -EOPNOTSUPP; }
  // Sizes the receive buffers (`count` a power of two up to 32768, each `size` bytes) before the first
  // kRecv registration; without it the backend picks its default. 0 or -errno.
  virtual int setup_recv_buffers(uint32_t /*count*/, uint32_t /*size*/) { return -EOPNOTSUPP; }
  virtual const char* buffer(uint32_t /*id*/) const { return nullptr; }
  virtual void release_buffer(uint32_t /*id*/) {}
};

// The epoll backend (Linux). Returns null and sets `err` when the kernel refuses.
std::unique_ptr<Reactor> make_epoll_reactor(std::string* err);

// The io_uring backend (Linux, liburing; src/reactor_uring.cpp). Null and `err` set when dx-server was
// built without liburing or the kernel refuses (disabled by sysctl, seccomp in a container, too old).
std::unique_ptr<Reactor> make_io_uring_reactor(std::string* err);

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__) || defined(__DragonFly__)
// The kqueue backend (BSD, macOS; src/reactor_kqueue.cpp). Null and `err` set when kqueue() fails.
std::unique_ptr<Reactor> make_kqueue_reactor(std::string* err);
#endif
#ifdef _WIN32
// The IOCP backend (Windows; src/reactor_iocp.cpp): sockets only, `fd` is `int(SOCKET)` (see that file).
std::unique_ptr<Reactor> make_iocp_reactor(std::string* err);
#endif

// Which backend to use: kAuto takes io_uring when it starts here, else epoll (`--io auto|epoll|io_uring`).
enum class IoBackend { kAuto, kEpoll, kIoUring };

// "auto", "epoll", "io_uring" <-> IoBackend; parse returns false for anything else.
const char* io_backend_name(IoBackend b);
bool parse_io_backend(std::string_view s, IoBackend* out);

// A reactor of the requested kind. kAuto: io_uring when it starts, else epoll (`note`, when given, gets
// why io_uring was skipped). Null and `err` set when the requested backend (or, for kAuto, none) works.
std::unique_ptr<Reactor> make_reactor(IoBackend which, std::string* err, std::string* note = nullptr);

// The explicit backends that start on this machine, in preference order (io_uring first), for tests
// and benchmarks that run the same checks on each.
std::vector<IoBackend> available_io_backends();

}  // namespace dxs
