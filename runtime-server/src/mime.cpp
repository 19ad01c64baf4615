// mime.cpp — content_type_for (contract in dxs/mime.h): one small table, searched linearly at startup only.
#include "dxs/mime.h"

#include "dxs/http1/parser.h"

namespace dxs {
namespace {

struct Mapping {
  std::string_view ext;
  std::string_view type;
};

constexpr Mapping kTypes[] = {
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"dxb", "application/octet-stream"},
    {"dxr", "application/octet-stream"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"ico", "image/x-icon"},
    {"txt", "text/plain; charset=utf-8"},
    {"md", "text/markdown; charset=utf-8"},
    {"xml", "application/xml"},
    {"webmanifest", "application/manifest+json"},
    {"woff2", "font/woff2"},
    {"woff", "font/woff"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"pdf", "application/pdf"},
};

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  size_t slash = file_name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot + 1 < base.size()) {
    std::string_view ext = base.substr(dot + 1);
    for (const Mapping& m : kTypes)
      if (http1::iequals(ext, m.ext)) return m.type;
  }
  return "application/octet-stream";
}

}  // namespace dxs
