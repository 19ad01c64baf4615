// frame.cpp — the pure RFC 6455 frame-header parser (contract: dxs/ws/frame.h).
#include "dxs/ws/frame.h"

#include <cstring>

namespace dxs::ws {

namespace {

int fail(Error* error, uint16_t code, const char* reason) {
  if (error) { error->code = code; error->reason = reason; }
  return kMalformed;
}

bool known_opcode(uint8_t op) { return op <= 0x2 || (op >= 0x8 && op <= 0xA); }

}  // namespace

int parse_frame_header(const uint8_t* buf, size_t len, Role role, uint64_t max_payload, FrameHeader* h,
                       Error* error) {
  if (len < 1) return kPartial;
  uint8_t b0 = buf[0];
  if (b0 & 0x70) return fail(error, kCloseProtocolError, "reserved bits set without a negotiated extension");
  uint8_t op = b0 & 0x0F;
  if (!known_opcode(op)) return fail(error, kCloseProtocolError, "reserved opcode");
  bool fin = (b0 & 0x80) != 0;
  bool control = (op & 0x8) != 0;
  if (control && !fin) return fail(error, kCloseProtocolError, "fragmented control frame");
  if (len < 2) return kPartial;
  uint8_t b1 = buf[1];
  bool masked = (b1 & 0x80) != 0;
  if (role == Role::kServer && !masked) return fail(error, kCloseProtocolError, "client frame is not masked");
  if (role == Role::kClient && masked) return fail(error, kCloseProtocolError, "server frame is masked");
  uint8_t len7 = b1 & 0x7F;
  if (control && len7 > kMaxControlPayload) return fail(error, kCloseProtocolError, "control frame longer than 125 bytes");
  size_t ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
  size_t need = 2 + ext + (masked ? 4 : 0);
  uint64_t plen = len7;
  if (ext) {
    if (len < 2 + ext) return kPartial;
    plen = 0;
    for (size_t i = 0; i < ext; ++i) plen = (plen << 8) | buf[2 + i];
    if (ext == 8 && (plen >> 63)) return fail(error, kCloseProtocolError, "64-bit length with the top bit set");
    if ((ext == 2 && plen < 126) || (ext == 8 && plen <= 0xFFFF))
      return fail(error, kCloseProtocolError, "length not in its minimal encoding");
  }
  if (!control && plen > max_payload) return fail(error, kCloseTooBig, "message too big");
  if (len < need) return kPartial;
  if (h) {
    h->fin = fin;
    h->opcode = Opcode(op);
    h->masked = masked;
    for (int i = 0; i < 4; ++i) h->mask[i] = masked ? buf[2 + ext + size_t(i)] : 0;
    h->payload_len = plen;
    h->header_len = need;
  }
  return int(need);
}

void mask_bytes(uint8_t* data, size_t n, const uint8_t key[4], uint64_t offset) {
  size_t k = size_t(offset & 3);
  // Eight bytes at a time with the key rotated to `offset` (the payload is read in large chunks).
  uint8_t rot[8];
  for (size_t i = 0; i < 8; ++i) rot[i] = key[(k + i) & 3];
  uint64_t wide;
  std::memcpy(&wide, rot, 8);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, data + i, 8);
    v ^= wide;
    std::memcpy(data + i, &v, 8);
  }
  for (; i < n; ++i) data[i] ^= rot[i & 7];
}

}  // namespace dxs::ws
