// http1_headers_test.cpp — the pure header-value readers: Accept-Encoding (choose_encoding, accept_q),
// Range (parse_range) and the cache rule for content-hashed names (is_content_hashed).
#include <catch2/catch.hpp>

#include <string>

#include "dxs/cache_policy.h"
#include "dxs/http1/accept_encoding.h"
#include "dxs/http1/range.h"

using dxs::http1::ByteRange;
using dxs::http1::Encoding;
using dxs::http1::RangeResult;

namespace {

// A request with the given headers, all named `name`.
Encoding choose(std::initializer_list<std::string_view> values, bool br = true, bool gz = true) {
  static dxs::http1::Request req;
  req.header_count = 0;
  for (std::string_view v : values) req.headers[req.header_count++] = {"Accept-Encoding", v};
  return dxs::http1::choose_encoding(req, br, gz);
}

}  // namespace

TEST_CASE("server: accept_q reads q-values", "[server][accept-encoding]") {
  using dxs::http1::accept_q;
  CHECK(accept_q("gzip, br", "br") == 1000);
  CHECK(accept_q("gzip;q=0.5, br;q=0.25", "gzip") == 500);
  CHECK(accept_q("gzip;q=0.5, br;q=0.25", "br") == 250);
  CHECK(accept_q("GZIP ; Q=0.125", "gzip") == 125);
  CHECK(accept_q("x-gzip", "gzip") == 1000);
  CHECK(accept_q("*;q=0.3", "br") == 300);
  CHECK(accept_q("br;q=0, *", "br") == 0);  // a named coding beats "*"
  CHECK(accept_q("deflate", "br") == -1);
  CHECK(accept_q("br;q=1.5", "br") == 0);   // out of range: not acceptable
  CHECK(accept_q("br;q=abc", "br") == 0);
  CHECK(accept_q("br;q=0.1234", "br") == 0);
  CHECK(accept_q("", "br") == -1);
  CHECK(accept_q(",,, br ,", "br") == 1000);
}

TEST_CASE("server: choose_encoding prefers br, honours q and falls back to identity", "[server][accept-encoding]") {
  CHECK(choose({}) == Encoding::kIdentity);
  CHECK(choose({"gzip, deflate, br"}) == Encoding::kBrotli);
  CHECK(choose({"gzip, deflate"}) == Encoding::kGzip);
  CHECK(choose({"br;q=0.5, gzip"}) == Encoding::kGzip);
  CHECK(choose({"br;q=0.5, gzip;q=0.5"}) == Encoding::kBrotli);  // tie: br
  CHECK(choose({"br;q=0, gzip;q=0"}) == Encoding::kIdentity);
  CHECK(choose({"identity"}) == Encoding::kIdentity);
  CHECK(choose({"identity;q=0"}) == Encoding::kIdentity);  // nothing else acceptable: still identity, no 406
  CHECK(choose({"*"}) == Encoding::kBrotli);
  CHECK(choose({"*;q=0"}) == Encoding::kIdentity);
  CHECK(choose({"gzip", "br"}) == Encoding::kBrotli);  // several headers are one list
  CHECK(choose({"gzip, br"}, /*br=*/false, /*gz=*/true) == Encoding::kGzip);
  CHECK(choose({"br"}, /*br=*/false, /*gz=*/true) == Encoding::kIdentity);
  CHECK(choose({"gzip, br"}, false, false) == Encoding::kIdentity);
}

TEST_CASE("server: parse_range takes one byte range", "[server][range]") {
  ByteRange r;
  auto ok = [&](std::string_view v, uint64_t size, uint64_t first, uint64_t last) {
    INFO(v);
    REQUIRE(dxs::http1::parse_range(v, size, &r) == RangeResult::kSatisfiable);
    CHECK(r.first == first);
    CHECK(r.last == last);
  };
  ok("bytes=0-0", 10, 0, 0);
  ok("bytes=0-", 10, 0, 9);
  ok("bytes=2-5", 10, 2, 5);
  ok("bytes=5-100", 10, 5, 9);
  ok("bytes=-3", 10, 7, 9);
  ok("bytes=-30", 10, 0, 9);
  ok("Bytes = 9-9 ", 10, 9, 9);
  auto is = [&](std::string_view v, uint64_t size, RangeResult want) {
    INFO(v);
    CHECK(dxs::http1::parse_range(v, size, &r) == want);
  };
  is("bytes=10-", 10, RangeResult::kUnsatisfiable);
  is("bytes=10-20", 10, RangeResult::kUnsatisfiable);
  is("bytes=-0", 10, RangeResult::kUnsatisfiable);
  is("bytes=0-", 0, RangeResult::kUnsatisfiable);
  is("bytes=5-2", 10, RangeResult::kIgnore);
  is("bytes=0-1,3-4", 10, RangeResult::kIgnore);
  is("items=0-1", 10, RangeResult::kIgnore);
  is("bytes=a-b", 10, RangeResult::kIgnore);
  is("bytes=-", 10, RangeResult::kIgnore);
  is("bytes 0-1", 10, RangeResult::kIgnore);
  is("bytes=1234567890123456789-", 10, RangeResult::kIgnore);
  is("", 10, RangeResult::kIgnore);
}

TEST_CASE("server: content-hashed names are cached as immutable", "[server][cache]") {
  for (const char* p : {"/app.3f9a2b1c.wasm", "/assets/app-3F9A2B1C.js", "/x.0123456789abcdef.css",
                        "/3f9a2b1c.js", "/a.b.deadbeef.min.js"}) {
    INFO(p);
    CHECK(dxs::is_content_hashed(p));
    CHECK(dxs::cache_control_for(p) == "public, max-age=31536000, immutable");
  }
  for (const char* p : {"/app.wasm", "/index.html", "/app.3f9a2b1.wasm", "/app.3f9a2b1g.wasm", "/3f9a2b1c",
                        "/deadbeef12/app.js", "/.3f9a2b1c", "/app.js.3f9a2b1c", "/"}) {
    INFO(p);
    CHECK_FALSE(dxs::is_content_hashed(p));
    CHECK(dxs::cache_control_for(p) == "no-cache");
  }
}
