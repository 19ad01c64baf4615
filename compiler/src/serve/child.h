// serve/child.h — dx-server as `dxc serve`'s child process.
//
// spawn() forks and execs `argv` with default dispositions and only SIGHUP and SIGUSR1 blocked (dx-server
// takes them from a signalfd; blocked, one sent before it is ready waits for it), and asks the kernel to
// send the child SIGTERM if dxc dies first (PR_SET_PDEATHSIG), so a killed dxc never leaves a server
// behind. The child inherits stdout/stderr: its "dx-server: serving … on http://host:port/" line is what a
// user (or a test) reads. signal() sends SIGHUP (reload) or SIGUSR1 (push the build error); reap() collects
// an exit without blocking (after SIGCHLD); stop() sends SIGTERM, waits up to `timeout_ms`, then SIGKILLs.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace dxc::serve {

class Child {
 public:
  ~Child() { stop(2000); }

  bool spawn(const std::vector<std::string>& argv, std::string* err);
  bool running() const { return pid_ > 0; }
  void signal(int sig) const;
  // The child exited (a non-blocking waitpid): true with its status text ("exit code 1", "signal 9").
  bool reap(std::string* how);
  // Returns the child's exit code (128 + signal when killed; 0 when none was running).
  int stop(int timeout_ms);

 private:
  pid_t pid_ = -1;
};

}  // namespace dxc::serve
