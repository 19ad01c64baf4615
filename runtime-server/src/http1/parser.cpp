// http1/parser.cpp — parse_request (contract in dxs/http1/parser.h).
//
// Two steps: find the end of the head scanning only bytes not seen before (the cheap, repeated part), then
// parse the complete head once, strictly. Grammar: RFC 9112 §3 (request line) and §5 (field lines).
#include "dxs/http1/parser.h"

#include <cstring>

namespace dxs::http1 {
namespace {

constexpr size_t kMaxLeadingEmptyLines = 8;

// request-target bytes: visible ASCII; a space ends it, control characters and obs-text are malformed.
bool is_target_char(unsigned char c) { return c > 0x20 && c < 0x7F; }

struct Cursor {
  const char* p;
  const char* end;
  bool eat(char c) {
    if (p == end || *p != c) return false;
    ++p;
    return true;
  }
  bool eat_crlf() { return eat('\r') && eat('\n'); }
};

bool parse_request_line(Cursor& c, Request& req) {
  const char* start = c.p;
  while (c.p != c.end && is_tchar(static_cast<unsigned char>(*c.p))) ++c.p;
  if (c.p == start) return false;
  req.method = std::string_view(start, size_t(c.p - start));
  if (!c.eat(' ')) return false;
  start = c.p;
  while (c.p != c.end && is_target_char(static_cast<unsigned char>(*c.p))) ++c.p;
  if (c.p == start) return false;
  req.target = std::string_view(start, size_t(c.p - start));
  if (!c.eat(' ')) return false;
  static constexpr char kProto[] = "HTTP/1.";
  for (const char* q = kProto; *q; ++q)
    if (!c.eat(*q)) return false;
  if (c.p == c.end || *c.p < '0' || *c.p > '9') return false;
  req.minor_version = *c.p++ - '0';
  return c.eat_crlf();
}

// Returns 0 when the header block ended, kMalformed or kTooLarge otherwise.
int parse_headers(Cursor& c, Request& req, size_t max_headers) {
  req.header_count = 0;
  for (;;) {
    if (c.eat_crlf()) return 0;  // the empty line
    if (c.p == c.end) return kMalformed;
    if (*c.p == ' ' || *c.p == '\t') return kMalformed;  // obsolete line folding
    const char* start = c.p;
    while (c.p != c.end && is_tchar(static_cast<unsigned char>(*c.p))) ++c.p;
    std::string_view name(start, size_t(c.p - start));
    if (name.empty() || !c.eat(':')) return kMalformed;  // also "Name : value"
    while (c.p != c.end && (*c.p == ' ' || *c.p == '\t')) ++c.p;
    start = c.p;
    while (c.p != c.end && is_value_char(static_cast<unsigned char>(*c.p))) ++c.p;
    const char* vend = c.p;
    while (vend != start && (vend[-1] == ' ' || vend[-1] == '\t')) --vend;
    if (!c.eat_crlf()) return kMalformed;
    if (req.header_count == max_headers) return kTooLarge;
    req.headers[req.header_count++] = Header{name, std::string_view(start, size_t(vend - start))};
  }
}

}  // namespace

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
bool is_tchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// field-vchar / SP / HTAB, obs-text (0x80–0xFF) allowed in values.
bool is_value_char(unsigned char c) { return c == '\t' || (c >= 0x20 && c != 0x7F); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

int parse_request(const char* buf, size_t len, size_t prev_len, Request& req, const Limits& limits) {
  size_t max_headers = limits.max_headers < kMaxHeaders ? limits.max_headers : kMaxHeaders;
  // RFC 9112 §2.2: ignore a few empty lines before the request line (they count toward the head limit).
  size_t skip = 0;
  while (skip < len && (buf[skip] == '\r' || buf[skip] == '\n')) {
    if (buf[skip] == '\n' || skip == 2 * kMaxLeadingEmptyLines) return kMalformed;
    if (skip + 1 == len) break;
    if (buf[skip + 1] != '\n') return kMalformed;  // a bare CR
    skip += 2;
  }
  // Find the first "\r\n\r\n" after the skipped lines, looking only at bytes after `prev_len - 3` and
  // never past the head limit: bytes beyond it cannot change the outcome, however the input is split.
  size_t from = skip;
  if (prev_len > skip + 3 && prev_len <= len) from = prev_len - 3;
  size_t scan_end = len < limits.max_head_bytes ? len : limits.max_head_bytes;
  size_t end = 0;  // one past the head's last byte, 0 = not found
  for (size_t i = from; i < scan_end; ++i) {
    if (buf[i] != '\n') continue;
    if (i == skip || buf[i - 1] != '\r') return kMalformed;  // a bare LF
    if (i >= skip + 3 && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
      end = i + 1;
      break;
    }
  }
  if (end == 0) return len >= limits.max_head_bytes ? kTooLarge : kPartial;

  Cursor c{buf + skip, buf + end};
  if (!parse_request_line(c, req)) return kMalformed;
  if (int rc = parse_headers(c, req, max_headers); rc != 0) return rc;
  return c.p == buf + end ? int(end) : kMalformed;
}

}  // namespace dxs::http1
