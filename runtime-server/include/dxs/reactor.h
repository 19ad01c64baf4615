// dxs/reactor.h — the one event-loop interface every platform backend implements (DESIGN §4).
//
// Contract. A Reactor belongs to one thread (thread-per-core: never shared, no locks). Callers register
// file descriptors with an interest (kRead / kWrite) and a 64-bit user_data; `wait` fills an array of
// Completions and returns how many. A Completion is laid out like an io_uring CQE on purpose:
//   user_data  what was given at registration (the backend never interprets it),
//   result     >= 0: the Events bits that are ready; < 0: -errno for that registration,
//   flags      kMore while the registration stays armed (epoll: always; io_uring: multishot POLL_ADD
//              sets IORING_CQE_F_MORE, and a completion without it means "re-arm or forget").
// Registrations are level-triggered: a ready fd is reported on every `wait` until drained or modified.
// So a readiness backend (epoll, kqueue) and a completion backend (io_uring via multishot poll; later
// its own accept/recv/send ops; IOCP via zero-byte reads) fit behind the same calls.
// Backends live in their own files (src/reactor_epoll.cpp, src/reactor_uring.cpp); `make_reactor`
// picks one at run time.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dxs {

enum Interest : uint32_t { kRead = 1u << 0, kWrite = 1u << 1 };

// Bits of Completion::result when it is >= 0.
enum Events : uint32_t {
  kReadable = 1u << 0,  // data, a pending connection, or EOF to read
  kWritable = 1u << 1,  // room in the send buffer
  kHangup = 1u << 2,    // the peer closed (reads will return 0 once drained)
  kError = 1u << 3,     // an error is pending on the fd (read or write will report it)
};

// Bits of Completion::flags.
enum CompletionFlags : uint32_t { kMore = 1u << 0 };

struct Completion {
  uint64_t user_data = 0;
  int32_t result = 0;
  uint32_t flags = 0;
};

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
};

// The epoll backend (Linux). Returns null and sets `err` when the kernel refuses.
std::unique_ptr<Reactor> make_epoll_reactor(std::string* err);

// The io_uring backend (Linux, liburing; src/reactor_uring.cpp). Null and `err` set when dx-server was
// built without liburing or the kernel refuses (disabled by sysctl, seccomp in a container, too old).
std::unique_ptr<Reactor> make_io_uring_reactor(std::string* err);

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
