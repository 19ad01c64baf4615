#include "serve/child.h"

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

namespace dxc::serve {

namespace {

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

bool Child::spawn(const std::vector<std::string>& argv, std::string* err) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    *err = std::string("fork: ") + std::strerror(errno);
    return false;
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);  // the parent died before prctl took effect
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGCHLD, SIGPIPE}) ::signal(sig, SIG_DFL);
    // SIGHUP and SIGUSR1 stay blocked across exec: dx-server reads them from its signalfd, and one sent
    // before it got there (a rebuild right after the start) waits for it instead of killing it.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGHUP);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_SETMASK, &mask, nullptr);
    execvp(args[0], args.data());
    const char msg[] = "dxc: cannot run dx-server (set DX_SERVER)\n";
    [[maybe_unused]] ssize_t r = ::write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  pid_ = pid;
  return true;
}

void Child::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

bool Child::reap(std::string* how) {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  pid_ = -1;
  *how = WIFEXITED(status) ? "exit code " + std::to_string(WEXITSTATUS(status)) : "signal " + std::to_string(WTERMSIG(status));
  return true;
}

int Child::stop(int timeout_ms) {
  if (pid_ <= 0) return 0;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int waited = 0;; waited += 10) {
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (waited >= timeout_ms) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    timespec ten_ms{0, 10 * 1000 * 1000};
    nanosleep(&ten_ms, nullptr);
  }
  pid_ = -1;
  return exit_code(status);
}

}  // namespace dxc::serve
