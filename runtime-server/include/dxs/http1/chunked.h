// dxs/http1/chunked.h — a pure, incremental decoder of the chunked transfer coding (RFC 9112 §7.1).
//
//   ChunkedDecoder d;                       // one per body; reset() before the next
//   ChunkedStep s = d.feed(buf, len);       // decodes from the start of buf
//     s.consumed   bytes of buf used (framing and data); the caller drops them and calls again with the
//                  rest, or with more bytes once everything was used
//     s.data       body bytes found by this call: a span INSIDE buf (never copied), s.data_len long, always
//                  ending at buf + s.consumed; at most one span per call (so a call stops after each
//                  chunk's data, and the caller loops while bytes are left)
//     s.status     kMore: not finished (everything given was used, or a span was returned: call again);
//                  kDone: the body and its trailer section ended at buf + s.consumed (the bytes after it
//                  belong to the next message and are not consumed); kError: the input is not a valid
//                  chunked body, see error() / chunked_error_text()
// A call with len > 0 consumes at least one byte unless it reports kDone or kError; after kDone or kError
// every call returns the same status and consumes nothing. The result (status, error, the concatenated
// data) is the same however the input is split across calls. No allocation, no pointer kept between calls.
//
// Strict where leniency lets requests be smuggled: chunk-size is 1*HEXDIG (no sign, no "0x", no space
// before it) of at most limits.max_size_digits significant digits and at most limits.max_chunk_size;
// every line ends in CRLF (a bare LF or a bare CR is an error); chunk data must be followed by CRLF;
// extensions follow `*( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )` and are ignored;
// whitespace after the size is allowed only before a ";". Trailer fields are checked like header fields
// (token name, ":" with nothing before it, no control characters in the value, no obsolete line folding)
// and discarded. Each size line is at most limits.max_line bytes and the trailer section at most
// limits.max_trailer_bytes (both counting their CRLFs).
#pragma once
#include <cstddef>
#include <cstdint>

namespace dxs::http1 {

enum class ChunkedStatus : uint8_t { kMore, kDone, kError };

enum class ChunkedError : uint8_t {
  kNone,
  kBadSize,         // a size line that does not start with a hex digit, or a bad byte after the size
  kSizeTooLarge,    // more significant hex digits than allowed, or over max_chunk_size
  kBadExtension,    // chunk-ext syntax
  kLineTooLong,     // a size line (with its extensions) over max_line
  kBadLineEnd,      // a bare LF or CR, or something other than CRLF where a line must end
  kMissingDataEnd,  // chunk data not followed by CRLF
  kBadTrailer,      // trailer field syntax (also obsolete line folding)
  kTrailerTooLarge, // trailer section over max_trailer_bytes
};

struct ChunkedLimits {
  uint64_t max_chunk_size = uint64_t(1) << 48;
  unsigned max_size_digits = 16;       // significant hex digits (leading zeros count toward max_line only)
  size_t max_line = 4096;              // a chunk-size line with its extensions, CRLF included
  size_t max_trailer_bytes = 16 * 1024;  // the trailer section, its final CRLF included
};

struct ChunkedStep {
  size_t consumed = 0;
  const char* data = nullptr;
  size_t data_len = 0;
  ChunkedStatus status = ChunkedStatus::kMore;
};

class ChunkedDecoder {
 public:
  explicit ChunkedDecoder(const ChunkedLimits& limits = {}) : limits_(limits) {}
  void reset();
  ChunkedStep feed(const char* buf, size_t len);

  ChunkedError error() const { return error_; }
  bool done() const { return state_ == State::kDone; }
  uint64_t body_bytes() const { return body_bytes_; }    // data bytes returned so far
  uint64_t chunk_left() const { return chunk_left_; }    // data bytes the current chunk still announces

 private:
  enum class State : uint8_t {
    kSizeStart, kSize, kSizeWs, kExtPre, kExtName, kExtPostName, kExtValueStart, kExtToken, kExtQuoted,
    kExtQuotedEscape, kExtAfterQuoted, kExtPostValue, kSizeLf, kData, kDataCr, kDataLf, kTrailerStart,
    kTrailerName, kTrailerValue, kTrailerLf, kFinalLf, kDone, kError
  };
  bool fail(ChunkedError e);
  bool step_line(unsigned char c);  // one byte of a size line or the trailer section; false on error

  ChunkedLimits limits_;
  State state_ = State::kSizeStart;
  ChunkedError error_ = ChunkedError::kNone;
  unsigned digits_ = 0;       // significant digits of the size so far
  size_t line_ = 0;           // bytes of the current size line
  size_t trailer_ = 0;        // bytes of the trailer section
  uint64_t size_ = 0;
  uint64_t chunk_left_ = 0;
  uint64_t body_bytes_ = 0;
};

// A short English reason for an error ("bad chunk size", ...), for logs and 400 bodies.
const char* chunked_error_text(ChunkedError e);

}  // namespace dxs::http1
