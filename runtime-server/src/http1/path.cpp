// http1/path.cpp — normalize_target (contract in dxs/http1/path.h).
//
// One pass over the path: each segment is decoded straight into `out`, then checked and either kept
// (followed by '/') or rolled back (empty, "."); a ".." anywhere is an error, never "resolved", so no
// request can name a file above the root however it is spelled.
#include "dxs/http1/path.h"

#include "dxs/http1/parser.h"

namespace dxs::http1 {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

// Strips "http://authority" / "https://authority" from an absolute-form target; false if it is not one.
bool strip_absolute_form(std::string_view& t) {
  size_t colon = t.find("://");
  if (colon == std::string_view::npos) return false;
  std::string_view scheme = t.substr(0, colon);
  if (!iequals(scheme, "http") && !iequals(scheme, "https")) return false;
  std::string_view rest = t.substr(colon + 3);
  size_t slash = rest.find('/');
  t = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
  return true;
}

}  // namespace

PathError normalize_target(std::string_view target, std::string& out) {
  out.clear();
  if (target.find('#') != std::string_view::npos) return PathError::kNotOriginForm;
  target = target.substr(0, target.find('?'));
  if ((target.empty() || target[0] != '/') && !strip_absolute_form(target)) return PathError::kNotOriginForm;

  out.push_back('/');
  bool trailing_slash = false;
  size_t i = 1;
  while (i <= target.size()) {
    size_t seg_end = target.find('/', i);
    if (seg_end == std::string_view::npos) seg_end = target.size();
    size_t mark = out.size();
    for (size_t k = i; k < seg_end; ++k) {
      unsigned char c = static_cast<unsigned char>(target[k]);
      if (c == '%') {
        if (seg_end - k < 3) return PathError::kBadEscape;
        int hi = hex_value(target[k + 1]), lo = hex_value(target[k + 2]);
        if (hi < 0 || lo < 0) return PathError::kBadEscape;
        c = static_cast<unsigned char>(hi * 16 + lo);
        k += 2;
        if (c == '/' || c == '\\') return PathError::kEncodedSlash;
      } else if (c == '\\') {
        return PathError::kBackslash;
      }
      if (is_control(c)) return PathError::kControlByte;
      out.push_back(static_cast<char>(c));
    }
    std::string_view seg(out.data() + mark, out.size() - mark);
    if (seg == "..") return PathError::kTraversal;
    if (seg.empty() || seg == ".") {
      out.resize(mark);
      trailing_slash = true;  // "/x/" and "/x/." both name the directory
    } else {
      out.push_back('/');
      trailing_slash = false;
    }
    i = seg_end + 1;
  }
  if (out.size() > 1 && !trailing_slash) out.pop_back();
  return PathError::kOk;
}

const char* describe(PathError e) {
  switch (e) {
    case PathError::kOk: return "ok";
    case PathError::kNotOriginForm: return "not an origin-form path";
    case PathError::kBadEscape: return "a bad %-escape";
    case PathError::kTraversal: return "a \"..\" segment";
    case PathError::kEncodedSlash: return "an encoded slash or backslash";
    case PathError::kBackslash: return "a backslash";
    case PathError::kControlByte: return "a control character";
  }
  return "?";
}

}  // namespace dxs::http1
