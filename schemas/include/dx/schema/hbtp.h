// dx/schema/hbtp.h — HBTP frames (spec: schemas/hbtp.md): constants, header encode/decode, a pure
// incremental frame decoder, frame writers into caller buffers, the payload readers of Hello, Error,
// Close and RpcCall, version negotiation, the flag rule, RPC routing, and a one-line header dump.
//
// Freestanding and header-only (no exceptions, no allocation, no libc): dx-server, the C++ client and the
// wasm runtime include it, so writer and readers cannot drift. dx.js mirrors the numbers by hand.
//
// Decoder contract (picohttpparser's), one function:
//   int32_t hbtp_decode(buf, len, max_payload, &frame, &error)
//     > 0  a complete frame (8-byte header + payload) is at the start of `buf`; the value is its size in
//          bytes; frame.payload views into `buf` (valid while `buf` is). Unknown opcodes are returned too:
//          the caller ignores (and logs) a frame for which hbtp_known_opcode() is false.
//    -2    kHbtpPartial: no complete frame yet; call again with the same bytes plus more.
//    -1    kHbtpMalformed: the bytes can never start a valid frame; `error` holds the code and a static
//          message for the Error frame the receiver sends before it closes.
// Pure: no state between calls, no allocation, reads only buf[0, len). An invalid header is reported as
// soon as the bytes that show it have arrived (a too-long length after 8 bytes, without waiting for the
// payload), so fed one byte at a time it gives kHbtpPartial until the same answer fed whole gives.
#pragma once
#include "dx/schema/bytes.h"

