// Syntax errors and robustness: DX0101/DX0103/DX0104 with exact code frames, spans on non-ASCII lines, and
// the parser's promise never to fail — every prefix of a realistic component, byte deletions, token soup,
// pathological nesting — checked against tree-sitter's own verdict and the Ast's invariants.
#include <tree_sitter/api.h>

#include <catch2/catch.hpp>
#include <cstdint>

#include "parse_test_support.h"

extern "C" const TSLanguage* tree_sitter_tsx(void);

using dxc::NodeKind;
using dxtest::Parsed;

namespace {

bool tree_sitter_sees_error(const std::string& text) {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_tsx());
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), uint32_t(text.size()));
  bool error = ts_node_has_error(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return error;
}

bool has_code(const Parsed& p, std::string_view code) {
  for (const dxc::Diagnostic& d : p.diags.all()) {
    if (d.code == code) return true;
  }
  return false;
}
bool has_syntax_error(const Parsed& p) { return has_code(p, "DX0101") || has_code(p, "DX0102"); }

// What every Ast promises, whatever the input: a Module root, kids in range, spans inside the file, text
// views inside the Ast's own storage; diagnostics with spans inside the file; dumps and renders work.
void check_invariants(const Parsed& p) {
  const dxc::Ast& ast = p.ast;
  uint32_t size = uint32_t(p.sm.text(p.file).size());
  REQUIRE(ast.root < ast.nodes.size());
  REQUIRE(ast.nodes[ast.root].kind == NodeKind::Module);
  auto inside_strings = [&](std::string_view v) {
    if (v.empty()) return true;
    for (const std::string& s : ast.strings) {
      if (v.data() >= s.data() && v.data() + v.size() <= s.data() + s.size()) return true;
    }
    // Kind names of Other nodes are static strings from the grammar or the builder.
    return v.find('\0') == std::string_view::npos && v.size() < 64;
  };
  for (const dxc::Node& n : ast.nodes) {
    REQUIRE(n.span.file == p.file);
    REQUIRE(n.span.start <= n.span.end);
    REQUIRE(n.span.end <= size);
    for (dxc::NodeId k : n.kids) REQUIRE((k == dxc::kNoNode || k < ast.nodes.size()));
    REQUIRE(inside_strings(n.text));
    REQUIRE(inside_strings(n.text2));
  }
  for (const dxc::Diagnostic& d : p.diags.all()) {
    REQUIRE(d.span.end <= size);
    REQUIRE(d.code.size() == 6);
  }
  CHECK_FALSE(p.dump().empty());
  (void)p.rendered();
  (void)dxc::render_diagnostics_json(p.sm, p.diags.all());
}

std::string fixture(const char* name) { return dxtest::read_file(dxtest::source_dir() + "/tests/parse/fixtures/" + name); }

// Unclosed ( [ { before `end` (the fixture has no brackets inside strings or comments).
int open_brackets(std::string_view text) {
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
  }
  return depth;
}

}  // namespace

TEST_CASE("syntax errors: DX0101 with the exact code frame", "[parse][diagnostics]") {
  SECTION("an unexpected token") {
    Parsed p("export const x = ;\n", "pages/index.tsx");
    CHECK(p.rendered() ==
          "pages/index.tsx:1:16: error[DX0101]: syntax error: unexpected `=`\n"
          "  |\n"
          "1 | export const x = ;\n"
          "  |                ^\n");
  }
  SECTION("a missing token") {
    Parsed p("function f() {\n  if (x {\n    g();\n  }\n}\n");
    CHECK(p.rendered() ==
          "test.tsx:2:8: error[DX0101]: syntax error: missing `)`\n"
          "  |\n"
          "2 |   if (x {\n"
          "  |        ^\n");
  }
  SECTION("an unclosed JSX element") {
    Parsed p("export default function Page() {\n  return <main>\n    <h1>Hi</h1>\n");
    CHECK(p.rendered() ==
          "test.tsx:2:10: error[DX0101]: syntax error: JSX element `<main>` has no closing tag\n"
          "  |\n"
          "2 |   return <main>\n"
          "  |          ^^^^^^\n");
  }
  SECTION("columns count code points on non-ASCII lines") {
    Parsed p("const café = \"ü\"; const = 1;\n");
    CHECK(p.rendered() ==
          "test.tsx:1:19: error[DX0101]: syntax error: unexpected `const =`\n"
          "  |\n"
          "1 | const café = \"ü\"; const = 1;\n"
          "  |                   ^^^^^^^\n");
  }
  SECTION("an invalid escape") {
    Parsed p("const s = \"a\\x4\";\n");
    REQUIRE(p.codes() == std::vector<std::string>{"DX0101"});
    CHECK(p.rendered().find("1:13: error[DX0101]") != std::string::npos);
  }
  SECTION("only the first few are reported") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "let = ;\n)))\n";
    Parsed p(text);
    CHECK(p.diags.all().size() >= 1);
    CHECK(p.diags.all().size() <= 10);
  }
}

