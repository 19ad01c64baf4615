// SourceManager line tables and line:col (columns in code points), and the diagnostics renderers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "common/diagnostics.h"
#include "common/source.h"

using dxc::Diagnostic;
using dxc::Diagnostics;
using dxc::LineCol;
using dxc::SourceManager;
using dxc::Span;

static std::string lc(const SourceManager& sm, dxc::FileId f, uint32_t off) {
  LineCol p = sm.line_col(f, off);
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

TEST_CASE("SourceManager: lines and ASCII columns", "[source]") {
  SourceManager sm;
  auto f = sm.add("a.tsx", "ab\ncd\n\nef");
  CHECK(sm.path(f) == "a.tsx");
  CHECK(sm.line_count(f) == 4);
  CHECK(lc(sm, f, 0) == "1:1");
  CHECK(lc(sm, f, 1) == "1:2");
  CHECK(lc(sm, f, 2) == "1:3");  // the newline itself
  CHECK(lc(sm, f, 3) == "2:1");
  CHECK(lc(sm, f, 6) == "3:1");
  CHECK(lc(sm, f, 7) == "4:1");
  CHECK(lc(sm, f, 9) == "4:3");   // end of file
  CHECK(lc(sm, f, 99) == "4:3");  // clamped
  CHECK(sm.line_text(f, 1) == "ab");
  CHECK(sm.line_text(f, 3) == "");
  CHECK(sm.line_text(f, 4) == "ef");
  CHECK(sm.line_text(f, 5) == "");
  CHECK(sm.line_text(f, 0) == "");
}

TEST_CASE("SourceManager: columns count UTF-8 code points", "[source]") {
  SourceManager sm;
  // é is 2 bytes, € 3 bytes, 😀 4 bytes.
  auto f = sm.add("u.tsx", "é€😀x\n  😀y");
  CHECK(lc(sm, f, 2) == "1:2");   // €
  CHECK(lc(sm, f, 5) == "1:3");   // 😀
  CHECK(lc(sm, f, 9) == "1:4");   // x
  CHECK(lc(sm, f, 13) == "2:3");  // 😀 on line 2
  CHECK(lc(sm, f, 17) == "2:4");  // y
}

TEST_CASE("SourceManager: CRLF line endings", "[source]") {
  SourceManager sm;
  auto f = sm.add("w.tsx", "a\r\nbc\r\n");
  CHECK(sm.line_count(f) == 3);
  CHECK(sm.line_text(f, 1) == "a");
  CHECK(sm.line_text(f, 2) == "bc");
  CHECK(lc(sm, f, 3) == "2:1");
  CHECK(lc(sm, f, 4) == "2:2");
}

TEST_CASE("SourceManager: several files, empty file", "[source]") {
  SourceManager sm;
  auto a = sm.add("a", "");
  auto b = sm.add("b", "x\ny");
  CHECK(sm.file_count() == 2);
  CHECK(sm.line_count(a) == 1);
  CHECK(lc(sm, a, 0) == "1:1");
  CHECK(sm.line_text(a, 1) == "");
  CHECK(lc(sm, b, 2) == "2:1");
}

TEST_CASE("render_diagnostic: the code frame", "[diagnostics]") {
  SourceManager sm;
  auto f = sm.add("pages/index.tsx", "export default function App() {\n  const x = 1;\n  return <div>)</div>;\n}\n");
  Diagnostics diags;

  SECTION("a one-character span: one caret under it") {
    Diagnostic& d = diags.error("DX0101", Span{f, 61, 62}, "syntax error: unexpected `)`");
    CHECK(dxc::render_diagnostic(sm, d, false) ==
          "pages/index.tsx:3:15: error[DX0101]: syntax error: unexpected `)`\n"
          "  |\n"
          "3 |   return <div>)</div>;\n"
          "  |               ^\n");
  }
  SECTION("a longer span: underlined whole; help and notes") {
    Diagnostic& d = diags.error("DX0201", Span{f, 34, 46}, "something about this declaration");
    d.help = "write it differently";
    d.notes.push_back({Span{f, 15, 23}, true, "the function is here"});
    d.notes.push_back({Span{}, false, "a note without a place"});
    CHECK(dxc::render_diagnostic(sm, d, false) ==
          "pages/index.tsx:2:3: error[DX0201]: something about this declaration\n"
          "  |\n"
          "2 |   const x = 1;\n"
          "  |   ^^^^^^^^^^^^\n"
          "  = help: write it differently\n"
          "  note: pages/index.tsx:1:16: the function is here\n"
          "  note: a note without a place\n");
  }
  SECTION("a multi-line span: underlined to the end of its first line") {
    Diagnostic& d = diags.warning("DX0004", Span{f, 15, 80}, "spans lines");
    CHECK(dxc::render_diagnostic(sm, d, false) ==
          "pages/index.tsx:1:16: warning[DX0004]: spans lines\n"
          "  |\n"
          "1 | export default function App() {\n"
          "  |                ^^^^^^^^^^^^^^^^\n");
  }
  SECTION("an empty span (a missing token) still gets one caret") {
    Diagnostic& d = diags.error("DX0101", Span{f, 46, 46}, "syntax error: missing `;`");
    CHECK(dxc::render_diagnostic(sm, d, false) ==
          "pages/index.tsx:2:15: error[DX0101]: syntax error: missing `;`\n"
          "  |\n"
          "2 |   const x = 1;\n"
          "  |               ^\n");
  }
  SECTION("a span at the end of the file") {
    Diagnostic& d = diags.error("DX0101", Span{f, uint32_t(sm.text(f).size()), uint32_t(sm.text(f).size())},
                                "syntax error: unexpected end of file");
    CHECK(dxc::render_diagnostic(sm, d, false) ==
          "pages/index.tsx:5:1: error[DX0101]: syntax error: unexpected end of file\n"
          "  |\n"
          "5 |\n"
          "  | ^\n");
  }
}

TEST_CASE("render_diagnostic: tabs, wide characters, wide line numbers", "[diagnostics]") {
  SourceManager sm;
  std::string text;
  for (int i = 0; i < 11; ++i) text += "\n";
  text += "\tlet s = \"日本\" + x;\n";  // line 12
  auto f = sm.add("t.tsx", text);
  Diagnostics diags;
  uint32_t base = 11;
  uint32_t x_at = base + uint32_t(std::string("\tlet s = \"日本\" + ").size());
  Diagnostic& d = diags.error("DX0202", Span{f, x_at, x_at + 1}, "unknown name `x`");
  // The header counts code points (tab = 1, 日 = 1); the frame expands the tab to 4 columns and draws
  // each CJK character 2 columns wide, so the caret sits under the x.
  CHECK(dxc::render_diagnostic(sm, d, false) ==
        "t.tsx:12:17: error[DX0202]: unknown name `x`\n"
        "   |\n"
        "12 |     let s = \"日本\" + x;\n"
        "   |                      ^\n");
}

TEST_CASE("render_diagnostic: no span", "[diagnostics]") {
  SourceManager sm;
  Diagnostics diags;
  Diagnostic& a = diags.error_at_path("DX0001", "pages/missing.tsx", "file not found");
  CHECK(dxc::render_diagnostic(sm, a, false) == "pages/missing.tsx: error[DX0001]: file not found\n");
  Diagnostic& b = diags.error_at_path("DX0002", "", "no pages/ directory");
  b.help = "create pages/index.tsx";
  CHECK(dxc::render_diagnostic(sm, b, false) == "error[DX0002]: no pages/ directory\n  = help: create pages/index.tsx\n");
  CHECK(diags.error_count() == 2);
  CHECK(diags.has_errors());
}

TEST_CASE("render_diagnostic: colors only when asked", "[diagnostics]") {
  SourceManager sm;
  auto f = sm.add("c.tsx", "let x = ;\n");
  Diagnostics diags;
  Diagnostic& d = diags.error("DX0101", Span{f, 6, 7}, "syntax error: unexpected `=`");
  std::string plain = dxc::render_diagnostic(sm, d, false);
  std::string colored = dxc::render_diagnostic(sm, d, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(colored.find("\x1b[1;31merror[DX0101]\x1b[0m") != std::string::npos);
  // Stripping the escapes gives the plain text back.
  std::string stripped;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      while (i < colored.size() && colored[i] != 'm') ++i;
      continue;
    }
    stripped += colored[i];
  }
  CHECK(stripped == plain);
}

