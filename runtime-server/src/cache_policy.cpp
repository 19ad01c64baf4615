// cache_policy.cpp — is_content_hashed and cache_control_for (contract in dxs/cache_policy.h).
#include "dxs/cache_policy.h"

namespace dxs {
namespace {

constexpr size_t kMinHashDigits = 8;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

bool is_content_hashed(std::string_view url_path) {
  size_t slash = url_path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? url_path : url_path.substr(slash + 1);
  size_t ext = name.rfind('.');
  if (ext == std::string_view::npos || ext == 0) return false;
  std::string_view stem = name.substr(0, ext);  // everything before the extension
  // Segments of the stem separated by '.' or '-': one all-hex segment of >= 8 digits is a hash.
  size_t start = 0;
  for (size_t i = 0; i <= stem.size(); ++i) {
    if (i < stem.size() && stem[i] != '.' && stem[i] != '-') continue;
    std::string_view seg = stem.substr(start, i - start);
    bool all_hex = seg.size() >= kMinHashDigits;
    for (char c : seg) all_hex = all_hex && is_hex(c);
    if (all_hex) return true;
    start = i + 1;
  }
  return false;
}

std::string_view cache_control_for(std::string_view url_path) {
  return is_content_hashed(url_path) ? kCacheImmutable : kCacheRevalidate;
}

}  // namespace dxs
