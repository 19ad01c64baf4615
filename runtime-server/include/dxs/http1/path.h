// dxs/http1/path.h — request-target → a safe, decoded path to look up in the static file table.
//
// normalize_target(target, out) keeps the path of an origin-form ("/a/b?q") or absolute-form
// ("http://host/a/b") target, drops the query, decodes %XX, and writes "/seg/seg" to `out`: empty and "."
// segments dropped, a trailing slash kept ("/x/" means the directory x). It refuses — the caller answers 400 —
// anything that could escape the served directory or name a different file than it seems to:
// a ".." segment however spelled (raw, "%2e%2e", ".%2E"), "%2f" / "%5c" (a slash or backslash inside a
// segment), a raw backslash, NUL or another control character (raw or decoded), a bad %-escape, a fragment,
// and a target that is not origin- or absolute-form. Pure; `out` is reused so a warm call does not allocate.
#pragma once
#include <string>
#include <string_view>

namespace dxs::http1 {

enum class PathError {
  kOk = 0,
  kNotOriginForm,   // no leading '/', "*", authority-form, an unknown scheme, or a '#'
  kBadEscape,       // '%' not followed by two hex digits
  kTraversal,       // a ".." segment
  kEncodedSlash,    // "%2f" or "%5c": a separator hidden inside a segment
  kBackslash,       // a raw '\'
  kControlByte,     // NUL or another control character, raw or decoded
};

PathError normalize_target(std::string_view target, std::string& out);

// A short English description for logs and tests ("a \"..\" segment").
const char* describe(PathError e);

}  // namespace dxs::http1
