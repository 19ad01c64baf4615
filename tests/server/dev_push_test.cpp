// dev_push_test.cpp — dx-server --dev (schemas/hbtp.md "Server events"): a reload pushes ServerEvent "reload"
// to every open session of every worker, over both transports; push_event(build failed) reaches open sessions
// and every session opened until the next push; without --dev a reload pushes nothing. Once per backend.
#include <catch2/catch.hpp>

#include <string>

#include "dx/schema/hbtp.h"
#include "dxs/client/hbtp_client.h"
#include "running.h"

using namespace dxs_test;
using namespace dx::schema;
using dxs::client::HbtpClient;
using dxs::client::Transport;

namespace {

constexpr int kWait = 5000;

struct DevServer {
  Running run;
  explicit DevServer(dxs::IoBackend io, bool dev = true)
      : run(io, 2, 10000, [dev](dxs::ServerOptions& o, const auto&) {
          o.hbtp_port = 0;
          o.dev = dev;
        }) {}

  // A session whose Hellos are exchanged (a Ping answered proves the server has it open).
  std::unique_ptr<HbtpClient> session(Transport t) {
    dxs::client::HbtpOptions o;
    o.transport = t;
    o.port = t == Transport::kRaw ? run.server->hbtp_port() : run.port();
    auto c = std::make_unique<HbtpClient>();
    std::string err;
    INFO(err);
    REQUIRE(c->connect(o, &err));
    REQUIRE(c->ping(HbtpClient::as_bytes("up"), kWait));
    return c;
  }
};

// The next frame is ServerEvent `kind` with `text`.
void expect_event(HbtpClient& c, uint32_t kind, std::string_view text) {
  auto m = c.next(kWait);
  REQUIRE(m);
  CHECK(int(m->header.opcode) == int(kHbtpServerEvent));
  CHECK(int(m->header.flags) == int(kHbtpFinal));
  CHECK(m->header.sequence == 0);
  REQUIRE(m->payload.size() >= 4);
  CHECK(load_u32(m->payload.data()) == kind);
  CHECK(m->text().substr(4) == text);
}

}  // namespace

TEST_CASE("server dev: a reload pushes \"reload\" to every session; a build error reaches open and later sessions",
          "[server][hbtp][dev]") {
  DevServer s(EACH_IO);
  std::vector<std::unique_ptr<HbtpClient>> clients;
  for (int i = 0; i < 3; ++i)  // two workers: the sessions are spread over both (SO_REUSEPORT)
    for (Transport t : {Transport::kRaw, Transport::kWebSocket}) clients.push_back(s.session(t));
  std::string err;
  REQUIRE(s.run.server->reload(&err));
  for (auto& c : clients) expect_event(*c, kHbtpEventReload, "");

  const std::string diagnostics = "pages/index.tsx:3:7: error[DX0101]: syntax error\n  |\n3 | <p>{{</p>\n";
  s.run.server->push_event(kHbtpEventBuildFailed, diagnostics);
  for (auto& c : clients) expect_event(*c, kHbtpEventBuildFailed, diagnostics);
  auto late = s.session(Transport::kWebSocket);  // opened while the build is broken: told at once
  expect_event(*late, kHbtpEventBuildFailed, diagnostics);
  CHECK(late->ping(HbtpClient::as_bytes("still fine"), kWait));

  REQUIRE(s.run.server->reload(&err));  // the next good build
  expect_event(*late, kHbtpEventReload, "");
  auto later = s.session(Transport::kWebSocket);  // nothing sticky any more
  CHECK_FALSE(later->next(200));
}

TEST_CASE("server dev: without --dev a reload pushes nothing", "[server][hbtp][dev]") {
  DevServer s(EACH_IO, false);
  auto c = s.session(Transport::kWebSocket);
  std::string err;
  REQUIRE(s.run.server->reload(&err));
  CHECK_FALSE(c->next(200));
  CHECK(c->ping(HbtpClient::as_bytes("ok"), kWait));
}
