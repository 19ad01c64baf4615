// body_test.cpp — request bodies over real sockets on 127.0.0.1, once per event backend (EACH_IO):
// POST /_dx/rpc/<method> with Content-Length and chunked bodies (larger than the read buffer too),
// pipelining after a body, bodies sent to static paths (read and discarded), the body limit (413), the body
// timeout (408), framing errors (400 / 501 and a close) and Expect: 100-continue (100 / 417).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "client.h"
#include "fixtures.h"
#include "running.h"

using namespace dxs_test;

namespace {

std::string post(std::string_view path, std::string_view body, std::string_view extra = {}) {
  return "POST " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

// `body` as chunks of at most `chunk` bytes, with an extension on the first and a trailer at the end.
std::string chunked(std::string_view body, size_t chunk) {
  std::string out;
  for (size_t at = 0; at < body.size(); at += chunk) {
    std::string_view part = body.substr(at, chunk);
    char size[32];
    std::snprintf(size, sizeof size, at == 0 ? "%zx;ext=\"v\"\r\n" : "%zx\r\n", part.size());
    out += size;
    out += part;
    out += "\r\n";
  }
  return out + "0\r\nX-Checksum: none\r\n\r\n";
}

std::string post_chunked(std::string_view path, std::string_view body, size_t chunk, std::string_view extra = {}) {
  return "POST " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra) +
         "Transfer-Encoding: chunked\r\n\r\n" + chunked(body, chunk);
}

std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = char((i * 7 + i / 251) & 0xFF);
  return s;
}

// "\r\n" written out in the document → the bytes.
std::string unescape(std::string line) {
  for (size_t at; (at = line.find("\\r\\n")) != std::string::npos;) line.replace(at, 4, "\r\n");
  return line;
}

void expect_close(Client& c, int status, const std::string& request) {
  INFO(request);
  REQUIRE(c.send(request));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == status);
  CHECK(r->header("connection") == "close");
  CHECK(c.closed_by_peer());
}

}  // namespace

TEST_CASE("server body: POST /_dx/rpc/echo answers the body, Content-Length or chunked", "[server][body]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(post("/_dx/rpc/echo", "hello")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->header("content-type") == "application/octet-stream");
  CHECK(r->header("cache-control") == "no-store");
  CHECK(r->body == "hello");
  REQUIRE(c.send(post_chunked("/_dx/rpc/echo", "hello, chunked world", 6)));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "hello, chunked world");
  REQUIRE(c.send(post_chunked("/_dx/rpc/echo", "", 1)));  // an empty chunked body: "0\r\n...\r\n"
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.empty());
  REQUIRE(c.send(post("/_dx/rpc/server_time", "")));  // no body at all
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.size() == 8);
  // Keep-alive held through all of it.
  REQUIRE(c.send(get("/dx.js")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);
}

TEST_CASE("server body: bodies larger than the read buffer stream through", "[server][body]") {
  Running s(EACH_IO);
  std::string big = pattern(300 * 1024);
  Client c(s.port());
  REQUIRE(c.send(post("/_dx/rpc/echo", big)));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == big);
  REQUIRE(c.send(post_chunked("/_dx/rpc/echo", big, 10000)));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == big);
  // A discarded body (GET to a static file) of the same size: answered normally, connection kept.
  REQUIRE(c.send(get("/dx.js", "Content-Length: " + std::to_string(big.size()) + "\r\n") + big));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == kDxJs);
  REQUIRE(c.send(get("/")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("server body: a pipelined chunked POST and GET are answered in order", "[server][body]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(post_chunked("/_dx/rpc/echo", "first", 2) + get("/dx.js") + post("/_dx/rpc/echo", "third") +
                 get("/css/app.css")));
  auto a = c.read_response();
  auto b = c.read_response();
  auto d = c.read_response();
  auto e = c.read_response();
  REQUIRE((a && b && d && e));
  CHECK(a->body == "first");
  CHECK(b->body == kDxJs);
  CHECK(d->body == "third");
  CHECK(e->body == kAppCss);
  // The same pair sent one byte at a time.
  std::string pair = post_chunked("/_dx/rpc/echo", "dribbled", 3) + get("/dx.js");
  for (char ch : pair) REQUIRE(c.send(std::string(1, ch)));
  a = c.read_response();
  b = c.read_response();
  REQUIRE((a && b));
  CHECK(a->body == "dribbled");
  CHECK(b->body == kDxJs);
}

