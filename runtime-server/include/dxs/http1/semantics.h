// dxs/http1/semantics.h — what a parsed request head means for the connection (RFC 9110 / 9112).
//
// read_semantics(req) looks at Connection, Host, Content-Length, Transfer-Encoding and Expect once per request:
//   keep_alive   the connection may stay open after the response (HTTP/1.1 unless "close";
//                HTTP/1.0 only with "keep-alive"); an HTTP/1.0 keep-alive needs it echoed back.
//   body         how the body is framed (RFC 9112 §6.3): kChunked when Transfer-Encoding's final coding
//                is chunked, kLength with content_length for a Content-Length, else kNone.
//   has_body     Content-Length > 0 or Transfer-Encoding chunked (a chunked body may still be empty).
//   bad_request  framing or host errors that make the request unanswerable (answer 400 and close): a
//                Content-Length that is not one decimal number, more than one (even equal: "5, 5" or two
//                fields), Content-Length with Transfer-Encoding, a Transfer-Encoding whose final coding is
//                not chunked, that is empty, that names chunked twice, or that comes with HTTP/1.0
//                (§6.1), an HTTP/1.1 request without exactly one Host, or several Host headers.
//   not_implemented  Transfer-Encoding applies a coding other than chunked before the final chunked
//                ("gzip, chunked"): answer 501 and close (§6.1).
//   expect       Expect: kContinue for "100-continue" (HTTP/1.1 only: §10.1.1 ignores it in HTTP/1.0),
//                kUnsupported for anything else (answer 417).
// etag_matches(value, etag) is If-None-Match's weak comparison (RFC 9110 §13.1.2): "*" or any listed tag
// equal to `etag` once W/ prefixes are ignored. Pure functions, no allocation.
#pragma once
#include <cstdint>
#include <string_view>

#include "dxs/http1/parser.h"

namespace dxs::http1 {

struct Semantics {
  enum class Body : uint8_t { kNone, kLength, kChunked };
  enum class Expect : uint8_t { kNone, kContinue, kUnsupported };
  bool keep_alive = true;
  bool echo_keep_alive = false;  // send "Connection: keep-alive" (HTTP/1.0 client asked for it)
  bool has_body = false;
  bool bad_request = false;
  bool not_implemented = false;
  Body body = Body::kNone;
  Expect expect = Expect::kNone;
  uint64_t content_length = 0;
};

Semantics read_semantics(const Request& req);

bool etag_matches(std::string_view if_none_match, std::string_view etag);

// A non-negative decimal number of 1–18 digits and nothing else (Content-Length, Range positions).
bool parse_decimal(std::string_view s, uint64_t* out);

}  // namespace dxs::http1
