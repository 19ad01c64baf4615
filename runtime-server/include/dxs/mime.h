// dxs/mime.h — the Content-Type for a file name, by its extension (ASCII case-insensitive).
//
// Text types carry "; charset=utf-8" (dxc writes UTF-8). Unknown → "application/octet-stream", so a browser
// never sniffs an unknown file into HTML. Returns a static string.
#pragma once
#include <string_view>

namespace dxs {

std::string_view content_type_for(std::string_view file_name);

}  // namespace dxs
