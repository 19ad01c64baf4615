// http1/semantics.cpp — read_semantics and etag_matches (contracts in dxs/http1/semantics.h).
#include "dxs/http1/semantics.h"

#include <cstdint>

namespace dxs::http1 {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls f(element) for each comma-separated, trimmed, non-empty element of a list header value.
template <class F>
void for_each_element(std::string_view v, F&& f) {
  while (!v.empty()) {
    size_t comma = v.find(',');
    std::string_view e = trim(v.substr(0, comma));
    if (!e.empty()) f(e);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
}

}  // namespace

Semantics read_semantics(const Request& req) {
  Semantics s;
  bool close = false, keep_alive = false, has_length = false, has_te = false;
  uint64_t length = 0;
  int hosts = 0;
  int codings = 0;             // Transfer-Encoding elements, across every field (one list, RFC 9110 §5.3)
  bool last_chunked = false;   // the last element so far is "chunked"
  bool early_chunked = false;  // chunked before the last element (applied twice, or not final)
  bool other_coding = false;   // a coding other than chunked
  for (size_t i = 0; i < req.header_count; ++i) {
    const Header& h = req.headers[i];
    if (iequals(h.name, "connection")) {
      for_each_element(h.value, [&](std::string_view e) {
        if (iequals(e, "close")) close = true;
        else if (iequals(e, "keep-alive")) keep_alive = true;
      });
    } else if (iequals(h.name, "host")) {
      ++hosts;
    } else if (iequals(h.name, "content-length")) {
      // Exactly one field with one decimal value. RFC 9112 §6.3 lets a recipient accept repeated equal
      // values ("5, 5"); we refuse them too: an intermediary may have framed the message differently.
      uint64_t n = 0;
      if (has_length || !parse_decimal(h.value, &n)) s.bad_request = true;
      has_length = true;
      length = n;
    } else if (iequals(h.name, "transfer-encoding")) {
      has_te = true;
      for_each_element(h.value, [&](std::string_view e) {
        if (last_chunked) early_chunked = true;
        ++codings;
        last_chunked = iequals(e, "chunked");
        if (!last_chunked) other_coding = true;
      });
    } else if (iequals(h.name, "expect")) {
      if (iequals(trim(h.value), "100-continue")) {
        if (req.minor_version >= 1 && s.expect == Semantics::Expect::kNone) s.expect = Semantics::Expect::kContinue;
      } else {
        s.expect = Semantics::Expect::kUnsupported;
      }
    }
  }
  if (has_te && has_length) s.bad_request = true;
  if (has_te && (req.minor_version < 1 || codings == 0 || !last_chunked || early_chunked)) s.bad_request = true;
  if (has_te && !s.bad_request && other_coding) s.not_implemented = true;
  if (has_te) s.body = Semantics::Body::kChunked;
  else if (has_length) s.body = Semantics::Body::kLength;
  s.content_length = length;
  if (hosts > 1 || (req.minor_version >= 1 && hosts == 0)) s.bad_request = true;
  s.has_body = has_te || length > 0;
  if (req.minor_version >= 1) {
    s.keep_alive = !close;
  } else {
    s.keep_alive = keep_alive && !close;
    s.echo_keep_alive = s.keep_alive;
  }
  return s;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (etag.size() >= 2 && etag.substr(0, 2) == "W/") etag.remove_prefix(2);
  bool match = false;
  for_each_element(if_none_match, [&](std::string_view e) {
    if (e == "*") match = true;
    if (e.size() >= 2 && e.substr(0, 2) == "W/") e.remove_prefix(2);
    if (e == etag) match = true;
  });
  return match;
}

bool parse_decimal(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + uint64_t(c - '0');
  }
  *out = n;
  return true;
}

}  // namespace dxs::http1
