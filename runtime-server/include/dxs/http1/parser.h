// dxs/http1/parser.h — a pure, incremental HTTP/1.x request-head parser (picohttpparser's contract).
//
//   int parse_request(buf, len, prev_len, req, limits)
//     > 0  a complete request head (request line + headers + the empty line) is at the start of `buf`;
//          the value is the number of bytes it used, leading empty lines included; `req` views into `buf`.
//    -2    kPartial: no complete head yet; call again with more bytes (and prev_len = this len).
//    -1    kMalformed: not HTTP/1.x syntax (answer 400 and close).
//    -3    kTooLarge: the head is longer than limits.max_head_bytes or has more than
//          limits.max_headers headers (answer 431 and close).
// Pure: no state between calls and no allocation; `req` is only valid while `buf` is. `prev_len` is how many
// bytes of the same buffer an earlier call already saw and called partial (0 if none): only the new bytes
// are searched for the end of the head, so a head fed one byte at a time costs O(n), not O(n²).
// Strict where leniency lets requests be smuggled: lines end in CRLF (a bare LF is malformed), no obsolete
// line folding, no space before a header's colon, no control characters in names or values.
#pragma once
#include <cstddef>
#include <string_view>

namespace dxs::http1 {

inline constexpr int kPartial = -2;
inline constexpr int kMalformed = -1;
inline constexpr int kTooLarge = -3;

inline constexpr size_t kMaxHeadBytes = 16 * 1024;
inline constexpr size_t kMaxHeaders = 100;

struct Limits {
  size_t max_head_bytes = kMaxHeadBytes;  // request line + headers + the final CRLF CRLF
  size_t max_headers = kMaxHeaders;       // at most kMaxHeaders
};

struct Header {
  std::string_view name;   // as sent (compare case-insensitively)
  std::string_view value;  // without leading and trailing spaces or tabs
};

struct Request {
  std::string_view method;  // a token, case-sensitive ("GET")
  std::string_view target;  // the request-target as sent (origin-form "/a?b", absolute-form, "*", ...)
  int minor_version = 1;    // HTTP/1.<minor>
  size_t header_count = 0;
  Header headers[kMaxHeaders];
};

int parse_request(const char* buf, size_t len, size_t prev_len, Request& req, const Limits& limits = {});

// ASCII case-insensitive equality, for header names and tokens.
bool iequals(std::string_view a, std::string_view b);

// RFC 9110 §5.6.2 tchar, and the bytes a field value may hold (field-vchar, SP, HTAB, obs-text); the
// chunked decoder's trailer fields use the same rules.
bool is_tchar(unsigned char c);
bool is_value_char(unsigned char c);

}  // namespace dxs::http1
