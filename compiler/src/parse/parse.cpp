// Phase 2 — parse: the entry point (tree-sitter parse → syntax-error diagnostics → Ast) and the Builder's
// shared helpers. The per-category builders live in parse_stmt/decl/expr/types/jsx.cpp.
#include "parse/parse.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "parse/builder.h"

namespace dxc::parse {
namespace {

// Enough to point at the real problems; later ones are usually knock-on effects of the first.
constexpr int kMaxSyntaxErrors = 10;

bool is_error_node(TSNode n) { return ts_node_symbol(n) == TSSymbol(-1); }

// Text for "unexpected `…`": the ERROR node's text when it is one short line, else its first token.
std::string unexpected_text(TSNode error, std::string_view text) {
  auto slice = [&](TSNode n) {
    uint32_t a = std::min<uint32_t>(ts_node_start_byte(n), uint32_t(text.size()));
    uint32_t b = std::min<uint32_t>(ts_node_end_byte(n), uint32_t(text.size()));
    return text.substr(a, b > a ? b - a : 0);
  };
  std::string_view s = slice(error);
  if (s.empty() || s.size() > 40 || s.find_first_of("\r\n") != std::string_view::npos) {
    TSNode leaf = error;
    while (ts_node_child_count(leaf) > 0) leaf = ts_node_child(leaf, 0);
    s = slice(leaf);
  }
  if (size_t nl = s.find_first_of("\r\n"); nl != std::string_view::npos) s = s.substr(0, nl);
  if (s.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return std::string(s.substr(0, cut)) + "…";
  }
  return std::string(s);
}

// tree-sitter-typescript does not accept a bare `&` in JSX text (Babel does): `<p>Tom & Jerry</p>`.
bool has_jsx_node(TSNode n, int budget) {
  std::string_view k = ts_node_type(n);
  if (k.substr(0, 4) == "jsx_") return true;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count && budget > 0; ++i, --budget) {
    if (has_jsx_node(ts_node_child(n, i), budget / 2)) return true;
  }
  return false;
}

using ParserPtr = std::unique_ptr<TSParser, void (*)(TSParser*)>;
using TreePtr = std::unique_ptr<TSTree, void (*)(TSTree*)>;

TreePtr parse_with(const TSLanguage* language, std::string_view text) {
  ParserPtr parser(ts_parser_new(), ts_parser_delete);
  TreePtr tree(nullptr, ts_tree_delete);
  if (ts_parser_set_language(parser.get(), language)) {
    tree.reset(ts_parser_parse_string(parser.get(), nullptr, text.data(), uint32_t(text.size())));
  }
  return tree;
}

// `.ts` (and `.mts` / `.cts`) files take the TypeScript grammar, as tsc and esbuild do: there `<T>x` is a type
// assertion and `<T>(x: T) => x` a generic arrow, and JSX is a syntax error. Everything else is TSX.
bool is_typescript_path(std::string_view path) {
  for (std::string_view ext : {".ts", ".mts", ".cts"}) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

// A .ts file with syntax errors that the TSX grammar reads cleanly, finding JSX: the errors are JSX written
// in a .ts file, so say that (at each outermost JSX element, as many as kMaxSyntaxErrors) instead of the
// TypeScript grammar's confused "unexpected …". Returns false, reporting nothing, in any other case.
bool report_jsx_in_ts(std::string_view text, FileId file, Diagnostics& diags) {
  TreePtr tsx = parse_with(tree_sitter_tsx(), text);
  if (!tsx || ts_node_has_error(ts_tree_root_node(tsx.get()))) return false;
  std::vector<TSNode> found;
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tsx.get()));
  for (bool more = true; more && found.size() < size_t(kMaxSyntaxErrors);) {
    TSNode n = ts_tree_cursor_current_node(&c);
    std::string_view k = ts_node_type(n);
    bool jsx = k == "jsx_element" || k == "jsx_self_closing_element";
    if (jsx) found.push_back(n);
    if (!jsx && ts_tree_cursor_goto_first_child(&c)) continue;
    while (!(more = ts_tree_cursor_goto_next_sibling(&c))) {
      if (!ts_tree_cursor_goto_parent(&c)) break;
    }
  }
  ts_tree_cursor_delete(&c);
  for (TSNode n : found) {
    TSNode tag = Builder::is(n, "jsx_element") ? Builder::field(n, "open_tag") : n;
    if (ts_node_is_null(tag)) tag = n;
    Diagnostic& d = diags.error("DX0101", Span{file, ts_node_start_byte(tag), ts_node_end_byte(tag)},
                                "syntax error: JSX in a .ts file");
    d.help = "JSX needs a .tsx file: rename this file to .tsx (in a .ts file, `<T>x` is a type assertion)";
  }
  return !found.empty();
}

}  // namespace

