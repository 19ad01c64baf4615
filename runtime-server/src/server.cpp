// server.cpp — Server (contract in dxs/server.h): load, validate, bind one listener per worker, run.
#include "dxs/server.h"

#include <netdb.h>
#include <sched.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <thread>

#include "dx/schema/hbtp.h"
#include "dxs/artifacts.h"
#include "dxs/http1/response.h"
#include "dxs/page_render.h"
#include "dxs/static_site.h"
#include "worker.h"

namespace dxs {

struct Server::Impl {
  ServerOptions options;
  std::shared_ptr<const StaticSite> site;  // the dist/ being served (replaced by reload)
  uint64_t reload_gen = 0;
  http1::CannedResponses canned;
  std::vector<int> listen_fds;  // until a Worker takes one over (then -1 here)
  std::vector<int> hbtp_listen_fds;
  int stop_fd = -1;
  uint16_t port = 0;
  uint16_t hbtp_port = 0;
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<std::thread> threads;
  std::string io_note;

  ~Impl() {
    workers.clear();
    for (int fd : listen_fds)
      if (fd >= 0) ::close(fd);
    for (int fd : hbtp_listen_fds)
      if (fd >= 0) ::close(fd);
    if (stop_fd >= 0) ::close(stop_fd);
  }
};

namespace {

constexpr int kBacklog = 1024;

// One listening socket per worker on host:port; the first one fixes the port when it was 0 (`*bound`).
bool open_listeners(const ServerOptions& o, uint16_t port_wanted, std::vector<int>& fds, uint16_t* bound,
                    std::string* err) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* res = nullptr;
  std::string port = std::to_string(port_wanted);
  if (int rc = ::getaddrinfo(o.host.c_str(), port.c_str(), &hints, &res); rc != 0) {
    *err = "cannot resolve " + o.host + ": " + ::gai_strerror(rc);
    return false;
  }
  sockaddr_storage addr{};
  socklen_t addr_len = socklen_t(res->ai_addrlen);
  std::memcpy(&addr, res->ai_addr, res->ai_addrlen);
  int family = res->ai_family;
  ::freeaddrinfo(res);

  for (unsigned i = 0; i < o.workers; ++i) {
    int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) { *err = "cannot create a socket: " + std::string(std::strerror(errno)); return false; }
    fds.push_back(fd);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
      *err = "SO_REUSEPORT: " + std::string(std::strerror(errno));
      return false;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), addr_len) != 0 || ::listen(fd, kBacklog) != 0) {
      *err = "cannot listen on " + o.host + ":" + std::to_string(port_wanted) + ": " + std::strerror(errno);
      return false;
    }
    if (i == 0) {
      socklen_t len = sizeof addr;
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
      addr_len = len;
      *bound = ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port
                                                : reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    }
  }
  return true;
}

constexpr int kReloadAckMs = 5000;

// Loads and validates a dist/ completely, its per-request pages included; null with `err` on any problem.
std::shared_ptr<const StaticSite> load_site(const std::string& dist, uint32_t render_timeout_ms, std::string* err) {
  auto site = std::make_shared<StaticSite>();
  if (!site->load(dist, err)) return nullptr;
  if (!validate_dist(*site, dist, err)) return nullptr;
  std::shared_ptr<const PageRenderer> pages;
  if (!PageRenderer::load(*site, dist, &pages, &site->warnings(), err, render_timeout_ms)) return nullptr;
  site->set_pages(std::move(pages));
  return site;
}

// The CPUs this process may run on (its affinity mask), in order; empty if the kernel will not say.
std::vector<int> allowed_cpus() {
  std::vector<int> out;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) != 0) return out;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) out.push_back(cpu);
  return out;
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  if (impl_ && !impl_->threads.empty()) {
    stop();
    join();
  }
}

