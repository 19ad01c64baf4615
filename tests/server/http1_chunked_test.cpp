// http1_chunked_test.cpp — the chunked body decoder (dxs/http1/chunked.h): valid bodies, every error, and
// the limits, each input decoded whole, one byte at a time and split at every point with the same outcome.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "chunked_check.h"

using namespace dxs_test;
using namespace dxs::http1;
using namespace std::string_literals;

namespace {

// The outcome of `in` whole, after checking that byte-at-a-time and every two-piece split agree.
ChunkedOutcome decode_everyway(const std::string& in, const ChunkedLimits& limits = {}) {
  ChunkedOutcome whole = decode_chunked(in, 0, 0, limits);
  CHECK(whole.spans_inside);
  CHECK(decode_chunked(in, 0, 1, limits) == whole);
  for (size_t split = 1; split < in.size(); ++split) {
    INFO("split at " << split);
    CHECK(decode_chunked(in, split, 0, limits) == whole);
  }
  return whole;
}

}  // namespace

TEST_CASE("server: chunked: valid bodies decode to their data, whole or in any pieces", "[http1][chunked]") {
  struct Case {
    std::string in;
    std::string data;
  };
  const std::vector<Case> cases = {
      {"0\r\n\r\n", ""},
      {"000\r\n\r\n", ""},
      {"5\r\nhello\r\n0\r\n\r\n", "hello"},
      {"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"},
      {"A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij"},
      {"0005\r\nhello\r\n0\r\n\r\n", "hello"},
      {"1\r\n\n\r\n1\r\n\r\r\n0\r\n\r\n", "\n\r"},                        // CR and LF are fine as data
      {"5;name\r\nhello\r\n0\r\n\r\n", "hello"},                          // extensions are ignored
      {"5;name=value;x=\"q;\\\"uo\\\\ted\"\r\nhello\r\n0\r\n\r\n", "hello"},
      {"5 ; a = b ;\tc\r\nhello\r\n0 ;last\r\n\r\n", "hello"},            // BWS around ";" and "="
      {"3\r\nabc\r\n0\r\nX-Trailer: 1\r\nEmpty:\r\nY: two words\r\n\r\n", "abc"},  // trailers are discarded
      {"3\r\n\0\xff\x7f\r\n0\r\n\r\n"s, "\0\xff\x7f"s},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    ChunkedOutcome o = decode_everyway(c.in);
    CHECK(o.status == ChunkedStatus::kDone);
    CHECK(o.error == ChunkedError::kNone);
    CHECK(o.data == c.data);
    CHECK(o.used == c.in.size());
  }
}

TEST_CASE("server: chunked: the bytes after the body are left for the next request", "[http1][chunked]") {
  std::string body = "4\r\nwiki\r\n0\r\nT: v\r\n\r\n";
  ChunkedOutcome o = decode_everyway(body + "GET / HTTP/1.1\r\n\r\n");
  CHECK(o.status == ChunkedStatus::kDone);
  CHECK(o.used == body.size());
  CHECK(o.data == "wiki");

  ChunkedDecoder d;
  std::string two = "0\r\n\r\n0\r\n\r\n";
  ChunkedStep s = d.feed(two.data(), two.size());
  CHECK(s.status == ChunkedStatus::kDone);
  CHECK(s.consumed == 5);
  s = d.feed(two.data() + 5, 5);  // after kDone: nothing more is taken
  CHECK(s.status == ChunkedStatus::kDone);
  CHECK(s.consumed == 0);
  d.reset();
  s = d.feed(two.data() + 5, 5);
  CHECK(s.status == ChunkedStatus::kDone);
  CHECK(d.body_bytes() == 0);
}

TEST_CASE("server: chunked: an unfinished body asks for more", "[http1][chunked]") {
  for (std::string in : {"", "5", "5\r", "5\r\nhel", "5\r\nhello", "5\r\nhello\r", "5\r\nhello\r\n0\r\n",
                         "0\r\nX: 1\r\n", "0\r\n\r", "5;a=\"open"}) {
    INFO(in);
    ChunkedOutcome o = decode_everyway(in);
    CHECK(o.status == ChunkedStatus::kMore);
    CHECK(o.used == in.size());
  }
  ChunkedDecoder d;
  std::string in = "10\r\n0123";
  ChunkedStep s = d.feed(in.data(), 4);
  CHECK(s.consumed == 4);
  CHECK(s.data_len == 0);
  CHECK(d.body_bytes() == 0);
  CHECK(d.chunk_left() == 16);  // announced: a connection checks its limit before the data arrives
  s = d.feed(in.data() + 4, 4);
  CHECK(s.data_len == 4);
  CHECK(d.body_bytes() == 4);
  CHECK(d.chunk_left() == 12);
}

