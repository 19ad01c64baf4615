// ws_client.cpp — WsClient (contract in dxs/client/ws_client.h).
#include "dxs/client/ws_client.h"

#include <openssl/evp.h>

#include <algorithm>
#include <random>

#include "dxs/ws/encoder.h"
#include "dxs/ws/handshake.h"

namespace dxs::client {
namespace {

std::string base64(const uint8_t* p, size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), p, int(n));
  out.resize(size_t(len));
  return out;
}

void random_bytes(uint8_t* p, size_t n) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  for (size_t i = 0; i < n; ++i) p[i] = uint8_t(rng());
}

// The value of header `name` (lower-case) in a response head, or empty.
std::string header_value(const std::string& head, std::string_view name) {
  size_t at = head.find("\r\n");
  while (at != std::string::npos && at + 2 < head.size()) {
    size_t end = head.find("\r\n", at + 2);
    std::string line = head.substr(at + 2, end - at - 2);
    size_t colon = line.find(':');
    if (colon != std::string::npos && colon == name.size()) {
      bool same = true;
      for (size_t i = 0; i < colon && same; ++i) same = char(std::tolower(uint8_t(line[i]))) == name[i];
      if (same) {
        size_t v = line.find_first_not_of(' ', colon + 1);
        return v == std::string::npos ? "" : line.substr(v);
      }
    }
    at = end;
  }
  return {};
}

}  // namespace

bool WsClient::connect(const WsOptions& o, std::string* err) {
  status_ = 0;
  eof_ = false;
  buf_.clear();
  protocol_.clear();
  int64_t deadline = now_ms() + o.timeout_ms;
  if (!sock_.connect(o.host, o.port, o.timeout_ms, err)) return false;
  uint8_t nonce[16];
  random_bytes(nonce, sizeof nonce);
  std::string key = base64(nonce, sizeof nonce);
  std::string req = "GET " + o.path + " HTTP/1.1\r\nHost: " + o.host + ":" + std::to_string(o.port) +
                    "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                    "\r\nSec-WebSocket-Version: 13\r\n";
  if (!o.protocol.empty()) req += "Sec-WebSocket-Protocol: " + o.protocol + "\r\n";
  req += "\r\n";
  if (!sock_.send_all(req, deadline)) {
    if (err) *err = "cannot send the handshake";
    return false;
  }
  size_t end;
  char tmp[4096];
  while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
    long n = sock_.recv_some(tmp, sizeof tmp, deadline);
    if (n <= 0) {
      if (err) *err = "no handshake answer";
      return false;
    }
    buf_.append(tmp, size_t(n));
  }
  std::string head = buf_.substr(0, end + 2);
  buf_.erase(0, end + 4);
  if (head.size() >= 12 && head.compare(0, 9, "HTTP/1.1 ") == 0) status_ = std::atoi(head.c_str() + 9);
  if (status_ != 101) {
    if (err) *err = "handshake refused: " + head.substr(0, head.find("\r\n"));
    return false;
  }
  if (header_value(head, "sec-websocket-accept") != ws::accept_key(key)) {
    if (err) *err = "wrong Sec-WebSocket-Accept";
    return false;
  }
  protocol_ = header_value(head, "sec-websocket-protocol");
  dec_.emplace(ws::DecoderLimits{o.max_message, ws::Role::kClient});
  return true;
}

bool WsClient::send(ws::Opcode op, std::span<const uint8_t> payload, bool fin) {
  uint8_t key[4];
  random_bytes(key, 4);
  ws::Buffer frame;
  ws::append_masked_frame(frame, op, payload, key, fin);
  return send_raw({reinterpret_cast<const char*>(frame.data()), frame.size()});
}

bool WsClient::send_raw(std::string_view bytes) { return sock_.send_all(bytes, now_ms() + 10000); }

std::optional<WsMessage> WsClient::receive(int timeout_ms) {
  int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    while (!buf_.empty() && !dec_->done()) {
      ws::Step s = dec_->feed(reinterpret_cast<const uint8_t*>(buf_.data()), buf_.size());
      buf_.erase(0, s.consumed);
      if (s.event == ws::Event::kNone) continue;
      WsMessage m;
      m.event = s.event;
      std::span<const uint8_t> data;
      if (s.event == ws::Event::kText || s.event == ws::Event::kBinary) data = dec_->message();
      if (s.event == ws::Event::kPing || s.event == ws::Event::kPong) data = dec_->control();
      m.data.assign(data.begin(), data.end());
      if (s.event == ws::Event::kClose) {
        m.close_code = dec_->close_code();
        m.reason = dec_->close_reason();
      }
      if (s.event == ws::Event::kError) {
        m.close_code = dec_->error().code;
        m.reason = dec_->error().reason;
      }
      return m;
    }
    if (eof_ || dec_->done()) return std::nullopt;
    if (!sock_.recv_append(buf_, deadline, &eof_)) return std::nullopt;
  }
}

bool WsClient::wait_eof(int timeout_ms) {
  int64_t deadline = now_ms() + timeout_ms;
  char tmp[65536];
  while (!eof_) {
    long n = sock_.recv_some(tmp, sizeof tmp, deadline);
    if (n < 0) return false;
    if (n == 0) eof_ = true;
  }
  sock_.close();  // the server closed first (as it should); release our end at once
  return true;
}

bool WsClient::close(uint16_t code, std::string_view reason, int timeout_ms) {
  std::vector<uint8_t> body{uint8_t(code >> 8), uint8_t(code)};
  body.insert(body.end(), reason.begin(), reason.begin() + ptrdiff_t(std::min<size_t>(reason.size(), 123)));
  if (!send(ws::Opcode::kClose, body)) return false;
  int64_t deadline = now_ms() + timeout_ms;
  bool got_close = false;
  while (!got_close) {
    auto m = receive(int(std::max<int64_t>(0, deadline - now_ms())));
    if (!m) return false;
    got_close = m->event == ws::Event::kClose;
  }
  return wait_eof(int(std::max<int64_t>(0, deadline - now_ms())));
}

}  // namespace dxs::client
