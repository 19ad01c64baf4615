// reactor_iocp.cpp — the IOCP backend of dxs::Reactor (Windows), level-triggered by re-arming.
//
// Readiness over a completion port. Windows has no readiness syscall that completes on a port except the
// one its own select()/WSAPoll are built on: IOCTL_AFD_POLL, issued with NtDeviceIoControlFile on an AFD
// (socket driver) handle. It is what libuv, wepoll and Rust's mio use, and Wine implements it (WSAPoll goes
// through it there too). One poll asks "tell me when any of these events holds on this socket" and completes
// at once if one already holds, so it behaves exactly like io_uring's one-shot POLL_ADD, and this backend
// has the same shape as reactor_uring.cpp: one poll in flight per registered socket; its completion is
// returned and the socket is re-armed by the next wait(), where a still-ready socket completes again at
// once — the interface's level-triggered contract. Every completion carries kMore.
//
// Why not zero-byte reads. A zero-byte overlapped WSARecv completes when data arrives, but it cannot tell
// writability, it fails on a listening socket (accept readiness would need AcceptEx, which accepts the
// connection itself instead of reporting it), and it reports EOF and data alike. IOCTL_AFD_POLL covers all
// of them (AFD_POLL_RECEIVE/ACCEPT → kReadable, SEND/CONNECT → kWritable, DISCONNECT → kHangup, ABORT and
// CONNECT_FAIL → kError) with one mechanism; the ioctl is undocumented but has not changed in decades.
// WSAPoll itself blocks its thread (it cannot wait on the port), and before Windows 10 2004 it did not
// report a failed connect.
//
// Handles. The polls are issued on one helper socket per reactor (associated with the port), never on the
// caller's sockets, so registering a socket changes nothing about it (it may be associated with another
// port, or used with overlapped I/O by its owner). The polled handle is the socket's base provider handle
// (SIO_BASE_HANDLE: a layered service provider may wrap it).
//
// The `int fd` of the interface holds the SOCKET. A SOCKET is a kernel handle, and Windows guarantees that
// only the low 32 bits of a handle are significant (64-bit Windows keeps handles 32-bit for interop with
// 32-bit processes: truncating and sign-extending back is documented as safe), so `int(socket)` and
// `SOCKET(intptr_t(fd))` round-trip: callers pass `int(socket)`.
//
// Stale completions. A registration's OVERLAPPED belongs to it and must stay valid until the kernel has
// posted the completion of its poll. modify() with a new interest and remove() cancel the poll in flight
// (CancelIoEx) and mark it stale; the cancelled (or raced, already completed) poll's completion is dropped
// when it arrives, and a removed registration is freed only then. So no completion of a removed
// registration — or of a later one that reused the same SOCKET value — is ever returned. A socket closed
// while registered (the contract says remove first) is reported once as kError and not polled again.
//
// Errors are returned as -errno values from <cerrno> (as on Linux): the worker code compares them the same.
#ifdef _WIN32

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <windows.h>
#include <winternl.h>
#include <mswsock.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "dxs/reactor.h"

