// handshake.cpp — the server side of the RFC 6455 opening handshake (contract: dxs/ws/handshake.h).
#include "dxs/ws/handshake.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace dxs::ws {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Does the comma-separated list `value` contain `token` (case-insensitively)?
bool has_token(std::string_view value, std::string_view token) {
  while (true) {
    size_t comma = value.find(',');
    if (iequals(trim(value.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) return false;
    value.remove_prefix(comma + 1);
  }
}

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// 16 bytes in base64 are 22 characters and "==".
bool valid_key(std::string_view k) {
  if (k.size() != 24 || k[22] != '=' || k[23] != '=') return false;
  for (size_t i = 0; i < 22; ++i)
    if (!is_base64_char(k[i])) return false;
  return true;
}

constexpr std::string_view kGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

}  // namespace

UpgradeRequest check_upgrade(std::string_view method, int http_minor, std::span<const HeaderField> headers,
                             std::string_view want_protocol) {
  UpgradeRequest r;
  auto fail = [&r](HandshakeStatus s) {
    r.status = s;
    r.key = {};
    r.protocol = {};
    return r;
  };
  if (method != "GET") return fail(HandshakeStatus::kNotGet);
  if (http_minor < 1) return fail(HandshakeStatus::kNotHttp11);
  bool host = false, upgrade = false, connection = false, version_13 = false;
  int keys = 0, versions = 0;
  for (const HeaderField& h : headers) {
    if (iequals(h.name, "host")) host = true;
    else if (iequals(h.name, "upgrade")) upgrade = upgrade || has_token(h.value, "websocket");
    else if (iequals(h.name, "connection")) connection = connection || has_token(h.value, "upgrade");
    else if (iequals(h.name, "sec-websocket-key")) { ++keys; r.key = h.value; }
    else if (iequals(h.name, "sec-websocket-version")) { ++versions; version_13 = trim(h.value) == "13"; }
    else if (iequals(h.name, "sec-websocket-protocol") && !want_protocol.empty() && has_token(h.value, want_protocol))
      r.protocol = want_protocol;
  }
  if (!host) return fail(HandshakeStatus::kNoHost);
  if (!upgrade) return fail(HandshakeStatus::kNoUpgrade);
  if (!connection) return fail(HandshakeStatus::kNoConnectionUpgrade);
  if (keys != 1 || !valid_key(r.key)) return fail(HandshakeStatus::kBadKey);
  if (versions != 1 || !version_13) return fail(HandshakeStatus::kBadVersion);
  return r;
}

std::string accept_key(std::string_view key) {
  std::string in;
  in.reserve(key.size() + kGuid.size());
  in.append(key).append(kGuid);
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(in.data()), in.size(), digest);
  unsigned char b64[4 * ((SHA_DIGEST_LENGTH + 2) / 3) + 1];
  int n = EVP_EncodeBlock(b64, digest, SHA_DIGEST_LENGTH);
  return std::string(reinterpret_cast<const char*>(b64), size_t(n));
}

std::string accept_response(std::string_view key, std::string_view protocol) {
  std::string out =
      "HTTP/1.1 101 Switching Protocols\r\n"
      "Upgrade: websocket\r\n"
      "Connection: Upgrade\r\n"
      "Sec-WebSocket-Accept: ";
  out += accept_key(key);
  out += "\r\n";
  if (!protocol.empty()) out.append("Sec-WebSocket-Protocol: ").append(protocol).append("\r\n");
  out += "\r\n";
  return out;
}

std::string reject_response(HandshakeStatus status) {
  switch (status) {
    case HandshakeStatus::kOk: return {};
    case HandshakeStatus::kNotGet:
      return "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    case HandshakeStatus::kBadVersion:
      return "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n"
             "Connection: close\r\n\r\n";
    default: return "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  }
}

const char* describe(HandshakeStatus status) {
  switch (status) {
    case HandshakeStatus::kOk: return "ok";
    case HandshakeStatus::kNotGet: return "the upgrade request is not a GET";
    case HandshakeStatus::kNotHttp11: return "the upgrade request is not HTTP/1.1";
    case HandshakeStatus::kNoHost: return "no Host header";
    case HandshakeStatus::kNoUpgrade: return "no `Upgrade: websocket` header";
    case HandshakeStatus::kNoConnectionUpgrade: return "the Connection header does not list `upgrade`";
    case HandshakeStatus::kBadKey: return "Sec-WebSocket-Key is missing, repeated or not base64 of 16 bytes";
    case HandshakeStatus::kBadVersion: return "Sec-WebSocket-Version is not 13";
  }
  return "unknown";
}

}  // namespace dxs::ws
