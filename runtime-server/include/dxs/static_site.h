// dxs/static_site.h — every file of a dist/ directory in memory, each response prebuilt once.
//
// load(dist) reads every regular file under `dist` (recursively) and prebuilds, per file, its 200 response
// (Content-Type by extension, Content-Length, a strong ETag from a 64-bit hash of the bytes,
// Cache-Control by cache_control_for (immutable for content-hashed names, else no-cache),
// X-Content-Type-Options: nosniff) and its 304. A file "x" with a "x.br" and/or "x.gz" beside it (written
// by dxc) gets those as precompressed variants, each prebuilt once with Content-Encoding, its own ETag
// and "Vary: Accept-Encoding" (also sent on x's identity responses). "x.br" and "x.gz" stay ordinary files:
// requested by their exact name they are served as they are (no Content-Encoding). Names starting with '.' are not
// served (".well-known" excepted), nor is the top-level _server/ directory (the app module dxc builds for the
// server: dist/_server/app.so). A symlink is served only if it resolves to a regular file inside
// `dist`; one that escapes, dangles or names a directory is skipped with a warning.
// find(path) takes a normalized path (http1::normalize_target): "/" and "/index.html" give index.html,
// "/x/" gives "/x/index.html" when present, "/x" for such a directory gives a 301 to "/x/"; else null.
// pages() is the dist's PageRenderer (dxs/page_render.h: [param] routes and the 404 page), attached after
// load by the server, so a reload swaps files and pages together.
// After load the site is immutable: workers share it without locks.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dxs/http1/response.h"

namespace dxs {

class PageRenderer;

// One representation of a file: its 200 and 304, prebuilt, and its strong ETag (of the bytes sent, so
// each encoding has its own).
struct StaticVariant {
  http1::Prebuilt ok;
  http1::Prebuilt not_modified;
  std::string etag;
};

struct StaticEntry {
  http1::Prebuilt ok;            // 200 for a file, 301 for a directory named without its slash
  http1::Prebuilt not_modified;  // 304 (files only; empty head for redirects)
  std::string etag;              // "\"<16 hex digits>\"" (files only)
  bool is_redirect = false;
  // Precompressed variants from "<name>.br" / "<name>.gz" beside the file (only when not larger).
  std::unique_ptr<StaticVariant> br, gzip;
  // The fixed header lines of a 206 for this file (ETag, Cache-Control, nosniff, Vary, Content-Type):
  // the connection adds the status line, Server, Content-Range and Content-Length (identity bytes only).
  std::string range_fields;

  bool has_variants() const { return br || gzip; }
};

class StaticSite {
 public:
  // Loads `dist`. False with `err` set ("<dist>: not a directory", "<dist>/a.js: cannot read: ...").
  bool load(const std::string& dist, std::string* err);

  const StaticEntry* find(const std::string& path) const;

  // The bytes of the file at URL path `path` ("/app.dxb"), or null.
  const std::string* file_bytes(const std::string& path) const;

  size_t file_count() const { return files_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::vector<std::string>& warnings() { return warnings_; }

  // Per-request pages of this dist; null when it has none.
  const PageRenderer* pages() const { return pages_.get(); }
  void set_pages(std::shared_ptr<const PageRenderer> pages) { pages_ = std::move(pages); }

 private:
  void add_file(const std::string& url, std::shared_ptr<const std::string> body,
                std::shared_ptr<const std::string> br, std::shared_ptr<const std::string> gzip);
  void add_directory_aliases();

  std::vector<std::unique_ptr<StaticEntry>> entries_;
  std::unordered_map<std::string, const StaticEntry*> by_path_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> bytes_;
  std::vector<std::string> warnings_;
  size_t files_ = 0;
  std::shared_ptr<const PageRenderer> pages_;
};

// The strong ETag dx-server sends for `body`: a quoted 16-digit hex FNV-1a 64 hash.
std::string etag_for(std::string_view body);

}  // namespace dxs
