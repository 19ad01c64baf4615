// curl_test.cpp — a reference client no one here wrote: Debian's curl against dx-server (in this process,
// each backend) for precompressed gzip with --compressed, a byte range, and a 416. Skipped (with a
// warning) when /usr/bin/curl or /usr/bin/gzip is missing; tools/setup.sh installs curl.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "fixtures.h"
#include "running.h"
#include "subprocess.h"

using namespace dxs_test;

namespace {

const char* kCurl = "/usr/bin/curl";
const char* kGzip = "/bin/gzip";

std::string numbers() {
  std::string s;
  for (int i = 0; i < 3000; ++i) s += std::to_string(i) + "\n";
  return s;
}

}  // namespace

TEST_CASE("server: curl gets gzip with --compressed, a range, and 416", "[server][curl]") {
  if (!std::filesystem::exists(kCurl) || !std::filesystem::exists(kGzip)) {
    WARN("curl or gzip not installed: skipped");
    return;
  }
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions&, const std::filesystem::path& dist) {
    write_file(dist / "n.txt", numbers());
    std::string out, err;
    REQUIRE(run({kGzip, "-k", "-9", (dist / "n.txt").string()}, &out, &err) == 0);
  });
  std::string url = "http://127.0.0.1:" + std::to_string(s.port()) + "/n.txt";
  std::string out, err;
  // -D - puts the response head before the body on stdout; --compressed decodes gzip (and says br, gzip).
  REQUIRE(run({kCurl, "-sS", "--compressed", "-D", "-", url}, &out, &err) == 0);
  INFO(err);
  CHECK(out.find("Content-Encoding: gzip\r\n") != std::string::npos);
  CHECK(out.find("Vary: Accept-Encoding\r\n") != std::string::npos);
  CHECK(out.substr(out.find("\r\n\r\n") + 4) == numbers());

  REQUIRE(run({kCurl, "-sS", "-r", "10-19", url}, &out, &err) == 0);
  CHECK(out == numbers().substr(10, 10));

  REQUIRE(run({kCurl, "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-r", "100000-", url}, &out, &err) == 0);
  CHECK(out == "416");
}

TEST_CASE("server: curl POSTs chunked and Content-Length bodies to /_dx/rpc/echo", "[server][curl][body]") {
  if (!std::filesystem::exists(kCurl)) {
    WARN("curl not installed: skipped");
    return;
  }
  Running s(EACH_IO);
  std::string body = numbers() + numbers();  // ~28 KiB: curl sends "Expect: 100-continue" first
  std::filesystem::path file = s.tmp.path() / "body.txt";
  write_file(file, body);
  std::string url = "http://127.0.0.1:" + std::to_string(s.port()) + "/_dx/rpc/echo";
  std::string out, err;
  // -H 'Transfer-Encoding: chunked' makes curl frame the upload in chunks; -v shows what it sent.
  REQUIRE(run({kCurl, "-sS", "-v", "--data-binary", "@" + file.string(), "-H", "Transfer-Encoding: chunked",
               "-H", "Content-Type: application/octet-stream", url},
              &out, &err) == 0);
  INFO(err);
  CHECK(err.find("Transfer-Encoding: chunked") != std::string::npos);
  CHECK(out == body);
  REQUIRE(run({kCurl, "-sS", "--data-binary", "@" + file.string(), url}, &out, &err) == 0);
  CHECK(out == body);
  REQUIRE(run({kCurl, "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary", "x",
               "http://127.0.0.1:" + std::to_string(s.port()) + "/_dx/rpc/missing"},
              &out, &err) == 0);
  CHECK(out == "404");
}

TEST_CASE("server: curl reads a chunked streaming response", "[server][curl][stream]") {
  if (!std::filesystem::exists(kCurl)) {
    WARN("curl not installed: skipped");
    return;
  }
  Running s(EACH_IO, 1, 10000, [](dxs::ServerOptions& o, const std::filesystem::path&) { o.test_hooks = true; });
  std::string url = "http://127.0.0.1:" + std::to_string(s.port()) + "/_dx/test/stream?chunks=4&size=12&interval_ms=1";
  std::string out, err;
  REQUIRE(run({kCurl, "-sS", "-D", "-", url}, &out, &err) == 0);
  INFO(out << err);
  CHECK(out.find("Transfer-Encoding: chunked") != std::string::npos);
  CHECK(out.substr(out.find("\r\n\r\n") + 4) == "chunk 0 ....chunk 1 ....chunk 2 ....chunk 3 ....");
}