namespace dxs {
namespace {

// From the AFD driver's interface (Wine's include/wine/afd.h, ReactOS, wepoll): not in the SDK headers.
constexpr ULONG kIoctlAfdPoll = 0x00012024;  // CTL_CODE(FILE_DEVICE_BEEP, 0x809, METHOD_BUFFERED, FILE_ANY_ACCESS)
constexpr ULONG kAfdReceive = 0x0001;
constexpr ULONG kAfdSend = 0x0004;
constexpr ULONG kAfdDisconnect = 0x0008;
constexpr ULONG kAfdAbort = 0x0010;
constexpr ULONG kAfdLocalClose = 0x0020;
constexpr ULONG kAfdConnect = 0x0040;
constexpr ULONG kAfdAccept = 0x0080;
constexpr ULONG kAfdConnectFail = 0x0100;

struct AfdPollHandleInfo {
  HANDLE handle;
  ULONG events;
  NTSTATUS status;
};
struct AfdPollInfo {
  LARGE_INTEGER timeout;
  ULONG count;
  ULONG exclusive;
  AfdPollHandleInfo handles[1];
};
static_assert(offsetof(AfdPollInfo, handles) == 16 && sizeof(AfdPollInfo) == 32, "the AFD_POLL_INFO layout");

constexpr NTSTATUS kStatusPending = 0x00000103;
constexpr int kMaxBatch = 512;

ULONG to_afd(uint32_t interest) {
  ULONG ev = kAfdAbort | kAfdConnectFail | kAfdLocalClose;  // always: errors, as epoll always reports them
  if (interest & kRead) ev |= kAfdReceive | kAfdAccept | kAfdDisconnect;
  if (interest & kWrite) ev |= kAfdSend | kAfdConnect;
  return ev;
}

uint32_t from_afd(ULONG ev) {
  uint32_t r = 0;
  if (ev & (kAfdReceive | kAfdAccept)) r |= kReadable;
  if (ev & (kAfdSend | kAfdConnect)) r |= kWritable;
  if (ev & kAfdDisconnect) r |= kHangup | kReadable;                     // a read reports the EOF
  if (ev & (kAfdAbort | kAfdConnectFail | kAfdLocalClose)) r |= kError | kReadable;  // a read reports the error
  return r;
}

int from_wsa(int e) {
  switch (e) {
    case WSAENOTSOCK: return -ENOTSOCK;
    case WSAEBADF: return -EBADF;
    case WSAEINVAL: return -EINVAL;
    case WSAENOBUFS: return -ENOBUFS;
    case WSAEMFILE: return -EMFILE;
    case WSANOTINITIALISED: return -EINVAL;
    default: return -EIO;
  }
}

struct Registration {
  OVERLAPPED ov{};        // first: a completion's lpOverlapped is this registration
  AfdPollInfo info{};     // the poll's in/out buffer, live while `pending`
  SOCKET socket = INVALID_SOCKET;
  HANDLE base = nullptr;  // SIO_BASE_HANDLE of `socket`
  uint64_t user_data = 0;
  uint32_t interest = 0;
  bool registered = true;
  bool pending = false;   // a poll is in flight (its completion has not been seen yet)
  bool stale = false;     // the poll in flight was cancelled (modify/remove): drop its completion
  bool queued = false;    // on the re-arm list
  bool closed = false;    // the socket was closed under the registration: reported once, not re-armed
};

HANDLE base_handle(SOCKET s) {
  SOCKET base = INVALID_SOCKET;
  DWORD bytes = 0;
  if (::WSAIoctl(s, SIO_BASE_HANDLE, nullptr, 0, &base, sizeof base, &bytes, nullptr, nullptr) == 0 &&
      base != INVALID_SOCKET)
    return reinterpret_cast<HANDLE>(base);
  return reinterpret_cast<HANDLE>(s);  // no provider layered on it (or the query is unsupported): itself
}

class IocpReactor final : public Reactor {
 public:
  IocpReactor() = default;
  ~IocpReactor() override {
    // Every poll in flight must have posted its completion before its OVERLAPPED is freed: cancel them all
    // and drain the port (cancellation of an AFD poll completes at once; the bound only guards a broken
    // driver, in which case the registrations are leaked rather than freed under the kernel's feet).
    if (helper_ != INVALID_SOCKET) ::CancelIoEx(helper_base_, nullptr);
    for (int round = 0; pending_ > 0 && round < 50; ++round) drain(100);
    if (pending_ == 0)
      for (auto& [s, r] : regs_) delete r;
    if (pending_ == 0)
      for (Registration* r : retired_) delete r;
    if (helper_ != INVALID_SOCKET) ::closesocket(helper_);
    if (port_) ::CloseHandle(port_);
    if (wsa_) ::WSACleanup();
  }
  IocpReactor(const IocpReactor&) = delete;
  IocpReactor& operator=(const IocpReactor&) = delete;

