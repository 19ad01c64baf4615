// dxs/ws/encoder.h — RFC 6455 frame writers: unmasked server frames, and masked client frames (for the C++
// client library and the tests).
//
// Contract: write_frame_header writes 2–14 bytes into `out` (which must hold kMaxFrameHeader) and returns
// how many; the payload follows, written by the caller (so a large payload is never copied twice). The
// append_* helpers write a whole frame at the end of `out`. Lengths use the minimal encoding. Control
// frames from append_frame are cut to 125 bytes (a Close reason to 123, at a code point boundary), as
// §5.5 requires; append_masked_frame writes what it is given (the tests send invalid frames with it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dxs/ws/frame.h"

namespace dxs::ws {

using Buffer = std::vector<uint8_t>;

size_t frame_header_size(uint64_t payload_len, bool masked = false);

// mask: null for a server frame; four key bytes for a client frame.
size_t write_frame_header(uint8_t* out, Opcode op, bool fin, uint64_t payload_len, const uint8_t* mask = nullptr);

// A server frame (unmasked).
void append_frame(Buffer& out, Opcode op, std::span<const uint8_t> payload, bool fin = true);
inline void append_text(Buffer& out, std::string_view text) {
  append_frame(out, Opcode::kText, {reinterpret_cast<const uint8_t*>(text.data()), text.size()});
}
inline void append_binary(Buffer& out, std::span<const uint8_t> data) { append_frame(out, Opcode::kBinary, data); }
inline void append_ping(Buffer& out, std::span<const uint8_t> data) { append_frame(out, Opcode::kPing, data); }
// The answer to a Ping: a Pong with the Ping's payload (§5.5.3).
inline void append_pong(Buffer& out, std::span<const uint8_t> ping_payload) {
  append_frame(out, Opcode::kPong, ping_payload);
}
// A Close with `code` and `reason` (cut to 123 bytes); kCloseNoStatus writes a Close with no payload.
void append_close(Buffer& out, uint16_t code, std::string_view reason = {});

// A client frame, masked with `key` (rsv: bits 4–6 of the first byte, only to test that they are refused).
void append_masked_frame(Buffer& out, Opcode op, std::span<const uint8_t> payload, const uint8_t key[4],
                         bool fin = true, uint8_t rsv = 0);

}  // namespace dxs::ws