namespace dx::schema {

inline constexpr uint16_t kHbtpVersion = 1;
inline constexpr uint16_t kHbtpMinCompatible = 1;
inline constexpr uint32_t kHbtpHeaderSize = 8;
inline constexpr uint32_t kHbtpDefaultMaxPayload = 1u << 20;   // 1 MiB unless a Hello says otherwise
inline constexpr uint32_t kHbtpMaxPayloadLimit = 16u << 20;    // no receiver accepts more than 16 MiB
inline constexpr uint32_t kHbtpMaxControlPayload = 125;        // Hello, Ping, Pong, Close, Error
inline constexpr uint32_t kHbtpHelloSize = 12;

// X(name, code, control) — control frames are small (≤ 125 bytes of payload) and never fragmented.
#define DX_HBTP_OPCODES(X)      \
  X(Hello, 0x01, true)          \
  X(Ping, 0x02, true)           \
  X(Pong, 0x03, true)           \
  X(Close, 0x04, true)          \
  X(Error, 0x05, true)          \
  X(StateSync, 0x10, false)     \
  X(StateDelta, 0x11, false)    \
  X(HtipClone, 0x20, false)     \
  X(HtipPatchText, 0x21, false) \
  X(RpcCall, 0x30, false)       \
  X(RpcResponse, 0x31, false)   \
  X(ClientEvent, 0x40, false)   \
  X(ServerEvent, 0x41, false)   \
  X(Extended, 0xFF, false)

enum HbtpOpcode : uint8_t {
#define DX_HBTP_ENUM(name, code, control) kHbtp##name = code,
  DX_HBTP_OPCODES(DX_HBTP_ENUM)
#undef DX_HBTP_ENUM
};

enum HbtpFlags : uint8_t {
  kHbtpCompressed = 0x01,       // payload is raw DEFLATE (only if both Hellos announce kHbtpFeatureDeflate)
  kHbtpEncrypted = 0x02,        // reserved for a later version: version 1 answers Error kHbtpErrUnsupported
  kHbtpExpectsResponse = 0x04,  // the peer answers with a frame carrying the same sequence
  kHbtpFinal = 0x08,            // last frame of a message (a single-frame message has it set)
  kHbtpReservedFlags = 0xF0,    // must be zero: a set reserved bit is a malformed header
};

// ServerEvent (0x41, server → client) payload: `u32 kind`, then UTF-8 text.
enum HbtpServerEventKind : uint32_t {
  kHbtpEventReload = 1,       // dx-server --dev: the dist was reloaded; a page reloads itself
  kHbtpEventBuildFailed = 2,  // dx-server --dev: the last build failed; the text holds the diagnostics
};

enum HbtpFeature : uint32_t { kHbtpFeatureDeflate = 1 };

// Error / Close codes (u16 at the start of those payloads).
enum HbtpErrorCode : uint16_t {
  kHbtpOk = 0,                 // Close: normal closure
  kHbtpErrMalformed = 1,       // bad header: opcode 0, reserved flag, fragmented or oversized control frame
  kHbtpErrTooLarge = 2,        // length over the receiver's limit
  kHbtpErrVersion = 3,         // Hello: no common version
  kHbtpErrProtocol = 4,        // valid frame in the wrong place (no Hello first, bad payload of a known opcode)
  kHbtpErrUnsupported = 5,     // a flag or feature the receiver did not agree to (ENCRYPTED, COMPRESSED)
  kHbtpErrUnknownMethod = 6,   // RpcResponse status: no such method id
  kHbtpErrInternal = 7,        // the handler failed
  kHbtpErrGoingAway = 8,       // Close: server shutting down
};

inline bool hbtp_known_opcode(uint8_t op) {
  switch (op) {
#define DX_HBTP_CASE(name, code, control) case code:
    DX_HBTP_OPCODES(DX_HBTP_CASE)
#undef DX_HBTP_CASE
    return true;
    default: return false;
  }
}
inline bool hbtp_is_control(uint8_t op) { return op >= kHbtpHello && op <= 0x0F; }  // 0x01-0x0F
inline const char* hbtp_opcode_name(uint8_t op) {
  switch (op) {
#define DX_HBTP_NAME(name, code, control) case code: return #name;
    DX_HBTP_OPCODES(DX_HBTP_NAME)
#undef DX_HBTP_NAME
    default: return "Unknown";
  }
}

struct HbtpHeader {
  uint8_t opcode = 0;
  uint8_t flags = 0;
  uint16_t sequence = 0;
  uint32_t length = 0;  // payload bytes after the header
};

struct HbtpFrame {
  HbtpHeader header;
  const uint8_t* payload = nullptr;
};

struct HbtpError {
  uint16_t code = kHbtpOk;
  const char* message = nullptr;  // static string
};

inline constexpr int32_t kHbtpMalformed = -1;
inline constexpr int32_t kHbtpPartial = -2;

inline void hbtp_encode_header(uint8_t out[kHbtpHeaderSize], const HbtpHeader& h) {
  out[0] = h.opcode;
  out[1] = h.flags;
  store_u16(out + 2, h.sequence);
  store_u32(out + 4, h.length);
}
inline HbtpHeader hbtp_decode_header(const uint8_t in[kHbtpHeaderSize]) {
  HbtpHeader h;
  h.opcode = in[0];
  h.flags = in[1];
  h.sequence = load_u16(in + 2);
  h.length = load_u32(in + 4);
  return h;
}

// The decoder; see the contract at the top of this file. `max_payload` is clamped to kHbtpMaxPayloadLimit.
inline int32_t hbtp_decode(const uint8_t* buf, uint32_t len, uint32_t max_payload, HbtpFrame* frame,
                           HbtpError* error) {
  auto fail = [error](uint16_t code, const char* msg) {
    if (error) { error->code = code; error->message = msg; }
    return kHbtpMalformed;
  };
  if (max_payload > kHbtpMaxPayloadLimit) max_payload = kHbtpMaxPayloadLimit;
  if (len >= 1 && buf[0] == 0) return fail(kHbtpErrMalformed, "opcode 0 is not a frame");
  if (len >= 2) {
    if (buf[1] & kHbtpReservedFlags) return fail(kHbtpErrMalformed, "reserved flag bits are set");
    if (hbtp_is_control(buf[0]) && !(buf[1] & kHbtpFinal))
      return fail(kHbtpErrMalformed, "control frame without FINAL (control frames are never fragmented)");
  }
  if (len < kHbtpHeaderSize) return kHbtpPartial;
  HbtpHeader h = hbtp_decode_header(buf);
  if (hbtp_is_control(h.opcode) && h.length > kHbtpMaxControlPayload)
    return fail(kHbtpErrMalformed, "control frame payload longer than 125 bytes");
  if (h.length > max_payload) return fail(kHbtpErrTooLarge, "frame length over the receiver's limit");
  if (len - kHbtpHeaderSize < h.length) return kHbtpPartial;
  if (frame) {
    frame->header = h;
    frame->payload = buf + kHbtpHeaderSize;
  }
  return int32_t(kHbtpHeaderSize + h.length);
}

// Writes header + payload into out[0, cap). Returns the bytes written, or 0 if they do not fit (nothing
// useful is written then). `h.length` is set from `payload_len`.
inline uint32_t hbtp_write_frame(uint8_t* out, uint32_t cap, HbtpHeader h, const uint8_t* payload,
                                 uint32_t payload_len) {
  if (cap < kHbtpHeaderSize || payload_len > cap - kHbtpHeaderSize) return 0;
  h.length = payload_len;
  hbtp_encode_header(out, h);
  for (uint32_t i = 0; i < payload_len; ++i) out[kHbtpHeaderSize + i] = payload[i];
  return kHbtpHeaderSize + payload_len;
}

// Hello: u16 version, u16 min_compatible, u32 max_payload (the sender's receive limit), u32 features.
struct HbtpHello {
  uint16_t version = kHbtpVersion;
  uint16_t min_compatible = kHbtpMinCompatible;
  uint32_t max_payload = kHbtpDefaultMaxPayload;
  uint32_t features = 0;
};

inline uint32_t hbtp_write_hello(uint8_t* out, uint32_t cap, uint16_t sequence, const HbtpHello& hello) {
  uint8_t p[kHbtpHelloSize];
  store_u16(p, hello.version);
  store_u16(p + 2, hello.min_compatible);
  store_u32(p + 4, hello.max_payload);
  store_u32(p + 8, hello.features);
  return hbtp_write_frame(out, cap, {kHbtpHello, kHbtpFinal, sequence, 0}, p, kHbtpHelloSize);
}

// Reads a Hello payload (extra trailing bytes are allowed: later versions may append fields).
inline bool hbtp_read_hello(const HbtpFrame& f, HbtpHello* out) {
  if (f.header.opcode != kHbtpHello || f.header.length < kHbtpHelloSize) return false;
  out->version = load_u16(f.payload);
  out->min_compatible = load_u16(f.payload + 2);
  out->max_payload = load_u32(f.payload + 4);
  out->features = load_u32(f.payload + 8);
  return true;
}

// The version both sides speak after exchanging Hellos, or 0 if none (answer Error kHbtpErrVersion).
// A side of version V accepts a peer whose min_compatible ≤ V, and vice versa.
inline uint16_t hbtp_negotiate(const HbtpHello& mine, const HbtpHello& peer) {
  if (peer.min_compatible > mine.version || mine.min_compatible > peer.version) return 0;
  if (peer.min_compatible > peer.version) return 0;
  return mine.version < peer.version ? mine.version : peer.version;
}

// Error and Close payloads: u16 code, then a UTF-8 message of at most 123 bytes (longer ones are cut at a
// code point boundary when written).
inline uint32_t hbtp_write_status(uint8_t* out, uint32_t cap, uint8_t opcode, uint16_t sequence, uint16_t code,
                                  const char* message) {
  uint8_t p[kHbtpMaxControlPayload];
  store_u16(p, code);
  uint32_t n = 0;
  while (message && message[n] && n < kHbtpMaxControlPayload - 2) ++n;
  if (message && message[n]) {
    while (n > 0 && (uint8_t(message[n]) & 0xC0) == 0x80) --n;  // do not split a code point
  }
  for (uint32_t i = 0; i < n; ++i) p[2 + i] = uint8_t(message[i]);
  return hbtp_write_frame(out, cap, {opcode, kHbtpFinal, sequence, 0}, p, 2 + n);
}
inline uint32_t hbtp_write_error(uint8_t* out, uint32_t cap, uint16_t sequence, uint16_t code, const char* message) {
  return hbtp_write_status(out, cap, kHbtpError, sequence, code, message);
}
inline uint32_t hbtp_write_close(uint8_t* out, uint32_t cap, uint16_t code, const char* reason) {
  return hbtp_write_status(out, cap, kHbtpClose, 0, code, reason);
}

struct HbtpStatus {
  uint16_t code = 0;
  const uint8_t* message = nullptr;
  uint32_t message_len = 0;
};

// Reads an Error or Close payload: at least the u16 code; the message must be valid UTF-8.
inline bool hbtp_read_status(const HbtpFrame& f, HbtpStatus* out) {
  if (f.header.length < 2) return false;
  if (!valid_utf8(f.payload + 2, f.header.length - 2)) return false;
  out->code = load_u16(f.payload);
  out->message = f.payload + 2;
  out->message_len = f.header.length - 2;
  return true;
}

// Pong answers a Ping: the same sequence and the same payload.
inline uint32_t hbtp_write_pong(uint8_t* out, uint32_t cap, const HbtpFrame& ping) {
  return hbtp_write_frame(out, cap, {kHbtpPong, kHbtpFinal, ping.header.sequence, 0}, ping.payload,
                          ping.header.length);
}

// RpcCall payload: u32 method id, then the arguments. RpcResponse payload: u32 status (kHbtpOk or an
// HbtpErrorCode), then the result. Both carry the call's sequence.
inline uint32_t hbtp_write_rpc_call(uint8_t* out, uint32_t cap, uint16_t sequence, uint32_t method,
                                    const uint8_t* args, uint32_t args_len) {
  if (cap < kHbtpHeaderSize + 4 || args_len > cap - kHbtpHeaderSize - 4) return 0;
  hbtp_encode_header(out, {kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, sequence, 4 + args_len});
  store_u32(out + kHbtpHeaderSize, method);
  for (uint32_t i = 0; i < args_len; ++i) out[kHbtpHeaderSize + 4 + i] = args[i];
  return kHbtpHeaderSize + 4 + args_len;
}
inline uint32_t hbtp_write_rpc_response(uint8_t* out, uint32_t cap, uint16_t sequence, uint32_t status,
                                        const uint8_t* result, uint32_t result_len) {
  if (cap < kHbtpHeaderSize + 4 || result_len > cap - kHbtpHeaderSize - 4) return 0;
  hbtp_encode_header(out, {kHbtpRpcResponse, kHbtpFinal, sequence, 4 + result_len});
  store_u32(out + kHbtpHeaderSize, status);
  for (uint32_t i = 0; i < result_len; ++i) out[kHbtpHeaderSize + 4 + i] = result[i];
  return kHbtpHeaderSize + 4 + result_len;
}

struct HbtpRpcCall {
  uint32_t method = 0;
  const uint8_t* args = nullptr;
  uint32_t args_len = 0;
};
inline bool hbtp_read_rpc_call(const HbtpFrame& f, HbtpRpcCall* out) {
  if (f.header.opcode != kHbtpRpcCall || f.header.length < 4) return false;
  out->method = load_u32(f.payload);
  out->args = f.payload + 4;
  out->args_len = f.header.length - 4;
  return true;
}

struct HbtpRpcResult {
  uint32_t status = kHbtpOk;
  const uint8_t* result = nullptr;
  uint32_t result_len = 0;
};
inline bool hbtp_read_rpc_response(const HbtpFrame& f, HbtpRpcResult* out) {
  if (f.header.opcode != kHbtpRpcResponse || f.header.length < 4) return false;
  out->status = load_u32(f.payload);
  out->result = f.payload + 4;
  out->result_len = f.header.length - 4;
  return true;
}

// May a frame with these flags be accepted? ENCRYPTED never (version 1); COMPRESSED only when both Hellos
// announced kHbtpFeatureDeflate (`agreed_features` is the AND of the two). Otherwise: Error 5, then Close.
inline bool hbtp_flags_allowed(uint8_t flags, uint32_t agreed_features) {
  if (flags & (kHbtpEncrypted | kHbtpReservedFlags)) return false;
  if ((flags & kHbtpCompressed) && !(agreed_features & kHbtpFeatureDeflate)) return false;
  return true;
}

// One line of text for logs and `dxc inspect`-style dumps, e.g. "RpcCall seq=2 len=8 FINAL|EXPECTS_RESPONSE"
// or "0x50 seq=3 len=1 FINAL" for an unknown opcode. Writes at most cap-1 characters and a NUL (cap > 0);
// returns the length written.
inline uint32_t hbtp_dump_header(const HbtpHeader& h, char* out, uint32_t cap) {
  uint32_t n = 0;
  auto put = [&](const char* s) { while (*s && n + 1 < cap) out[n++] = *s++; };
  auto num = [&](uint32_t v) {
    char d[10];
    int k = 0;
    do { d[k++] = char('0' + v % 10); v /= 10; } while (v);
    while (k && n + 1 < cap) out[n++] = d[--k];
  };
  if (hbtp_known_opcode(h.opcode)) {
    put(hbtp_opcode_name(h.opcode));
  } else {
    const char hex[] = "0123456789abcdef";
    char op[5] = {'0', 'x', hex[h.opcode >> 4], hex[h.opcode & 15], 0};
    put(op);
  }
  put(" seq="); num(h.sequence);
  put(" len="); num(h.length);
  const char* names[8] = {"COMPRESSED", "ENCRYPTED", "EXPECTS_RESPONSE", "FINAL",
                          "RESERVED4", "RESERVED5", "RESERVED6", "RESERVED7"};
  bool first = true;
  for (int bit = 0; bit < 8; ++bit) {
    if (!(h.flags & (1 << bit))) continue;
    put(first ? " " : "|");
    put(names[bit]);
    first = false;
  }
  if (cap) out[n] = 0;
  return n;
}

// The compile-time RPC table: dxc numbers an app's server functions 0..N-1 and emits an array of
// handlers; routing is one bounds check and one index (O(1)). Returns null for an unknown id (answer an
// RpcResponse with status kHbtpErrUnknownMethod; the connection stays open).
template <typename Handler, uint32_t N>
inline const Handler* hbtp_route(const Handler (&table)[N], uint32_t method) {
  return method < N ? &table[method] : nullptr;
}

}  // namespace dx::schema