TEST_CASE("Diagnostics: warnings are not errors", "[diagnostics]") {
  SourceManager sm;
  auto f = sm.add("w.tsx", "x");
  Diagnostics diags;
  diags.warning("DX0004", Span{f, 0, 1}, "just a warning");
  CHECK_FALSE(diags.has_errors());
  CHECK(diags.all().size() == 1);
}

TEST_CASE("render_diagnostics_json", "[diagnostics]") {
  SourceManager sm;
  auto f = sm.add("pages/a.tsx", "const é = 1;\nlet y = ;\n");
  Diagnostics diags;
  Diagnostic& d = diags.error("DX0101", Span{f, 20, 21}, "syntax error: unexpected `=`");
  d.notes.push_back({Span{f, 6, 8}, true, "see é"});
  diags.error_at_path("DX0001", "pages/b.tsx", "file not found").help = "check the name";
  diags.warning("DX0004", Span{f, 0, 14}, "two lines");

  auto j = nlohmann::json::parse(dxc::render_diagnostics_json(sm, diags.all()));
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 3);
  CHECK(j[0]["code"] == "DX0101");
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["message"] == "syntax error: unexpected `=`");
  CHECK(j[0]["file"] == "pages/a.tsx");
  CHECK(j[0]["line"] == 2);
  CHECK(j[0]["column"] == 7);
  CHECK(j[0]["endLine"] == 2);
  CHECK(j[0]["endColumn"] == 8);
  CHECK(j[0]["help"].is_null());
  REQUIRE(j[0]["notes"].size() == 1);
  CHECK(j[0]["notes"][0]["message"] == "see é");
  CHECK(j[0]["notes"][0]["column"] == 7);
  CHECK(j[0]["notes"][0]["endColumn"] == 8);  // é is one column

  CHECK(j[1]["file"] == "pages/b.tsx");
  CHECK(j[1]["line"].is_null());
  CHECK(j[1]["help"] == "check the name");

  CHECK(j[2]["severity"] == "warning");
  CHECK(j[2]["line"] == 1);
  CHECK(j[2]["endLine"] == 2);

  CHECK(nlohmann::json::parse(dxc::render_diagnostics_json(sm, {})).empty());
}

TEST_CASE("render_diagnostics_json survives invalid UTF-8 in messages", "[diagnostics]") {
  SourceManager sm;
  auto f = sm.add("bad.tsx", "\xff\xfe");
  Diagnostics diags;
  diags.error("DX0101", Span{f, 0, 2}, "syntax error: unexpected `\xff\xfe`");
  auto j = nlohmann::json::parse(dxc::render_diagnostics_json(sm, diags.all()));
  CHECK(j[0]["code"] == "DX0101");
}
