// http1/chunked.cpp — ChunkedDecoder (contract in dxs/http1/chunked.h).
//
// Grammar (RFC 9112 §7.1, §7.1.1, §7.1.2; BWS = *( SP / HTAB )):
//   chunked-body = *chunk last-chunk trailer-section CRLF
//   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
//   last-chunk   = 1*("0") [ chunk-ext ] CRLF
//   chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
//   chunk-ext-val = token / quoted-string
//   trailer-section = *( field-line CRLF )
// Framing bytes go through a byte-at-a-time state machine (step_line); chunk data is handed out in bulk.
#include "dxs/http1/chunked.h"

#include "dxs/http1/parser.h"

namespace dxs::http1 {
namespace {

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_ws(unsigned char c) { return c == ' ' || c == '\t'; }

// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
bool is_qdtext(unsigned char c) { return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c != 0x5C && c != 0x7F); }

// quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
bool is_quotable(unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7F); }

}  // namespace

void ChunkedDecoder::reset() {
  state_ = State::kSizeStart;
  error_ = ChunkedError::kNone;
  digits_ = 0;
  line_ = trailer_ = 0;
  size_ = chunk_left_ = body_bytes_ = 0;
}

bool ChunkedDecoder::fail(ChunkedError e) {
  state_ = State::kError;
  error_ = e;
  return false;
}

bool ChunkedDecoder::step_line(unsigned char c) {
  bool in_trailer = state_ >= State::kTrailerStart;
  if (in_trailer) {
    if (++trailer_ > limits_.max_trailer_bytes) return fail(ChunkedError::kTrailerTooLarge);
  } else if (state_ != State::kDataCr && state_ != State::kDataLf) {
    if (++line_ > limits_.max_line) return fail(ChunkedError::kLineTooLong);
  }
  bool lf_expected = state_ == State::kSizeLf || state_ == State::kDataCr || state_ == State::kDataLf ||
                     state_ == State::kTrailerLf || state_ == State::kFinalLf;  // kDataCr: kMissingDataEnd
  if (c == '\n' && !lf_expected) return fail(ChunkedError::kBadLineEnd);  // a bare LF
  switch (state_) {
    case State::kSizeStart:
    case State::kSize: {
      int v = hex_value(c);
      if (v >= 0) {
        if (digits_ > 0 || v > 0) ++digits_;
        if (digits_ > limits_.max_size_digits || size_ > (UINT64_MAX >> 4)) return fail(ChunkedError::kSizeTooLarge);
        size_ = size_ * 16 + uint64_t(v);
        if (size_ > limits_.max_chunk_size) return fail(ChunkedError::kSizeTooLarge);
        state_ = State::kSize;
        return true;
      }
      if (state_ == State::kSizeStart) return fail(ChunkedError::kBadSize);
      if (c == '\r') state_ = State::kSizeLf;
      else if (c == ';') state_ = State::kExtPre;
      else if (is_ws(c)) state_ = State::kSizeWs;
      else return fail(ChunkedError::kBadSize);
      return true;
    }
    case State::kSizeWs:  // BWS is allowed only before a ";"
      if (c == ';') state_ = State::kExtPre;
      else if (!is_ws(c)) return fail(ChunkedError::kBadSize);
      return true;
    case State::kExtPre:
      if (is_tchar(c)) state_ = State::kExtName;
      else if (!is_ws(c)) return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtName:
      if (is_tchar(c)) return true;
      if (c == '\r') state_ = State::kSizeLf;
      else if (c == ';') state_ = State::kExtPre;
      else if (c == '=') state_ = State::kExtValueStart;
      else if (is_ws(c)) state_ = State::kExtPostName;
      else return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtPostName:
      if (c == ';') state_ = State::kExtPre;
      else if (c == '=') state_ = State::kExtValueStart;
      else if (!is_ws(c)) return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtValueStart:
      if (c == '"') state_ = State::kExtQuoted;
      else if (is_tchar(c)) state_ = State::kExtToken;
      else if (!is_ws(c)) return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtToken:
    case State::kExtAfterQuoted:
      if (state_ == State::kExtToken && is_tchar(c)) return true;
      if (c == '\r') state_ = State::kSizeLf;
      else if (c == ';') state_ = State::kExtPre;
      else if (is_ws(c)) state_ = State::kExtPostValue;
      else return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtPostValue:
      if (c == ';') state_ = State::kExtPre;
      else if (!is_ws(c)) return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtQuoted:
      if (c == '"') state_ = State::kExtAfterQuoted;
      else if (c == '\\') state_ = State::kExtQuotedEscape;
      else if (!is_qdtext(c)) return fail(ChunkedError::kBadExtension);
      return true;
    case State::kExtQuotedEscape:
      if (!is_quotable(c)) return fail(ChunkedError::kBadExtension);
      state_ = State::kExtQuoted;
      return true;
    case State::kSizeLf:
      if (c != '\n') return fail(ChunkedError::kBadLineEnd);
      if (size_ == 0) {
        state_ = State::kTrailerStart;
      } else {
        chunk_left_ = size_;
        state_ = State::kData;
      }
      return true;
    case State::kDataCr:
      if (c != '\r') return fail(ChunkedError::kMissingDataEnd);
      state_ = State::kDataLf;
      return true;
    case State::kDataLf:
      if (c != '\n') return fail(ChunkedError::kBadLineEnd);
      state_ = State::kSizeStart;
      size_ = 0;
      digits_ = 0;
      line_ = 0;
      return true;
    case State::kTrailerStart:
      if (c == '\r') state_ = State::kFinalLf;
      else if (is_tchar(c)) state_ = State::kTrailerName;
      else return fail(ChunkedError::kBadTrailer);  // also SP / HTAB: obsolete line folding
      return true;
    case State::kTrailerName:
      if (c == ':') state_ = State::kTrailerValue;
      else if (!is_tchar(c)) return fail(ChunkedError::kBadTrailer);  // also "Name : value"
      return true;
    case State::kTrailerValue:
      if (c == '\r') state_ = State::kTrailerLf;
      else if (!is_value_char(c)) return fail(ChunkedError::kBadTrailer);
      return true;
    case State::kTrailerLf:
    case State::kFinalLf:
      if (c != '\n') return fail(ChunkedError::kBadLineEnd);
      state_ = state_ == State::kFinalLf ? State::kDone : State::kTrailerStart;
      return true;
    case State::kData:
    case State::kDone:
    case State::kError:
      break;
  }
  return false;  // not reached: feed() handles these states
}

