// http1/accept_encoding.cpp — choose_encoding and accept_q (contracts in dxs/http1/accept_encoding.h).
#include "dxs/http1/accept_encoding.h"

namespace dxs::http1 {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "1", "1.0", "0.5", "0.125" -> thousandths; anything else -> 0 (not acceptable).
int parse_q(std::string_view v) {
  v = trim(v);
  if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return 0;
  int whole = v[0] - '0';
  if (v.size() == 1) return whole * 1000;
  if (v[1] != '.') return 0;
  int frac = 0, digits = 0;
  for (char c : v.substr(2)) {
    if (c < '0' || c > '9') return 0;
    frac = frac * 10 + (c - '0');
    ++digits;
  }
  while (digits++ < 3) frac *= 10;
  int q = whole * 1000 + frac;
  return q > 1000 ? 0 : q;
}

}  // namespace

int accept_q(std::string_view value, std::string_view coding) {
  int exact = -1, star = -1;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view element = value.substr(0, comma);
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    size_t semi = element.find(';');
    std::string_view name = trim(element.substr(0, semi));
    int q = 1000;
    while (semi != std::string_view::npos) {  // parameters: only q matters
      element.remove_prefix(semi + 1);
      semi = element.find(';');
      std::string_view param = trim(element.substr(0, semi));
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') q = parse_q(param.substr(2));
    }
    if (iequals(name, coding) || (iequals(coding, "gzip") && iequals(name, "x-gzip"))) exact = exact < q ? q : exact;
    else if (name == "*") star = q;
  }
  return exact >= 0 ? exact : star;
}

Encoding choose_encoding(const Request& req, bool has_br, bool has_gzip) {
  if (!has_br && !has_gzip) return Encoding::kIdentity;
  int br = -1, gz = -1;
  bool any = false;
  for (size_t i = 0; i < req.header_count; ++i) {
    const Header& h = req.headers[i];
    if (!iequals(h.name, "accept-encoding")) continue;
    any = true;
    if (has_br) { int q = accept_q(h.value, "br"); br = q > br ? q : br; }
    if (has_gzip) { int q = accept_q(h.value, "gzip"); gz = q > gz ? q : gz; }
  }
  if (!any) return Encoding::kIdentity;
  if (br > 0 && br >= gz) return Encoding::kBrotli;
  if (gz > 0) return Encoding::kGzip;
  return Encoding::kIdentity;
}

}  // namespace dxs::http1
