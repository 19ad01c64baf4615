// smuggling_test.cpp — request-smuggling vectors are refused: each is decoded whole and one byte at a time
// (parse_request + read_semantics must call it malformed or a bad request either way), and sent to a
// dxs::Server (once per backend), which must answer 400 with "Connection: close", close, and never answer
// the request hidden behind it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "client.h"
#include "dxs/http1/parser.h"
#include "dxs/http1/semantics.h"
#include "running.h"

using namespace dxs_test;
using namespace dxs::http1;
using namespace std::string_literals;

namespace {

// Each vector is a complete-looking head (plus maybe a body); a hidden GET follows it on the wire.
const std::vector<std::string> kVectors = {
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n",   // CL + TE
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n",   // TE + CL
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",            // duplicate CL
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0, 0\r\n\r\n",                              // CL list
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n",            // CL disagree
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: +0\r\n\r\n",                                // invalid CL
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x0\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n",                      // final not chunked
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",     // chunked twice
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n",                              // empty TE
    "GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",                                    // TE on 1.0
    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n",                       // space before ':'
    "GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n Transfer-Encoding: chunked\r\n\r\n",               // obs-fold
    "GET / HTTP/1.1\r\nHost: a\r\nX: y\r\n\tContent-Length: 4\r\n\r\n",                       // obs-fold (tab)
    "GET / HTTP/1.1\r\nHost: a\nContent-Length: 4\r\n\r\n",                                   // bare LF in head
    "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\n",                                   // bare LF at end
    "GET / HTTP/1.1\r\nHost: a\r\nX: a\rContent-Length: 4\r\n\r\n",                           // bare CR
    "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",                                            // two Hosts
    "GET / HTTP/1.1\r\nHost: a\r\nX\0Y: 1\r\n\r\n"s,                                           // NUL in a name
};
const std::string kHidden = "GET /dx.js HTTP/1.1\r\nHost: a\r\n\r\n";

// Malformed, or a complete head whose framing is refused (400 and a close, so the bytes after the head are
// never parsed). Bodies that are framed well are read (body_test.cpp; bad chunked framing is there too).
bool refused(int rc, const Request& req) {
  if (rc == kMalformed) return true;
  if (rc <= 0) return false;
  Semantics sem = read_semantics(req);
  return sem.bad_request;
}

}  // namespace

TEST_CASE("server: smuggling vectors are refused by the decoder, whole and one byte at a time", "[server][smuggling]") {
  Request req;
  for (const std::string& v : kVectors) {
    INFO(v);
    std::string input = v + kHidden;
    int whole = parse_request(input.data(), input.size(), 0, req);
    CHECK(refused(whole, req));
    int rc = kPartial;
    size_t n = 0;
    for (n = 1; n <= input.size() && rc == kPartial; ++n) rc = parse_request(input.data(), n, n - 1, req);
    CHECK(rc == whole);
    CHECK(refused(rc, req));
  }
}

TEST_CASE("server: smuggling vectors get 400, a close, and the hidden request is never answered", "[server][smuggling]") {
  Running s(EACH_IO);
  for (const std::string& v : kVectors) {
    INFO(v);
    Client c(s.port());
    REQUIRE(c.send(v + kHidden));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->header("connection") == "close");
    std::string rest;
    CHECK(c.read_until_eof(&rest));
    CHECK(rest.empty());
  }
}
