// dxs/ws/frame.h — RFC 6455 frame constants and the pure frame-header parser.
//
//   int parse_frame_header(buf, len, role, &header, &error)
//     > 0  the frame header (2–14 bytes) is complete and valid; the value is its length. The payload
//          (header.payload_len bytes, masked with header.mask if header.masked) follows it.
//    -2    kPartial: call again with the same bytes plus more.
//    -1    kMalformed: never a valid header; `error` holds the close code (1002, or 1009 when the payload
//          of a data frame is over `max_payload`) and a static reason for the Close frame to send.
// Pure (no state, no allocation, reads only buf[0, len)); a bad header is reported as soon as the bytes
// that show it are in. Role::kServer means "I am the server": frames must be masked (§5.1); kClient: they
// must not be. No extension is negotiated, so RSV1–3 must be 0. Lengths must use the minimal encoding and
// a 64-bit length must have its top bit clear (§5.2). Control frames: FIN set, ≤ 125 bytes (§5.5).
#pragma once
#include <cstddef>
#include <cstdint>

namespace dxs::ws {

enum class Opcode : uint8_t { kContinuation = 0x0, kText = 0x1, kBinary = 0x2, kClose = 0x8, kPing = 0x9, kPong = 0xA };

inline bool is_control(Opcode op) { return (uint8_t(op) & 0x8) != 0; }

// Close status codes (RFC 6455 §7.4.1).
enum CloseCode : uint16_t {
  kCloseNormal = 1000,
  kCloseGoingAway = 1001,
  kCloseProtocolError = 1002,
  kCloseUnsupportedData = 1003,
  kCloseNoStatus = 1005,        // never sent: "the Close had no code"
  kCloseAbnormal = 1006,        // never sent: "the connection dropped without a Close"
  kCloseInvalidPayload = 1007,  // e.g. a text message that is not UTF-8
  kClosePolicy = 1008,
  kCloseTooBig = 1009,
  kCloseMandatoryExtension = 1010,
  kCloseInternalError = 1011,
};

// May this code appear in a Close frame on the wire? 1000–1003, 1007–1014 and 3000–4999 (§7.4.2, IANA).
inline bool close_code_valid_on_wire(uint16_t code) {
  if (code >= 3000 && code <= 4999) return true;
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014);
}

// The code a side answers a received Close with: the same code, or 1000 when it carried none.
inline uint16_t close_reply_code(uint16_t received) {
  return received == kCloseNoStatus ? uint16_t(kCloseNormal) : received;
}

inline constexpr size_t kMaxFrameHeader = 14;
inline constexpr size_t kMaxControlPayload = 125;
inline constexpr int kPartial = -2;
inline constexpr int kMalformed = -1;

enum class Role : uint8_t { kServer, kClient };

struct FrameHeader {
  bool fin = false;
  Opcode opcode = Opcode::kContinuation;
  bool masked = false;
  uint8_t mask[4] = {0, 0, 0, 0};
  uint64_t payload_len = 0;
  size_t header_len = 0;
};

struct Error {
  uint16_t code = 0;              // a CloseCode; 0 = none
  const char* reason = nullptr;   // static ASCII, fits a Close frame
};

int parse_frame_header(const uint8_t* buf, size_t len, Role role, uint64_t max_payload, FrameHeader* h,
                       Error* error);

// XORs data[0, n) with the masking key, starting at byte `offset` of the payload (§5.3). Its own inverse.
void mask_bytes(uint8_t* data, size_t n, const uint8_t key[4], uint64_t offset);

}  // namespace dxs::ws
