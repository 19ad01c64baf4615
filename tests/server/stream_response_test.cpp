// stream_response_test.cpp — chunked streaming responses (dxs/http1/response_stream.h) over real sockets on
// 127.0.0.1, once per event backend (EACH_IO), through dx-server's --test-hooks route /_dx/test/stream:
// each piece is its own chunk, the first arrives while the response is still open, pipelined requests wait
// for the stream's end, HEAD gets the head only, HTTP/1.0 gets the raw body ended by the close, a client that
// leaves mid-stream is let go, and without --test-hooks the route does not exist.
#include <catch2/catch.hpp>

#include <string>

#include "client.h"
#include "fixtures.h"
#include "running.h"

using namespace dxs_test;

namespace {

auto hooks = [](dxs::ServerOptions& o, const std::filesystem::path&) { o.test_hooks = true; };

std::string piece(int i, size_t size) {
  std::string p = "chunk " + std::to_string(i) + " ";
  p.resize(std::max(size, p.size()), '.');
  return p;
}

}  // namespace

TEST_CASE("server stream: pieces arrive as chunks and keep-alive and pipelining go on", "[server][stream]") {
  Running s(EACH_IO, 1, 10000, hooks);
  Client c(s.port());
  // A stream of 5 pieces, a static file pipelined behind it, then another stream.
  REQUIRE(c.send(get("/_dx/test/stream?chunks=5&size=40&interval_ms=5") + get("/dx.js") +
                 get("/_dx/test/stream?chunks=2&size=3000&interval_ms=0")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->header("transfer-encoding") == "chunked");
  CHECK_FALSE(r->has("content-length"));
  CHECK(r->header("cache-control") == "no-store");
  std::string want;
  for (int i = 0; i < 5; i++) want += piece(i, 40);
  CHECK(r->body == want);
  CHECK(r->chunks == 5);
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == kDxJs);
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == piece(0, 3000) + piece(1, 3000));
  CHECK(r->chunks >= 2);
}

TEST_CASE("server stream: the first piece is sent while the rest is still to come", "[server][stream]") {
  Running s(EACH_IO, 1, 10000, hooks);
  {
    Client c(s.port());
    REQUIRE(c.send(get("/_dx/test/stream?chunks=2&size=10&interval_ms=60000")));
    std::string head_and_first;
    // The head and the first chunk come now; the second would come in a minute: the client leaves instead.
    auto r = c.read_response(true);
    REQUIRE(r);
    CHECK(r->header("transfer-encoding") == "chunked");
  }
  // The server let the abandoned stream go and serves on.
  Client c2(s.port());
  REQUIRE(c2.send(get("/dx.js")));
  auto r = c2.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);
}

TEST_CASE("server stream: HEAD gets the head and HTTP/1.0 gets the body until close", "[server][stream]") {
  Running s(EACH_IO, 1, 10000, hooks);
  Client c(s.port());
  REQUIRE(c.send("HEAD /_dx/test/stream?chunks=3 HTTP/1.1\r\nHost: test\r\n\r\n" + get("/dx.js")));
  auto r = c.read_response(true);
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->header("transfer-encoding") == "chunked");
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);

  Client old(s.port());
  REQUIRE(old.send("GET /_dx/test/stream?chunks=3&size=8&interval_ms=1 HTTP/1.0\r\n\r\n"));
  std::string all;
  REQUIRE(old.read_until_eof(&all));
  size_t body = all.find("\r\n\r\n");
  REQUIRE(body != std::string::npos);
  CHECK(all.find("Transfer-Encoding") == std::string::npos);
  CHECK(all.find("Connection: close") != std::string::npos);
  CHECK(all.substr(body + 4) == piece(0, 8) + piece(1, 8) + piece(2, 8));
}

TEST_CASE("server stream: without --test-hooks there is no such route", "[server][stream]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/_dx/test/stream")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 404);
}
