// dxs/http1/response.h — responses prebuilt once at startup and shared read-only by every worker.
//
// A Prebuilt is everything a response says except what varies per request: `head` holds the status line
// and the fixed headers (Server, Content-Type, Content-Length, ETag, ...), each ending in CRLF, but NOT
// Date, Connection or the empty line that ends the head; the connection appends those. `body` is shared
// (a file's bytes are held once however many paths name it) and may be null (304, or nothing to send).
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace dxs::http1 {

struct Prebuilt {
  std::string head;
  std::shared_ptr<const std::string> body;
};

// Builds a Prebuilt: "HTTP/1.1 <status> <reason>", "Server: dx", then `extra_headers` (complete lines,
// each ending in CRLF), then Content-Type (when not empty) and Content-Length of `body` (when `body` is
// not null). `body` is shared as is.
Prebuilt make_response(int status, std::string_view reason, std::string_view content_type,
                       std::string_view extra_headers, std::shared_ptr<const std::string> body);

// A small HTML page "<status> <reason>" with "Cache-Control: no-cache", for 4xx answers.
Prebuilt make_error_page(int status, std::string_view reason, std::string_view extra_headers = {});

// The answers the HTTP/1 layer gives on its own, built once per server.
struct CannedResponses {
  Prebuilt bad_request;         // 400
  Prebuilt not_found;           // 404
  Prebuilt method_not_allowed;  // 405, with "Allow: GET, HEAD"
  Prebuilt request_timeout;     // 408 (a head not finished within the header timeout, a stalled body)
  Prebuilt too_large;           // 431
  Prebuilt payload_too_large;   // 413 (a body over the server's limit)
  Prebuilt expectation_failed;  // 417 (an Expect other than 100-continue)
  Prebuilt not_implemented;     // 501 (a transfer coding other than chunked)
  Prebuilt rpc_not_allowed;     // 405 with "Allow: POST" (/_dx/rpc/*)
  Prebuilt service_unavailable; // 503 (over the connection limit)
  static CannedResponses build();
};

}  // namespace dxs::http1
