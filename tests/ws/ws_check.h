// ws_check.h — drive dxs::ws::Decoder over an input in chunks of a given size and record what it reports;
// and the properties every input must keep, shared by the libFuzzer target (ws_fuzz.cpp) and the unit
// tests (which replay the seed corpus through them):
//   1. the events and their contents are the same fed whole, one byte at a time (inputs ≤ 8 KiB; larger
//      ones in 509-byte chunks), and in 7-byte chunks;
//   2. each chunk is consumed whole unless an event stopped the decoder early; nothing after Close/Error;
//   3. text messages are valid UTF-8 (dx::schema::valid_utf8 as the oracle), messages are within the
//      limit, control payloads ≤ 125 bytes, Close codes are valid on the wire or 1005.
// Each chunk is copied into its own exact-size allocation so ASan sees a read past it. A failed property
// calls __builtin_trap().
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "dx/schema/bytes.h"
#include "dxs/ws/decoder.h"

namespace dx_ws_test {

inline void require(bool ok) {
  if (!ok) __builtin_trap();
}

struct Record {
  dxs::ws::Event event;
  std::vector<uint8_t> data;  // message, control payload or close reason
  uint16_t code = 0;          // close code (kClose) or the error's code (kError)
  bool operator==(const Record&) const = default;
};

// chunk 0 = everything in one call.
inline std::vector<Record> run(const uint8_t* data, size_t n, dxs::ws::DecoderLimits limits, size_t chunk) {
  using dxs::ws::Event;
  dxs::ws::Decoder d(limits);
  std::vector<Record> out;
  size_t at = 0;
  while (at < n) {
    size_t len = chunk ? std::min(chunk, n - at) : n - at;
    std::unique_ptr<uint8_t[]> piece(new uint8_t[len]);
    std::memcpy(piece.get(), data + at, len);
    bool was_done = d.done();
    dxs::ws::Step s = d.feed(piece.get(), len);
    require(s.consumed <= len);
    if (was_done) {
      require(s.consumed == 0 && s.event == Event::kNone);
      break;
    }
    if (s.event == Event::kNone) require(s.consumed == len);
    at += s.consumed;
    Record r{s.event, {}, 0};
    switch (s.event) {
      case Event::kNone: continue;
      case Event::kText:
      case Event::kBinary: {
        auto m = d.message();
        r.data.assign(m.begin(), m.end());
        require(r.data.size() <= limits.max_message);
        if (s.event == Event::kText) require(dx::schema::valid_utf8(r.data.data(), uint32_t(r.data.size())));
        break;
      }
      case Event::kPing:
      case Event::kPong: {
        auto c = d.control();
        require(c.size() <= dxs::ws::kMaxControlPayload);
        r.data.assign(c.begin(), c.end());
        break;
      }
      case Event::kClose: {
        r.code = d.close_code();
        require(r.code == dxs::ws::kCloseNoStatus || dxs::ws::close_code_valid_on_wire(r.code));
        r.data.assign(d.close_reason().begin(), d.close_reason().end());
        require(dx::schema::valid_utf8(r.data.data(), uint32_t(r.data.size())));
        require(d.done());
        break;
      }
      case Event::kError:
        r.code = d.error().code;
        require(r.code == dxs::ws::kCloseProtocolError || r.code == dxs::ws::kCloseInvalidPayload ||
                r.code == dxs::ws::kCloseTooBig);
        require(d.error().reason != nullptr && d.done());
        break;
    }
    out.push_back(std::move(r));
    if (d.done()) break;
  }
  return out;
}

inline std::vector<Record> run(const std::vector<uint8_t>& in, dxs::ws::DecoderLimits limits = {}, size_t chunk = 0) {
  return run(in.data(), in.size(), limits, chunk);
}

inline void check_ws_input(const uint8_t* data, size_t n, dxs::ws::DecoderLimits limits) {
  if (n > 1u << 20) return;
  std::vector<Record> whole = run(data, n, limits, 0);
  require(run(data, n, limits, n <= 8192 ? 1 : 509) == whole);  // byte by byte, or odd chunks when large
  require(run(data, n, limits, 7) == whole);
}

// The fuzz entry: the first byte picks the role and the message limit.
inline void check_fuzz_input(const uint8_t* data, size_t size) {
  if (size == 0) return;
  dxs::ws::DecoderLimits limits;
  limits.role = (data[0] & 1) ? dxs::ws::Role::kClient : dxs::ws::Role::kServer;
  limits.max_message = (data[0] & 2) ? 64 : 1u << 20;
  check_ws_input(data + 1, size - 1, limits);
}

}  // namespace dx_ws_test
