// worker.cpp — Worker (contract in worker.h): wait, dispatch completions, accept, expire, drain.
#include "worker.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <ctime>

#include "dx/schema/hbtp.h"

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

Worker::Worker(const WorkerConfig& config)
    : config_(config), listen_fd_(config.listen_fd), hbtp_listen_fd_(config.hbtp_listen_fd), site_(config.site) {
  ctx_.site = site_.get();
  ctx_.canned = config.canned;
  ctx_.idle_timeout_ms = config.idle_timeout_ms;
  ctx_.header_timeout_ms = config.header_timeout_ms;
  ctx_.body_timeout_ms = config.body_timeout_ms;
  ctx_.max_body = config.max_body;
  ctx_.test_hooks = config.test_hooks;
  ctx_.stream_idle_timeout_ms = config.stream_idle_timeout_ms;
  ctx_.max_message = config.max_message;
  ctx_.hbtp.max_payload = config.max_message;
}

Worker::~Worker() {
  close_all();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (hbtp_listen_fd_ >= 0) ::close(hbtp_listen_fd_);
  if (spare_fd_ >= 0) ::close(spare_fd_);
  if (reload_fd_ >= 0) ::close(reload_fd_);
}

bool Worker::init(std::string* err, std::string* note) {
  reactor_ = make_reactor(config_.io, err, note);
  if (!reactor_) return false;
  ctx_.reactor = reactor_.get();
  // io_uring accepts and reads by itself (reactor.h: native operations); other backends report readiness.
  const uint32_t features = config_.io_native ? reactor_->features() : 0;
  const bool native_accept = features & kFeatureAccept;
  if ((features & kFeatureRecv) && reactor_->setup_recv_buffers(kRecvBuffers, kRecvBufferSize) == 0)
    ctx_.read_interest = kRecv;
  auto watch = [&](int fd, uint64_t tag) {
    return native_accept ? reactor_->add_acceptor(fd, tag) : reactor_->add(fd, kRead, tag);
  };
  if (int rc = watch(listen_fd_, kListenerTag); rc != 0) {
    *err = "cannot watch the listening socket: " + std::string(std::strerror(-rc));
    return false;
  }
  if (hbtp_listen_fd_ >= 0) {
    if (int rc = watch(hbtp_listen_fd_, kHbtpListenerTag); rc != 0) {
      *err = "cannot watch the HBTP listening socket: " + std::string(std::strerror(-rc));
      return false;
    }
  }
  if (int rc = reactor_->add(config_.stop_fd, kRead, kStopTag); rc != 0) {
    *err = "cannot watch the stop event: " + std::string(std::strerror(-rc));
    return false;
  }
  reload_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (reload_fd_ < 0 || reactor_->add(reload_fd_, kRead, kReloadTag) != 0) {
    *err = "cannot create the reload event: " + std::string(std::strerror(errno));
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
  if (config_.cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(config_.cpu, &set);
    (void)::sched_setaffinity(0, sizeof set, &set);  // this thread; refused in some containers: fine
  }
  Completion events[kBatch];
  const int shortest = std::min({config_.idle_timeout_ms, config_.header_timeout_ms, config_.body_timeout_ms});
  const int sweep_every = std::clamp(shortest / 4, 10, 250);
  for (;;) {
    if (drain_deadline_ms_ >= 0 && (live_count_ == 0 || ctx_.now_ms >= drain_deadline_ms_)) break;
    int timeout = live_count_ ? sweep_every : -1;
    if (ctx_.stream_wake_ms != INT64_MAX)  // a stream's next piece is due before the sweep
      timeout = int(std::clamp<int64_t>(ctx_.stream_wake_ms - ctx_.now_ms, 0, sweep_every));
    int n = reactor_->wait(events, kBatch, timeout);
    if (n < 0) break;  // the reactor itself failed: nothing more can be served
    tick();
    for (int i = 0; i < n; ++i) dispatch(events[i]);
    if (ctx_.now_ms >= next_sweep_ms_ || ctx_.now_ms >= ctx_.stream_wake_ms) {
      sweep();
      next_sweep_ms_ = ctx_.now_ms + sweep_every;
    }
    release_dead();
  }
  if (drain_deadline_ms_ < 0) begin_drain();  // the reactor failed: still release the listener
  close_all();
  release_dead();
  // A completion backend holds each file until its pending operation is cancelled, and the cancels go
  // to the kernel with the next wait: one last non-blocking wait releases the sockets closed above.
  reactor_->wait(events, kBatch, 0);
}

void Worker::dispatch(const Completion& c) {
  if (c.user_data == kStopTag) {
    if (drain_deadline_ms_ < 0) begin_drain();
  } else if (c.user_data == kReloadTag) {
    take_site();
  } else if (c.user_data == kListenerTag) {
    on_listener(c, listen_fd_, http1::Connection::Mode::kHttp);
  } else if (c.user_data == kHbtpListenerTag) {
    on_listener(c, hbtp_listen_fd_, http1::Connection::Mode::kHbtp);
  } else if (c.flags & kOpResult) {  // bytes the reactor received (read_interest kRecv), EOF or an error
    auto* conn = reinterpret_cast<http1::Connection*>(c.user_data);
    if (!conn->closed()) {  // else closed earlier in this batch, recycled after it
      conn->on_received(c.result, (c.flags & kBuffer) ? reactor_->buffer(buffer_id(c)) : nullptr);
      if (conn->closed()) recycle(conn);
    }
    if (c.flags & kBuffer) reactor_->release_buffer(buffer_id(c));  // copied: back to the shared ring
  } else if (c.result >= 0) {
    auto* conn = reinterpret_cast<http1::Connection*>(c.user_data);
    if (conn->closed()) return;  // closed earlier in this batch (drain), recycled after it
    conn->on_event(uint32_t(c.result));
    if (conn->closed()) recycle(conn);
  }
}

// A listener's completion: readiness (accept here), or a socket the reactor accepted (native accept).
void Worker::on_listener(const Completion& c, int listen_fd, http1::Connection::Mode mode) {
  if (!(c.flags & kOpResult)) {
    if (listen_fd >= 0) accept_all(listen_fd, mode);
  } else if (c.result >= 0) {
    if (listen_fd >= 0) admit(c.result, mode);
    else ::close(c.result);  // accepted in the same batch as the stop: refused like a late connection
  } else if (listen_fd >= 0) {
    accept_failed(listen_fd, -c.result);  // the reactor re-arms its accept with the next wait
  }
}

void Worker::post_site(std::shared_ptr<const StaticSite> site, uint64_t gen, bool running) {
  {
    std::lock_guard<std::mutex> lock(mail_mu_);
    mail_ = std::move(site);
    mail_gen_ = gen;
  }
  if (!running) return take_site();
  uint64_t one = 1;
  [[maybe_unused]] ssize_t r = ::write(reload_fd_, &one, sizeof one);
}

bool Worker::wait_site(uint64_t gen, int timeout_ms) {
  std::unique_lock<std::mutex> lock(mail_mu_);
  return mail_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return acked_gen_ >= gen; });
}

