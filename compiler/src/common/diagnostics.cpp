// Diagnostics: the catalogue (diagnostics.def), the collector, the rustc/tsc-style code frame, and the JSON form.
//
//   pages/index.tsx:3:15: error[DX0101]: syntax error: unexpected `)`
//     |
//   3 |   return <div>)</div>;
//     |               ^
//     = help: …
//     note: pages/index.tsx:2:3: …
//
// The caret line underlines the primary span on its first line (to the end of that line when the span goes
// on; at least one caret). Tabs print as four spaces and wide (CJK, emoji) characters as two columns, so the
// carets stay under the text; the `line:col` in the header counts code points, as editors do.
#include "common/diagnostics.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace dxc {
namespace {

// The words diagnostics.def uses for severity and kind.
namespace def {
constexpr Severity error = Severity::Error, warning = Severity::Warning;
constexpr DiagKind user = DiagKind::User, env = DiagKind::Env, internal = DiagKind::Internal;
}  // namespace def

constexpr DiagInfo kCatalogue[] = {
#define DX_DIAG(code, phase, severity, kind, title, explanation) {#code, #phase, def::severity, def::kind, title, explanation},
#include "common/diagnostics.def"
#undef DX_DIAG
};

// find_diag_info binary-searches the catalogue.
constexpr bool sorted_and_unique(std::span<const DiagInfo> c) {
  for (size_t i = 1; i < c.size(); ++i)
    if (!(c[i - 1].code < c[i].code)) return false;
  return true;
}
static_assert(sorted_and_unique(kCatalogue), "diagnostics.def must list each code once, in order");

// A reporting call's code must be in the catalogue with this severity (fails loudly in debug builds and tests).
void check_code(const std::string& code, Severity severity) {
  const DiagInfo* info = find_diag_info(code);
  if (!info || info->severity != severity) {
    std::fprintf(stderr, "dxc: internal error: diagnostic code '%s' is %s common/diagnostics.def\n", code.c_str(),
                 info ? "reported with another severity than" : "not in");
    assert(false && "diagnostic code not in common/diagnostics.def");
  }
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

struct Style {
  bool on;
  const char* operator()(const char* code) const { return on ? code : ""; }
};
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kGutter = "\x1b[1;34m";
const char* severity_color(Severity s) {
  return s == Severity::Error ? "\x1b[1;31m" : s == Severity::Warning ? "\x1b[1;33m" : "\x1b[1;36m";
}

// Decodes the code point at s[i] (advancing i); invalid bytes decode as one column each.
uint32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

uint32_t display_width(uint32_t cp) {
  if (cp == '\t') return 4;
  bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
              (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
              (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
              (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// The line as printed (tabs expanded) and the display column of every byte offset in it.
struct FrameLine {
  std::string text;
  std::vector<uint32_t> column_at;  // size = line bytes + 1
};

FrameLine expand_line(std::string_view line) {
  FrameLine f;
  f.column_at.assign(line.size() + 1, 0);
  uint32_t col = 0;
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    uint32_t cp = next_code_point(line, i);
    for (size_t k = start; k < i; ++k) f.column_at[k] = col;
    if (cp == '\t') {
      f.text.append(4, ' ');
    } else {
      f.text.append(line.substr(start, i - start));
    }
    col += display_width(cp);
  }
  f.column_at[line.size()] = col;
  return f;
}

// Lines wider than this are shown as a window around the caret, with `…` where they are cut.
constexpr uint32_t kMaxFrameWidth = 120;
constexpr uint32_t kContextBefore = 40;

// Cuts `frame` to the display columns [from, from + width); `from` must start a character.
std::string window(const FrameLine& frame, uint32_t from, uint32_t width) {
  std::string out;
  uint32_t col = 0;
  size_t i = 0;
  while (i < frame.text.size()) {
    size_t start = i;
    uint32_t w = display_width(next_code_point(frame.text, i));
    if (col >= from && col + w <= from + width) out.append(frame.text, start, i - start);
    col += w;
  }
  return out;
}

std::string location(const SourceManager& sm, const Span& span) {
  LineCol lc = sm.line_col(span.file, span.start);
  return sm.path(span.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
}

bool span_ok(const SourceManager& sm, const Span& span) { return span.file < sm.file_count(); }

}  // namespace

const DiagInfo* find_diag_info(std::string_view code) {
  auto it = std::lower_bound(std::begin(kCatalogue), std::end(kCatalogue), code,
                             [](const DiagInfo& i, std::string_view c) { return i.code < c; });
  return it != std::end(kCatalogue) && it->code == code ? &*it : nullptr;
}

std::span<const DiagInfo> all_diag_infos() { return kCatalogue; }

const char* diag_kind_name(DiagKind k) {
  switch (k) {
    case DiagKind::User: return "user";
    case DiagKind::Env: return "env";
    case DiagKind::Internal: return "internal";
  }
  return "user";
}

std::string explain_diagnostic(const DiagInfo& info) {
  static constexpr const char* kCause[] = {"the project's files", "the machine or the dx installation",
                                           "a bug in dxc (please report it with the input that caused it)"};
  std::string out = std::string(severity_name(info.severity)) + "[" + std::string(info.code) + "]: " + std::string(info.title) + "\n";
  out += "phase: " + std::string(info.phase) + "\ncaused by: " + kCause[static_cast<int>(info.kind)] + "\n";
  if (info.explanation.empty()) return out;
  out += "\n";
  // Word-wrap the explanation at 100 columns (it is one paragraph in the catalogue).
  std::string line;
  size_t i = 0;
  while (i < info.explanation.size()) {
    size_t sp = info.explanation.find(' ', i);
    std::string_view word = info.explanation.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
    if (!line.empty() && line.size() + 1 + word.size() > 100) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    i = sp == std::string_view::npos ? info.explanation.size() : sp + 1;
  }
  if (!line.empty()) out += line + "\n";
  return out;
}

Diagnostic& Diagnostics::error(std::string code, Span span, std::string message) {
  check_code(code, Severity::Error);
  Diagnostic d;
  d.severity = Severity::Error;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  diags_.push_back(std::move(d));
  ++errors_;
  return diags_.back();
}

Diagnostic& Diagnostics::error_at_path(std::string code, std::string path, std::string message) {
  check_code(code, Severity::Error);
  Diagnostic d;
  d.severity = Severity::Error;
  d.code = std::move(code);
  d.has_span = false;
  d.path_only = std::move(path);
  d.message = std::move(message);
  diags_.push_back(std::move(d));
  ++errors_;
  return diags_.back();
}

Diagnostic& Diagnostics::warning(std::string code, Span span, std::string message) {
  check_code(code, Severity::Warning);
  Diagnostic d;
  d.severity = Severity::Warning;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  diags_.push_back(std::move(d));
  return diags_.back();
}

void Diagnostics::append(Diagnostics&& other) {
  for (Diagnostic& d : other.diags_) diags_.push_back(std::move(d));
  errors_ += other.errors_;
  other.diags_.clear();
  other.errors_ = 0;
}

std::string render_diagnostic(const SourceManager& sm, const Diagnostic& d, bool color) {
  Style s{color};
  const char* sev = s(severity_color(d.severity));
  bool framed = d.has_span && span_ok(sm, d.span);
  std::string out;

  // Header.
  if (framed) {
    out += location(sm, d.span) + ": ";
  } else if (!d.path_only.empty()) {
    out += d.path_only + ": ";
  }
  out += std::string(sev) + severity_name(d.severity);
  if (!d.code.empty()) out += "[" + d.code + "]";
  out += std::string(s(kReset)) + s(kBold) + ": " + d.message + s(kReset) + "\n";

  // Code frame.
  size_t width = 1;
  if (framed) {
    LineCol start = sm.line_col(d.span.file, d.span.start);
    LineCol end = sm.line_col(d.span.file, std::max(d.span.start, d.span.end));
    std::string_view line = sm.line_text(d.span.file, start.line);
    uint32_t line_start = uint32_t(line.data() - sm.text(d.span.file).data());
    FrameLine frame = expand_line(line);
    auto col_of = [&](uint32_t offset) {
      size_t in_line = offset < line_start ? 0 : std::min<size_t>(offset - line_start, line.size());
      return frame.column_at[in_line];
    };
    uint32_t from = col_of(d.span.start);
    uint32_t to = end.line == start.line ? col_of(d.span.end) : frame.column_at[line.size()];
    uint32_t carets = to > from ? to - from : 1;
    std::string shown = frame.text;
    uint32_t total = frame.column_at[line.size()];
    if (total > kMaxFrameWidth) {  // show a window around the caret
      uint32_t start_col = from > kContextBefore ? from - kContextBefore : 0;
      // Start on a character boundary (a wide character may straddle start_col).
      while (start_col > 0 && std::find(frame.column_at.begin(), frame.column_at.end(), start_col) == frame.column_at.end()) --start_col;
      shown = window(frame, start_col, kMaxFrameWidth);
      if (start_col > 0) {
        shown = "…" + shown;
        from = from - start_col + 1;
      }
      if (start_col + kMaxFrameWidth < total) shown += "…";
      uint32_t room = kMaxFrameWidth + (start_col > 0 ? 1 : 0) - from;
      carets = std::max<uint32_t>(1, std::min(carets, room));
    }

    std::string number = std::to_string(start.line);
    width = number.size();
    std::string pad(width, ' ');
    out += std::string(s(kGutter)) + pad + " |" + s(kReset) + "\n";
    out += std::string(s(kGutter)) + number + " |" + s(kReset);
    if (!shown.empty()) out += " " + shown;
    out += "\n";
    out += std::string(s(kGutter)) + pad + " |" + s(kReset) + " " + std::string(from, ' ') + sev +
           std::string(carets, '^') + s(kReset) + "\n";
  }

  std::string pad(width, ' ');
  if (!d.help.empty()) out += pad + " " + s(kBold) + "= help" + s(kReset) + ": " + d.help + "\n";
  for (const DiagNote& note : d.notes) {
    out += pad + " " + s(kBold) + "note" + s(kReset) + ": ";
    if (note.has_span && span_ok(sm, note.span)) out += location(sm, note.span) + ": ";
    out += note.message + "\n";
  }
  return out;
}

std::string render_diagnostics_json(const SourceManager& sm, const std::vector<Diagnostic>& ds) {
  using json = nlohmann::ordered_json;
  auto put_span = [&](json& j, bool has_span, const Span& span, const std::string& path) {
    if (has_span && span_ok(sm, span)) {
      LineCol a = sm.line_col(span.file, span.start);
      LineCol b = sm.line_col(span.file, std::max(span.start, span.end));
      j["file"] = sm.path(span.file);
      j["line"] = a.line;
      j["column"] = a.col;
      j["endLine"] = b.line;
      j["endColumn"] = b.col;  // exclusive, like LSP ranges
    } else {
      j["file"] = path.empty() ? json(nullptr) : json(path);
      j["line"] = nullptr;
      j["column"] = nullptr;
      j["endLine"] = nullptr;
      j["endColumn"] = nullptr;
    }
  };
  json all = json::array();
  for (const Diagnostic& d : ds) {
    json j;
    j["code"] = d.code;
    j["severity"] = severity_name(d.severity);
    j["message"] = d.message;
    put_span(j, d.has_span, d.span, d.path_only);
    json notes = json::array();
    for (const DiagNote& n : d.notes) {
      json jn;
      jn["message"] = n.message;
      put_span(jn, n.has_span, n.span, {});
      notes.push_back(std::move(jn));
    }
    j["notes"] = std::move(notes);
    j["help"] = d.help.empty() ? json(nullptr) : json(d.help);
    all.push_back(std::move(j));
  }
  return all.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace dxc
