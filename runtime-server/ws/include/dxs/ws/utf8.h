// dxs/ws/utf8.h — an incremental UTF-8 validator for WebSocket text messages, which may split a code point
// across frames (RFC 6455 §5.6, §8.1).
//
// Contract: feed() the message's bytes in any number of pieces; it returns false at the first byte that can
// never be part of valid UTF-8 (and stays false), so a receiver fails fast, mid-frame. complete() is true
// when everything fed so far is valid and ends on a code point boundary: a text message is valid exactly
// when complete() holds after its last byte. Strict (no overlongs, no surrogates, ≤ U+10FFFF): the same
// language as dx::schema::valid_utf8, which the tests use as the oracle.
#pragma once
#include <cstddef>
#include <cstdint>

namespace dxs::ws {

class Utf8Validator {
 public:
  bool feed(const uint8_t* p, size_t n) {
    if (!ok_) return false;
    size_t i = 0;
    while (i < n) {
      uint8_t c = p[i++];
      if (need_ == 0) {
        if (c < 0x80) continue;
        lo_ = 0x80;
        hi_ = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need_ = 1;
        else if (c == 0xE0) { need_ = 2; lo_ = 0xA0; }           // no overlong 3-byte forms
        else if (c == 0xED) { need_ = 2; hi_ = 0x9F; }           // no surrogates U+D800..U+DFFF
        else if (c >= 0xE1 && c <= 0xEF) need_ = 2;
        else if (c == 0xF0) { need_ = 3; lo_ = 0x90; }           // no overlong 4-byte forms
        else if (c >= 0xF1 && c <= 0xF3) need_ = 3;
        else if (c == 0xF4) { need_ = 3; hi_ = 0x8F; }           // nothing above U+10FFFF
        else return ok_ = false;                                  // 0x80-0xC1 lead, 0xF5-0xFF
      } else {
        if (c < lo_ || c > hi_) return ok_ = false;
        --need_;
        lo_ = 0x80;
        hi_ = 0xBF;
      }
    }
    return true;
  }
  bool ok() const { return ok_; }
  bool complete() const { return ok_ && need_ == 0; }
  void reset() { *this = Utf8Validator(); }

 private:
  uint8_t need_ = 0;  // continuation bytes still expected
  uint8_t lo_ = 0x80, hi_ = 0xBF;  // the range the next continuation byte must fall in
  bool ok_ = true;
};

}  // namespace dxs::ws