  int init(std::string* err) {
    WSADATA wsa;
    if (int rc = ::WSAStartup(MAKEWORD(2, 2), &wsa); rc != 0) {
      if (err) *err = "WSAStartup failed: " + std::to_string(rc);
      return -EIO;
    }
    wsa_ = true;
    port_ = ::CreateIoCompletionPort(INVALID_HANDLE_VALUE, nullptr, 0, 1);
    if (!port_) {
      if (err) *err = "CreateIoCompletionPort failed: " + std::to_string(::GetLastError());
      return -EIO;
    }
    helper_ = ::WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, nullptr, 0,
                           WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (helper_ == INVALID_SOCKET) {
      if (err) *err = "WSASocket (the AFD poll handle) failed: " + std::to_string(::WSAGetLastError());
      return -EIO;
    }
    helper_base_ = base_handle(helper_);
    if (!::CreateIoCompletionPort(helper_base_, port_, 0, 0)) {
      if (err) *err = "associating the AFD poll handle failed: " + std::to_string(::GetLastError());
      return -EIO;
    }
    // Completions go to the port only; the handle's own event is not signalled per completion.
    ::SetFileCompletionNotificationModes(helper_base_, FILE_SKIP_SET_EVENT_ON_HANDLE);
    return 0;
  }

  const char* name() const override { return "iocp"; }

  int add(int fd, uint32_t interest, uint64_t user_data) override {
    SOCKET s = from_fd(fd);
    if (s == INVALID_SOCKET) return -EBADF;
    if (regs_.count(s)) return -EEXIST;
    // Rejects what is not a socket here rather than as an error completion later.
    int type = 0, len = sizeof type;
    if (::getsockopt(s, SOL_SOCKET, SO_TYPE, reinterpret_cast<char*>(&type), &len) != 0)
      return from_wsa(::WSAGetLastError());
    auto* r = new Registration;
    r->socket = s;
    r->base = base_handle(s);
    regs_.emplace(s, r);
    rearm_later(r, interest, user_data);
    return 0;
  }

  int modify(int fd, uint32_t interest, uint64_t user_data) override {
    auto it = regs_.find(from_fd(fd));
    if (it == regs_.end()) return -ENOENT;
    rearm_later(it->second, interest, user_data);
    return 0;
  }

  int remove(int fd) override {
    auto it = regs_.find(from_fd(fd));
    if (it == regs_.end()) return -ENOENT;
    Registration* r = it->second;
    regs_.erase(it);
    r->registered = false;
    if (r->pending) {
      cancel(r);
      retired_.push_back(r);  // freed when its completion arrives
    } else {
      forget_queued(r);  // the re-arm list holds only live registrations
      delete r;
    }
    return 0;
  }

  int wait(Completion* out, int max, int timeout_ms) override {
    if (max <= 0) return -EINVAL;
    if (max > kMaxBatch) max = kMaxBatch;
    ULONGLONG deadline = timeout_ms < 0 ? 0 : ::GetTickCount64() + ULONGLONG(timeout_ms);
    for (;;) {
      arm_queued();
      DWORD wait_ms = INFINITE;
      if (timeout_ms >= 0) {
        ULONGLONG now = ::GetTickCount64();
        wait_ms = now >= deadline ? 0 : DWORD(deadline - now);
      }
      ULONG got = 0;
      if (!::GetQueuedCompletionStatusEx(port_, entries_, ULONG(max), &got, wait_ms, FALSE)) {
        DWORD e = ::GetLastError();
        if (e == WAIT_TIMEOUT || e == WAIT_IO_COMPLETION) return 0;
        return -EIO;
      }
      int n = 0;
      for (ULONG i = 0; i < got; ++i) {
        if (auto* r = completed(entries_[i].lpOverlapped)) {
          out[n].user_data = r->user_data;
          out[n].result = int32_t(result_of(r));
          out[n].flags = kMore;
          ++n;
        }
      }
      // Only stale completions (a cancelled poll, one that found nothing): their registrations are re-armed
      // above, so wait again for what is left of the timeout instead of reporting a spurious 0.
      if (n > 0 || (timeout_ms >= 0 && ::GetTickCount64() >= deadline)) return n;
    }
  }

 private:
  static SOCKET from_fd(int fd) { return SOCKET(intptr_t(fd)); }  // sign-extends: see the header comment

  void rearm_later(Registration* r, uint32_t interest, uint64_t user_data) {
    r->user_data = user_data;
    r->closed = false;
    if (r->pending && !r->stale && r->interest == interest) return;  // same poll, new owner tag
    if (r->pending && !r->stale) cancel(r);
    r->interest = interest;
    queue(r);
  }

  void cancel(Registration* r) {
    r->stale = true;
    ::CancelIoEx(helper_base_, &r->ov);  // fails only when it already completed: the completion is queued
  }