bool Builder::looks_like_bare_ampersand_in_jsx(TSNode error) const {
  std::string_view s = src(error);
  bool bare = false;
  for (size_t i = s.find('&'); i != std::string_view::npos && !bare; i = s.find('&', i + 1)) {
    size_t j = i + 1;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) ++j;
    bare = j == i + 1 || j >= s.size() || s[j] != ';';
  }
  if (!bare) return false;
  TSNode parent = ts_node_parent(error);
  return has_jsx_node(error, 64) || (!ts_node_is_null(parent) && std::string_view(ts_node_type(parent)).substr(0, 4) == "jsx_");
}

// --- helpers ---------------------------------------------------------------------------------------------

TSNode Builder::field(TSNode n, std::string_view name) {
  if (ts_node_is_null(n)) return n;
  return ts_node_child_by_field_name(n, name.data(), uint32_t(name.size()));
}

std::vector<CstChild> Builder::children(TSNode n) {
  std::vector<CstChild> out;
  if (ts_node_is_null(n)) return out;
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode k = ts_tree_cursor_current_node(&c);
      if (!ts_node_is_extra(k)) out.push_back({k, ts_tree_cursor_current_field_name(&c)});
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
  return out;
}

std::vector<TSNode> Builder::named_children(TSNode n) {
  std::vector<TSNode> out;
  for (const CstChild& c : children(n)) {
    if (ts_node_is_named(c.node)) out.push_back(c.node);
  }
  return out;
}

TSNode Builder::first_named(TSNode n) {
  for (const CstChild& c : children(n)) {
    if (ts_node_is_named(c.node)) return c.node;
  }
  return TSNode{};
}

bool Builder::has_token(TSNode n, std::string_view token) {
  for (const CstChild& c : children(n)) {
    if (!ts_node_is_named(c.node) && kind(c.node) == token) return true;
  }
  return false;
}

std::string_view Builder::src(uint32_t start, uint32_t end) const {
  start = std::min<uint32_t>(start, uint32_t(text_.size()));
  end = std::clamp<uint32_t>(end, start, uint32_t(text_.size()));
  return text_.substr(start, end - start);
}

std::string_view Builder::src(TSNode n) const {
  if (ts_node_is_null(n)) return {};
  return src(ts_node_start_byte(n), ts_node_end_byte(n));
}

NodeId Builder::add(NodeKind k, Span sp, std::string_view text, uint32_t flags, std::vector<NodeId> kids) {
  Node node;
  node.kind = k;
  node.span = sp;
  node.text = text;
  node.flags = flags;
  node.kids = std::move(kids);
  return ast_.add(std::move(node));
}

Builder::DepthGuard::DepthGuard(Builder& b, TSNode n) : b_(b) {
  ++b_.depth_;
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  uintptr_t used = b_.stack_base_ > here ? b_.stack_base_ - here : 0;
  if (b_.depth_ <= kMaxDepth && used <= kMaxStackBytes) return;
  too_deep = true;
  if (!b_.reported_too_deep_) {
    b_.reported_too_deep_ = true;
    Diagnostic& d = b_.diags_.error("DX0104", b_.span(n), "code nested too deeply for the compiler");
    d.help = "split this expression or statement into smaller named parts";
  }
}

// --- module and syntax errors ----------------------------------------------------------------------------

NodeId Builder::module(TSNode program) {
  std::vector<NodeId> kids;
  for (TSNode c : named_children(program)) {
    if (is(c, "hash_bang_line")) continue;
    NodeId s = stmt(c);
    kids.push_back(s);
  }
  return add(NodeKind::Module, program, {}, 0, std::move(kids));
}

