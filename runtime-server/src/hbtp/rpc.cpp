// hbtp/rpc.cpp — the built-in RPC methods and the constexpr table (contract in rpc.h, wire layouts in
// schemas/hbtp.md).
#include "hbtp/rpc.h"

#include <ctime>
#include <iterator>

#include "dx/schema/hbtp.h"

namespace dxs::hbtp {
namespace {

using namespace dx::schema;

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  uint8_t b[4];
  store_u32(b, v);
  out.insert(out.end(), b, b + 4);
}
void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  put_u32(out, uint32_t(v));
  put_u32(out, uint32_t(v >> 32));
}

// 0 echo: the result is the arguments.
uint32_t rpc_echo(const RpcRequest& req, std::vector<uint8_t>& result) {
  result.insert(result.end(), req.args.begin(), req.args.end());
  return kHbtpOk;
}

// 1 server_time: u64 milliseconds since the Unix epoch (CLOCK_REALTIME). Arguments are ignored.
uint32_t rpc_server_time(const RpcRequest&, std::vector<uint8_t>& result) {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  put_u64(result, uint64_t(ts.tv_sec) * 1000 + uint64_t(ts.tv_nsec) / 1000000);
  return kHbtpOk;
}

// 2 stats: this worker's counters: u32 connections, u32 sessions, u64 frames_in, u64 rpc_calls, u64 ignored.
uint32_t rpc_stats(const RpcRequest& req, std::vector<uint8_t>& result) {
  if (!req.stats) return kHbtpErrInternal;
  const Stats& s = *req.stats;
  put_u32(result, s.connections);
  put_u32(result, s.sessions);
  put_u64(result, s.frames_in);
  put_u64(result, s.rpc_calls);
  put_u64(result, s.ignored);
  return kHbtpOk;
}

// Indexed by method id: the order is the wire contract.
constexpr RpcMethod kMethods[] = {
    {"echo", rpc_echo},
    {"server_time", rpc_server_time},
    {"stats", rpc_stats},
};
static_assert(kMethods[kRpcEcho].name == "echo" && kMethods[kRpcServerTime].name == "server_time" &&
              kMethods[kRpcStats].name == "stats");

}  // namespace

const RpcMethod* find_method(uint32_t id) { return hbtp_route(kMethods, id); }

const RpcMethod* find_method_by_name(std::string_view name, uint32_t* id) {
  for (uint32_t i = 0; i < std::size(kMethods); ++i) {
    if (kMethods[i].name == name) {
      *id = i;
      return &kMethods[i];
    }
  }
  return nullptr;
}

}  // namespace dxs::hbtp
