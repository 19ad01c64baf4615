// static_site.cpp — StaticSite::load / find (contract in dxs/static_site.h).
//
// Walks dist/ with std::filesystem (error_code overloads: nothing throws), never following directory
// symlinks; resolves file symlinks and keeps only those that stay inside the canonical dist root.
#include "dxs/static_site.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "dxs/cache_policy.h"
#include "dxs/mime.h"

namespace fs = std::filesystem;

namespace dxs {
namespace {

constexpr uintmax_t kMaxFileBytes = 512u << 20;  // everything is held in memory

bool read_file(const fs::path& p, std::string* out, std::string* why) {
  std::error_code ec;
  uintmax_t size = fs::file_size(p, ec);
  if (ec) { *why = ec.message(); return false; }
  if (size > kMaxFileBytes) { *why = "larger than 512 MiB, too large to hold in memory"; return false; }
  std::ifstream in(p, std::ios::binary);
  if (!in) { *why = "cannot open"; return false; }
  out->resize(size_t(size));
  if (size && !in.read(out->data(), std::streamsize(size))) { *why = "read failed"; return false; }
  return true;
}

bool hidden(const std::string& name) { return !name.empty() && name[0] == '.' && name != ".well-known"; }

// Percent-encodes what may not appear raw in a Location path.
std::string encode_path(std::string_view p) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : p) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("-._~/!$&'()*+,;=:@").find(char(c)) != std::string_view::npos;
    if (plain) out += char(c);
    else { out += '%'; out += kHex[c >> 4]; out += kHex[c & 15]; }
  }
  return out;
}

std::string join_display(const std::string& dist, const std::string& rel) {
  if (!dist.empty() && dist.back() == '/') return dist + rel;
  return dist + "/" + rel;
}

}  // namespace

std::string etag_for(std::string_view body) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : body) { h ^= c; h *= 0x100000001b3ull; }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