void Builder::report_syntax_errors(TSNode root) {
  if (!ts_node_has_error(root)) return;
  int reported = 0;
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool descend = false;
    if (is_error_node(n)) {
      Diagnostic* d = explain_jsx_error(n);
      if (!d) d = explain_escape_error(n);
      if (!d) {
        std::string what = unexpected_text(n, text_);
        std::string message = what.empty() ? (ts_node_start_byte(n) >= text_.size() ? "syntax error: unexpected end of file"
                                                                                      : "syntax error: unexpected token")
                                           : "syntax error: unexpected `" + what + "`";
        d = &diags_.error("DX0101", span(n), std::move(message));
      }
      if (looks_like_bare_ampersand_in_jsx(n)) d->help = "in JSX text, write a bare `&` as `&amp;` or {\"&\"}";
      ++reported;
    } else if (ts_node_is_missing(n)) {
      diags_.error("DX0101", span(n), std::string("syntax error: missing `") + ts_node_type(n) + "`");
      ++reported;
    } else {
      descend = ts_node_has_error(n);
    }
    if (reported >= kMaxSyntaxErrors) break;
    if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&c))) {
      if (!ts_tree_cursor_goto_parent(&c)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&c);
}

// Tree-sitter wraps a JSX tag mismatch or an unclosed tag in one ERROR node spanning the whole statement;
// name the tag instead of the statement's first token.
Diagnostic* Builder::explain_jsx_error(TSNode error) {
  std::vector<TSNode> stack{error};
  for (int visited = 0; !stack.empty() && visited < 4096; ++visited) {
    TSNode n = stack.back();
    stack.pop_back();
    if (is(n, "jsx_element")) {
      if (Diagnostic* d = report_tag_mismatch(field(n, "open_tag"), field(n, "close_tag"))) return d;
    }
    std::vector<TSNode> kids = named_children(n);
    for (size_t i = kids.size(); i-- > 0;) stack.push_back(kids[i]);  // document order
  }
  for (TSNode c : named_children(error)) {
    if (!is(c, "jsx_opening_element")) continue;
    return &diags_.error("DX0101", span(c), "syntax error: JSX element `<" + std::string(jsx_name(field(c, "name"))) + ">` has no closing tag");
  }
  return nullptr;
}

// Inside a string or template, tree-sitter reports a malformed \x / \u escape as an ERROR starting at the
// backslash (often a Windows path: "C:\xampp").
Diagnostic* Builder::explain_escape_error(TSNode error) {
  TSNode parent = ts_node_parent(error);
  std::string_view text = src(error);
  if (!(is(parent, "string") || is(parent, "template_string")) || text.size() < 2 || text[0] != '\\') return nullptr;
  TSNode escape = error;
  TSNode first = ts_node_child_count(error) > 0 ? ts_node_child(error, 0) : TSNode{};
  if (!ts_node_is_null(first) && is_error_node(first) && src(first).size() >= 2) escape = first;
  std::string_view shown = src(escape).substr(0, 12);
  Diagnostic& d = diags_.error("DX0101", span(escape), "syntax error: invalid escape sequence `" + std::string(shown) + "`");
  d.help = kEscapeHelp;
  return &d;
}

// --- entry point -----------------------------------------------------------------------------------------

Ast parse_file(const SourceManager& sm, FileId file, Diagnostics& diags) {
  Ast ast;
  ast.file = file;
  std::string_view text = ast.intern(sm.text(file));

  Diagnostics local;  // this file's diagnostics, handed on in source order
  bool typescript = is_typescript_path(sm.path(file));
  TreePtr tree = parse_with(typescript ? tree_sitter_typescript() : tree_sitter_tsx(), text);
  if (!tree) {  // only with a grammar/runtime ABI mismatch
    local.error("DX0101", Span{file, 0, 0}, "syntax error: the TSX parser could not run (grammar ABI mismatch)");
    ast.root = ast.add(Node{NodeKind::Module, 0, Span{file, 0, uint32_t(text.size())}, {}, {}, 0, {}});
  } else {
    Builder b(ast, local, text);
    TSNode root = ts_tree_root_node(tree.get());
    if (!(typescript && ts_node_has_error(root) && report_jsx_in_ts(text, file, local))) b.report_syntax_errors(root);
    ast.root = b.module(root);
  }

  std::vector<Diagnostic> found = local.all();
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.span.start < b.span.start; });
  for (Diagnostic& d : found) {
    Diagnostic& out = d.severity == Severity::Warning ? diags.warning(d.code, d.span, d.message) : diags.error(d.code, d.span, d.message);
    out = std::move(d);
  }
  return ast;
}

}  // namespace dxc::parse
