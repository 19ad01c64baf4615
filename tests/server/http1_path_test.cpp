// http1_path_test.cpp — normalize_target (traversal and encoding cases), content types, request semantics.
#include <catch2/catch.hpp>

#include <string>

#include "dxs/http1/parser.h"
#include "dxs/http1/path.h"
#include "dxs/http1/semantics.h"
#include "dxs/mime.h"

using namespace dxs::http1;

namespace {

std::string normalized(std::string_view target) {
  std::string out;
  PathError e = normalize_target(target, out);
  return e == PathError::kOk ? out : std::string("error: ") + describe(e);
}

}  // namespace

TEST_CASE("server: path: normal paths", "[http1][path]") {
  CHECK(normalized("/") == "/");
  CHECK(normalized("/index.html") == "/index.html");
  CHECK(normalized("/css/app.css") == "/css/app.css");
  CHECK(normalized("/docs/") == "/docs/");
  CHECK(normalized("/docs") == "/docs");
  CHECK(normalized("/a//b///c") == "/a/b/c");
  CHECK(normalized("//") == "/");
  CHECK(normalized("/./a/./b/.") == "/a/b/");
  CHECK(normalized("/a/%2e/b") == "/a/b");
  CHECK(normalized("/.well-known/x") == "/.well-known/x");
  CHECK(normalized("/...") == "/...");  // three dots is a name, not a traversal
  CHECK(normalized("/a..b/..c") == "/a..b/..c");
}

TEST_CASE("server: path: the query is ignored and escapes are decoded", "[http1][path]") {
  CHECK(normalized("/app.wasm?v=123") == "/app.wasm");
  CHECK(normalized("/?x=/../..") == "/");
  CHECK(normalized("/a%20b.txt") == "/a b.txt");
  CHECK(normalized("/%41%62%63") == "/Abc");
  CHECK(normalized("/caf%C3%A9") == "/caf\xc3\xa9");
  CHECK(normalized("http://example.com/x/y?z") == "/x/y");
  CHECK(normalized("HTTPS://example.com") == "/");
}

TEST_CASE("server: path: traversal is refused however it is spelled", "[http1][path]") {
  for (const char* t : {"/..", "/../etc/passwd", "/a/../b", "/a/..", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/.%2e/x",
                        "/%2e./x", "/a/%2e%2e", "http://h/../x"}) {
    INFO(t);
    CHECK(normalized(t) == "error: a \"..\" segment");
  }
}

TEST_CASE("server: path: hidden separators, backslashes and control bytes are refused", "[http1][path]") {
  for (const char* t : {"/a%2fb", "/a%2F..%2Fb", "/..%2fetc", "/a%5cb", "/..%5C..%5Cwindows"}) {
    INFO(t);
    CHECK(normalized(t) == "error: an encoded slash or backslash");
  }
  CHECK(normalized("/a\\b") == "error: a backslash");
  CHECK(normalized("/..\\x") == "error: a backslash");
  CHECK(normalized("/a%00.html") == "error: a control character");
  CHECK(normalized("/a%0d%0aSet-Cookie:x") == "error: a control character");
  CHECK(normalized("/a%7f") == "error: a control character");
  CHECK(normalized(std::string_view("/a\0b", 4)) == "error: a control character");
}

TEST_CASE("server: path: bad escapes and non-origin forms are refused", "[http1][path]") {
  CHECK(normalized("/a%") == "error: a bad %-escape");
  CHECK(normalized("/a%2") == "error: a bad %-escape");
  CHECK(normalized("/a%zz") == "error: a bad %-escape");
  CHECK(normalized("/a%2/b") == "error: a bad %-escape");
  CHECK(normalized("*") == "error: not an origin-form path");
  CHECK(normalized("example.com:443") == "error: not an origin-form path");
  CHECK(normalized("") == "error: not an origin-form path");
  CHECK(normalized("index.html") == "error: not an origin-form path");
  CHECK(normalized("ftp://h/x") == "error: not an origin-form path");
  CHECK(normalized("/a#frag") == "error: not an origin-form path");
}

