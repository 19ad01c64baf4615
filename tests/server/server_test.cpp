// server_test.cpp — dxs::Server in this process on 127.0.0.1, port 0, talked to over real sockets,
// once per event backend available here (EACH_IO: io_uring and epoll).
//
// Every read is bounded by the client's timeout; nothing asserts on timing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <vector>

#include "client.h"
#include "dxs/server.h"
#include "fixtures.h"
#include "running.h"

namespace fs = std::filesystem;
using namespace dxs_test;

namespace {

// All headers but Date (which may tick between two responses).
std::map<std::string, std::string> without_date(std::map<std::string, std::string> h) {
  h.erase("date");
  return h;
}

}  // namespace

TEST_CASE("server: GET / serves index.html with the expected headers", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.connected());
  REQUIRE(c.send(get("/")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == kIndexHtml);
  CHECK(r->header("content-type") == "text/html; charset=utf-8");
  CHECK(r->header("content-length") == std::to_string(kIndexHtml.size()));
  CHECK(r->header("server") == "dx");
  CHECK(r->header("cache-control") == "no-cache");
  CHECK(r->header("etag").size() == 18);
  std::string date = r->header("date");
  REQUIRE(date.size() == 29);  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  CHECK(date.substr(25) == " GMT");
  CHECK_FALSE(r->has("connection"));  // HTTP/1.1 keeps the connection open by default

  REQUIRE(c.send(get("/index.html")));
  auto again = c.read_response();
  REQUIRE(again);
  CHECK(again->body == kIndexHtml);
  CHECK(again->header("etag") == r->header("etag"));
}

TEST_CASE("server: HEAD sends the same headers and no body", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js")));
  auto g = c.read_response();
  REQUIRE(c.send("HEAD /dx.js HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto h = c.read_response(/*no_body=*/true);
  REQUIRE(g);
  REQUIRE(h);
  CHECK(h->status == 200);
  CHECK(without_date(h->headers) == without_date(g->headers));
  CHECK(h->header("content-length") == std::to_string(kDxJs.size()));
  // Had HEAD sent a body, it would now be read as the start of the next response.
  REQUIRE(c.send(get("/css/app.css")));
  auto next = c.read_response();
  REQUIRE(next);
  CHECK(next->status == 200);
  CHECK(next->body == kAppCss);
}

TEST_CASE("server: keep-alive serves two requests on one connection", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/dx.js")));
  auto a = c.read_response();
  REQUIRE(c.send(get("/css/app.css")));
  auto b = c.read_response();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->body == kDxJs);
  CHECK(a->header("content-type") == "text/javascript; charset=utf-8");
  CHECK(b->body == kAppCss);
}

TEST_CASE("server: a pipelined batch of three is answered in order", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/css/app.css") + get("/app.wasm") + get("/dx.js")));
  auto a = c.read_response();
  auto b = c.read_response();
  auto d = c.read_response();
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(d);
  CHECK(a->body == kAppCss);
  CHECK(b->header("content-type") == "application/wasm");
  CHECK(b->body == std::string("\0asm\1\0\0\0", 8));
  CHECK(d->body == kDxJs);
}

TEST_CASE("server: content types on the wire", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  struct Case { const char* path; const char* type; };
  for (Case k : {Case{"/app.wasm", "application/wasm"}, Case{"/app.dxb", "application/octet-stream"},
                 Case{"/manifest.json", "application/json"}, Case{"/dx.js", "text/javascript; charset=utf-8"},
                 Case{"/css/app.css", "text/css; charset=utf-8"}, Case{"/app.wasm?v=2", "application/wasm"}}) {
    INFO(k.path);
    REQUIRE(c.send(get(k.path)));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->header("content-type") == k.type);
  }
}

TEST_CASE("server: 404 keeps the connection", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/no/such/file.js")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(r->header("content-type") == "text/html; charset=utf-8");
  CHECK(r->body.find("404 Not Found") != std::string::npos);
  REQUIRE(c.send(get("/")));
  auto ok = c.read_response();
  REQUIRE(ok);
  CHECK(ok->status == 200);
}