void Worker::post_push(std::shared_ptr<const std::string> frame, bool sticky, bool running) {
  {
    std::lock_guard<std::mutex> lock(mail_mu_);
    mail_push_ = std::move(frame);
    mail_sticky_ = sticky;
  }
  if (!running) return take_site();
  uint64_t one = 1;
  [[maybe_unused]] ssize_t r = ::write(reload_fd_, &one, sizeof one);
}

// On the worker's thread (or before it runs): swap in the posted site between two events, then push.
void Worker::take_site() {
  uint64_t drained;
  [[maybe_unused]] ssize_t r = ::read(reload_fd_, &drained, sizeof drained);
  std::shared_ptr<const StaticSite> next;
  std::shared_ptr<const std::string> push;
  bool sticky;
  {
    std::lock_guard<std::mutex> lock(mail_mu_);
    next = std::move(mail_);
    acked_gen_ = mail_gen_;
    push = std::move(mail_push_);
    sticky = mail_sticky_;
  }
  mail_cv_.notify_all();
  if (next) swap_site(std::move(next));
  if (!push) return;
  ctx_.stream_greeting = sticky ? push : nullptr;
  for (http1::Connection* c = live_; c;) {
    http1::Connection* following = c->next;
    c->push(*push);
    if (!c->closed() && c->holds_received()) c->on_event(0);
    if (c->closed()) recycle(c);
    c = following;
  }
}

void Worker::swap_site(std::shared_ptr<const StaticSite> next) {
  retired_.push_back(std::move(site_));
  site_ = std::move(next);
  ctx_.site = site_.get();
  free_retired();
}

// Output may borrow a retired site's bytes (large bodies are not copied): free it once no one is sending.
void Worker::free_retired() {
  if (retired_.empty()) return;
  for (http1::Connection* c = live_; c; c = c->next)
    if (c->sending()) return;
  retired_.clear();
}

