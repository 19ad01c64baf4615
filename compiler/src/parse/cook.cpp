// Literal cooking: JS string/template escapes, numeric literals, HTML entities and JSX text (see cook.h).
#include "parse/cook.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace dxc::parse {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
uint32_t hex_value(char c) {
  if (c >= '0' && c <= '9') return uint32_t(c - '0');
  if (c >= 'a' && c <= 'f') return uint32_t(c - 'a' + 10);
  return uint32_t(c - 'A' + 10);
}
bool is_high_surrogate(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Reads `count` hex digits at raw[i…]; false when they are not all there.
bool read_hex(std::string_view raw, size_t i, size_t count, uint32_t& value) {
  if (i + count > raw.size()) return false;
  value = 0;
  for (size_t k = 0; k < count; ++k) {
    if (!is_hex(raw[i + k])) return false;
    value = value * 16 + hex_value(raw[i + k]);
  }
  return true;
}

// Length in bytes of the UTF-8 sequence starting with lead byte `c` (1 for stray bytes).
size_t utf8_length(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF7) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

// Decodes one `\u` escape at raw[i] == 'u' (after the backslash): \uHHHH or \u{H…}. Returns the number of
// bytes consumed after the backslash, or 0 when malformed.
size_t read_unicode_escape(std::string_view raw, size_t i, uint32_t& value) {
  if (i + 1 < raw.size() && raw[i + 1] == '{') {
    size_t j = i + 2;
    value = 0;
    while (j < raw.size() && is_hex(raw[j])) {
      value = value * 16 + hex_value(raw[j]);
      if (value > 0x10FFFF) return 0;
      ++j;
    }
    if (j == i + 2 || j >= raw.size() || raw[j] != '}') return 0;
    return j + 1 - i;
  }
  return read_hex(raw, i + 1, 4, value) ? 5 : 0;
}

// Converts a digit string in base 2 or 8 to hex digits, so std::from_chars can round it correctly.
std::string to_hex_digits(std::string_view digits, int bits_per_digit) {
  std::string bits;
  for (char c : digits) {
    uint32_t v = uint32_t(c - '0');
    for (int b = bits_per_digit - 1; b >= 0; --b) bits.push_back(((v >> b) & 1) ? '1' : '0');
  }
  while (bits.size() % 4 != 0) bits.insert(bits.begin(), '0');
  std::string hex;
  for (size_t i = 0; i < bits.size(); i += 4) {
    uint32_t v = uint32_t((bits[i] - '0') * 8 + (bits[i + 1] - '0') * 4 + (bits[i + 2] - '0') * 2 + (bits[i + 3] - '0'));
    hex.push_back("0123456789abcdef"[v]);
  }
  return hex;
}

std::optional<double> from_chars_all(std::string_view s, std::chars_format fmt) {
  if (s.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, fmt);
  if (end != s.data() + s.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves `value` untouched when out of range; JS rounds to 0 or Infinity. Underflow is a
    // negative exponent, or no exponent and a zero integer part (0.000…1).
    if (fmt == std::chars_format::hex) return HUGE_VAL;
    size_t e = s.find_first_of("eE");
    bool underflow = e != std::string_view::npos ? (e + 1 < s.size() && s[e + 1] == '-')
                                                 : s.substr(0, s.find('.')).find_first_not_of('0') == std::string_view::npos;
    return underflow ? 0.0 : HUGE_VAL;
  }
  if (ec != std::errc()) return std::nullopt;
  return value;
}

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

std::string cook_js_string(std::string_view raw, bool is_template, std::vector<CookIssue>& issues) {
  std::string out;
  out.reserve(raw.size());
  // A high surrogate from a \u escape waits here for a low one from the very next escape.
  uint32_t pending_high = 0;
  uint32_t pending_offset = 0, pending_length = 0;
  auto flush_pending = [&] {
    if (pending_high == 0) return;
    issues.push_back({CookIssue::LoneSurrogate, pending_offset, pending_length});
    append_utf8(out, 0xFFFD);
    pending_high = 0;
  };

  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c != '\\') {
      flush_pending();
      if (c == '\r' && is_template) {  // CR LF and lone CR → LF
        out.push_back('\n');
        i += (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      size_t n = std::min(utf8_length(static_cast<unsigned char>(c)), raw.size() - i);
      out.append(raw.substr(i, n));
      i += n;
      continue;
    }
    size_t start = i;
    if (i + 1 >= raw.size()) {  // a trailing lone backslash (only in broken input)
      flush_pending();
      issues.push_back({CookIssue::BadEscape, uint32_t(start), 1});
      out.push_back('\\');
      break;
    }
    char e = raw[i + 1];
    uint32_t unit = 0;
    bool is_unit = false;          // `unit` is a code unit or point from \x, \u or an octal escape
    std::string_view literal;      // otherwise: the text this escape stands for ("" for a line continuation)
    size_t consumed = 0;           // bytes after the backslash
    switch (e) {
      case 'n': literal = "\n"; consumed = 1; break;
      case 't': literal = "\t"; consumed = 1; break;
      case 'r': literal = "\r"; consumed = 1; break;
      case 'b': literal = "\b"; consumed = 1; break;
      case 'f': literal = "\f"; consumed = 1; break;
      case 'v': literal = "\v"; consumed = 1; break;
      case 'x':
        if (read_hex(raw, i + 2, 2, unit)) { is_unit = true; consumed = 3; }
        break;
      case 'u':
        consumed = read_unicode_escape(raw, i + 1, unit);
        is_unit = consumed != 0;
        break;
      case '\r':  // line continuations: the escaped line break disappears
        consumed = (i + 2 < raw.size() && raw[i + 2] == '\n') ? 2 : 1;
        break;
      case '\n': consumed = 1; break;
      default:
        if (e >= '0' && e <= '7') {
          // \0 (not followed by a digit) is NUL; \1…\377 are legacy octal escapes (sloppy-mode JS).
          uint32_t v = uint32_t(e - '0');
          size_t j = i + 2;
          size_t max_digits = e <= '3' ? 3 : 2;
          while (j < raw.size() && j - (i + 1) < max_digits && raw[j] >= '0' && raw[j] <= '7') v = v * 8 + uint32_t(raw[j++] - '0');
          unit = v;
          is_unit = true;
          consumed = j - (i + 1);
        } else if (raw.compare(i + 1, 3, "\xE2\x80\xA8") == 0 || raw.compare(i + 1, 3, "\xE2\x80\xA9") == 0) {
          consumed = 3;  // \ + U+2028 / U+2029: also a line continuation
        } else {
          // Identity escape (\\ \' \" \` \$ and any other character): the character itself.
          consumed = std::min(utf8_length(static_cast<unsigned char>(e)), raw.size() - i - 1);
          literal = raw.substr(i + 1, consumed);
        }
    }
    if (consumed == 0) {  // malformed \x or \u: keep the text as written
      flush_pending();
      issues.push_back({CookIssue::BadEscape, uint32_t(start), 2});
      out.push_back('\\');
      out.push_back(e);
      i += 2;
      continue;
    }
    i += 1 + consumed;
    if (!is_unit) {
      if (!literal.empty()) flush_pending();  // a line continuation does not separate a surrogate pair
      out.append(literal);
      continue;
    }
    if (pending_high && is_low_surrogate(unit)) {
      append_utf8(out, 0x10000 + ((pending_high - 0xD800) << 10) + (unit - 0xDC00));
      pending_high = 0;
      continue;
    }
    flush_pending();
    if (is_high_surrogate(unit)) {
      pending_high = unit;
      pending_offset = uint32_t(start);
      pending_length = uint32_t(i - start);
    } else if (is_low_surrogate(unit)) {
      issues.push_back({CookIssue::LoneSurrogate, uint32_t(start), uint32_t(i - start)});
      append_utf8(out, 0xFFFD);
    } else {
      append_utf8(out, unit);
    }
  }
  flush_pending();
  return out;
}

std::string js_number_string(double x) {
  if (std::isnan(x)) return "NaN";
  if (x == 0) return "0";
  if (std::isinf(x)) return x < 0 ? "-Infinity" : "Infinity";
  std::string sign = x < 0 ? "-" : "";
  // the shortest round-trip digits and the decimal exponent, from to_chars' scientific form "d.ddde±x"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
  std::string sci(buf, end);
  size_t e = sci.find('e');
  std::string digits = sci.substr(0, 1) + (e > 2 ? sci.substr(2, e - 2) : "");
  int k = int(digits.size()), n = std::atoi(sci.c_str() + e + 1) + 1;  // value = 0.digits × 10^n
  if (k <= n && n <= 21) return sign + digits + std::string(size_t(n - k), '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, size_t(n)) + "." + digits.substr(size_t(n));
  if (-6 < n && n <= 0) return sign + "0." + std::string(size_t(-n), '0') + digits;
  std::string exp = (n - 1 < 0 ? "-" : "+") + std::to_string(std::abs(n - 1));
  return sign + digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + exp;
}

std::optional<double> parse_js_number(std::string_view text) {
  if (!text.empty() && text.back() == 'n') return std::nullopt;  // BigInt
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    if (c != '_') s.push_back(c);
  }
  if (s.size() > 2 && s[0] == '0') {
    char p = s[1];
    std::string_view digits = std::string_view(s).substr(2);
    if (p == 'x' || p == 'X') {
      for (char c : digits) if (!is_hex(c)) return std::nullopt;
      return from_chars_all(digits, std::chars_format::hex);
    }
    if (p == 'o' || p == 'O' || p == 'b' || p == 'B') {
      char max = (p == 'o' || p == 'O') ? '7' : '1';
      for (char c : digits) if (c < '0' || c > max) return std::nullopt;
      return from_chars_all(to_hex_digits(digits, max == '7' ? 3 : 1), std::chars_format::hex);
    }
  }
  if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("01234567") == std::string::npos) {
    return from_chars_all(to_hex_digits(std::string_view(s).substr(1), 3), std::chars_format::hex);  // legacy 017
  }
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return std::nullopt;
  }
  return from_chars_all(s, std::chars_format::general);
}