TEST_CASE("server: methods other than GET and HEAD get 405", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send("DELETE / HTTP/1.1\r\nHost: test\r\n\r\n"));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 405);
  CHECK(r->header("allow") == "GET, HEAD");
  // A body is read and discarded first, and the connection stays (body_test.cpp has more).
  REQUIRE(c.send("POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc" + get("/dx.js")));
  auto p = c.read_response();
  REQUIRE(p);
  CHECK(p->status == 405);
  CHECK(p->header("connection").empty());
  auto next = c.read_response();
  REQUIRE(next);
  CHECK(next->body == kDxJs);
}

TEST_CASE("server: directories", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/docs/")));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body == kDocsHtml);
  REQUIRE(c.send(get("/docs")));
  auto redirect = c.read_response();
  REQUIRE(redirect);
  CHECK(redirect->status == 301);
  CHECK(redirect->header("location") == "/docs/");
}

TEST_CASE("server: path traversal is refused with 400", "[server]") {
  Running s(EACH_IO);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/css/..%2fsecret.txt", "/..%5csecret.txt",
                           "/css/%2E%2E/%2E%2E/secret.txt", "/a%00.html", "/css\\..\\..\\secret.txt"}) {
    INFO(path);
    Client c(s.port());
    REQUIRE(c.send(get(path)));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->body.find("top secret") == std::string::npos);
    CHECK(c.closed_by_peer());
  }
}

TEST_CASE("server: ETag and If-None-Match give 304", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  REQUIRE(c.send(get("/app.wasm")));
  auto r = c.read_response();
  REQUIRE(r);
  std::string etag = r->header("etag");
  REQUIRE_FALSE(etag.empty());
  REQUIRE(c.send(get("/app.wasm", "If-None-Match: " + etag + "\r\n")));
  auto nm = c.read_response();
  REQUIRE(nm);
  CHECK(nm->status == 304);
  CHECK(nm->header("etag") == etag);
  CHECK(nm->body.empty());
  REQUIRE(c.send(get("/app.wasm", "If-None-Match: \"other\", W/" + etag + "\r\n")));
  auto weak = c.read_response();
  REQUIRE(weak);
  CHECK(weak->status == 304);
  REQUIRE(c.send(get("/app.wasm", "If-None-Match: \"0000000000000000\"\r\n")));
  auto miss = c.read_response();
  REQUIRE(miss);
  CHECK(miss->status == 200);
  CHECK(miss->body.size() == 8);
}

TEST_CASE("server: 431 on a head over 16 KiB or over 100 headers", "[server]") {
  Running s(EACH_IO);
  {
    Client c(s.port());
    REQUIRE(c.send(get("/", "X-Big: " + std::string(20000, 'a') + "\r\n")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 431);
    CHECK(r->header("connection") == "close");
    CHECK(c.closed_by_peer());
  }
  {
    std::string many;
    for (int i = 0; i < 101; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
    Client c(s.port());
    REQUIRE(c.send(get("/", many)));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 431);
    CHECK(c.closed_by_peer());
  }
}

TEST_CASE("server: malformed requests get 400 and a close", "[server]") {
  Running s(EACH_IO);
  for (std::string req : {std::string("GET / HTTP/1.1\nHost: test\n\n"), std::string("GARBAGE\r\n\r\n"),
                          std::string("GET / HTTP/1.1\r\n\r\n"),  // no Host
                          get("/", "Content-Length: 5, 5\r\n") + "hello", get("/", "Transfer-Encoding: gzip\r\n"),
                          get("/", "Host : test\r\n")}) {
    INFO(req);
    Client c(s.port());
    REQUIRE(c.send(req));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->header("connection") == "close");
    CHECK(c.closed_by_peer());
  }
}

