// static_variants_test.cpp — precompressed variants by Accept-Encoding, Cache-Control for hashed names, and
// Range (206/416), against a dxs::Server in this process, once per event backend (EACH_IO).
//
// The ".br"/".gz" files are stand-in bytes: dx-server never decompresses, it serves what dxc wrote.
#include <catch2/catch.hpp>

#include <string>

#include "client.h"
#include "fixtures.h"
#include "running.h"

using namespace dxs_test;

namespace {

const std::string kBr = "BR:dx.js";    // smaller than kDxJs, so the variant is used
const std::string kGz = "GZ:dx.js!";

Running with_variants(dxs::IoBackend io) {
  return Running(io, 1, 10000, [](dxs::ServerOptions&, const std::filesystem::path& dist) {
    write_file(dist / "dx.js.br", kBr);
    write_file(dist / "dx.js.gz", kGz);
    write_file(dist / "css/app.css.gz", std::string(200, 'x'));  // larger than the file: ignored
    write_file(dist / "app.3f9a2b1c.js", "hashed");
  });
}

Response fetch(Client& c, std::string_view path, std::string_view extra = {}, bool head = false) {
  std::string req = get(path, extra);
  if (head) req.replace(0, 3, "HEAD");
  REQUIRE(c.send(req));
  auto r = c.read_response(head);
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_CASE("server: Accept-Encoding picks the precompressed variant", "[server][encoding]") {
  Running s = with_variants(EACH_IO);
  Client c(s.port());
  Response plain = fetch(c, "/dx.js");
  CHECK(plain.body == kDxJs);
  CHECK_FALSE(plain.has("content-encoding"));
  CHECK(plain.header("vary") == "Accept-Encoding");

  Response br = fetch(c, "/dx.js", "Accept-Encoding: gzip, deflate, br\r\n");
  CHECK(br.body == kBr);
  CHECK(br.header("content-encoding") == "br");
  CHECK(br.header("vary") == "Accept-Encoding");
  CHECK(br.header("content-type") == plain.header("content-type"));
  CHECK(br.header("content-length") == std::to_string(kBr.size()));

  Response gz = fetch(c, "/dx.js", "Accept-Encoding: br;q=0.2, gzip;q=0.8\r\n");
  CHECK(gz.body == kGz);
  CHECK(gz.header("content-encoding") == "gzip");

  Response none = fetch(c, "/dx.js", "Accept-Encoding: br;q=0, gzip;q=0\r\n");
  CHECK(none.body == kDxJs);

  // Each encoding has its own ETag, and If-None-Match is checked against the one chosen.
  CHECK(br.header("etag") != plain.header("etag"));
  CHECK(gz.header("etag") != plain.header("etag"));
  CHECK(gz.header("etag") != br.header("etag"));
  Response nm = fetch(c, "/dx.js", "Accept-Encoding: br\r\nIf-None-Match: " + br.header("etag") + "\r\n");
  CHECK(nm.status == 304);
  CHECK(nm.header("etag") == br.header("etag"));
  CHECK(nm.header("vary") == "Accept-Encoding");
  Response miss = fetch(c, "/dx.js", "If-None-Match: " + br.header("etag") + "\r\n");
  CHECK(miss.status == 200);
  CHECK(miss.body == kDxJs);

  Response head = fetch(c, "/dx.js", "Accept-Encoding: br\r\n", /*head=*/true);
  CHECK(head.header("content-encoding") == "br");
  CHECK(head.body.empty());
}

TEST_CASE("server: variant files are served by their exact name only, and useless ones are ignored", "[server][encoding]") {
  Running s = with_variants(EACH_IO);
  Client c(s.port());
  Response raw = fetch(c, "/dx.js.br", "Accept-Encoding: br\r\n");
  CHECK(raw.status == 200);
  CHECK(raw.body == kBr);
  CHECK_FALSE(raw.has("content-encoding"));
  Response css = fetch(c, "/css/app.css", "Accept-Encoding: gzip\r\n");
  CHECK(css.body == kAppCss);
  CHECK_FALSE(css.has("content-encoding"));
  CHECK_FALSE(css.has("vary"));
}

TEST_CASE("server: hashed names are immutable, others no-cache", "[server][cache]") {
  Running s = with_variants(EACH_IO);
  Client c(s.port());
  Response hashed = fetch(c, "/app.3f9a2b1c.js");
  CHECK(hashed.body == "hashed");
  CHECK(hashed.header("cache-control") == "public, max-age=31536000, immutable");
  Response nm = fetch(c, "/app.3f9a2b1c.js", "If-None-Match: " + hashed.header("etag") + "\r\n");
  CHECK(nm.status == 304);
  CHECK(nm.header("cache-control") == "public, max-age=31536000, immutable");
  CHECK(fetch(c, "/dx.js").header("cache-control") == "no-cache");
  CHECK(fetch(c, "/").header("cache-control") == "no-cache");
}

TEST_CASE("server: Range gives 206 with Content-Range, 416 when unsatisfiable", "[server][range]") {
  Running s = with_variants(EACH_IO);
  Client c(s.port());
  const std::string big = big_bytes();
  const std::string etag = fetch(c, "/big.bin", {}, /*head=*/true).header("etag");

  Response part = fetch(c, "/big.bin", "Range: bytes=100-199\r\n");
  CHECK(part.status == 206);
  CHECK(part.header("content-range") == "bytes 100-199/" + std::to_string(kBigSize));
  CHECK(part.header("content-length") == "100");
  CHECK(part.body == big.substr(100, 100));
  CHECK(part.header("etag") == etag);

  Response tail = fetch(c, "/big.bin", "Range: bytes=-5000\r\n");
  CHECK(tail.status == 206);
  CHECK(tail.body == big.substr(kBigSize - 5000));

  Response open_end = fetch(c, "/big.bin", "Range: bytes=1000000-\r\n");
  CHECK(open_end.status == 206);
  CHECK(open_end.body == big.substr(1000000));

  Response bad = fetch(c, "/big.bin", "Range: bytes=" + std::to_string(kBigSize) + "-\r\n");
  CHECK(bad.status == 416);
  CHECK(bad.header("content-range") == "bytes */" + std::to_string(kBigSize));
  CHECK(bad.body.empty());

  // Ignored: several ranges, another unit, an If-Range that does not match (whole file, 200).
  CHECK(fetch(c, "/big.bin", "Range: bytes=0-1,5-6\r\n").body == big);
  CHECK(fetch(c, "/big.bin", "Range: items=0-1\r\n").status == 200);
  CHECK(fetch(c, "/big.bin", "Range: bytes=0-1\r\nIf-Range: \"0000000000000000\"\r\n").status == 200);
  Response if_range = fetch(c, "/big.bin", "Range: bytes=0-1\r\nIf-Range: " + etag + "\r\n");
  CHECK(if_range.status == 206);
  CHECK(if_range.body == big.substr(0, 2));

  // A range of a file with variants is a range of the identity bytes.
  Response js = fetch(c, "/dx.js", "Accept-Encoding: br\r\nRange: bytes=0-5\r\n");
  CHECK(js.status == 206);
  CHECK(js.body == std::string(kDxJs.substr(0, 6)));
  CHECK_FALSE(js.has("content-encoding"));
  CHECK(js.header("vary") == "Accept-Encoding");

  // Pipelined: a 206 between two 200s keeps the framing.
  REQUIRE(c.send(get("/dx.js") + get("/big.bin", "Range: bytes=0-9\r\n") + get("/css/app.css")));
  auto a = c.read_response(), b = c.read_response(), d = c.read_response();
  REQUIRE((a && b && d));
  CHECK(a->body == kDxJs);
  CHECK(b->body == big.substr(0, 10));
  CHECK(d->body == kAppCss);
}
