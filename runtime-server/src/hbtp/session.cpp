// hbtp/session.cpp — Session (contract in session.h; the rules are schemas/hbtp.md's "Behaviour rules").
#include "hbtp/session.h"

#include <cstdio>
#include <ctime>

namespace dxs::hbtp {

using namespace dx::schema;

namespace {

// Appends one frame (header + payload) to `out`.
void put_frame(Bytes& out, HbtpHeader h, const uint8_t* payload, uint32_t len) {
  h.length = len;
  uint8_t head[kHbtpHeaderSize];
  hbtp_encode_header(head, h);
  out.insert(out.end(), head, head + kHbtpHeaderSize);
  if (len) out.insert(out.end(), payload, payload + len);
}

// Appends a small frame the codec writes into a buffer (Hello, Error, Close).
template <typename Write>
void put_small(Bytes& out, Write write) {
  uint8_t buf[kHbtpHeaderSize + kHbtpMaxControlPayload];
  out.insert(out.end(), buf, buf + write(buf, uint32_t(sizeof buf)));
}

int64_t coarse_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

void Session::start(Env& env, Bytes& out) {
  env_ = &env;
  hello_ = closing_ = fragmenting_ = false;
  close_code_ = 0;
  peer_max_payload_ = kHbtpDefaultMaxPayload;
  frag_.clear();
  HbtpHello mine;
  mine.max_payload = env.max_payload;
  put_small(out, [&](uint8_t* b, uint32_t cap) { return hbtp_write_hello(b, cap, 0, mine); });
}

size_t Session::consume(const uint8_t* buf, size_t len, Bytes& out) {
  size_t at = 0;
  while (!closing_ && at < len) {
    HbtpFrame f;
    HbtpError e;
    size_t left = len - at;
    int32_t r = hbtp_decode(buf + at, left > UINT32_MAX ? UINT32_MAX : uint32_t(left), env_->max_payload, &f, &e);
    if (r == kHbtpPartial) break;
    if (r == kHbtpMalformed) {
      fail(e.code, e.message, out);
      return len;  // nothing more is read from this peer
    }
    at += size_t(r);
    on_frame(f, out);
  }
  return closing_ ? len : at;
}

void Session::end_of_message(size_t left, Bytes& out) {
  if (left && !closing_) fail(kHbtpErrMalformed, "a WebSocket message ended inside a frame", out);
}

void Session::on_frame(const HbtpFrame& f, Bytes& out) {
  const HbtpHeader& h = f.header;
  ++env_->stats.frames_in;
  if (!hbtp_flags_allowed(h.flags, 0))  // no feature is agreed in version 1
    return fail(kHbtpErrUnsupported, "flag not agreed (ENCRYPTED or COMPRESSED)", out);
  if (!hello_) {
    if (h.opcode != kHbtpHello) return fail(kHbtpErrProtocol, "the first frame must be Hello", out);
    return on_hello(f, out);
  }
  if (hbtp_is_control(h.opcode)) {
    switch (h.opcode) {
      case kHbtpHello: return fail(kHbtpErrProtocol, "a second Hello", out);
      case kHbtpPing: return put_frame(out, {kHbtpPong, kHbtpFinal, h.sequence, 0}, f.payload, h.length);
      case kHbtpPong: return;
      case kHbtpClose: {
        HbtpStatus st;
        if (!hbtp_read_status(f, &st)) return fail(kHbtpErrProtocol, "bad Close payload", out);
        return send_close(kHbtpOk, nullptr, out);
      }
      case kHbtpError: {
        HbtpStatus st;
        if (!hbtp_read_status(f, &st)) return fail(kHbtpErrProtocol, "bad Error payload", out);
        return;  // the peer's Close follows
      }
      default: return ignore(h);  // 0x06-0x0F: unassigned control opcodes
    }
  }
  // A data frame: reassemble a fragmented message (rule 7), then handle it whole.
  bool final = h.flags & kHbtpFinal;
  if (fragmenting_) {
    if (h.opcode != frag_op_ || h.sequence != frag_seq_)
      return fail(kHbtpErrProtocol, "a frame of another message inside a fragmented one", out);
    if (h.length > env_->max_payload - frag_.size())
      return fail(kHbtpErrTooLarge, "reassembled message over the receiver's limit", out);
    frag_.insert(frag_.end(), f.payload, f.payload + h.length);
    if (!final) return;
    fragmenting_ = false;
    on_message(frag_op_, frag_flags_, frag_seq_, frag_.data(), uint32_t(frag_.size()), out);
    frag_.clear();
    return;
  }
  if (!final) {
    fragmenting_ = true;
    frag_op_ = h.opcode;
    frag_flags_ = h.flags;
    frag_seq_ = h.sequence;
    frag_.assign(f.payload, f.payload + h.length);
    return;
  }
  on_message(h.opcode, h.flags, h.sequence, f.payload, h.length, out);
}

void Session::on_hello(const HbtpFrame& f, Bytes& out) {
  HbtpHello peer;
  if (!hbtp_read_hello(f, &peer)) return fail(kHbtpErrProtocol, "Hello payload shorter than 12 bytes", out);
  HbtpHello mine;
  if (hbtp_negotiate(mine, peer) == 0) return fail(kHbtpErrVersion, "no common HBTP version", out);
  hello_ = true;
  peer_max_payload_ = peer.max_payload < kHbtpMaxPayloadLimit ? peer.max_payload : kHbtpMaxPayloadLimit;
}

void Session::on_message(uint8_t opcode, uint8_t flags, uint16_t seq, const uint8_t* payload, uint32_t len,
                         Bytes& out) {
  if (opcode == kHbtpRpcCall) return on_rpc(flags, seq, payload, len, out);
  ignore({opcode, flags, seq, len});  // state, HTIP, events, responses, Extended, unknown: not taken yet
}

void Session::on_rpc(uint8_t flags, uint16_t seq, const uint8_t* payload, uint32_t len, Bytes& out) {
  if (len < 4) return fail(kHbtpErrProtocol, "RpcCall payload shorter than 4 bytes", out);
  RpcRequest req;
  req.method = load_u32(payload);
  req.args = {payload + 4, len - 4};
  req.stats = &env_->stats;
  result_.assign(4, 0);  // the status goes here; the handler appends the result after it
  uint32_t status = kHbtpErrUnknownMethod;
  if (const RpcMethod* m = find_method(req.method)) status = m->handler(req, result_);
  ++env_->stats.rpc_calls;
  if (!(flags & kHbtpExpectsResponse)) return;  // a call that wants no answer gets none
  if (status != kHbtpOk || result_.size() > peer_max_payload_) {
    if (status == kHbtpOk) status = kHbtpErrInternal;  // the result would exceed what the peer accepts
    result_.resize(4);
  }
  store_u32(result_.data(), status);
  put_frame(out, {kHbtpRpcResponse, kHbtpFinal, seq, 0}, result_.data(), uint32_t(result_.size()));
}

// Rule 2: consumed whole, counted, logged — at most one line a second per worker, with how many were not.
void Session::ignore(const HbtpHeader& h) {
  ++env_->stats.ignored;
  int64_t now = coarse_ms();
  if (now < env_->log_next_ms) {
    ++env_->log_suppressed;
    return;
  }
  char line[96];
  hbtp_dump_header(h, line, sizeof line);
  if (env_->log_suppressed)
    std::fprintf(stderr, "dx-server: hbtp: ignored frame %s (and %llu more since the last line)\n", line,
                 static_cast<unsigned long long>(env_->log_suppressed));
  else
    std::fprintf(stderr, "dx-server: hbtp: ignored frame %s\n", line);
  env_->log_suppressed = 0;
  env_->log_next_ms = now + 1000;
}

void Session::fail(uint16_t code, const char* message, Bytes& out) {
  if (closing_) return;
  put_small(out, [&](uint8_t* b, uint32_t cap) { return hbtp_write_error(b, cap, 0, code, message); });
  send_close(code, nullptr, out);
}

void Session::send_close(uint16_t code, const char* reason, Bytes& out) {
  if (closing_) return;
  put_small(out, [&](uint8_t* b, uint32_t cap) { return hbtp_write_close(b, cap, code, reason); });
  closing_ = true;
  close_code_ = code;
}

void Session::go_away(Bytes& out) { send_close(kHbtpErrGoingAway, "server shutting down", out); }

void Session::idle_close(Bytes& out) { send_close(kHbtpOk, "idle timeout", out); }

}  // namespace dxs::hbtp
