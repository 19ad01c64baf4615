// guarded.h — input placed just before an inaccessible page (picohttpparser's test trick): a decoder that
// reads one byte past its input faults at once instead of reading stale memory.
#pragma once
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <string_view>

namespace dxs_test {

class GuardedBuffer {
 public:
  explicit GuardedBuffer(size_t capacity) {
    page_ = size_t(::sysconf(_SC_PAGESIZE));
    data_pages_ = (capacity + page_ - 1) / page_ + 1;
    void* p = ::mmap(nullptr, (data_pages_ + 1) * page_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("mmap failed");
    base_ = static_cast<char*>(p);
    if (::mprotect(base_ + data_pages_ * page_, page_, PROT_NONE) != 0) throw std::runtime_error("mprotect failed");
  }
  ~GuardedBuffer() { ::munmap(base_, (data_pages_ + 1) * page_); }
  GuardedBuffer(const GuardedBuffer&) = delete;
  GuardedBuffer& operator=(const GuardedBuffer&) = delete;

  // Copies `bytes` so that its last byte is the last readable one; returns where it starts.
  const char* place(std::string_view bytes) {
    if (bytes.size() > data_pages_ * page_) throw std::runtime_error("input larger than the guarded buffer");
    char* at = base_ + data_pages_ * page_ - bytes.size();
    if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
    return at;
  }

 private:
  size_t page_ = 4096;
  size_t data_pages_ = 0;
  char* base_ = nullptr;
};

}  // namespace dxs_test