std::string decode_html_entities(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] != '&') {
      out.push_back(raw[i++]);
      continue;
    }
    // Like Babel: the reference ends at the first ';' within 10 characters.
    size_t semi = raw.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i - 1 > 10 || semi == i + 1) {
      out.push_back(raw[i++]);
      continue;
    }
    std::string_view name = raw.substr(i + 1, semi - i - 1);
    bool decoded = false;
    if (name[0] == '#') {
      std::string_view digits = name.substr(1);
      int base = 10;
      if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
        base = 16;
        digits.remove_prefix(1);
      }
      uint32_t cp = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, base);
      if (!digits.empty() && ec == std::errc() && end == digits.data() + digits.size() && cp <= 0x10FFFF &&
          !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, cp);
        decoded = true;
      }
    } else if (const char* utf8 = lookup_html_entity(name)) {
      out += utf8;
      decoded = true;
    }
    if (decoded) {
      i = semi + 1;
    } else {
      out.push_back(raw[i++]);
    }
  }
  return out;
}

std::string cook_jsx_text(std::string_view raw) {
  std::string value = decode_html_entities(raw);
  // Split on \r\n | \n | \r.
  std::vector<std::string_view> lines;
  std::string_view v(value);
  size_t line_start = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\n' || v[i] == '\r') {
      lines.push_back(v.substr(line_start, i - line_start));
      if (v[i] == '\r' && i + 1 < v.size() && v[i + 1] == '\n') ++i;
      line_start = i + 1;
    }
  }
  lines.push_back(v.substr(line_start));

  size_t last_non_empty = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].find_first_not_of(" \t") != std::string_view::npos) last_non_empty = i;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line(lines[i]);
    for (char& c : line) if (c == '\t') c = ' ';
    if (i != 0) line.erase(0, std::min(line.size(), line.find_first_not_of(' ')));
    if (i + 1 != lines.size()) {
      size_t last = line.find_last_not_of(' ');
      line.erase(last == std::string::npos ? 0 : last + 1);
    }
    if (line.empty()) continue;
    if (i != last_non_empty) line.push_back(' ');
    out += line;
  }
  return out;
}

}  // namespace dxc::parse
