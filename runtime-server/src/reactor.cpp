// reactor.cpp — the run-time backend selector: the first backend that starts on this machine wins.
//
// Order (DESIGN §4): io_uring when built with liburing and the kernel allows it (the probe is creating a
// ring and checking the opcodes the backend uses), else epoll. kqueue and IOCP are chosen at build time on
// their platforms. A backend that fails to start is skipped, its error kept for the caller to log once.
#include "dxs/reactor.h"

namespace dxs {

const char* io_backend_name(IoBackend b) {
  switch (b) {
    case IoBackend::kEpoll: return "epoll";
    case IoBackend::kIoUring: return "io_uring";
    case IoBackend::kAuto: break;
  }
  return "auto";
}

bool parse_io_backend(std::string_view s, IoBackend* out) {
  if (s == "auto") *out = IoBackend::kAuto;
  else if (s == "epoll") *out = IoBackend::kEpoll;
  else if (s == "io_uring") *out = IoBackend::kIoUring;
  else return false;
  return true;
}

std::unique_ptr<Reactor> make_reactor(IoBackend which, std::string* err, std::string* note) {
  std::string why_uring, why_epoll;
  if (which != IoBackend::kEpoll) {
    if (auto r = make_io_uring_reactor(&why_uring)) return r;
    if (which == IoBackend::kIoUring) {
      if (err) *err = "io_uring is not available: " + why_uring;
      return nullptr;
    }
    if (note) *note = "io_uring is not available (" + why_uring + ")";
  }
  if (auto r = make_epoll_reactor(&why_epoll)) return r;
  if (err) {
    *err = "no event backend works here (epoll: " + why_epoll + ")";
    if (!why_uring.empty()) *err += " (io_uring: " + why_uring + ")";
  }
  return nullptr;
}

std::vector<IoBackend> available_io_backends() {
  std::vector<IoBackend> out;
  std::string ignored;
  if (make_io_uring_reactor(&ignored)) out.push_back(IoBackend::kIoUring);
  if (make_epoll_reactor(&ignored)) out.push_back(IoBackend::kEpoll);
  return out;
}

}  // namespace dxs
