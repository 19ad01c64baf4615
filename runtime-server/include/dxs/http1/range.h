// dxs/http1/range.h — one byte range from a Range header value (RFC 9110 §14.2), for 206 responses.
//
// parse_range(value, size, &r):
//   kSatisfiable    r = [first, last] inclusive, clamped to the representation ("bytes=0-" of 10 bytes:
//                   0..9; "bytes=-3": the last 3; "bytes=5-100": 5..9);
//   kUnsatisfiable  syntactically valid but outside the representation (first >= size, "bytes=-0", or
//                   anything when size is 0): answer 416 with "Content-Range: bytes */<size>";
//   kIgnore         not a single well-formed byte range (other unit, a list of ranges, last < first, junk,
//                   numbers over 18 digits): RFC 9110 lets a server ignore Range, so answer 200.
// dx-server serves one range only; multi-range (multipart/byteranges) gets the whole file. Pure.
#pragma once
#include <cstdint>
#include <string_view>

namespace dxs::http1 {

struct ByteRange {
  uint64_t first = 0;
  uint64_t last = 0;  // inclusive
};

enum class RangeResult { kIgnore, kSatisfiable, kUnsatisfiable };

RangeResult parse_range(std::string_view value, uint64_t size, ByteRange* out);

}  // namespace dxs::http1
