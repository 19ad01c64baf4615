// http1/range.cpp — parse_range (contract in dxs/http1/range.h).
#include "dxs/http1/range.h"

#include "dxs/http1/parser.h"
#include "dxs/http1/semantics.h"

namespace dxs::http1 {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}


}  // namespace

RangeResult parse_range(std::string_view value, uint64_t size, ByteRange* out) {
  value = trim(value);
  size_t eq = value.find('=');
  if (eq == std::string_view::npos || !iequals(trim(value.substr(0, eq)), "bytes")) return RangeResult::kIgnore;
  std::string_view spec = trim(value.substr(eq + 1));
  if (spec.find(',') != std::string_view::npos) return RangeResult::kIgnore;  // one range only
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return RangeResult::kIgnore;
  std::string_view a = spec.substr(0, dash), b = spec.substr(dash + 1);
  uint64_t first = 0, last = 0;
  if (a.empty()) {  // suffix: the last b bytes
    if (!parse_decimal(b, &last)) return RangeResult::kIgnore;
    if (last == 0 || size == 0) return RangeResult::kUnsatisfiable;
    out->first = last >= size ? 0 : size - last;
    out->last = size - 1;
    return RangeResult::kSatisfiable;
  }
  if (!parse_decimal(a, &first)) return RangeResult::kIgnore;
  if (b.empty()) {
    last = UINT64_MAX;
  } else if (!parse_decimal(b, &last) || last < first) {
    return RangeResult::kIgnore;
  }
  if (first >= size) return RangeResult::kUnsatisfiable;
  out->first = first;
  out->last = last >= size ? size - 1 : last;
  return RangeResult::kSatisfiable;
}

}  // namespace dxs::http1
