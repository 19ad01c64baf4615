// http1_parser_test.cpp — dxs::http1::parse_request, every case fed whole AND one byte at a time.
//
// Each input is placed just before a guard page (guarded.h). "One byte at a time" feeds every prefix
// 1..n (each ending at the guard page, prev_len = the previous prefix's length, as a connection does) and
// requires: kPartial for every prefix shorter than the request, then the same outcome as the whole input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dxs/http1/parser.h"
#include "guarded.h"

using namespace dxs::http1;

namespace {

struct Outcome {
  int rc = 0;
  std::string method, target;
  int minor = -1;
  std::vector<std::pair<std::string, std::string>> headers;
  bool operator==(const Outcome& o) const {
    return rc == o.rc && method == o.method && target == o.target && minor == o.minor && headers == o.headers;
  }
};

Outcome capture(int rc, const Request& req) {
  Outcome o;
  o.rc = rc;
  if (rc > 0) {
    o.method = std::string(req.method);
    o.target = std::string(req.target);
    o.minor = req.minor_version;
    for (size_t i = 0; i < req.header_count; ++i)
      o.headers.emplace_back(std::string(req.headers[i].name), std::string(req.headers[i].value));
  }
  return o;
}

Request& scratch() {
  static Request req;  // 100 headers: keep it off the stack
  return req;
}

// Feeds `in` whole and byte by byte, checks they agree, and returns the outcome.
Outcome parse_both_ways(const std::string& in, const Limits& limits = {}) {
  dxs_test::GuardedBuffer guard(in.size() + 1);
  Request& req = scratch();
  Outcome whole = capture(parse_request(guard.place(in), in.size(), 0, req, limits), req);

  Outcome bytewise;
  bytewise.rc = kPartial;
  size_t prev = 0;
  for (size_t k = 1; k <= in.size(); ++k) {
    int rc = parse_request(guard.place(std::string_view(in).substr(0, k)), k, prev, req, limits);
    if (rc == kPartial) {
      prev = k;
      continue;
    }
    bytewise = capture(rc, req);
    if (rc > 0) {
      INFO("completed at prefix " << k);
      CHECK(size_t(rc) == k);  // a head completes exactly at its last byte
    }
    break;
  }
  INFO("input: " << in.substr(0, 200));
  CHECK(bytewise == whole);
  return whole;
}

std::string many_headers(size_t n) {
  std::string s = "GET / HTTP/1.1\r\n";
  for (size_t i = 0; i < n; ++i) s += "X-H" + std::to_string(i) + ": v\r\n";
  return s + "\r\n";
}

}  // namespace

TEST_CASE("server: http1 parser: a simple GET", "[http1][parser]") {
  std::string in = "GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n";
  Outcome o = parse_both_ways(in);
  REQUIRE(o.rc == int(in.size()));
  CHECK(o.method == "GET");
  CHECK(o.target == "/index.html");
  CHECK(o.minor == 1);
  REQUIRE(o.headers.size() == 2);
  CHECK(o.headers[0] == std::make_pair(std::string("Host"), std::string("example.com")));
  CHECK(o.headers[1] == std::make_pair(std::string("Accept"), std::string("*/*")));
}

TEST_CASE("server: http1 parser: HEAD and HTTP/1.0 without headers", "[http1][parser]") {
  Outcome o = parse_both_ways("HEAD /a?b=c HTTP/1.0\r\n\r\n");
  REQUIRE(o.rc == 24);
  CHECK(o.method == "HEAD");
  CHECK(o.target == "/a?b=c");
  CHECK(o.minor == 0);
  CHECK(o.headers.empty());
}

TEST_CASE("server: http1 parser: header values are trimmed and may be empty or obs-text", "[http1][parser]") {
  Outcome o = parse_both_ways("GET / HTTP/1.1\r\nA:   spaced \t \r\nB:\r\nC: caf\xc3\xa9\r\nD:x\r\n\r\n");
  REQUIRE(o.rc > 0);
  REQUIRE(o.headers.size() == 4);
  CHECK(o.headers[0].second == "spaced");
  CHECK(o.headers[1].second.empty());
  CHECK(o.headers[2].second == "caf\xc3\xa9");
  CHECK(o.headers[3].second == "x");
}

TEST_CASE("server: http1 parser: only the first of pipelined requests is consumed", "[http1][parser]") {
  std::string first = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n";
  std::string in = first + "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n";
  Outcome o = parse_both_ways(in);
  CHECK(o.rc == int(first.size()));
  CHECK(o.target == "/1");
}