TEST_CASE("server: Connection close and HTTP/1.0", "[server]") {
  Running s(EACH_IO);
  {
    Client c(s.port());
    REQUIRE(c.send(get("/", "Connection: close\r\n")));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->header("connection") == "close");
    CHECK(c.closed_by_peer());
  }
  {
    Client c(s.port());
    REQUIRE(c.send("GET / HTTP/1.0\r\n\r\n"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->header("connection") == "close");
    CHECK(c.closed_by_peer());
  }
  {
    Client c(s.port());
    REQUIRE(c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->header("connection") == "keep-alive");
    REQUIRE(c.send("GET /dx.js HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto r2 = c.read_response();
    REQUIRE(r2);
    CHECK(r2->body == kDxJs);
  }
}

TEST_CASE("server: a request sent one byte at a time", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  std::string req = get("/css/app.css");
  for (char ch : req) REQUIRE(c.send(std::string_view(&ch, 1)));
  auto r = c.read_response();
  REQUIRE(r);
  CHECK(r->body == kAppCss);
}

TEST_CASE("server: partial writes: a slow reader gets every byte", "[server]") {
  Running s(EACH_IO);
  Client c(s.port(), /*small_receive_buffer=*/true);
  // 8 MiB of responses queued before the client reads anything: the server must keep the unsent rest
  // and wait for writability, many times.
  std::string batch;
  for (int i = 0; i < 8; ++i) batch += get("/big.bin");
  REQUIRE(c.send(batch));
  std::string expected = big_bytes();
  for (int i = 0; i < 8; ++i) {
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body.size() == kBigSize);
    CHECK(r->body == expected);
  }
  REQUIRE(c.send(get("/dx.js")));
  auto after = c.read_response();
  REQUIRE(after);
  CHECK(after->body == kDxJs);
}

TEST_CASE("server: many pipelined requests beyond the output high-water mark", "[server]") {
  Running s(EACH_IO);
  Client c(s.port());
  std::string batch;
  const int n = 600;  // ~ 600 heads of ~250 bytes each: more than one high-water batch
  for (int i = 0; i < n; ++i) batch += get(i % 2 ? "/dx.js" : "/css/app.css");
  REQUIRE(c.send(batch));
  for (int i = 0; i < n; ++i) {
    auto r = c.read_response();
    REQUIRE(r);
    REQUIRE(r->body == (i % 2 ? kDxJs : kAppCss));
  }
}

TEST_CASE("server: an idle keep-alive connection is closed", "[server]") {
  Running s(EACH_IO, 1, /*idle_timeout_ms=*/200);
  Client c(s.port());
  REQUIRE(c.send(get("/")));
  REQUIRE(c.read_response());
  CHECK(c.closed_by_peer());  // bounded by the client's timeout, far above the idle timeout
}

TEST_CASE("server: several workers share the port", "[server]") {
  Running s(EACH_IO, 4);
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 16; ++i) clients.push_back(std::make_unique<Client>(s.port()));
  for (auto& c : clients) REQUIRE(c->send(get("/dx.js")));
  for (auto& c : clients) {
    auto r = c->read_response();
    REQUIRE(r);
    CHECK(r->body == kDxJs);
  }
}

TEST_CASE("server: stop closes open connections", "[server]") {
  auto s = std::make_unique<Running>(EACH_IO);
  Client c(s->port());
  REQUIRE(c.send(get("/")));
  REQUIRE(c.read_response());
  s->server->stop();
  s->server->join();
  CHECK(c.closed_by_peer());
  Client late(s->port());
  CHECK_FALSE(late.connected());
}

TEST_CASE("server: create refuses a broken dist", "[server]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  std::string dxb = minimal_dxb();
  write_file(dist / "app.dxb", dxb.substr(0, 40));
  dxs::ServerOptions o;
  o.dist = dist.string();
  o.port = 0;
  std::string err;
  CHECK_FALSE(dxs::Server::create(o, &err));
  CHECK(err == dist.string() + "/app.dxb: file_size does not match the file's length (truncated?) at offset 16");
}
