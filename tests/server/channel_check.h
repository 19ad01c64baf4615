// channel_check.h — the properties every input must keep through the server's protocol stack
// (runtime-server/src/hbtp/channel.h), shared by the libFuzzer target (fuzz/hbtp_channel_fuzz.cpp) and the
// deterministic Catch test (hbtp_channel_test.cpp).
//
// Input: byte 0 picks the transport (bit 0: WebSocket, else raw HBTP) and, for raw, whether a client Hello
// goes first (bit 1); the rest is what the client sends. Properties: fed whole, one byte at a time and in
// 7-byte pieces, the channel answers the same bytes (server_time's result blanked: the only answer that
// depends on when it is given); once it wrote a Close it writes nothing more; when it is closing, its last
// frame is a Close (raw: HBTP Close; WebSocket: a Close frame). A broken property calls __builtin_trap().
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "dx/schema/hbtp.h"
#include "hbtp/channel.h"

namespace dxs_test {

struct ChannelRun {
  dxs::hbtp::Bytes out;
  bool closing = false;
};

inline void channel_require(bool ok) {
  if (!ok) __builtin_trap();
}

// Feeds `in` in pieces of `step` bytes (0: whole) to a fresh channel with a 4 KiB limit.
inline ChannelRun feed_channel(dxs::hbtp::Transport t, const uint8_t* in, size_t size, size_t step) {
  dxs::hbtp::Env env;
  env.log_next_ms = INT64_MAX;  // no log lines for the ignored frames of thousands of inputs
  dxs::hbtp::Channel ch;
  dxs::hbtp::Bytes piece;
  ChannelRun run;
  ch.start(t, env, 4096, run.out);
  for (size_t at = 0; at < size;) {
    size_t n = step ? std::min(step, size - at) : size - at;
    bool was_closing = ch.closing();
    piece.clear();
    ch.feed(in + at, n, piece);
    channel_require(!was_closing || piece.empty());
    run.out.insert(run.out.end(), piece.begin(), piece.end());
    at += n;
  }
  run.closing = ch.closing();
  return run;
}

// Raw HBTP output with server_time's 8-byte result zeroed; checks that it is whole frames and, when the
// channel is closing, that the last one is a Close.
inline void normalize_raw(ChannelRun& r) {
  using namespace dx::schema;
  uint8_t last = 0;
  for (size_t at = 0; at < r.out.size();) {
    HbtpFrame f;
    int32_t n = hbtp_decode(r.out.data() + at, uint32_t(r.out.size() - at), kHbtpMaxPayloadLimit, &f, nullptr);
    channel_require(n > 0);
    if (f.header.opcode == kHbtpRpcResponse && f.header.length == 12)
      std::fill(r.out.begin() + ptrdiff_t(at + kHbtpHeaderSize + 4), r.out.begin() + ptrdiff_t(at + size_t(n)), 0);
    last = f.header.opcode;
    at += size_t(n);
  }
  channel_require(!r.closing || last == kHbtpClose);
}

inline void check_channel_input(const uint8_t* data, size_t size) {
  if (size == 0) return;
  dxs::hbtp::Transport t = data[0] & 1 ? dxs::hbtp::Transport::kWebSocket : dxs::hbtp::Transport::kRaw;
  std::string in;
  if (t == dxs::hbtp::Transport::kRaw && (data[0] & 2)) {
    uint8_t hello[dx::schema::kHbtpHeaderSize + dx::schema::kHbtpHelloSize];
    dx::schema::hbtp_write_hello(hello, sizeof hello, 0, {});
    in.assign(reinterpret_cast<const char*>(hello), sizeof hello);
  }
  in.append(reinterpret_cast<const char*>(data + 1), size - 1);
  auto* p = reinterpret_cast<const uint8_t*>(in.data());
  ChannelRun runs[3] = {feed_channel(t, p, in.size(), 0), feed_channel(t, p, in.size(), 1),
                        feed_channel(t, p, in.size(), 7)};
  for (ChannelRun& r : runs) {
    if (t == dxs::hbtp::Transport::kRaw) normalize_raw(r);
    // WebSocket: the server's last frame is a Close (opcode 8, FIN, unmasked, length < 126: 2-byte header).
    if (t == dxs::hbtp::Transport::kWebSocket && r.closing) {
      size_t n = r.out.size();
      bool found = false;
      for (size_t len = 0; len <= 125 && len + 2 <= n && !found; ++len)
        found = r.out[n - len - 2] == 0x88 && r.out[n - len - 1] == len;
      channel_require(found);
    }
  }
  channel_require(runs[1].out == runs[0].out && runs[2].out == runs[0].out);
  channel_require(runs[1].closing == runs[0].closing && runs[2].closing == runs[0].closing);
}

}  // namespace dxs_test
