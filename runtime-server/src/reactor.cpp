// reactor.cpp — the run-time backend selector: the first backend that starts on this machine wins.
//
// Order (DESIGN §4): io_uring when built and the kernel allows it (a later issue), else epoll. kqueue and
// IOCP are chosen at build time on their platforms. A backend that fails to start is skipped, its error kept.
#include "dxs/reactor.h"

namespace dxs {

std::unique_ptr<Reactor> make_reactor(std::string* err) {
  std::string why;
  if (auto r = make_epoll_reactor(&why)) return r;
  if (err) *err = "no event backend works here (epoll: " + why + ")";
  return nullptr;
}

}  // namespace dxs
