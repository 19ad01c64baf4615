// subprocess.cpp — Subprocess (contract in subprocess.h): fork + execv, pipes read with poll.
#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>

namespace dxs_test {
namespace {

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Subprocess::Subprocess(const std::vector<std::string>& argv) {
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return;
  if (::pipe2(err, O_CLOEXEC) != 0) { ::close(out[0]); ::close(out[1]); return; }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  out_fd_ = out[0];
  err_fd_ = err[0];
}

Subprocess::~Subprocess() {
  if (pid_ > 0 && status_ < 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
}

// Reads whatever both pipes have within `timeout_ms` (returns early once both reached EOF).
void Subprocess::drain(int timeout_ms) {
  int64_t deadline = now_ms() + timeout_ms;
  while (out_fd_ >= 0 || err_fd_ >= 0) {
    pollfd p[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    int left = int(deadline - now_ms());
    if (left < 0) left = 0;
    int r = ::poll(p, 2, left);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return;
    int* fds[2] = {&out_fd_, &err_fd_};
    std::string* bufs[2] = {&out_, &err_};
    for (int i = 0; i < 2; ++i) {
      if (*fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char tmp[4096];
      ssize_t n = ::read(*fds[i], tmp, sizeof tmp);
      if (n > 0) bufs[i]->append(tmp, size_t(n));
      else { ::close(*fds[i]); *fds[i] = -1; }
    }
    if (timeout_ms == 0) return;
  }
}

bool Subprocess::read_stdout_line(std::string* line, int timeout_ms) {
  int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    size_t nl = out_.find('\n', out_read_);
    if (nl != std::string::npos) {
      *line = out_.substr(out_read_, nl - out_read_);
      out_read_ = nl + 1;
      return true;
    }
    int left = int(deadline - now_ms());
    if (left <= 0 || out_fd_ < 0) return false;
    size_t before = out_.size();
    drain(left < 50 ? left : 50);
    if (out_.size() == before && out_fd_ < 0) return false;
  }
}

void Subprocess::signal(int sig) {
  if (pid_ > 0 && status_ < 0) ::kill(pid_, sig);
}

int Subprocess::wait(int timeout_ms) {
  if (pid_ <= 0) return -1;
  int64_t deadline = now_ms() + timeout_ms;
  while (status_ < 0) {
    int st = 0;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      break;
    }
    if (now_ms() >= deadline) return -1;
    drain(20);  // keeps the pipes from filling up while we wait
  }
  drain(1000);
  return status_;
}

int run(const std::vector<std::string>& argv, std::string* out, std::string* err, int timeout_ms) {
  Subprocess p(argv);
  int rc = p.wait(timeout_ms);
  if (out) *out = p.out();
  if (err) *err = p.err();
  return rc;
}

}  // namespace dxs_test
