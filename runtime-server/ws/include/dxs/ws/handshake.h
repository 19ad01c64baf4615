// dxs/ws/handshake.h — the server side of the RFC 6455 opening handshake (§4.2).
//
// Contract: check_upgrade() takes a request head already parsed (method, HTTP minor version, the header
// fields as name/value views — e.g. dxs::http1::Request's) and decides whether it is a valid WebSocket
// upgrade: GET, HTTP/1.1 or later, a Host, `Upgrade: websocket`, `Connection` listing `upgrade` (tokens,
// case-insensitive, over repeated headers), exactly one Sec-WebSocket-Key that is base64 of 16 bytes, and
// `Sec-WebSocket-Version: 13`. It allocates nothing; the views point into the caller's request.
// accept_response() builds the 101 answer with Sec-WebSocket-Accept = base64(SHA-1(key + GUID)) (OpenSSL);
// reject_response() the 4xx for a failed check (426 with `Sec-WebSocket-Version: 13` for a wrong version).
// Origin is not checked here (a policy of the server's); no extension is accepted (no permessage-deflate).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace dxs::ws {

struct HeaderField {
  std::string_view name;   // compared case-insensitively
  std::string_view value;  // without surrounding whitespace
};

enum class HandshakeStatus : uint8_t {
  kOk,
  kNotGet,            // 405
  kNotHttp11,         // 400
  kNoHost,            // 400
  kNoUpgrade,         // 400: Upgrade missing or not "websocket"
  kNoConnectionUpgrade,  // 400
  kBadKey,            // 400: missing, repeated, or not base64 of 16 bytes
  kBadVersion,        // 426 + Sec-WebSocket-Version: 13
};

struct UpgradeRequest {
  HandshakeStatus status = HandshakeStatus::kOk;
  std::string_view key;       // Sec-WebSocket-Key, when status is kOk
  std::string_view protocol;  // `want_protocol` if the client offered it in Sec-WebSocket-Protocol, else empty
};

// `want_protocol`: the subprotocol the server speaks (e.g. "hbtp"); empty for none.
UpgradeRequest check_upgrade(std::string_view method, int http_minor, std::span<const HeaderField> headers,
                             std::string_view want_protocol = {});

// base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")): 28 characters.
std::string accept_key(std::string_view key);

// "HTTP/1.1 101 Switching Protocols" with Upgrade, Connection, Sec-WebSocket-Accept and, when `protocol`
// is not empty, Sec-WebSocket-Protocol.
std::string accept_response(std::string_view key, std::string_view protocol = {});

// The answer to a failed check (status ≠ kOk): a complete response with Content-Length: 0 and
// Connection: close.
std::string reject_response(HandshakeStatus status);

const char* describe(HandshakeStatus status);

}  // namespace dxs::ws
