// http1/out_queue.h — a connection's pending output: owned bytes plus borrowed file bodies, sent by writev.
//
// Heads (and small bodies) are copied into one owned buffer; large bodies are referenced where the
// StaticSite keeps them (it outlives every connection), so a pipelined batch of N responses is one
// sendmsg of up to 2N slices and no body is copied. flush() sends what the socket takes and keeps the rest
// (partial writes); the owned buffer keeps its capacity, so a warm connection does not allocate.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dxs::http1 {

class OutQueue {
 public:
  enum FlushResult { kFlushed, kWouldBlock, kFailed };

  void append_owned(std::string_view bytes);
  void append_borrowed(const char* data, size_t size);  // `data` must outlive the queue's use of it

  bool pending() const { return first_ < segs_.size(); }
  size_t owned_bytes() const { return buf_.size(); }

  // Sends until everything is out (kFlushed), the socket is full (kWouldBlock) or an error (kFailed, errno set).
  // `sent` (optional) is increased by the bytes the kernel accepted.
  FlushResult flush(int fd, size_t* sent = nullptr);

  void clear();

  // Swaps storage (buffer and slice list, with their capacity) with `other`; both are emptied first and
  // must have nothing pending. A worker lends one warm queue this way to the connection it is serving, so
  // idle connections keep no output buffer and a busy one still does not allocate.
  void trade(OutQueue& other);

 private:
  struct Segment {
    const char* borrowed;  // null: owned bytes buf_[offset, offset + size)
    size_t offset;
    size_t size;
  };
  std::string buf_;
  std::vector<Segment> segs_;
  size_t first_ = 0;  // the first segment not fully sent
};

}  // namespace dxs::http1