std::unique_ptr<Server> Server::create(const ServerOptions& options, std::string* err) {
  auto s = std::make_unique<Impl>();
  s->options = options;
  if (s->options.workers == 0) s->options.workers = unsigned(std::max<size_t>(1, allowed_cpus().size()));
  s->site = load_site(options.dist, options.render_timeout_ms, err);
  if (!s->site) return nullptr;
  s->canned = http1::CannedResponses::build();
  s->stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (s->stop_fd < 0) { *err = "eventfd: " + std::string(std::strerror(errno)); return nullptr; }
  if (!open_listeners(s->options, s->options.port, s->listen_fds, &s->port, err)) return nullptr;
  if (s->options.hbtp_port >= 0 &&
      !open_listeners(s->options, uint16_t(s->options.hbtp_port), s->hbtp_listen_fds, &s->hbtp_port, err))
    return nullptr;
  std::vector<int> cpus = allowed_cpus();
  bool pin = options.workers == 0;  // one per core: pin each to its core (an explicit count is not pinned)
  IoBackend io = s->options.io;
  for (size_t i = 0; i < s->listen_fds.size(); ++i) {
    WorkerConfig wc;
    wc.site = s->site;
    wc.canned = &s->canned;
    wc.listen_fd = s->listen_fds[i];
    s->listen_fds[i] = -1;  // the worker owns it now
    if (i < s->hbtp_listen_fds.size()) {
      wc.hbtp_listen_fd = s->hbtp_listen_fds[i];
      s->hbtp_listen_fds[i] = -1;
    }
    wc.stop_fd = s->stop_fd;
    wc.io = io;
    wc.io_native = s->options.io_native;
    wc.cpu = pin && i < cpus.size() ? cpus[i] : -1;
    wc.max_connections = s->options.max_connections;
    wc.idle_timeout_ms = s->options.idle_timeout_ms;
    wc.header_timeout_ms = s->options.header_timeout_ms;
    wc.body_timeout_ms = s->options.body_timeout_ms;
    wc.max_body = s->options.max_body;
    wc.test_hooks = s->options.test_hooks;
    wc.drain_timeout_ms = s->options.drain_timeout_ms;
    wc.stream_idle_timeout_ms = s->options.hbtp_idle_timeout_ms;
    wc.max_message = std::min<uint32_t>(s->options.max_message, dx::schema::kHbtpMaxPayloadLimit);
    auto w = std::make_unique<Worker>(wc);
    if (!w->init(err, &s->io_note)) return nullptr;
    // kAuto is decided once, by the first worker: every worker runs the same backend.
    if (io == IoBackend::kAuto) io = std::string_view(w->backend_name()) == "io_uring" ? IoBackend::kIoUring : IoBackend::kEpoll;
    s->workers.push_back(std::move(w));
  }
  return std::unique_ptr<Server>(new Server(std::move(s)));
}

void Server::start() {
  if (!impl_->threads.empty()) return;
  for (auto& w : impl_->workers) impl_->threads.emplace_back([worker = w.get()] { worker->run(); });
}

void Server::stop() {
  uint64_t one = 1;
  // Never drained: the eventfd stays readable, so every worker's reactor reports it. write() is
  // async-signal-safe; the result is ignored (the counter cannot overflow from a few stops).
  [[maybe_unused]] ssize_t r = ::write(impl_->stop_fd, &one, sizeof one);
}

void Server::join() {
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
  impl_->threads.clear();
}

uint16_t Server::port() const { return impl_->port; }

uint16_t Server::hbtp_port() const { return impl_->hbtp_port; }

std::string Server::url() const {
  const std::string& h = impl_->options.host;
  bool v6 = h.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + h + "]" : h) + ":" + std::to_string(impl_->port) + "/";
}

size_t Server::file_count() const { return impl_->site->file_count(); }

unsigned Server::worker_count() const { return unsigned(impl_->workers.size()); }

const std::vector<std::string>& Server::warnings() const { return impl_->site->warnings(); }

bool Server::reload(std::string* err) {
  std::shared_ptr<const StaticSite> next = load_site(impl_->options.dist, impl_->options.render_timeout_ms, err);
  if (!next) return false;  // the old dist stays in service
  uint64_t gen = ++impl_->reload_gen;
  bool running = !impl_->threads.empty();
  for (auto& w : impl_->workers) w->post_site(next, gen, running);
  bool all = true;
  if (running)
    for (auto& w : impl_->workers) all = w->wait_site(gen, kReloadAckMs) && all;
  impl_->site = std::move(next);
  if (!all && err) *err = "a worker did not take the new dist within 5 s (it will when it wakes)";
  if (impl_->options.dev) push_event(dx::schema::kHbtpEventReload, {});
  return true;
}

void Server::push_event(uint32_t kind, std::string_view text) {
  constexpr size_t kMaxText = 60 * 1024;
  if (text.size() > kMaxText) {
    size_t cut = kMaxText;
    while (cut > 0 && (uint8_t(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    text = text.substr(0, cut);
  }
  uint8_t head[dx::schema::kHbtpHeaderSize + 4];
  dx::schema::hbtp_encode_header(head, {dx::schema::kHbtpServerEvent, dx::schema::kHbtpFinal, 0, uint32_t(4 + text.size())});
  dx::schema::store_u32(head + dx::schema::kHbtpHeaderSize, kind);
  auto frame = std::make_shared<std::string>(reinterpret_cast<const char*>(head), sizeof head);
  frame->append(text);
  bool sticky = kind == dx::schema::kHbtpEventBuildFailed;
  bool running = !impl_->threads.empty();
  for (auto& w : impl_->workers) w->post_push(frame, sticky, running);
}

const char* Server::io_backend() const { return impl_->workers.front()->backend_name(); }

const std::string& Server::io_note() const { return impl_->io_note; }

}  // namespace dxs
