// encoder.cpp — RFC 6455 frame writers (contract: dxs/ws/encoder.h).
#include "dxs/ws/encoder.h"

#include <algorithm>

namespace dxs::ws {

size_t frame_header_size(uint64_t payload_len, bool masked) {
  size_t n = payload_len < 126 ? 2 : payload_len <= 0xFFFF ? 4 : 10;
  return n + (masked ? 4 : 0);
}

size_t write_frame_header(uint8_t* out, Opcode op, bool fin, uint64_t payload_len, const uint8_t* mask) {
  out[0] = uint8_t((fin ? 0x80 : 0) | uint8_t(op));
  uint8_t m = mask ? 0x80 : 0;
  size_t n;
  if (payload_len < 126) {
    out[1] = uint8_t(m | payload_len);
    n = 2;
  } else if (payload_len <= 0xFFFF) {
    out[1] = uint8_t(m | 126);
    out[2] = uint8_t(payload_len >> 8);
    out[3] = uint8_t(payload_len);
    n = 4;
  } else {
    out[1] = uint8_t(m | 127);
    for (int i = 0; i < 8; ++i) out[2 + i] = uint8_t(payload_len >> (56 - 8 * i));
    n = 10;
  }
  if (mask) {
    for (int i = 0; i < 4; ++i) out[n + size_t(i)] = mask[i];
    n += 4;
  }
  return n;
}

namespace {

std::span<const uint8_t> cut_control(Opcode op, std::span<const uint8_t> payload) {
  if (is_control(op) && payload.size() > kMaxControlPayload) return payload.first(kMaxControlPayload);
  return payload;
}

}  // namespace

void append_frame(Buffer& out, Opcode op, std::span<const uint8_t> payload, bool fin) {
  payload = cut_control(op, payload);
  uint8_t head[kMaxFrameHeader];
  size_t n = write_frame_header(head, op, fin, payload.size());
  out.insert(out.end(), head, head + n);
  out.insert(out.end(), payload.begin(), payload.end());
}

void append_close(Buffer& out, uint16_t code, std::string_view reason) {
  if (code == kCloseNoStatus) {
    append_frame(out, Opcode::kClose, {});
    return;
  }
  size_t n = std::min(reason.size(), kMaxControlPayload - 2);
  if (n < reason.size())
    while (n > 0 && (uint8_t(reason[n]) & 0xC0) == 0x80) --n;  // do not split a code point
  uint8_t p[kMaxControlPayload];
  p[0] = uint8_t(code >> 8);
  p[1] = uint8_t(code);
  std::copy_n(reason.data(), n, p + 2);
  append_frame(out, Opcode::kClose, {p, n + 2});
}

void append_masked_frame(Buffer& out, Opcode op, std::span<const uint8_t> payload, const uint8_t key[4], bool fin,
                         uint8_t rsv) {
  uint8_t head[kMaxFrameHeader];
  size_t n = write_frame_header(head, op, fin, payload.size(), key);
  head[0] |= uint8_t((rsv & 0x7) << 4);
  out.insert(out.end(), head, head + n);
  size_t at = out.size();
  out.insert(out.end(), payload.begin(), payload.end());
  mask_bytes(out.data() + at, payload.size(), key, 0);
}

}  // namespace dxs::ws
