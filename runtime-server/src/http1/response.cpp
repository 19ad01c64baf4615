// http1/response.cpp — make_response, make_error_page, CannedResponses (contracts in dxs/http1/response.h).
#include "dxs/http1/response.h"

namespace dxs::http1 {

Prebuilt make_response(int status, std::string_view reason, std::string_view content_type,
                       std::string_view extra_headers, std::shared_ptr<const std::string> body) {
  Prebuilt p;
  p.head.reserve(160 + extra_headers.size());
  p.head += "HTTP/1.1 ";
  p.head += std::to_string(status);
  p.head += ' ';
  p.head += reason;
  p.head += "\r\nServer: dx\r\n";
  p.head += extra_headers;
  if (!content_type.empty()) {
    p.head += "Content-Type: ";
    p.head += content_type;
    p.head += "\r\n";
  }
  if (body) {
    p.head += "Content-Length: ";
    p.head += std::to_string(body->size());
    p.head += "\r\n";
  }
  p.body = std::move(body);
  return p;
}

Prebuilt make_error_page(int status, std::string_view reason, std::string_view extra_headers) {
  std::string title = std::to_string(status) + " " + std::string(reason);
  auto body = std::make_shared<const std::string>("<!doctype html>\n<meta charset=\"utf-8\">\n<title>" + title +
                                                  "</title>\n<h1>" + title + "</h1>\n");
  std::string headers(extra_headers);
  headers += "Cache-Control: no-cache\r\n";
  return make_response(status, reason, "text/html; charset=utf-8", headers, std::move(body));
}

CannedResponses CannedResponses::build() {
  CannedResponses c;
  c.bad_request = make_error_page(400, "Bad Request");
  c.not_found = make_error_page(404, "Not Found");
  c.method_not_allowed = make_error_page(405, "Method Not Allowed", "Allow: GET, HEAD\r\n");
  c.request_timeout = make_error_page(408, "Request Timeout");
  c.too_large = make_error_page(431, "Request Header Fields Too Large");
  c.payload_too_large = make_error_page(413, "Content Too Large");
  c.expectation_failed = make_error_page(417, "Expectation Failed");
  c.not_implemented = make_error_page(501, "Not Implemented");
  c.rpc_not_allowed = make_error_page(405, "Method Not Allowed", "Allow: POST\r\n");
  c.service_unavailable = make_error_page(503, "Service Unavailable", "Retry-After: 1\r\n");
  return c;
}

}  // namespace dxs::http1
