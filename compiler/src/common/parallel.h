// Work shared by the cores: `work` (which takes its items from a shared counter until none are left) runs on
// this thread and on up to min(cores, items) − 1 more, all joined before returning. Used by the parse phase
// (one file per item) and package's compression (one file and format per item).
#pragma once
#include <algorithm>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace dxc {

template <class Work>
void on_every_core(size_t items, Work&& work) {
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), items);
  std::vector<std::thread> pool;
  for (size_t k = 1; k < threads; ++k) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {  // no thread to be had: this one does the rest
      break;
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace dxc