TEST_CASE("lone surrogates: DX0103", "[parse][diagnostics]") {
  Parsed p("const ok = \"\\uD83D\\uDE00\";\nconst bad = \"x\\uD800y\";\nconst t = `${ok}\\uDFFF`;\n", "c.tsx");
  CHECK(p.rendered() ==
        "c.tsx:2:15: error[DX0103]: string contains a lone surrogate (not representable in UTF-8)\n"
        "  |\n"
        "2 | const bad = \"x\\uD800y\";\n"
        "  |               ^^^^^^\n"
        "\n"
        "c.tsx:3:17: error[DX0103]: string contains a lone surrogate (not representable in UTF-8)\n"
        "  |\n"
        "3 | const t = `${ok}\\uDFFF`;\n"
        "  |                 ^^^^^^\n");
  const dxc::Node& ok = p.node(p.find(NodeKind::StringLit));
  CHECK(ok.text == "😀");
}

TEST_CASE("spans and line:col", "[parse]") {
  Parsed p("const 名前 = \"値\";\nlet x = (名前) + 1.5;\n");
  REQUIRE(p.rendered() == "");
  std::string_view text = p.sm.text(p.file);
  auto slice = [&](const dxc::Node& n) { return text.substr(n.span.start, n.span.end - n.span.start); };
  auto at = [&](const dxc::Node& n) {
    dxc::LineCol lc = p.sm.line_col(p.file, n.span.start);
    return std::to_string(lc.line) + ":" + std::to_string(lc.col);
  };
  std::vector<const dxc::Node*> idents;
  for (const dxc::Node& n : p.ast.nodes) {
    if (n.kind == NodeKind::Identifier) idents.push_back(&n);
  }
  REQUIRE(idents.size() == 3);
  // Parentheses are dropped: the identifier keeps its own span, inside them.
  const dxc::Node& use = *idents[2];
  CHECK(use.text == "名前");
  CHECK(slice(use) == "名前");
  CHECK(at(use) == "2:10");
  const dxc::Node& str = p.node(p.find(NodeKind::StringLit));
  CHECK(slice(str) == "\"値\"");  // a literal's span includes its quotes
  CHECK(at(str) == "1:12");
  const dxc::Node& num = p.node(p.find(NodeKind::NumberLit));
  CHECK(num.number == 1.5);
  CHECK(at(num) == "2:16");
  const dxc::Node& bin = p.node(p.find(NodeKind::Binary));
  CHECK(slice(bin) == "(名前) + 1.5");
}

TEST_CASE("degenerate inputs", "[parse]") {
  for (std::string text : {std::string(), std::string("  \n\t\n"), std::string("// only a comment\n/* and */"),
                           std::string("#!/usr/bin/env node\n"), std::string("\xEF\xBB\xBF"), std::string("\0\0\0", 3),
                           std::string("\xff\xfe\xfd<div>\x80</div>"), std::string(1, '\\'), std::string("`${"),
                           std::string("\"\\u{"), std::string("<"), std::string("</>"), std::string("&"), std::string("{{{")}) {
    INFO(text);
    Parsed p(text);
    check_invariants(p);
    if (tree_sitter_sees_error(text)) CHECK(has_syntax_error(p));
  }
  Parsed empty("");
  CHECK(empty.ast.nodes[empty.ast.root].kids.empty());
  CHECK(empty.diags.all().empty());
}

