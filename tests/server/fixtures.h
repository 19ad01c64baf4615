// fixtures.h — test support: temporary directories and dist/ trees built in the test itself.
//
// make_dist(dir) writes a complete, valid compiled-app directory: index.html, dx.js, app.wasm (the 8-byte
// empty module), app.dxb (a minimal valid file written with dx::schema::write_dxb: one page whose block is
// a component, one template, one shape of size 32), manifest.json, css/app.css, docs/index.html, and
// big.bin (1 MiB of patterned bytes, large enough to fill socket buffers).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace dxs_test {

class TempDir {
 public:
  TempDir();  // a fresh directory under the system temp dir
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(std::string_view sub = {}) const;  // path_ / sub as a string

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& p, std::string_view bytes);
std::string read_file(const std::filesystem::path& p);

// The bytes of a minimal valid app.dxb (checked with DxbView::open).
std::string minimal_dxb();

// Writes a valid dist/ into `dir` (created if needed).
void make_dist(const std::filesystem::path& dir);

inline constexpr std::string_view kIndexHtml =
    "<!doctype html>\n<html><head><title>dx test</title><script type=\"module\" src=\"/dx.js\"></script></head>"
    "<body><div id=\"app\"></div></body></html>\n";
inline constexpr std::string_view kDxJs = "export const dx = 1;\n";
inline constexpr std::string_view kAppCss = "body { margin: 0; }\n";
inline constexpr std::string_view kDocsHtml = "<!doctype html>\n<title>docs</title>\n";
inline constexpr std::string_view kManifest = "{\"name\": \"test\", \"files\": [\"app.wasm\"]}\n";
inline constexpr size_t kBigSize = 1 << 20;

std::string big_bytes();  // the content of big.bin

}  // namespace dxs_test