TEST_CASE("server body: RPC over HTTP: unknown methods, other verbs", "[server][body]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(post("/_dx/rpc/nope", "args")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(r->body == "rpc nope: unknown method\n");
  REQUIRE(c.send(get("/_dx/rpc/echo")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(r->header("allow") == "POST");
  REQUIRE(c.send("PUT /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(r->header("connection").empty());  // the body was read: the connection stays
  REQUIRE(c.send(post("/_dx/rpc/echo", "still here")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == "still here");
}

TEST_CASE("server body: bodies to static paths are read and discarded", "[server][body]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js", "Transfer-Encoding: chunked\r\n") + chunked("ignored", 3)));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == kDxJs);
  REQUIRE(c.send("HEAD /dx.js HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nbody"));
  r = c.read_response(/*no_body=*/true);
  REQUIRE(r);
  CHECK(r->status == 200);
  REQUIRE(c.send(post("/index.html", "a form")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(r->header("allow") == "GET, HEAD");
  CHECK(r->header("connection").empty());
  REQUIRE(c.send(get("/dx.js")));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kDxJs);
}

TEST_CASE("server body: over the body limit: 413 and a close", "[server][body][limits]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.max_body = 1000; });
  {
    Client c(s.port());  // exactly the limit is fine
    REQUIRE(c.send(post("/_dx/rpc/echo", pattern(1000))));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == pattern(1000));
  }
  {
    Client c(s.port());  // answered from the head: the body is never sent
    expect_close(c, 413, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\n\r\n");
  }
  {
    Client c(s.port());  // one chunk announcing more than the limit
    expect_close(c, 413, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n");
  }
  {
    Client c(s.port());  // small chunks that add up to more
    expect_close(c, 413, post_chunked("/_dx/rpc/echo", pattern(1200), 100));
  }
  {
    Client c(s.port());  // discarded bodies count too
    expect_close(c, 413, get("/", "Content-Length: 5000\r\n"));
  }
}

TEST_CASE("server body: a body that stops arriving gets 408 and a close", "[server][body][limits]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.body_timeout_ms = 200; });
  {
    Client c(s.port());
    expect_close(c, 408, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
  }
  {
    Client c(s.port());
    expect_close(c, 408, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
  }
}

TEST_CASE("server body: framing errors get 400 or 501 and a close", "[server][body][smuggling]") {
  Running s(EACH_IO);
  const std::string te = "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string hidden = get("/dx.js");
  for (const std::string& bad : std::vector<std::string>{te + "g\r\nhello\r\n0\r\n\r\n",           // not a hex size
                          te + " 5\r\nhello\r\n0\r\n\r\n",           // space before the size
                          te + "0x5\r\nhello\r\n0\r\n\r\n",
                          te + "10000000000000000\r\n",              // overflow
                          te + "5\nhello\r\n0\r\n\r\n",              // bare LF after the size
                          te + "5\r\nhello\n0\r\n\r\n",              // bare LF after the data
                          te + "5\r\nhelloXX\r\n0\r\n\r\n",          // data longer than its size
                          te + "0\r\n\n",                            // bare LF at the end
                          te + "0\r\nX: 1\r\n folded\r\n\r\n",       // obs-fold in a trailer
                          "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n0\r\n\r\n",                 // CL + TE
                          "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity\r\n\r\n",
                          "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
                          "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",  // chunked twice
                          "POST /_dx/rpc/echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"}) {
    Client c(s.port());
    expect_close(c, 400, bad + hidden);
  }
  Client c(s.port());
  expect_close(c, 501, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
}

TEST_CASE("server body: Expect: 100-continue", "[server][body]") {
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const auto&) { o.max_body = 1000; });
  Client c(s.port());
  REQUIRE(c.send("POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 100);
  REQUIRE(c.send("hello"));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == "hello");
  // Chunked, too.
  REQUIRE(c.send("POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n"));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 100);
  REQUIRE(c.send(chunked("again", 2)));
  r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == "again");
  // Over the limit: the final answer instead of 100, and a close.
  expect_close(c, 413, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2000\r\n\r\n");
  Client other(s.port());
  expect_close(other, 417, "POST /_dx/rpc/echo HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\nContent-Length: 5\r\n\r\n");
}

TEST_CASE("server body: the example of schemas/hbtp.md \"Over plain HTTP\", byte for byte", "[server][body]") {
  std::ifstream in(DX_TEST_SOURCE_DIR "/schemas/hbtp.md");
  std::string line, request, response;
  while (std::getline(in, line) && line != "## Over plain HTTP (dx-server)") {}
  while (std::getline(in, line) && line != "```") {}
  REQUIRE(std::getline(in, request));
  REQUIRE(std::getline(in, response));
  request = unescape(request);
  response = unescape(response);
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(request));
  auto r = c.read_response();
  REQUIRE(r);
  // The document leaves out Server and Date.
  std::string got = r->head + r->body;
  for (const char* name : {"Server: ", "Date: "}) {
    size_t at = got.find(std::string("\r\n") + name);
    REQUIRE(at != std::string::npos);
    got.erase(at, got.find("\r\n", at + 2) - at);
  }
  CHECK(got == response);
}
