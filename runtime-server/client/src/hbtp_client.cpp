// hbtp_client.cpp — HbtpClient (contract in dxs/client/hbtp_client.h).
#include "dxs/client/hbtp_client.h"

#include <algorithm>

namespace dxs::client {

using namespace dx::schema;

bool HbtpClient::connect(const HbtpOptions& o, std::string* err) {
  transport_ = o.transport;
  buf_.clear();
  kept_.clear();
  eof_ = false;
  seq_ = 0;
  ws_close_code_ = 0;
  max_payload_ = o.max_payload;
  if (o.transport == Transport::kWebSocket) {
    WsOptions wo;
    wo.host = o.host;
    wo.port = o.port;
    wo.path = o.path;
    wo.timeout_ms = o.timeout_ms;
    wo.max_message = kHbtpMaxPayloadLimit + kHbtpHeaderSize;
    if (!ws_.connect(wo, err)) return false;
  } else if (!sock_.connect(o.host, o.port, o.timeout_ms, err)) {
    return false;
  }
  if (o.hello) {
    HbtpHello mine;
    mine.max_payload = o.max_payload;
    uint8_t b[kHbtpHeaderSize + kHbtpHelloSize];
    uint32_t n = hbtp_write_hello(b, sizeof b, 0, mine);
    if (!send_bytes({reinterpret_cast<const char*>(b), n})) {
      if (err) *err = "cannot send Hello";
      return false;
    }
  }
  // The server speaks first: its Hello.
  std::optional<HbtpMessage> hello = read_frame(now_ms() + o.timeout_ms);
  HbtpFrame f;
  if (hello) f = {hello->header, hello->payload.data()};
  if (!hello || !hbtp_read_hello(f, &server_hello_)) {
    if (err) *err = "no Hello from the server";
    return false;
  }
  return true;
}

bool HbtpClient::send_bytes(std::string_view bytes) {
  if (transport_ == Transport::kWebSocket) return ws_.send(ws::Opcode::kBinary, as_bytes(bytes));
  return sock_.send_all(bytes, now_ms() + 10000);
}

bool HbtpClient::send_frame(HbtpHeader h, std::span<const uint8_t> payload) {
  h.length = uint32_t(payload.size());
  std::string bytes(kHbtpHeaderSize, '\0');
  hbtp_encode_header(reinterpret_cast<uint8_t*>(bytes.data()), h);
  bytes.append(reinterpret_cast<const char*>(payload.data()), payload.size());
  return send_bytes(bytes);
}

std::optional<HbtpMessage> HbtpClient::read_frame(int64_t deadline_ms) {
  for (;;) {
    HbtpFrame f;
    HbtpError e;
    int32_t r = hbtp_decode(reinterpret_cast<const uint8_t*>(buf_.data()), uint32_t(buf_.size()), max_payload_, &f, &e);
    if (r > 0) {
      HbtpMessage m{f.header, std::vector<uint8_t>(f.payload, f.payload + f.header.length)};
      buf_.erase(0, size_t(r));
      return m;
    }
    if (r == kHbtpMalformed || eof_) return std::nullopt;
    if (transport_ == Transport::kWebSocket) {
      int64_t left = std::max<int64_t>(0, deadline_ms - now_ms());
      std::optional<WsMessage> m = ws_.receive(int(left));
      if (!m) {
        eof_ = ws_.eof();
        return std::nullopt;
      }
      if (m->event == ws::Event::kBinary) buf_.append(reinterpret_cast<const char*>(m->data.data()), m->data.size());
      else if (m->event == ws::Event::kPing) ws_.send(ws::Opcode::kPong, m->data);
      else if (m->event == ws::Event::kClose || m->event == ws::Event::kError) {
        ws_close_code_ = m->close_code;
        // Answer a Close with its code (RFC 6455 §5.5.1), a bad server frame with the error's code.
        uint16_t reply = m->event == ws::Event::kClose ? ws::close_reply_code(m->close_code) : m->close_code;
        ws_.send(ws::Opcode::kClose, std::vector<uint8_t>{uint8_t(reply >> 8), uint8_t(reply)});
        eof_ = true;
      }
      continue;
    }
    if (!sock_.recv_append(buf_, deadline_ms, &eof_)) return std::nullopt;
  }
}

std::optional<HbtpMessage> HbtpClient::next(int timeout_ms) {
  if (!kept_.empty()) {
    HbtpMessage m = std::move(kept_.front());
    kept_.pop_front();
    return m;
  }
  return read_frame(now_ms() + timeout_ms);
}

std::optional<HbtpMessage> HbtpClient::await(uint8_t opcode, uint16_t seq, int timeout_ms) {
  for (auto it = kept_.begin(); it != kept_.end(); ++it)
    if (it->header.opcode == opcode && it->header.sequence == seq) {
      HbtpMessage m = std::move(*it);
      kept_.erase(it);
      return m;
    }
  int64_t deadline = now_ms() + timeout_ms;
  for (;;) {
    std::optional<HbtpMessage> m = read_frame(deadline);
    if (!m) return std::nullopt;
    if (m->header.opcode == opcode && m->header.sequence == seq) return m;
    bool closing = m->header.opcode == kHbtpClose;
    kept_.push_back(std::move(*m));
    if (closing) return std::nullopt;  // the server closed: no answer will come
  }
}

std::optional<std::vector<uint8_t>> HbtpClient::ping(std::span<const uint8_t> payload, int timeout_ms) {
  uint16_t seq = next_sequence();
  if (!send_frame({kHbtpPing, kHbtpFinal, seq, 0}, payload)) return std::nullopt;
  std::optional<HbtpMessage> m = await(kHbtpPong, seq, timeout_ms);
  if (!m) return std::nullopt;
  return std::move(m->payload);
}

std::optional<RpcReply> HbtpClient::call(uint32_t method, std::span<const uint8_t> args, int timeout_ms) {
  uint16_t seq = next_sequence();
  std::vector<uint8_t> payload(4);
  store_u32(payload.data(), method);
  payload.insert(payload.end(), args.begin(), args.end());
  if (!send_frame({kHbtpRpcCall, kHbtpFinal | kHbtpExpectsResponse, seq, 0}, payload)) return std::nullopt;
  std::optional<HbtpMessage> m = await(kHbtpRpcResponse, seq, timeout_ms);
  if (!m || m->payload.size() < 4) return std::nullopt;
  return RpcReply{load_u32(m->payload.data()), std::vector<uint8_t>(m->payload.begin() + 4, m->payload.end())};
}

bool HbtpClient::close(int timeout_ms) {
  uint8_t b[kHbtpHeaderSize + 2];
  uint32_t n = hbtp_write_close(b, sizeof b, kHbtpOk, nullptr);
  if (!send_bytes({reinterpret_cast<const char*>(b), n})) return false;
  int64_t deadline = now_ms() + timeout_ms;
  if (!await(kHbtpClose, 0, timeout_ms)) return false;
  return wait_eof(int(std::max<int64_t>(0, deadline - now_ms())));
}

bool HbtpClient::wait_eof(int timeout_ms) {
  int64_t deadline = now_ms() + timeout_ms;
  while (!eof_)
    if (!read_frame(deadline) && !eof_) return false;
  // WebSocket: after the Close frames, the TCP connection itself.
  if (transport_ == Transport::kWebSocket) return ws_.wait_eof(int(std::max<int64_t>(0, deadline - now_ms())));
  sock_.close();  // the server closed first; release our end at once
  return true;
}

}  // namespace dxs::client
