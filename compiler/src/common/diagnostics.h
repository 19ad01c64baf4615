// dxc::Diagnostics — collected, never thrown. Each has a stable code (DXnnnn), a message, a primary span
// and optional notes, and prints like rustc/tsc: `file:line:col: error[DX0101]: message`, the source line,
// and a caret underline. `--json` prints them machine-readably.
//
// Code ranges: DX00xx project/discover/CLI, DX01xx parse, DX02xx analyze (names, imports, types,
// unsupported constructs), DX03xx lower, DX04xx emit/verify (internal errors), DX05xx package.
// Every code is defined once in common/diagnostics.def (phase, title, explanation; `dxc explain`); reporting a
// code that is not there is a programming error. tests/diagnostics has a case for each code the user can cause.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/source.h"

namespace dxc {

enum class Severity { Error, Warning, Note };

// Who can cause a code (diagnostics.def): the project's files, the machine or dx installation, or a dxc bug.
enum class DiagKind { User, Env, Internal };

// One entry of the catalogue, common/diagnostics.def.
struct DiagInfo {
  std::string_view code;         // "DX0234"
  std::string_view phase;        // one of driver/build.h kPhases: where it is reported
  Severity severity;             // Error or Warning
  DiagKind kind;
  std::string_view title;        // one line
  std::string_view explanation;  // "" or a few sentences with the supported alternative
};

// The entry for `code`, or nullptr when the catalogue has none.
const DiagInfo* find_diag_info(std::string_view code);
// Every entry, sorted by code.
std::span<const DiagInfo> all_diag_infos();
const char* diag_kind_name(DiagKind k);  // "user", "env", "internal"
// What `dxc explain` prints for one code: the title, phase and kind, then the explanation wrapped to 100 columns.
std::string explain_diagnostic(const DiagInfo& info);

struct DiagNote {
  Span span;
  bool has_span = false;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // DXnnnn, listed in diagnostics.def
  std::string message;  // one line, no trailing period
  Span span;
  bool has_span = true;  // false for project-level problems (e.g. a missing file)
  std::string path_only; // when !has_span: the file or directory the problem is about (may be empty)
  std::vector<DiagNote> notes;
  std::string help;      // optional "help: ..." line suggesting the supported form
};

// Collects diagnostics. Each reporting call checks its code against the catalogue (an unknown code, or a
// warning code reported as an error, fails an assertion in debug builds).
class Diagnostics {
 public:
  Diagnostic& error(std::string code, Span span, std::string message);
  Diagnostic& error_at_path(std::string code, std::string path, std::string message);
  Diagnostic& warning(std::string code, Span span, std::string message);
  // Moves `other`'s diagnostics after these (a phase's workers each collect their own, merged in order).
  void append(Diagnostics&& other);
  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
  size_t errors_ = 0;
};

// Renders one diagnostic with its code frame. `color` adds ANSI colors (only when writing to a tty).
std::string render_diagnostic(const SourceManager& sm, const Diagnostic& d, bool color);
// Renders all diagnostics as one JSON array: [{code, severity, message, file, line, column, endLine, endColumn, notes, help}].
std::string render_diagnostics_json(const SourceManager& sm, const std::vector<Diagnostic>& ds);

}  // namespace dxc
