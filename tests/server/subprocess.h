// subprocess.h — run the built dx-server binary as a child process, with every wait bounded.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace dxs_test {

class Subprocess {
 public:
  // Starts `argv[0]` with `argv`, stdout and stderr captured through pipes.
  explicit Subprocess(const std::vector<std::string>& argv);
  ~Subprocess();  // kills (SIGKILL) and reaps the child if still running
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  bool started() const { return pid_ > 0; }
  // Reads stdout until a full line arrives (without its '\n'); false on EOF or timeout.
  bool read_stdout_line(std::string* line, int timeout_ms);
  void signal(int sig);
  // Waits for the exit (bounded); returns the exit code, 128+signal, or -1 on timeout. Drains both pipes.
  int wait(int timeout_ms);
  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  void drain(int timeout_ms);
  pid_t pid_ = -1;
  int out_fd_ = -1, err_fd_ = -1;
  std::string out_, err_;
  size_t out_read_ = 0;  // bytes of out_ already returned as lines
  int status_ = -1;
};

// Runs to completion: exit code (or -1), with stdout/stderr.
int run(const std::vector<std::string>& argv, std::string* out, std::string* err, int timeout_ms = 20000);

}  // namespace dxs_test