TEST_CASE("server: content types", "[mime]") {
  using dxs::content_type_for;
  CHECK(content_type_for("/index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("/dx.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("/m.mjs") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("/css/app.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("/app.wasm") == "application/wasm");
  CHECK(content_type_for("/manifest.json") == "application/json");
  CHECK(content_type_for("/app.dxb") == "application/octet-stream");
  CHECK(content_type_for("/routes.dxr") == "application/octet-stream");
  CHECK(content_type_for("/logo.svg") == "image/svg+xml");
  CHECK(content_type_for("/a.png") == "image/png");
  CHECK(content_type_for("/a.jpg") == "image/jpeg");
  CHECK(content_type_for("/favicon.ico") == "image/x-icon");
  CHECK(content_type_for("/robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type_for("/dx.js.map") == "application/json");
  CHECK(content_type_for("/f.woff2") == "font/woff2");
  CHECK(content_type_for("/INDEX.HTML") == "text/html; charset=utf-8");
  CHECK(content_type_for("/noext") == "application/octet-stream");
  CHECK(content_type_for("/a.unknown") == "application/octet-stream");
  CHECK(content_type_for("/dir.js/file") == "application/octet-stream");
  CHECK(content_type_for("/trailing.") == "application/octet-stream");
}

namespace {

Semantics semantics_of(const std::string& head) {
  static Request req;
  int rc = parse_request(head.data(), head.size(), 0, req);
  REQUIRE(rc > 0);
  return read_semantics(req);
}

}  // namespace

TEST_CASE("server: semantics: keep-alive", "[http1][semantics]") {
  CHECK(semantics_of("GET / HTTP/1.1\r\nHost: a\r\n\r\n").keep_alive);
  CHECK_FALSE(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").keep_alive);
  CHECK_FALSE(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n").keep_alive);
  CHECK_FALSE(semantics_of("GET / HTTP/1.0\r\n\r\n").keep_alive);
  Semantics ka10 = semantics_of("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
  CHECK(ka10.keep_alive);
  CHECK(ka10.echo_keep_alive);
  CHECK_FALSE(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").echo_keep_alive);
}

TEST_CASE("server: semantics: bodies and framing", "[http1][semantics]") {
  CHECK_FALSE(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").has_body);
  CHECK(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n").has_body);
  CHECK(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").has_body);
  CHECK(semantics_of("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 7\r\n\r\n").bad_request);  // strict: one value
  for (const char* bad : {"Content-Length: -1\r\n", "Content-Length: 1x\r\n", "Content-Length: \r\n",
                          "Content-Length: 1\r\nContent-Length: 2\r\n", "Content-Length: 1, 2\r\n",
                          "Content-Length: 99999999999999999999\r\n",
                          "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "Host: b\r\n"}) {
    INFO(bad);
    CHECK(semantics_of(std::string("GET / HTTP/1.1\r\nHost: a\r\n") + bad + "\r\n").bad_request);
  }
  CHECK(semantics_of("GET / HTTP/1.1\r\n\r\n").bad_request);        // HTTP/1.1 needs a Host
  CHECK_FALSE(semantics_of("GET / HTTP/1.0\r\n\r\n").bad_request);  // HTTP/1.0 does not
}

TEST_CASE("server: semantics: body framing, transfer codings and Expect", "[http1][semantics]") {
  const std::string h = "POST / HTTP/1.1\r\nHost: a\r\n";
  Semantics cl = semantics_of(h + "Content-Length: 12\r\n\r\n");
  CHECK(cl.body == Semantics::Body::kLength);
  CHECK(cl.content_length == 12);
  CHECK(semantics_of(h + "\r\n").body == Semantics::Body::kNone);
  for (const char* te : {"chunked", "Chunked", "CHUNKED", " chunked ", "chunked\r\nX: y"}) {
    INFO(te);
    Semantics s = semantics_of(h + "Transfer-Encoding: " + te + "\r\n\r\n");
    CHECK(s.body == Semantics::Body::kChunked);
    CHECK(s.has_body);
    CHECK_FALSE(s.bad_request);
    CHECK_FALSE(s.not_implemented);
  }
  // A coding we do not decode before the final chunked: 501 (RFC 9112 §6.1), across fields too.
  CHECK(semantics_of(h + "Transfer-Encoding: gzip, chunked\r\n\r\n").not_implemented);
  CHECK(semantics_of(h + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n").not_implemented);
  // Final coding not chunked, chunked twice, empty, or HTTP/1.0: 400.
  for (const char* te : {"gzip", "chunked, gzip", "chunked, chunked", "identity", "", ",", "chunked;q=1", "xchunked",
                         "chunked\r\nTransfer-Encoding: gzip", "chunked\r\nTransfer-Encoding: chunked"}) {
    INFO(te);
    CHECK(semantics_of(h + "Transfer-Encoding: " + te + "\r\n\r\n").bad_request);
  }
  CHECK(semantics_of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n").bad_request);
  // Expect: 100-continue (any case) on HTTP/1.1; ignored on HTTP/1.0; anything else is unsupported (417).
  CHECK(semantics_of(h + "Expect: 100-Continue\r\n\r\n").expect == Semantics::Expect::kContinue);
  CHECK(semantics_of("POST / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").expect == Semantics::Expect::kNone);
  CHECK(semantics_of(h + "Expect: 100-continue, x\r\n\r\n").expect == Semantics::Expect::kUnsupported);
  CHECK(semantics_of(h + "Expect: 100-continue\r\nExpect: x\r\n\r\n").expect == Semantics::Expect::kUnsupported);
  CHECK(semantics_of(h + "\r\n").expect == Semantics::Expect::kNone);
}

TEST_CASE("server: semantics: If-None-Match", "[http1][semantics]") {
  CHECK(etag_matches("\"abc\"", "\"abc\""));
  CHECK(etag_matches("W/\"abc\"", "\"abc\""));
  CHECK(etag_matches("\"x\", \"abc\"", "\"abc\""));
  CHECK(etag_matches("*", "\"abc\""));
  CHECK_FALSE(etag_matches("\"abd\"", "\"abc\""));
  CHECK_FALSE(etag_matches("abc", "\"abc\""));
  CHECK_FALSE(etag_matches("", "\"abc\""));
}
