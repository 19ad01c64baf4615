// hbtp/rpc.h — the server's RPC table: method id → handler, one bounds check and one index (hbtp_route).
//
// The table is a constexpr array compiled into dx-server (DESIGN §4: dxc will number an app's server
// functions 0..N-1 and emit such a table; until then it holds the built-in methods below, documented in
// schemas/hbtp.md). A handler gets the call's arguments and appends its result; it returns the
// RpcResponse status (kHbtpOk or an HbtpErrorCode). Handlers run on the worker's thread and must not block.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace dxs::hbtp {

// Per-worker counters (no locks: each worker has its own), read by the `stats` method.
struct Stats {
  uint32_t connections = 0;     // open connections of this worker (HTTP, WebSocket and raw HBTP)
  uint32_t sessions = 0;        // of which HBTP sessions (WebSocket or raw)
  uint64_t frames_in = 0;       // HBTP frames received by this worker
  uint64_t rpc_calls = 0;       // RpcCalls answered by this worker
  uint64_t ignored = 0;         // frames ignored (unknown opcodes, frames the server does not take)
};

struct RpcRequest {
  uint32_t method = 0;
  std::span<const uint8_t> args;
  const Stats* stats = nullptr;
};

using RpcHandler = uint32_t (*)(const RpcRequest& req, std::vector<uint8_t>& result);

struct RpcMethod {
  std::string_view name;
  RpcHandler handler;
};

// Built-in method ids (schemas/hbtp.md, "Built-in RPC methods").
enum BuiltinMethod : uint32_t { kRpcEcho = 0, kRpcServerTime = 1, kRpcStats = 2 };

// The method with this id, or null (answer status kHbtpErrUnknownMethod).
const RpcMethod* find_method(uint32_t id);
// The method called `name` (exact, case-sensitive) and its id in *id, or null: POST /_dx/rpc/<name>
// (schemas/hbtp.md "Over plain HTTP"). A linear scan: the table is a handful of entries.
const RpcMethod* find_method_by_name(std::string_view name, uint32_t* id);

}  // namespace dxs::hbtp
