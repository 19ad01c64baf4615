// dxs/http1/semantics.h — what a parsed request head means for the connection (RFC 9110 / 9112).
//
// read_semantics(req) looks at Connection, Host, Content-Length and Transfer-Encoding once per request:
//   keep_alive   the connection may stay open after the response (HTTP/1.1 unless "close";
//                HTTP/1.0 only with "keep-alive"); an HTTP/1.0 keep-alive needs it echoed back.
//   has_body     Content-Length > 0 or any Transfer-Encoding (dx-server reads no bodies yet).
//   bad_request  framing or host errors that make the request unanswerable: a Content-Length that is not
//                one decimal number, more than one (even equal: "5, 5" or two fields), Content-Length
//                with Transfer-Encoding, an HTTP/1.1
//                request without exactly one Host, or several Host headers.
// etag_matches(value, etag) is If-None-Match's weak comparison (RFC 9110 §13.1.2): "*" or any listed tag
// equal to `etag` once W/ prefixes are ignored. Pure functions, no allocation.
#pragma once
#include <string_view>

#include "dxs/http1/parser.h"

namespace dxs::http1 {

struct Semantics {
  bool keep_alive = true;
  bool echo_keep_alive = false;  // send "Connection: keep-alive" (HTTP/1.0 client asked for it)
  bool has_body = false;
  bool bad_request = false;
};

Semantics read_semantics(const Request& req);

bool etag_matches(std::string_view if_none_match, std::string_view etag);

// A non-negative decimal number of 1–18 digits and nothing else (Content-Length, Range positions).
bool parse_decimal(std::string_view s, uint64_t* out);

}  // namespace dxs::http1