// Stop accepting first (a connection attempt from now on is refused instead of queued), then close the
// idle connections; the busy ones finish their response and close (ctx_.draining) or hit the deadline.
void Worker::begin_drain() {
  drain_deadline_ms_ = ctx_.now_ms + config_.drain_timeout_ms;
  ctx_.draining = true;
  reactor_->remove(config_.stop_fd);  // level-triggered and never drained: it would wake us forever
  if (listen_fd_ >= 0) {
    reactor_->remove(listen_fd_);
    ::close(listen_fd_);
    listen_fd_ = -1;
  }
  if (hbtp_listen_fd_ >= 0) {
    reactor_->remove(hbtp_listen_fd_);
    ::close(hbtp_listen_fd_);
    hbtp_listen_fd_ = -1;
  }
  for (http1::Connection* c = live_; c;) {
    http1::Connection* next = c->next;
    c->on_drain();
    if (c->closed()) recycle(c);
    c = next;
  }
}

void Worker::accept_all(int listen_fd, http1::Connection::Mode mode) {
  for (int i = 0; i < kMaxAcceptsPerWake; ++i) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return accept_failed(listen_fd, errno);  // EAGAIN: the queue is empty
    }
    admit(fd, mode);
  }
}

void Worker::accept_failed(int listen_fd, int error) {
  if ((error == EMFILE || error == ENFILE) && spare_fd_ >= 0) {
    // Out of descriptors: accept and drop one so the listener does not stay readable (or the reactor's
    // accept failing) forever.
    ::close(spare_fd_);
    int drop = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (drop >= 0) ::close(drop);
    spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }
}

// A new connected socket: refused over max_connections, else a pooled Connection takes it.
void Worker::admit(int fd, http1::Connection::Mode mode) {
  if (live_count_ >= config_.max_connections) return refuse(fd, mode);
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
  if (!c->open(fd, mode)) {
    free_.push_back(c);
    return;
  }
  c->prev = nullptr;
  c->next = live_;
  if (live_) live_->prev = c;
  live_ = c;
  ++live_count_;
  ctx_.hbtp.stats.connections = uint32_t(live_count_);
}

// Over max_connections: one non-blocking 503 (it fits any fresh socket's send buffer), then close. On the
// HBTP port: the server's Error 8 (GOING_AWAY, "server busy") and Close 8 instead.
void Worker::refuse(int fd, http1::Connection::Mode mode) {
  std::string bytes;
  if (mode == http1::Connection::Mode::kHbtp) {
    uint8_t b[2 * (dx::schema::kHbtpHeaderSize + dx::schema::kHbtpMaxControlPayload)];
    uint32_t n = dx::schema::hbtp_write_error(b, sizeof b, 0, dx::schema::kHbtpErrGoingAway, "server busy");
    n += dx::schema::hbtp_write_close(b + n, uint32_t(sizeof b - n), dx::schema::kHbtpErrGoingAway, nullptr);
    bytes.assign(reinterpret_cast<const char*>(b), n);
  } else {
    const http1::Prebuilt& p = ctx_.canned->service_unavailable;
    bytes = p.head + std::string(ctx_.date.line()) + "Connection: close\r\n\r\n" + *p.body;
  }
  [[maybe_unused]] ssize_t r = ::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

// Unlinks a closed connection. It is reused only after the current batch of completions (release_dead),
// so a completion still queued for it in this batch can never reach a different connection.
void Worker::recycle(http1::Connection* c) {
  if (c->prev) c->prev->next = c->next;
  else live_ = c->next;
  if (c->next) c->next->prev = c->prev;
  c->prev = c->next = nullptr;
  --live_count_;
  ctx_.hbtp.stats.connections = uint32_t(live_count_);
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

// Connections past their deadline: a half-received head gets a 408 (Connection::on_timeout), the rest close.
void Worker::sweep() {
  free_retired();
  ctx_.stream_wake_ms = INT64_MAX;  // gathered again: from the streams still waiting
  for (http1::Connection* c = live_; c;) {
    http1::Connection* next = c->next;
    if (ctx_.now_ms >= c->deadline_ms()) {
      c->on_timeout();
      if (!c->closed() && c->holds_received()) c->on_event(0);
      if (c->closed()) {
        recycle(c);
        c = next;
        continue;
      }
    }
    if (c->stream_waiting()) ctx_.stream_wake_ms = std::min(ctx_.stream_wake_ms, c->deadline_ms());
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