TEST_CASE("server: chunked: malformed bodies are errors with a reason", "[http1][chunked]") {
  struct Case {
    std::string in;
    ChunkedError error;
  };
  const std::vector<Case> cases = {
      {"\r\n", ChunkedError::kBadSize},               // no size
      {"g\r\n", ChunkedError::kBadSize},
      {" 5\r\nhello\r\n0\r\n\r\n", ChunkedError::kBadSize},  // space before the size
      {"+5\r\nhello\r\n0\r\n\r\n", ChunkedError::kBadSize},
      {"-1\r\n", ChunkedError::kBadSize},
      {"0x5\r\nhello\r\n0\r\n\r\n", ChunkedError::kBadSize},
      {"5 \r\nhello\r\n0\r\n\r\n", ChunkedError::kBadSize},  // whitespace after the size without ";"
      {"5 5\r\n", ChunkedError::kBadSize},
      {"5\nhello\r\n0\r\n\r\n", ChunkedError::kBadLineEnd},   // bare LF after the size
      {"\n", ChunkedError::kBadLineEnd},
      {"5\rhello", ChunkedError::kBadLineEnd},                  // bare CR
      {"5\r\nhello\n0\r\n\r\n", ChunkedError::kMissingDataEnd},  // bare LF after the data
      {"5\r\nhelloX\r\n0\r\n\r\n", ChunkedError::kMissingDataEnd},  // data longer than announced
      {"5\r\nhell\r\n0\r\n\r\n", ChunkedError::kMissingDataEnd},    // shorter
      {"5\r\nhello\rX", ChunkedError::kBadLineEnd},
      {"0\r\n\n", ChunkedError::kBadLineEnd},                   // bare LF ends the body
      {"0\r\nX: 1\n\r\n", ChunkedError::kBadLineEnd},
      {"0\r\n\rX", ChunkedError::kBadLineEnd},
      {"0\r\n X: 1\r\n\r\n", ChunkedError::kBadTrailer},        // obsolete line folding
      {"0\r\nX: 1\r\n\tmore\r\n\r\n", ChunkedError::kBadTrailer},
      {"0\r\nX : 1\r\n\r\n", ChunkedError::kBadTrailer},        // space before the colon
      {"0\r\n: 1\r\n\r\n", ChunkedError::kBadTrailer},          // no name
      {"0\r\nX 1\r\n\r\n", ChunkedError::kBadTrailer},
      {"0\r\nX: a\x01z\r\n\r\n", ChunkedError::kBadTrailer},     // control character
      {"0\r\nX: a\x7fz\r\n\r\n", ChunkedError::kBadTrailer},
      {"5;\r\nhello\r\n0\r\n\r\n", ChunkedError::kBadExtension},   // empty extension name
      {"5;=v\r\n", ChunkedError::kBadExtension},
      {"5;a=\r\n", ChunkedError::kBadExtension},
      {"5;a=b c\r\n", ChunkedError::kBadExtension},
      {"5;a b\r\n", ChunkedError::kBadExtension},
      {"5;a=\"x\"y\r\n", ChunkedError::kBadExtension},
      {"5;a=\"x\ry\"\r\n", ChunkedError::kBadExtension},
      {"5;a \r\n", ChunkedError::kBadExtension},                 // whitespace before CRLF
      {"5;a\x01\r\n", ChunkedError::kBadExtension},
      {"5;a=\"x\ny\"\r\n", ChunkedError::kBadLineEnd},
      {"10000000000000000\r\n", ChunkedError::kSizeTooLarge},  // 17 significant digits: over 64 bits
      {"ffffffffffffffff1\r\n", ChunkedError::kSizeTooLarge},
      {"1000000000001\r\n", ChunkedError::kSizeTooLarge},      // 2^48 + 1: over the default cap
  };
  for (const Case& c : cases) {
    INFO(c.in);
    ChunkedOutcome o = decode_everyway(c.in);
    CHECK(o.status == ChunkedStatus::kError);
    CHECK(int(o.error) == int(c.error));
    CHECK(std::string(chunked_error_text(o.error)) != "unknown error");
  }
  // After an error the decoder stays failed.
  ChunkedDecoder d;
  d.feed("z", 1);
  ChunkedStep s = d.feed("0\r\n\r\n", 5);
  CHECK(s.status == ChunkedStatus::kError);
  CHECK(s.consumed == 0);
}

TEST_CASE("server: chunked: limits on sizes, lines and trailers", "[http1][chunked]") {
  // Leading zeros are not significant digits, but they count toward the line.
  CHECK(decode_everyway(std::string(40, '0') + "5\r\nhello\r\n0\r\n\r\n").data == "hello");
  ChunkedLimits small;
  small.max_chunk_size = 16;
  small.max_line = 12;
  small.max_trailer_bytes = 10;
  CHECK(decode_everyway("10\r\n0123456789abcdef\r\n0\r\n\r\n", small).status == ChunkedStatus::kDone);
  CHECK(decode_everyway("11\r\n", small).error == ChunkedError::kSizeTooLarge);
  CHECK(decode_everyway("5;abcdefgh\r\nhello\r\n0\r\n\r\n", small).status == ChunkedStatus::kDone);  // 12 bytes
  CHECK(decode_everyway("5;abcdefghi\r\nhello\r\n0\r\n\r\n", small).error == ChunkedError::kLineTooLong);
  CHECK(decode_everyway("0000000000005\r\n", small).error == ChunkedError::kLineTooLong);
  CHECK(decode_everyway("0\r\nA: 123\r\n\r\n", small).status == ChunkedStatus::kDone);  // 10 bytes
  CHECK(decode_everyway("0\r\nA: 1234\r\n\r\n", small).error == ChunkedError::kTrailerTooLarge);
  ChunkedLimits digits;
  digits.max_size_digits = 2;
  CHECK(decode_everyway("00ff\r\n", digits).status == ChunkedStatus::kMore);
  CHECK(decode_everyway("100\r\n", digits).error == ChunkedError::kSizeTooLarge);
}

TEST_CASE("server: chunked: a body far larger than any piece streams through", "[http1][chunked]") {
  std::string in, want;
  for (int i = 0; i < 200; ++i) {
    std::string chunk(size_t(i * 37 % 1000 + 1), char('a' + i % 26));
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    in += std::string(size) + "\r\n" + chunk + "\r\n";
    want += chunk;
  }
  in += "0\r\n\r\n";
  for (size_t step : {size_t(1), size_t(7), size_t(512), size_t(4096)}) {
    ChunkedOutcome o = decode_chunked(in, 0, step);
    CHECK(o.status == ChunkedStatus::kDone);
    CHECK(o.data == want);
    CHECK(o.used == in.size());
  }
}