ChunkedStep ChunkedDecoder::feed(const char* buf, size_t len) {
  ChunkedStep s;
  size_t i = 0;
  while (state_ != State::kDone && state_ != State::kError && i < len) {
    if (state_ == State::kData) {
      size_t n = chunk_left_ < len - i ? size_t(chunk_left_) : len - i;
      s.data = buf + i;
      s.data_len = n;
      i += n;
      chunk_left_ -= n;
      body_bytes_ += n;
      if (chunk_left_ == 0) state_ = State::kDataCr;
      break;  // at most one span per call
    }
    step_line(static_cast<unsigned char>(buf[i++]));
  }
  s.consumed = i;
  s.status = state_ == State::kDone ? ChunkedStatus::kDone
             : state_ == State::kError ? ChunkedStatus::kError
                                       : ChunkedStatus::kMore;
  return s;
}

const char* chunked_error_text(ChunkedError e) {
  switch (e) {
    case ChunkedError::kNone: return "no error";
    case ChunkedError::kBadSize: return "bad chunk size";
    case ChunkedError::kSizeTooLarge: return "chunk size too large";
    case ChunkedError::kBadExtension: return "bad chunk extension";
    case ChunkedError::kLineTooLong: return "chunk size line too long";
    case ChunkedError::kBadLineEnd: return "line not ended by CRLF";
    case ChunkedError::kMissingDataEnd: return "chunk data not followed by CRLF";
    case ChunkedError::kBadTrailer: return "bad trailer field";
    case ChunkedError::kTrailerTooLarge: return "trailer section too large";
  }
  return "unknown error";
}

}  // namespace dxs::http1
