// static_site_test.cpp — StaticSite loading and lookup rules, and the artifact validators.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dxs/artifacts.h"
#include "dxs/static_site.h"
#include "fixtures.h"

namespace fs = std::filesystem;
using namespace dxs;
using namespace dxs_test;

namespace {

bool head_has(const http1::Prebuilt& p, const std::string& line) { return p.head.find(line + "\r\n") != std::string::npos; }

}  // namespace

TEST_CASE("server: static site: every file is loaded and prebuilt", "[static]") {
  TempDir tmp;
  make_dist(tmp.path());
  StaticSite site;
  std::string err;
  REQUIRE(site.load(tmp.str(), &err));
  CHECK(site.file_count() == 8);
  CHECK(site.warnings().empty());

  const StaticEntry* index = site.find("/index.html");
  REQUIRE(index);
  CHECK(site.find("/") == index);
  CHECK(*index->ok.body == kIndexHtml);
  CHECK(index->ok.head.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(head_has(index->ok, "Server: dx"));
  CHECK(head_has(index->ok, "Content-Type: text/html; charset=utf-8"));
  CHECK(head_has(index->ok, "Content-Length: " + std::to_string(kIndexHtml.size())));
  CHECK(head_has(index->ok, "Cache-Control: no-cache"));
  CHECK(index->etag == etag_for(kIndexHtml));
  CHECK(index->etag.size() == 18);
  CHECK(head_has(index->ok, "ETag: " + index->etag));
  CHECK(index->not_modified.head.rfind("HTTP/1.1 304 Not Modified\r\n", 0) == 0);
  CHECK(head_has(index->not_modified, "ETag: " + index->etag));
  CHECK(index->not_modified.head.find("Content-Length") == std::string::npos);
  CHECK_FALSE(index->not_modified.body);

  const StaticEntry* wasm = site.find("/app.wasm");
  REQUIRE(wasm);
  CHECK(head_has(wasm->ok, "Content-Type: application/wasm"));
  CHECK(head_has(site.find("/css/app.css")->ok, "Content-Type: text/css; charset=utf-8"));
  CHECK(head_has(site.find("/app.dxb")->ok, "Content-Type: application/octet-stream"));
  CHECK(head_has(site.find("/manifest.json")->ok, "Content-Type: application/json"));
  CHECK(etag_for("a") != etag_for("b"));
}

TEST_CASE("server: static site: directories", "[static]") {
  TempDir tmp;
  make_dist(tmp.path());
  StaticSite site;
  std::string err;
  REQUIRE(site.load(tmp.str(), &err));
  const StaticEntry* docs = site.find("/docs/");
  REQUIRE(docs);
  CHECK(docs == site.find("/docs/index.html"));
  CHECK(*docs->ok.body == kDocsHtml);
  const StaticEntry* bare = site.find("/docs");
  REQUIRE(bare);
  CHECK(bare->is_redirect);
  CHECK(bare->ok.head.rfind("HTTP/1.1 301 Moved Permanently\r\n", 0) == 0);
  CHECK(head_has(bare->ok, "Location: /docs/"));
  CHECK_FALSE(site.find("/css/"));  // no index.html there: no listing either
  CHECK_FALSE(site.find("/css"));
  CHECK_FALSE(site.find("/nope"));
  CHECK_FALSE(site.find("/index.html/"));
}

TEST_CASE("server: static site: hidden files and symlinks", "[static]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  write_file(dist / ".env", "SECRET=1");
  write_file(dist / ".git" / "config", "[core]");
  write_file(dist / ".well-known" / "security.txt", "Contact: x");
  write_file(tmp.path() / "outside.txt", "outside");
  fs::create_symlink(dist / "index.html", dist / "alias.html");
  fs::create_symlink(tmp.path() / "outside.txt", dist / "escape.txt");
  fs::create_symlink("../outside.txt", dist / "css" / "relative-escape.txt");
  fs::create_symlink(dist / "missing", dist / "dangling.txt");
  fs::create_symlink(tmp.path(), dist / "up");
  StaticSite site;
  std::string err;
  REQUIRE(site.load(dist.string(), &err));
  CHECK_FALSE(site.find("/.env"));
  CHECK_FALSE(site.find("/.git/config"));
  CHECK(site.find("/.well-known/security.txt"));
  REQUIRE(site.find("/alias.html"));
  CHECK(*site.find("/alias.html")->ok.body == kIndexHtml);
  CHECK_FALSE(site.find("/escape.txt"));
  CHECK_FALSE(site.find("/css/relative-escape.txt"));
  CHECK_FALSE(site.find("/dangling.txt"));
  CHECK_FALSE(site.find("/up/outside.txt"));
  CHECK(site.warnings().size() == 4);
}

TEST_CASE("server: static site: what cannot be loaded", "[static]") {
  TempDir tmp;
  StaticSite site;
  std::string err;
  CHECK_FALSE(site.load(tmp.str("missing"), &err));
  CHECK(err == tmp.str("missing") + ": no such directory");
  write_file(tmp.path() / "file", "x");
  StaticSite site2;
  CHECK_FALSE(site2.load(tmp.str("file"), &err));
  CHECK(err == tmp.str("file") + ": not a directory");
}

TEST_CASE("server: artifacts: app.dxb", "[artifacts]") {
  ArtifactError e;
  std::string dxb = minimal_dxb();
  CHECK(validate_dxb(dxb, &e));
  CHECK_FALSE(validate_dxb(dxb.substr(0, dxb.size() - 4), &e));
  CHECK(e.what == "file_size does not match the file's length (truncated?)");
  CHECK(e.offset == 16);
  std::string bad = dxb;
  bad[1] = 'X';
  CHECK_FALSE(validate_dxb(bad, &e));
  CHECK(e.offset == 0);
  CHECK_FALSE(validate_dxb("", &e));
  CHECK(e.what == "file shorter than the 24-byte header");
}

TEST_CASE("server: artifacts: app.wasm", "[artifacts]") {
  ArtifactError e;
  CHECK(validate_wasm(std::string("\0asm\1\0\0\0", 8), &e));
  CHECK_FALSE(validate_wasm(std::string("\0asm", 4), &e));
  CHECK(e.offset == 4);
  CHECK_FALSE(validate_wasm("<html>..", &e));
  CHECK(e.what == "bad magic (not a WebAssembly module)");
  CHECK(e.offset == 0);
  CHECK_FALSE(validate_wasm(std::string("\0asm\2\0\0\0", 8), &e));
  CHECK(e.what == "unsupported WebAssembly version 2 (expected 1)");
  CHECK(e.offset == 4);
}

TEST_CASE("server: artifacts: manifest.json", "[artifacts]") {
  ArtifactError e;
  CHECK(validate_manifest("{}", &e));
  CHECK(validate_manifest(kManifest, &e));
  CHECK_FALSE(validate_manifest("  [1]", &e));
  CHECK(e.what == "top level is a JSON array, not an object");
  CHECK(e.offset == 2);
  CHECK_FALSE(validate_manifest("{\"a\": }", &e));
  CHECK(e.what.rfind("invalid JSON: ", 0) == 0);
  CHECK(e.offset == 6);
  CHECK_FALSE(validate_manifest("", &e));
  CHECK(e.offset == 0);
}

TEST_CASE("server: artifacts: validate_dist names the file and the offset", "[artifacts]") {
  TempDir tmp;
  fs::path dist = tmp.path() / "dist";
  make_dist(dist);
  std::string err;
  {
    StaticSite site;
    REQUIRE(site.load(dist.string(), &err));
    CHECK(validate_dist(site, dist.string(), &err));
  }
  std::string dxb = minimal_dxb();
  write_file(dist / "app.dxb", dxb.substr(0, dxb.size() - 8));
  {
    StaticSite site;
    REQUIRE(site.load(dist.string(), &err));
    CHECK_FALSE(validate_dist(site, dist.string(), &err));
    CHECK(err == dist.string() + "/app.dxb: file_size does not match the file's length (truncated?) at offset 16");
    CHECK_FALSE(validate_dist(site, dist.string() + "/", &err));
    CHECK(err == dist.string() + "/app.dxb: file_size does not match the file's length (truncated?) at offset 16");
  }
  write_file(dist / "app.dxb", dxb);
  fs::remove(dist / "index.html");
  {
    StaticSite site;
    REQUIRE(site.load(dist.string(), &err));
    CHECK_FALSE(validate_dist(site, dist.string(), &err));
    CHECK(err == dist.string() + "/index.html: missing (a dist directory must have an index.html)");
  }
}

TEST_CASE("server: static site: precompressed variants and Cache-Control are prebuilt", "[static]") {
  TempDir tmp;
  make_dist(tmp.path());
  write_file(tmp.path() / "dx.js.br", "br");
  write_file(tmp.path() / "dx.js.gz", "gz");
  write_file(tmp.path() / "app.3f9a2b1c.wasm", std::string("\0asm\1\0\0\0", 8));
  StaticSite site;
  std::string err;
  REQUIRE(site.load(tmp.str(), &err));
  const StaticEntry* js = site.find("/dx.js");
  REQUIRE(js);
  REQUIRE(js->br);
  REQUIRE(js->gzip);
  CHECK(*js->br->ok.body == "br");
  CHECK(head_has(js->br->ok, "Content-Encoding: br"));
  CHECK(head_has(js->gzip->ok, "Content-Encoding: gzip"));
  CHECK(head_has(js->gzip->not_modified, "Content-Encoding: gzip"));
  for (const http1::Prebuilt* p : std::initializer_list<const http1::Prebuilt*>{&js->ok, &js->not_modified, &js->br->ok, &js->gzip->ok})
    CHECK(head_has(*p, "Vary: Accept-Encoding"));
  CHECK(js->ok.head.find("Content-Encoding") == std::string::npos);
  CHECK(js->br->etag == etag_for("br"));
  CHECK(js->br->etag != js->etag);
  CHECK(head_has(js->br->ok, "ETag: " + js->br->etag));
  CHECK(js->range_fields.find("Vary: Accept-Encoding\r\n") != std::string::npos);
  CHECK(js->range_fields.find("ETag: " + js->etag + "\r\n") != std::string::npos);
  const StaticEntry* raw = site.find("/dx.js.br");  // still a file of its own
  REQUIRE(raw);
  CHECK_FALSE(raw->has_variants());
  CHECK(raw->ok.head.find("Content-Encoding") == std::string::npos);
  CHECK_FALSE(site.find("/index.html")->has_variants());

  const StaticEntry* hashed = site.find("/app.3f9a2b1c.wasm");
  REQUIRE(hashed);
  CHECK(head_has(hashed->ok, "Cache-Control: public, max-age=31536000, immutable"));
  CHECK(head_has(hashed->not_modified, "Cache-Control: public, max-age=31536000, immutable"));
  CHECK(head_has(js->ok, "Cache-Control: no-cache"));
}
