// dxc::Diagnostics — collected, never thrown. Each has a stable code (DXnnnn), a message, a primary span
// and optional notes, and prints like rustc/tsc: `file:line:col: error[DX0101]: message`, the source line,
// and a caret underline. `--json` prints them machine-readably.
//
// Code ranges: DX00xx project/discover/CLI, DX01xx parse, DX02xx analyze (names, imports, types,
// unsupported constructs), DX03xx lower, DX04xx emit/verify (internal errors), DX05xx package.
// Every code has a test under tests/diagnostics/.
#pragma once
#include <string>
#include <vector>

#include "common/source.h"

namespace dxc {

enum class Severity { Error, Warning, Note };

struct DiagNote {
  Span span;
  bool has_span = false;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // "DX0101"
  std::string message;  // one line, no trailing period
  Span span;
  bool has_span = true;  // false for project-level problems (e.g. a missing file)
  std::string path_only; // when !has_span: the file or directory the problem is about (may be empty)
  std::vector<DiagNote> notes;
  std::string help;      // optional "help: ..." line suggesting the supported form
};

class Diagnostics {
 public:
  Diagnostic& error(std::string code, Span span, std::string message);
  Diagnostic& error_at_path(std::string code, std::string path, std::string message);
  Diagnostic& warning(std::string code, Span span, std::string message);
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