TEST_CASE("pathological nesting: DX0104, never a stack overflow", "[parse]") {
  auto repeat = [](std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::vector<std::string> inputs = {
      repeat("(", 5000) + "x" + repeat(")", 5000) + ";",
      "x = " + repeat("[", 3000) + repeat("]", 3000) + ";",
      "x = " + repeat("<a>", 2000) + repeat("</a>", 2000) + ";",
      "x = " + repeat("{a:", 3000) + "1" + repeat("}", 3000) + ";",
      "x = " + repeat("f(", 3000) + repeat(")", 3000) + ";",
      "x = " + repeat("a ? b : ", 3000) + "c;",
      repeat("if (a) ", 3000) + "b();",
      repeat("{", 3000) + repeat("}", 3000),
      "let t: " + repeat("Array<", 3000) + "T" + repeat(">", 3000) + ";",
      "x = " + repeat("() => ", 3000) + "1;",
      "x = " + repeat("`${", 2000) + repeat("}`", 2000) + ";",
      "x = a" + repeat(" + a", 20000) + ";",
      repeat("(", 20000),
  };
  for (const std::string& text : inputs) {
    INFO(text.substr(0, 40));
    Parsed p(text);
    check_invariants(p);
    CHECK((has_code(p, "DX0104") || has_syntax_error(p)));
  }
  // A chain below the limit is fine.
  Parsed ok("x = a" + repeat(" + a", 500) + ";");
  CHECK(ok.diags.all().empty());
}

TEST_CASE("a realistic Solid-style component parses with no diagnostics", "[parse][golden]") {
  std::string text = fixture("todo_app.tsx");
  REQUIRE(text.size() > 1000);
  Parsed p(text, "components/todo_app.tsx");
  CHECK(p.rendered() == "");
  check_invariants(p);

  // A few landmarks; the golden dump below pins the rest.
  bool saw_list = false, saw_app = false, saw_for = false, saw_show = false, saw_satisfies = false;
  for (const dxc::Node& n : p.ast.nodes) {
    if (n.kind == NodeKind::Function && n.text == "List") saw_list = n.text2 == "T" && (n.flags & dxc::kExport);
    if (n.kind == NodeKind::Function && n.text == "TodoApp") saw_app = (n.flags & dxc::kDefault) != 0;
    if (n.kind == NodeKind::JsxElement && n.text == "For") saw_for = true;
    if (n.kind == NodeKind::JsxElement && n.text == "Show") saw_show = true;
    if (n.kind == NodeKind::As && (n.flags & dxc::kSatisfies)) saw_satisfies = true;
  }
  CHECK(saw_list);
  CHECK(saw_app);
  CHECK(saw_for);
  CHECK(saw_show);
  CHECK(saw_satisfies);

  // Golden dump, regenerated by tools/regen-parse-goldens.sh (never edited by hand).
  std::string golden_path = dxtest::source_dir() + "/tests/parse/fixtures/todo_app.dump";
  if (std::getenv("DX_REGEN")) {
    std::ofstream(golden_path, std::ios::binary) << p.dump();
  }
  CHECK(p.dump() == dxtest::read_file(golden_path));
}

TEST_CASE("every prefix of a component: no crash, errors exactly when tree-sitter sees them", "[parse][robust]") {
  std::string text = fixture("todo_app.tsx");
  REQUIRE(!text.empty());
  for (size_t len = 0; len <= text.size(); ++len) {
    std::string prefix = text.substr(0, len);
    Parsed p(prefix);
    check_invariants(p);
    bool ts_error = tree_sitter_sees_error(prefix);
    INFO("prefix length " << len << ": …" << prefix.substr(len > 40 ? len - 40 : 0));
    if (ts_error) REQUIRE(has_syntax_error(p));
    if (!ts_error) REQUIRE_FALSE(has_code(p, "DX0101"));
    // Independent of tree-sitter: a prefix with an unclosed bracket cannot be valid.
    if (open_brackets(prefix) > 0) REQUIRE(has_syntax_error(p));
  }
}

TEST_CASE("byte deletions and token soup: no crash", "[parse][robust]") {
  std::string text = fixture("todo_app.tsx");
  for (size_t at = 0; at < text.size(); at += 3) {
    std::string mutated = text;
    mutated.erase(at, 1);
    Parsed p(mutated);
    check_invariants(p);
    if (tree_sitter_sees_error(mutated)) REQUIRE(has_syntax_error(p));
  }

  static const char* const kTokens[] = {
      "<", ">", "</", "/>", "<>", "</>", "{", "}", "(", ")", "[", "]", "=>", "=", ";", ",", ".", "?.", "!",
      "...", ":", "?", "\"", "'", "`", "${", "\\", "\\u", "\\uD800", "&amp;", "&", "&#x;", "/*", "*/", "//",
      "\n", " ", "\t", "div", "For", "each", "const", "let", "function", "return", "if", "else", "for", "of",
      "import", "export", "default", "from", "interface", "type", "as", "satisfies", "async", "await", "class",
      "enum", "x", "1", "0x", "1_0", ".5", "1n", "é", "😀", "\xff", "@dec", "#p", "|", "&&", "??", "+",
  };
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 400; ++round) {
    std::string soup;
    int count = int(next() % 60) + 1;
    for (int i = 0; i < count; ++i) soup += kTokens[next() % std::size(kTokens)];
    INFO(soup);
    Parsed p(soup);
    check_invariants(p);
    if (tree_sitter_sees_error(soup)) REQUIRE(has_syntax_error(p));
  }
}

TEST_CASE("the snippets and the component cover every node kind of ast.def", "[parse]") {
  static const char* const kNames[] = {
#define DX_NODE(name, dump, doc) #name,
#include "parse/ast.def"
#undef DX_NODE
  };
  std::vector<bool> seen(std::size(kNames), false);
  auto mark = [&](const Parsed& p) {
    for (const dxc::Node& n : p.ast.nodes) seen[size_t(n.kind)] = true;
  };
  for (const dxtest::Case* c : dxtest::all_cases()) mark(Parsed(c->source));
  mark(Parsed(fixture("todo_app.tsx")));
  for (size_t k = 0; k < seen.size(); ++k) {
    INFO("node kind " << kNames[k] << " (" << dxc::node_kind_name(NodeKind(k)) << ")");
    CHECK(seen[k]);
  }
}