bool StaticSite::load(const std::string& dist, std::string* err) {
  std::error_code ec;
  fs::file_status st = fs::status(dist, ec);
  if (!fs::exists(st)) { *err = dist + ": no such directory"; return false; }
  if (!fs::is_directory(st)) { *err = dist + ": not a directory"; return false; }
  fs::path root = fs::canonical(dist, ec);
  if (ec) { *err = dist + ": " + ec.message(); return false; }

  std::unordered_map<std::string, std::shared_ptr<const std::string>> files;  // URL path -> bytes
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) { *err = dist + ": cannot list: " + ec.message(); return false; }
  for (; it != end; it.increment(ec)) {
    if (ec) { *err = dist + ": cannot list: " + ec.message(); return false; }
    const fs::directory_entry& e = *it;
    std::string rel = e.path().lexically_relative(root).generic_string();
    std::string shown = join_display(dist, rel);
    if (hidden(e.path().filename().string()) || rel == "_server") {  // _server/: the app module, server-only
      if (e.is_directory(ec) && !e.is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    fs::path source = e.path();
    if (e.is_symlink(ec)) {
      fs::path target = fs::canonical(e.path(), ec);
      if (ec) { warnings_.push_back(shown + ": dangling symlink, not served"); ec.clear(); continue; }
      auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
      if (r != root.end()) { warnings_.push_back(shown + ": symlink escapes the dist directory, not served"); continue; }
      if (!fs::is_regular_file(target, ec)) { warnings_.push_back(shown + ": symlink to a non-file, not served"); continue; }
      source = target;
    } else if (!e.is_regular_file(ec)) {
      continue;  // directories are walked; sockets, fifos and devices are never served
    }
    std::string bytes, why;
    if (!read_file(source, &bytes, &why)) { *err = shown + ": cannot read: " + why; return false; }
    files["/" + rel] = std::make_shared<const std::string>(std::move(bytes));
  }
  // Second pass, now that every name is known: "x.br" / "x.gz" become variants of "x".
  auto sibling = [&](const std::string& url, const char* suffix) -> std::shared_ptr<const std::string> {
    auto it = files.find(url + suffix);
    return it == files.end() ? nullptr : it->second;
  };
  for (const auto& [url, body] : files) add_file(url, body, sibling(url, ".br"), sibling(url, ".gz"));
  add_directory_aliases();
  return true;
}

namespace {

// The 200 and 304 of one representation. `fields`: the header lines both share (after ETag).
StaticVariant make_variant(const std::string& url, std::string_view fields, std::shared_ptr<const std::string> body) {
  StaticVariant v;
  v.etag = etag_for(*body);
  std::string head = "ETag: " + v.etag + "\r\n";
  head += fields;
  v.not_modified = http1::make_response(304, "Not Modified", {}, head, nullptr);
  v.ok = http1::make_response(200, "OK", content_type_for(url), head + "X-Content-Type-Options: nosniff\r\n", std::move(body));
  return v;
}

}  // namespace

void StaticSite::add_file(const std::string& url, std::shared_ptr<const std::string> body,
                          std::shared_ptr<const std::string> br, std::shared_ptr<const std::string> gzip) {
  if (br && br->size() > body->size()) br = nullptr;  // a variant that does not help is not worth a Vary
  if (gzip && gzip->size() > body->size()) gzip = nullptr;
  auto e = std::make_unique<StaticEntry>();
  std::string fields = "Cache-Control: " + std::string(cache_control_for(url)) + "\r\n";
  if (br || gzip) fields += "Vary: Accept-Encoding\r\n";
  StaticVariant identity = make_variant(url, fields, body);
  e->ok = std::move(identity.ok);
  e->not_modified = std::move(identity.not_modified);
  e->etag = std::move(identity.etag);
  e->range_fields = "ETag: " + e->etag + "\r\n" + fields + "X-Content-Type-Options: nosniff\r\nContent-Type: " +
                    std::string(content_type_for(url)) + "\r\n";
  if (br) e->br = std::make_unique<StaticVariant>(make_variant(url, fields + "Content-Encoding: br\r\n", std::move(br)));
  if (gzip) e->gzip = std::make_unique<StaticVariant>(make_variant(url, fields + "Content-Encoding: gzip\r\n", std::move(gzip)));
  by_path_[url] = e.get();
  bytes_[url] = std::move(body);
  entries_.push_back(std::move(e));
  ++files_;
}

// "/x/index.html" also answers "/x/"; "/x" redirects to "/x/" (a relative link in the page needs the slash).
void StaticSite::add_directory_aliases() {
  std::vector<std::pair<std::string, const StaticEntry*>> aliases;
  for (const auto& [url, entry] : by_path_) {
    static constexpr std::string_view kIndex = "/index.html";
    if (url.size() < kIndex.size() || url.compare(url.size() - kIndex.size(), kIndex.size(), kIndex) != 0) continue;
    std::string dir = url.substr(0, url.size() - kIndex.size() + 1);  // keeps the slash
    aliases.emplace_back(dir, entry);
  }
  for (auto& [dir, entry] : aliases) {
    by_path_.emplace(dir, entry);
    if (dir.size() <= 1) continue;
    std::string bare = dir.substr(0, dir.size() - 1);
    if (by_path_.count(bare)) continue;
    auto r = std::make_unique<StaticEntry>();
    r->is_redirect = true;
    std::string location = encode_path(dir);
    auto body = std::make_shared<const std::string>("<!doctype html>\n<title>301 Moved Permanently</title>\n<a href=\"" +
                                                    location + "\">" + location + "</a>\n");
    r->ok = http1::make_response(301, "Moved Permanently", "text/html; charset=utf-8",
                                 "Location: " + location + "\r\nCache-Control: no-cache\r\n", std::move(body));
    by_path_.emplace(bare, r.get());
    entries_.push_back(std::move(r));
  }
}

const StaticEntry* StaticSite::find(const std::string& path) const {
  auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : it->second;
}

const std::string* StaticSite::file_bytes(const std::string& path) const {
  auto it = bytes_.find(path);
  return it == bytes_.end() ? nullptr : it->second.get();
}

}  // namespace dxs
