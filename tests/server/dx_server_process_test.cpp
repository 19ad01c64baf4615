// dx_server_process_test.cpp — the built dx-server binary as a child process: its one stdout line, serving,
// exit 0 on SIGTERM/SIGINT, exit 1 with a message naming file and offset on a bad dist, exit 2 on usage errors.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <regex>

#include "client.h"
#include "dxs/reactor.h"
#include "fixtures.h"
#include "subprocess.h"

#ifndef DX_SERVER_BINARY
#error "DX_SERVER_BINARY must name the built dx-server"
#endif

namespace fs = std::filesystem;
using namespace dxs_test;

namespace {

const std::string kBinary = DX_SERVER_BINARY;

// Starts dx-server on port 0 and returns the port from its printed line (0 on failure).
uint16_t start_and_read_port(Subprocess& p, const std::string& dist) {
  std::string line;
  if (!p.read_stdout_line(&line, 20000)) return 0;
  std::smatch m;
  static const std::regex kLine("dx-server: serving (.*) on http://127\\.0\\.0\\.1:([0-9]+)/");
  if (!std::regex_match(line, m, kLine) || m[1] != dist) return 0;
  return uint16_t(std::stoi(m[2]));
}

}  // namespace

TEST_CASE("server: dx-server prints its URL, serves, and exits 0 on SIGTERM", "[process]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  std::string dist = tmp.str("dist");
  Subprocess p({kBinary, dist, "--port", "0", "--host", "127.0.0.1", "--workers", "2"});
  REQUIRE(p.started());
  uint16_t port = start_and_read_port(p, dist);
  INFO("stderr: " << p.err());
  REQUIRE(port != 0);
  {
    Client c(port);
    REQUIRE(c.send(get("/app.wasm")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->header("content-type") == "application/wasm");
  }
  Client idle(port);  // an open keep-alive connection must not keep the server from stopping
  REQUIRE(idle.send(get("/")));
  REQUIRE(idle.read_response());
  p.signal(SIGTERM);
  CHECK(p.wait(20000) == 0);
  CHECK(idle.closed_by_peer());
  CHECK(p.out() == "dx-server: serving " + dist + " on http://127.0.0.1:" + std::to_string(port) + "/\n");
}

TEST_CASE("server: dx-server exits 0 on SIGINT", "[process]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  Subprocess p({kBinary, tmp.str("dist"), "--port", "0"});
  REQUIRE(start_and_read_port(p, tmp.str("dist")) != 0);
  p.signal(SIGINT);
  CHECK(p.wait(20000) == 0);
}

TEST_CASE("server: dx-server refuses a truncated app.dxb", "[process]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  std::string dxb = minimal_dxb();
  write_file(dist / "app.dxb", dxb.substr(0, dxb.size() / 2));
  std::string out, err;
  CHECK(run({kBinary, dist.string(), "--port", "0"}, &out, &err) == 1);
  CHECK(out.empty());  // nothing listened, nothing announced
  CHECK(err == "dx-server: " + dist.string() +
                   "/app.dxb: file_size does not match the file's length (truncated?) at offset 16\n");
}

TEST_CASE("server: dx-server refuses a dist without index.html", "[process]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  fs::remove(dist / "index.html");
  std::string out, err;
  CHECK(run({kBinary, dist.string(), "--port", "0"}, &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err == "dx-server: " + dist.string() + "/index.html: missing (a dist directory must have an index.html)\n");
}

TEST_CASE("server: dx-server refuses other broken dists", "[process]") {
  TempDir tmp;
  std::string out, err;
  CHECK(run({kBinary, tmp.str("nope"), "--port", "0"}, &out, &err) == 1);
  CHECK(err == "dx-server: " + tmp.str("nope") + ": no such directory\n");

  write_file(tmp.path() / "file", "x");
  CHECK(run({kBinary, tmp.str("file"), "--port", "0"}, &out, &err) == 1);
  CHECK(err == "dx-server: " + tmp.str("file") + ": not a directory\n");

  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  write_file(dist / "app.wasm", "<html>not wasm</html>");
  CHECK(run({kBinary, dist.string(), "--port", "0"}, &out, &err) == 1);
  CHECK(err == "dx-server: " + dist.string() + "/app.wasm: bad magic (not a WebAssembly module) at offset 0\n");

  make_dist(dist);
  write_file(dist / "manifest.json", "[]");
  CHECK(run({kBinary, dist.string(), "--port", "0"}, &out, &err) == 1);
  CHECK(err == "dx-server: " + dist.string() + "/manifest.json: top level is a JSON array, not an object at offset 0\n");
  CHECK(out.empty());
}

TEST_CASE("server: dx-server usage errors exit 2", "[process]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  std::string out, err;
  CHECK(run({kBinary}, &out, &err) == 2);
  CHECK_FALSE(err.empty());
  CHECK(run({kBinary, tmp.str("dist"), "--port", "http"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--port", "70000"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--workers", "2000"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--io", "kqueue"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--max-connections", "0"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--bogus"}, &out, &err) == 2);
  CHECK(run({kBinary, "--help"}, &out, &err) == 0);
  CHECK(out.find("--port") != std::string::npos);
}

TEST_CASE("server: dx-server --io picks the event backend and logs it once", "[process]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  std::vector<std::string> names;
  for (dxs::IoBackend b : dxs::available_io_backends()) names.push_back(dxs::io_backend_name(b));
  names.push_back("auto");
  for (const std::string& io : names) {
    INFO(io);
    Subprocess p({kBinary, tmp.str("dist"), "--port", "0", "--io", io});
    uint16_t port = start_and_read_port(p, tmp.str("dist"));
    REQUIRE(port != 0);
    {
      Client c(port);
      REQUIRE(c.send(get("/dx.js")));
      auto r = c.read_response();
      REQUIRE(r);
      CHECK(r->body == kDxJs);
    }
    p.signal(SIGTERM);
    CHECK(p.wait(20000) == 0);
    std::string want = io == "auto" ? names.front() : io;
    CHECK(p.err().find("dx-server: event backend: " + want) != std::string::npos);
    size_t first = p.err().find("event backend");
    CHECK(p.err().find("event backend", first + 1) == std::string::npos);  // once, not per worker
  }
}

TEST_CASE("server: dx-server --max-body and --body-timeout-ms reach the connections", "[process][body]") {
  TempDir tmp;
  make_dist(tmp.path() / "dist");
  std::string out, err;
  CHECK(run({kBinary, tmp.str("dist"), "--max-body", "-1"}, &out, &err) == 2);
  CHECK(run({kBinary, tmp.str("dist"), "--body-timeout-ms", "0"}, &out, &err) == 2);
  Subprocess p({kBinary, tmp.str("dist"), "--port", "0", "--max-body", "4", "--body-timeout-ms", "100"});
  uint16_t port = start_and_read_port(p, tmp.str("dist"));
  REQUIRE(port != 0);
  {
    Client c(port);
    REQUIRE(c.send("POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nabcd"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->body == "abcd");
    REQUIRE(c.send("POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n"));
    r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 413);
  }
  {
    Client c(port);
    REQUIRE(c.send("POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 408);
  }
  p.signal(SIGTERM);
  CHECK(p.wait(20000) == 0);
}
