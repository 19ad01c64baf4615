#include "serve/serve.h"

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/child.h"
#include "serve/watch.h"

namespace fs = std::filesystem;

namespace dxc::serve {

namespace {

constexpr int kDebounceMs = 20;     // a burst of events ends after this much quiet
constexpr int kMaxBurstMs = 500;    // ... or after this long, so a busy tree still gets rebuilt
constexpr int kStopTimeoutMs = 3000;

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string render_all(const SourceManager& sm, const Diagnostics& d, bool color) {
  std::string s;
  for (const auto& diag : d.all()) s += render_diagnostic(sm, diag, color) + "\n";
  return s;
}

// "pages/index.tsx", "pages/index.tsx and 2 more"
std::string describe(std::vector<std::string> changes) {
  std::sort(changes.begin(), changes.end());
  changes.erase(std::unique(changes.begin(), changes.end()), changes.end());
  if (changes.size() == 1) return changes[0];
  return changes[0] + " and " + std::to_string(changes.size() - 1) + " more";
}

class Loop {
 public:
  explicit Loop(ServeOptions o) : o_(std::move(o)), watcher_(o_.build.project) { o_.build.dev = true; }
  ~Loop() {
    std::error_code ec;
    if (!tmp_.empty()) fs::remove_all(tmp_, ec);
    if (sfd_ >= 0) ::close(sfd_);
  }
  int run();

 private:
  bool setup();
  void rebuild(const std::string& why);
  void start_server();
  void collect_burst(std::vector<std::string>& changes);

  ServeOptions o_;
  Watcher watcher_;
  Child child_;
  int sfd_ = -1;
  std::string tmp_, error_file_, dist_;
  bool failed_ = false;  // the child must exit now
};

bool Loop::setup() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGCHLD}) sigaddset(&set, sig);
  sigprocmask(SIG_BLOCK, &set, nullptr);
  sfd_ = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  std::string err;
  if (sfd_ < 0 || !watcher_.start(&err)) {
    std::fprintf(stderr, "dxc: serve: %s\n", sfd_ < 0 ? "signalfd failed" : err.c_str());
    return false;
  }
  std::string dir_template = (fs::temp_directory_path() / "dxc-serve-XXXXXX").string();
  if (!mkdtemp(dir_template.data())) {
    std::perror("dxc: serve: mkdtemp");
    return false;
  }
  tmp_ = dir_template;
  error_file_ = tmp_ + "/build-error.txt";
  dist_ = o_.build.out.empty() ? (fs::path(o_.build.project) / "dist").string() : o_.build.out;
  return true;
}

void Loop::start_server() {
  std::vector<std::string> argv = {o_.server, dist_, "--port", std::to_string(o_.port), "--host", o_.host,
                                   "--dev", "--dev-error-file", error_file_, "--drain-timeout-ms", "1000"};
  std::string err;
  if (!child_.spawn(argv, &err)) {
    std::fprintf(stderr, "dxc: cannot start %s: %s\n", o_.server.c_str(), err.c_str());
    failed_ = true;
  }
}

void Loop::rebuild(const std::string& why) {
  auto t0 = std::chrono::steady_clock::now();
  SourceManager sm;
  Diagnostics diags;
  std::ostringstream no_dumps;
  BuildResult r = build(o_.build, sm, diags, no_dumps);
  double ms = ms_since(t0);
  std::fputs(render_all(sm, diags, isatty(2)).c_str(), stderr);
  if (r.ok) {
    std::string what = why.empty() ? "built " + dist_ : "rebuilt (" + why + ")";
    std::fprintf(stderr, "dxc: %s in %.0f ms\n", what.c_str(), ms);
    if (child_.running()) child_.signal(SIGHUP);
    else start_server();
    return;
  }
  std::fprintf(stderr, "dxc: build failed in %.0f ms (%zu %s)%s\n", ms, diags.error_count(),
               diags.error_count() == 1 ? "error" : "errors",
               child_.running() ? "; still serving the last good build" : "; the server starts after the first good build");
  // The page's overlay: the same rendering without colour, written whole before the signal.
  std::string part = error_file_ + ".part";
  std::ofstream(part, std::ios::binary) << render_all(sm, diags, false);
  std::error_code ec;
  fs::rename(part, error_file_, ec);
  child_.signal(SIGUSR1);
}

// Reads inotify events until kDebounceMs pass without one (or kMaxBurstMs in all).
void Loop::collect_burst(std::vector<std::string>& changes) {
  auto t0 = std::chrono::steady_clock::now();
  watcher_.read_changes(changes);
  while (ms_since(t0) < kMaxBurstMs) {
    pollfd p{watcher_.fd(), POLLIN, 0};
    if (::poll(&p, 1, kDebounceMs) <= 0) break;
    watcher_.read_changes(changes);
  }
}

int Loop::run() {
  if (!setup()) return 1;
  rebuild("");
  while (!failed_) {
    pollfd fds[2] = {{sfd_, POLLIN, 0}, {watcher_.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents & POLLIN) {
      signalfd_siginfo info{};
      while (::read(sfd_, &info, sizeof info) == ssize_t(sizeof info)) {
        if (info.ssi_signo != SIGCHLD) {
          int code = child_.stop(kStopTimeoutMs);
          std::string note = code == 0 ? "" : " (dx-server: exit code " + std::to_string(code) + ")";
          std::fprintf(stderr, "dxc: stopped%s\n", note.c_str());
          return 0;
        }
        std::string how;
        if (child_.reap(&how)) {
          std::fprintf(stderr, "dxc: dx-server exited (%s)\n", how.c_str());
          return 1;
        }
      }
    }
    if (fds[1].revents & POLLIN) {
      std::vector<std::string> changes;
      collect_burst(changes);
      if (!changes.empty()) rebuild(describe(changes));
    }
  }
  return 1;
}

}  // namespace

int run(ServeOptions o) { return Loop(std::move(o)).run(); }

}  // namespace dxc::serve
