// dxs/cache_policy.h — which Cache-Control a static file gets, decided once from its name.
//
// A content-hashed name changes whenever its bytes do, so a browser may keep it forever:
//   is_content_hashed("/assets/app.3f9a2b1c.wasm")  true   — a '.'- or '-'-separated segment of at least
//   is_content_hashed("/app-3F9A2B1C.js")           true     8 hex digits before the extension
//   is_content_hashed("/app.wasm"), ("/3f9a2b1c")   false  — no extension after the hex segment
//   is_content_hashed("/deadbeef12/app.js")         false  — only the file name counts, not directories
// cache_control_for(path) is "public, max-age=31536000, immutable" for those and "no-cache" (revalidate
// with the ETag every time) for everything else: index.html and unhashed names must pick up a new deploy.
// dxc does not hash names yet; the rule is ready for when it does. Pure functions.
#pragma once
#include <string_view>

namespace dxs {

inline constexpr std::string_view kCacheImmutable = "public, max-age=31536000, immutable";
inline constexpr std::string_view kCacheRevalidate = "no-cache";

bool is_content_hashed(std::string_view url_path);
std::string_view cache_control_for(std::string_view url_path);

}  // namespace dxs
