// ws_node_test.cpp — dx-server's WebSocket / HBTP against JavaScript clients in node, once per event
// backend: the npm `ws` package on its own (ws_interop.mjs: a reference client no one here wrote) and
// runtime-wasm/js/hbtp.js over `ws` (hbtp_js_client.mjs). Skipped with a warning without node or `ws`.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "running.h"
#include "subprocess.h"

using namespace dxs_test;

namespace {

bool have_node_ws() {
  return std::system("cd " DX_TEST_SOURCE_DIR " && node -e \"require('ws')\" >/dev/null 2>&1") == 0;
}

// Runs the script against a server on `io` and compares its stdout (node's warnings on stderr are shown on
// failure only).
void check_script(dxs::IoBackend io, const char* script, const std::string& expected) {
  if (!have_node_ws()) {
    WARN("node or the npm ws package not found: skipped");
    return;
  }
  Running s(io);
  std::string out, err;
  int rc = run({"/usr/bin/env", "node", std::string(DX_TEST_SOURCE_DIR "/tests/server/") + script,
                std::to_string(s.port())}, &out, &err, 30000);
  INFO(out << err);
  CHECK(rc == 0);
  CHECK(out == expected);
}

}  // namespace

TEST_CASE("server ws: interop with the npm ws client", "[server][ws][node]") {
  check_script(EACH_IO, "ws_interop.mjs",
               "open hbtp, server Hello\nws ping/pong\nhbtp ping/pong\nrpc echo 70000\nclose 4001\n"
               "text refused 1003\noversize refused 1009\ndone\n");
}

TEST_CASE("server hbtp: the JS client (runtime-wasm/js/hbtp.js) over ws", "[server][hbtp][node]") {
  check_script(EACH_IO, "hbtp_js_client.mjs",
               "hello version 1 max 1048576\nping hi\necho\nserver_time\nunknown method status 6\n"
               "300 overlapping ok\nclose 1000\nclosed\ndone\n");
}
