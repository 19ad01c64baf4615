// hbtp_load.cpp — dx-hbtp-load: an HBTP load generator over dxs_client (one thread and one connection each).
//
//   dx-hbtp-load --port 9000 [--ws] [--connections 8] [--seconds 5] [--pipeline 16] [--size 32] [--ping]
// Each connection sends `pipeline` requests (RPC echo of `size` bytes, or Pings) in one write, reads their
// answers, and repeats until the time is up. Prints one line:
//   hbtp-load: raw 8 conns pipeline 16: 123456 req/s, batch p50 0.41 ms p99 1.9 ms, 0 errors
// Exit 1 when a connection could not be made or an answer was wrong.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "dxs/client/hbtp_client.h"

using namespace dxs::client;
using namespace dx::schema;

namespace {

struct Result {
  uint64_t requests = 0;
  uint64_t errors = 0;
  std::vector<double> batch_ms;
};

void run_connection(const HbtpOptions& o, int seconds, int pipeline, size_t size, bool ping, Result* out) {
  HbtpClient c;
  std::string err;
  if (!c.connect(o, &err)) {
    std::fprintf(stderr, "hbtp-load: %s\n", err.c_str());
    ++out->errors;
    return;
  }
  std::string payload(ping ? std::min<size_t>(size, kHbtpMaxControlPayload) : size + 4, 'x');
  if (!ping) store_u32(reinterpret_cast<uint8_t*>(payload.data()), 0);  // method 0: echo
  int64_t end = now_ms() + seconds * 1000;
  std::string batch;
  while (now_ms() < end) {
    batch.clear();
    uint16_t first = c.next_sequence();
    for (int i = 0; i < pipeline; ++i) {
      uint16_t seq = i == 0 ? first : c.next_sequence();
      std::string head(kHbtpHeaderSize, '\0');
      uint8_t flags = ping ? kHbtpFinal : kHbtpFinal | kHbtpExpectsResponse;
      hbtp_encode_header(reinterpret_cast<uint8_t*>(head.data()),
                         {ping ? kHbtpPing : kHbtpRpcCall, flags, seq, uint32_t(payload.size())});
      batch += head + payload;
    }
    auto start = std::chrono::steady_clock::now();
    if (!c.send_bytes(batch)) { ++out->errors; return; }
    for (int i = 0; i < pipeline; ++i) {
      auto m = c.next(10000);
      uint8_t want = ping ? kHbtpPong : kHbtpRpcResponse;
      if (!m || m->header.opcode != want || m->header.sequence != uint16_t(first + i)) { ++out->errors; return; }
    }
    out->batch_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    out->requests += uint64_t(pipeline);
  }
  c.close(2000);
}

}  // namespace

int main(int argc, char** argv) {
  HbtpOptions o;
  bool ws = false, ping = false;
  int connections = 8, seconds = 5, pipeline = 16;
  size_t size = 32;
  CLI::App app{"dx-hbtp-load: HBTP load against dx-server (raw --hbtp-port, or WebSocket with --ws)", "dx-hbtp-load"};
  app.add_option("--host", o.host)->capture_default_str();
  app.add_option("--port,-p", o.port, "the HBTP port (raw) or the HTTP port (--ws)")->required();
  app.add_flag("--ws", ws, "HBTP inside WebSocket at /_dx/hbtp");
  app.add_flag("--ping", ping, "send Pings instead of RPC echo calls");
  app.add_option("--connections,-c", connections)->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_option("--seconds,-d", seconds)->check(CLI::Range(1, 3600))->capture_default_str();
  app.add_option("--pipeline", pipeline, "requests in flight per connection")->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_option("--size", size, "payload bytes per request")->check(CLI::Range(0, 1 << 19))->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  o.transport = ws ? Transport::kWebSocket : Transport::kRaw;

  std::vector<Result> results(static_cast<size_t>(connections));
  std::vector<std::thread> threads;
  for (int i = 0; i < connections; ++i)
    threads.emplace_back(run_connection, o, seconds, pipeline, size, ping, &results[size_t(i)]);
  for (auto& t : threads) t.join();

  Result all;
  for (const Result& r : results) {
    all.requests += r.requests;
    all.errors += r.errors;
    all.batch_ms.insert(all.batch_ms.end(), r.batch_ms.begin(), r.batch_ms.end());
  }
  std::sort(all.batch_ms.begin(), all.batch_ms.end());
  auto pct = [&](double p) { return all.batch_ms.empty() ? 0.0 : all.batch_ms[size_t(p * double(all.batch_ms.size() - 1))]; };
  std::printf("hbtp-load: %s %d conns pipeline %d: %.0f req/s, batch p50 %.2f ms p99 %.2f ms, %llu errors\n",
              ws ? "websocket" : "raw", connections, pipeline, double(all.requests) / seconds, pct(0.5), pct(0.99),
              static_cast<unsigned long long>(all.errors));
  return all.errors ? 1 : 0;
}