  void queue(Registration* r) {
    if (r->queued) return;
    r->queued = true;
    rearm_.push_back(r);
  }

  void forget_queued(Registration* r) {
    for (auto& q : rearm_)
      if (q == r) q = nullptr;
  }

  // Issues a poll for every queued registration that has none in flight (one whose cancelled poll is still
  // in flight is re-queued by that poll's completion).
  void arm_queued() {
    std::vector<Registration*> list;
    list.swap(rearm_);
    for (Registration* r : list) {
      if (!r) continue;
      r->queued = false;
      if (!r->registered || r->pending || r->interest == 0) continue;
      r->info = AfdPollInfo{};
      r->info.timeout.QuadPart = INT64_MAX;
      r->info.count = 1;
      r->info.handles[0].handle = r->base;
      r->info.handles[0].events = to_afd(r->interest);
      r->ov = OVERLAPPED{};
      auto* iosb = reinterpret_cast<IO_STATUS_BLOCK*>(&r->ov);
      iosb->Status = kStatusPending;
      NTSTATUS st = ::NtDeviceIoControlFile(helper_base_, nullptr, nullptr, &r->ov, iosb,
                                            kIoctlAfdPoll, &r->info, sizeof r->info, &r->info, sizeof r->info);
      if (st == kStatusPending || st >= 0) {  // success or pending: a completion will be posted to the port
        r->pending = true;
        r->stale = false;
        ++pending_;
      } else {
        // The driver refused at once (e.g. the socket was closed without remove): report an error once
        // through a completion of our own, so the owner learns of it in its loop like of any other event.
        r->pending = true;
        r->stale = false;
        ++pending_;
        r->info.count = 1;
        r->info.handles[0].events = kAfdLocalClose;
        iosb->Status = 0;
        ::PostQueuedCompletionStatus(port_, 0, 0, &r->ov);
      }
    }
  }

  // Books a completion; returns its registration when it is to be reported.
  Registration* completed(OVERLAPPED* ov) {
    if (!ov) return nullptr;
    auto* r = reinterpret_cast<Registration*>(ov);  // ov is the first member
    r->pending = false;
    --pending_;
    if (!r->registered) {
      for (auto& q : retired_)
        if (q == r) {
          q = retired_.back();
          retired_.pop_back();
          break;
        }
      delete r;
      return nullptr;
    }
    bool stale = r->stale;
    r->stale = false;
    if (!stale && r->info.count == 1 && (r->info.handles[0].events & kAfdLocalClose)) r->closed = true;
    if (!r->closed) queue(r);  // level-triggered: poll again with the next wait
    if (stale) return nullptr;
    if (result_of(r) == 0) return nullptr;  // the poll found nothing it was asked for (it timed out)
    return r;
  }

  static uint32_t result_of(const Registration* r) {
    const auto* iosb = reinterpret_cast<const IO_STATUS_BLOCK*>(&r->ov);
    if (iosb->Status < 0) return kError | kReadable;  // the poll itself failed
    if (r->info.count == 0) return 0;
    uint32_t ev = from_afd(r->info.handles[0].events);
    return ev;
  }

  void drain(DWORD ms) {
    ULONG got = 0;
    if (!::GetQueuedCompletionStatusEx(port_, entries_, kMaxBatch, &got, ms, FALSE)) return;
    for (ULONG i = 0; i < got; ++i) {
      if (!entries_[i].lpOverlapped) continue;
      auto* r = reinterpret_cast<Registration*>(entries_[i].lpOverlapped);
      r->pending = false;
      --pending_;
    }
  }

  HANDLE port_ = nullptr;
  SOCKET helper_ = INVALID_SOCKET;
  HANDLE helper_base_ = nullptr;
  bool wsa_ = false;
  int pending_ = 0;
  std::unordered_map<SOCKET, Registration*> regs_;
  std::vector<Registration*> retired_;  // removed, their cancelled poll still in flight
  std::vector<Registration*> rearm_;
  OVERLAPPED_ENTRY entries_[kMaxBatch];
};

}  // namespace

std::unique_ptr<Reactor> make_iocp_reactor(std::string* err) {
  auto r = std::make_unique<IocpReactor>();
  if (r->init(err) < 0) return nullptr;
  return r;
}

}  // namespace dxs

#endif  // _WIN32