TEST_CASE("server: http1 parser: leading empty lines are skipped and counted", "[http1][parser]") {
  Outcome o = parse_both_ways("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
  CHECK(o.rc == 22);
  CHECK(o.target == "/");
  std::string eight, nine;
  for (int i = 0; i < 8; ++i) eight += "\r\n";
  nine = eight + "\r\n";
  CHECK(parse_both_ways(eight + "GET / HTTP/1.1\r\n\r\n").rc == 34);
  CHECK(parse_both_ways(nine + "GET / HTTP/1.1\r\n\r\n").rc == kMalformed);  // a bounded courtesy
}

TEST_CASE("server: http1 parser: incomplete heads are partial", "[http1][parser]") {
  for (std::string in : {"", "G", "GET / HTTP/1.1", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: a\r\n",
                         "GET / HTTP/1.1\r\nHost: a\r\n\r", "\r\n", "\r"}) {
    INFO(in);
    CHECK(parse_both_ways(in).rc == kPartial);
  }
}

TEST_CASE("server: http1 parser: malformed heads are errors", "[http1][parser]") {
  const char* cases[] = {
      "GET / HTTP/1.1\nHost: a\n\n",            // bare LF line ends
      "GET / HTTP/1.1\r\nHost: a\n\r\n",        // one bare LF
      "GET /\r\n\r\n",                          // HTTP/0.9 style
      "GET / HTTP/2.0\r\n\r\n",                 // not HTTP/1.x
      "GET / http/1.1\r\n\r\n",                 // the protocol name is case-sensitive
      "GET / HTTP/1.\r\n\r\n",                  // no minor version
      "GET / HTTP/1.12\r\n\r\n",                // two digits
      "GET  / HTTP/1.1\r\n\r\n",                // two spaces
      " GET / HTTP/1.1\r\n\r\n",                // leading space
      "GET / HTTP/1.1 \r\n\r\n",                // trailing space
      "G(T / HTTP/1.1\r\n\r\n",                 // not a token
      "GET /a\tb HTTP/1.1\r\n\r\n",             // tab in the target
      "GET /\x7f HTTP/1.1\r\n\r\n",             // DEL in the target
      "GET /\xc3\xa9 HTTP/1.1\r\n\r\n",         // raw non-ASCII in the target
      "GET / HTTP/1.1\r\nHost : a\r\n\r\n",     // space before the colon (smuggling)
      "GET / HTTP/1.1\r\nHost\r\n\r\n",         // no colon
      "GET / HTTP/1.1\r\n: a\r\n\r\n",          // empty name
      "GET / HTTP/1.1\r\nH\xc3\xa9: a\r\n\r\n", // non-token name
      "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n",   // obsolete line folding
      "GET / HTTP/1.1\r\nA: b\x01" "c\r\n\r\n", // control character in a value
      "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n",      // bare CR in a value
      "\rGET / HTTP/1.1\r\n\r\n",               // bare CR before the request line
      "\nGET / HTTP/1.1\r\n\r\n",               // bare LF before the request line
  };
  for (const char* c : cases) {
    INFO(c);
    CHECK(parse_both_ways(c).rc == kMalformed);
  }
  std::string nul = "GET /a";
  nul += '\0';
  nul += " HTTP/1.1\r\n\r\n";
  CHECK(parse_both_ways(nul).rc == kMalformed);
  std::string nul_value = "GET / HTTP/1.1\r\nA: x";
  nul_value += '\0';
  nul_value += "\r\n\r\n";
  CHECK(parse_both_ways(nul_value).rc == kMalformed);
}

TEST_CASE("server: http1 parser: the header count limit", "[http1][parser]") {
  CHECK(parse_both_ways(many_headers(kMaxHeaders)).rc > 0);
  CHECK(parse_both_ways(many_headers(kMaxHeaders + 1)).rc == kTooLarge);
  Limits small;
  small.max_headers = 2;
  CHECK(parse_both_ways(many_headers(2), small).rc > 0);
  CHECK(parse_both_ways(many_headers(3), small).rc == kTooLarge);
}

TEST_CASE("server: http1 parser: the head size limit", "[http1][parser]") {
  std::string prefix = "GET / HTTP/1.1\r\nX: ";
  std::string suffix = "\r\n\r\n";
  std::string exact = prefix + std::string(kMaxHeadBytes - prefix.size() - suffix.size(), 'a') + suffix;
  REQUIRE(exact.size() == kMaxHeadBytes);
  CHECK(parse_both_ways(exact).rc == int(kMaxHeadBytes));
  std::string over = prefix + std::string(kMaxHeadBytes - prefix.size() - suffix.size() + 1, 'a') + suffix;
  CHECK(parse_both_ways(over).rc == kTooLarge);
  // An unfinished head is refused as soon as it reaches the limit, without waiting for its end.
  std::string unfinished = prefix + std::string(kMaxHeadBytes, 'a');
  CHECK(parse_both_ways(unfinished).rc == kTooLarge);
  Limits small;
  small.max_head_bytes = 32;
  CHECK(parse_both_ways("GET / HTTP/1.1\r\nHost: abcdefgh\r\n\r\n", small).rc == kTooLarge);
  CHECK(parse_both_ways("GET / HTTP/1.1\r\nHost: abcd\r\n\r\n", small).rc == 30);
}

TEST_CASE("server: http1 parser: iequals", "[http1][parser]") {
  CHECK(iequals("Content-Length", "content-length"));
  CHECK(iequals("", ""));
  CHECK_FALSE(iequals("Host", "Hosts"));
  CHECK_FALSE(iequals("[", "{"));  // 0x5B vs 0x7B: only letters fold
}
