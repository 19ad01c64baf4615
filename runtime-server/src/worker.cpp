// worker.cpp — Worker (contract in worker.h): wait, dispatch completions, accept, expire idle connections.
#include "worker.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace dxs {
namespace {

constexpr int kBatch = 256;
constexpr int kMaxAcceptsPerWake = 64;
constexpr size_t kMaxPooled = 1024;

int64_t monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

Worker::Worker(const StaticSite& site, const http1::CannedResponses& canned, int idle_timeout_ms, int listen_fd,
               int stop_fd)
    : listen_fd_(listen_fd), stop_fd_(stop_fd) {
  ctx_.site = &site;
  ctx_.canned = &canned;
  ctx_.idle_timeout_ms = idle_timeout_ms;
}

Worker::~Worker() {
  close_all();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (spare_fd_ >= 0) ::close(spare_fd_);
}

bool Worker::init(std::string* err) {
  reactor_ = make_reactor(err);
  if (!reactor_) return false;
  ctx_.reactor = reactor_.get();
  if (int rc = reactor_->add(listen_fd_, kRead, kListenerTag); rc != 0) {
    *err = "cannot watch the listening socket: " + std::string(std::strerror(-rc));
    return false;
  }
  if (int rc = reactor_->add(stop_fd_, kRead, kStopTag); rc != 0) {
    *err = "cannot watch the stop event: " + std::string(std::strerror(-rc));
    return false;
  }
  spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  tick();
  return true;
}

void Worker::tick() {
  ctx_.now_ms = monotonic_ms();
  ctx_.date.update(std::time(nullptr));
}

void Worker::run() {
  Completion events[kBatch];
  bool stopping = false;
  const int sweep_every = std::clamp(ctx_.idle_timeout_ms / 4, 10, 250);
  while (!stopping) {
    int n = reactor_->wait(events, kBatch, live_count_ ? sweep_every : -1);
    if (n < 0) break;  // the reactor itself failed: nothing more can be served
    tick();
    for (int i = 0; i < n; ++i) {
      const Completion& c = events[i];
      if (c.user_data == kStopTag) {
        stopping = true;
      } else if (c.user_data == kListenerTag) {
        accept_all();
      } else if (c.result >= 0) {
        auto* conn = reinterpret_cast<http1::Connection*>(c.user_data);
        conn->on_event(uint32_t(c.result));
        if (conn->closed()) recycle(conn);
      }
    }
    if (ctx_.now_ms >= next_sweep_ms_) {
      sweep();
      next_sweep_ms_ = ctx_.now_ms + sweep_every;
    }
    release_dead();
  }
  // Stop accepting first: a connection attempt from now on is refused instead of queued.
  reactor_->remove(listen_fd_);
  ::close(listen_fd_);
  listen_fd_ = -1;
  close_all();
  release_dead();
}

void Worker::accept_all() {
  for (int i = 0; i < kMaxAcceptsPerWake; ++i) {
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if ((errno == EMFILE || errno == ENFILE) && spare_fd_ >= 0) {
        // Out of descriptors: accept and drop one so the listener does not stay readable forever.
        ::close(spare_fd_);
        int drop = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (drop >= 0) ::close(drop);
        spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
      }
      return;  // EAGAIN: the queue is empty
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    http1::Connection* c;
    if (!free_.empty()) {
      c = free_.back();
      free_.pop_back();
    } else {
      pool_.push_back(std::make_unique<http1::Connection>(ctx_));
      c = pool_.back().get();
    }
    if (!c->open(fd)) {
      free_.push_back(c);
      continue;
    }
    c->prev = nullptr;
    c->next = live_;
    if (live_) live_->prev = c;
    live_ = c;
    ++live_count_;
  }
}

// Unlinks a closed connection. It is reused only after the current batch of completions (release_dead),
// so a completion still queued for it in this batch can never reach a different connection.
void Worker::recycle(http1::Connection* c) {
  if (c->prev) c->prev->next = c->next;
  else live_ = c->next;
  if (c->next) c->next->prev = c->prev;
  c->prev = c->next = nullptr;
  --live_count_;
  dead_.push_back(c);
}

// Keeps up to kMaxPooled closed connections for reuse (read buffer and output capacity stay warm).
void Worker::release_dead() {
  for (http1::Connection* c : dead_) {
    if (free_.size() < kMaxPooled) {
      free_.push_back(c);
      continue;
    }
    auto it = std::find_if(pool_.begin(), pool_.end(), [c](const auto& p) { return p.get() == c; });
    std::swap(*it, pool_.back());
    pool_.pop_back();
  }
  dead_.clear();
}

void Worker::sweep() {
  for (http1::Connection* c = live_; c;) {
    http1::Connection* next = c->next;
    if (ctx_.now_ms >= c->deadline_ms()) {
      c->close();
      recycle(c);
    }
    c = next;
  }
}

void Worker::close_all() {
  while (live_) {
    http1::Connection* c = live_;
    c->close();
    recycle(c);
  }
}

}  // namespace dxs
