// split_timer.h — where a phase's time goes, printed with DXC_TIMES=1 (tools/bench/compile reads it).
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace dxc {

// Laps of one phase: the wall ms of each step, and the process CPU ms of each (Binaryen's optimizer and the
// C compilers run on every core). print() writes "dxc: <phase> split (a 1.0, b 2.0 ms) cpu (a 1.0, b 4.0 ms)".
struct SplitTimer {
  using Clock = std::chrono::steady_clock;
  explicit SplitTimer(const char* phase) : phase(phase) {}
  const char* phase;
  bool on = std::getenv("DXC_TIMES") != nullptr;
  Clock::time_point t = Clock::now();
  std::clock_t c = std::clock();
  std::string wall, cpu;
  void lap(const char* what) {
    Clock::time_point n = Clock::now();
    std::clock_t cn = std::clock();
    char b[80];
    snprintf(b, sizeof b, "%s%s %.1f", wall.empty() ? "" : ", ", what, std::chrono::duration<double, std::milli>(n - t).count());
    wall += b;
    snprintf(b, sizeof b, "%s%s %.1f", cpu.empty() ? "" : ", ", what, 1000.0 * double(cn - c) / CLOCKS_PER_SEC);
    cpu += b;
    t = n;
    c = cn;
  }
  void print() const {
    if (on) std::fprintf(stderr, "dxc: %s split (%s ms) cpu (%s ms)\n", phase, wall.c_str(), cpu.c_str());
  }
};

}  // namespace dxc
