// chunked_check.h — decoding a chunked body the way a connection does, and the properties every input must
// keep, shared by the unit tests (http1_chunked_test.cpp), the corpus replay (http1_chunked_fuzz_test.cpp)
// and the libFuzzer target (fuzz/http1_chunked_fuzz.cpp).
//
// decode(input, split_at, step) feeds `input` in pieces: [0, split_at), then `step` bytes at a time (0: the
// rest at once), looping on each piece until the decoder has used all of it or stopped, as a connection
// does with its read buffer. check_chunked_input: whole, byte at a time, and at a few split points the
// outcome (status, error, the bytes used, the data) is identical; every data span lies inside the piece it
// came from; kDone never uses more bytes than given; the data is never longer than the input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "dxs/http1/chunked.h"

namespace dxs_test {

struct ChunkedOutcome {
  dxs::http1::ChunkedStatus status = dxs::http1::ChunkedStatus::kMore;
  dxs::http1::ChunkedError error = dxs::http1::ChunkedError::kNone;
  size_t used = 0;   // bytes of the input consumed (for kDone: where the next message starts)
  std::string data;  // the body
  bool spans_inside = true;
  bool operator==(const ChunkedOutcome& o) const {
    return status == o.status && error == o.error && used == o.used && data == o.data && spans_inside == o.spans_inside;
  }
};

inline ChunkedOutcome decode_chunked(const char* in, size_t size, size_t split_at, size_t step,
                                     const dxs::http1::ChunkedLimits& limits = {}) {
  using namespace dxs::http1;
  ChunkedDecoder d(limits);
  ChunkedOutcome out;
  size_t piece_start = 0;
  while (piece_start < size && out.status == ChunkedStatus::kMore) {
    size_t piece_end = piece_start < split_at ? (split_at < size ? split_at : size)
                       : step == 0         ? size
                                           : (size - piece_start < step ? size : piece_start + step);
    size_t at = out.used;  // bytes before `at` are used; the piece is [at, piece_end)
    while (at < piece_end) {
      ChunkedStep s = d.feed(in + at, piece_end - at);
      if (s.data_len && (s.data < in + at || s.data + s.data_len != in + at + s.consumed)) out.spans_inside = false;
      if (s.consumed > piece_end - at) out.spans_inside = false;
      out.data.append(s.data ? s.data : "", s.data_len);
      at += s.consumed;
      out.status = s.status;
      if (s.status != ChunkedStatus::kMore) break;
      if (s.consumed == 0) {  // progress is part of the contract
        out.spans_inside = false;
        break;
      }
    }
    out.used = at;
    piece_start = piece_end;
  }
  out.error = d.error();
  if (out.status == ChunkedStatus::kError) out.used = 0;  // where an error was seen may differ by split
  return out;
}

inline ChunkedOutcome decode_chunked(const std::string& in, size_t split_at = 0, size_t step = 0,
                                     const dxs::http1::ChunkedLimits& limits = {}) {
  return decode_chunked(in.data(), in.size(), split_at, step, limits);
}

inline void require_chunked(bool ok) {
  if (!ok) __builtin_trap();
}

// The fuzz property: whole == byte at a time == split at a few points; spans inside the input.
inline void check_chunked_input(const uint8_t* data, size_t size, const dxs::http1::ChunkedLimits& limits = {}) {
  const char* in = reinterpret_cast<const char*>(data);
  ChunkedOutcome whole = decode_chunked(in, size, 0, 0, limits);
  require_chunked(whole.spans_inside);
  require_chunked(whole.used <= size && whole.data.size() <= size);
  require_chunked(decode_chunked(in, size, 0, 1, limits) == whole);
  for (size_t split : {size_t(1), size / 3, size / 2, size - (size ? 1 : 0)})
    require_chunked(decode_chunked(in, size, split, 0, limits) == whole);
}

}  // namespace dxs_test
