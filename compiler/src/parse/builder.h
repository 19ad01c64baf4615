// dxc::parse::Builder — walks tree-sitter's concrete syntax tree (TSX grammar for .tsx files, TypeScript
// grammar for .ts files) and builds our Ast. It dispatches on node kind names, which the two grammars share
// (TypeScript lacks the jsx_* kinds and adds type_assertion), so one Builder serves both.
//
// Private to parse/. One entry function per syntactic category (expr, stmt, type, pattern, jsx), each in
// its own file, dispatching to one small function per CST kind (small frames keep deep input cheap):
//   parse.cpp        entry point, module, syntax-error (ERROR / MISSING) reporting, shared helpers
//   parse_stmt.cpp   statements          parse_decl.cpp  functions, params, patterns, imports/exports
//   parse_expr.cpp   expressions         parse_types.cpp type annotations
//   parse_jsx.cpp    JSX elements, attributes, children
// Every function accepts any CST node (ERROR nodes and MISSING zero-width nodes included) and returns a
// node: what it does not recognise becomes Other / OtherType named after the tree-sitter kind. Node text
// views point into a copy of the source text owned by the Ast (ast.strings.front()), so an Ast stays valid
// however the SourceManager grows.
#pragma once
#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/diagnostics.h"
#include "parse/ast.h"

extern "C" const TSLanguage* tree_sitter_tsx(void);
extern "C" const TSLanguage* tree_sitter_typescript(void);

namespace dxc::parse {

// Recursion bounds: deeper input (e.g. 5,000 nested parentheses) is cut with DX0104 instead of overflowing
// the stack, so an Ast is at most ~3 × kMaxDepth nodes deep, which later phases may rely on. Both the
// nesting depth and the stack bytes used since parse_file began are checked (frames are several times
// larger under sanitizers); a thread running the parser needs kMaxStackBytes + ~256 KiB of stack.
inline constexpr int kMaxDepth = 1000;
inline constexpr uintptr_t kMaxStackBytes = 2u << 20;

struct CookIssue;
inline constexpr const char* kEscapeHelp = "a backslash is written `\\\\`; `\\x` takes 2 hex digits, `\\u` 4 or `{…}`";

struct CstChild {
  TSNode node;
  const char* field;  // nullptr when the child has no field name
};

class Builder {
 public:
  Builder(Ast& ast, Diagnostics& diags, std::string_view text)
      : ast_(ast), diags_(diags), text_(text), stack_base_(reinterpret_cast<uintptr_t>(__builtin_frame_address(0))) {}

  NodeId module(TSNode program);
  void report_syntax_errors(TSNode root);
  // For an ERROR node that is a JSX tag mismatch (DX0102) or an unclosed tag: that diagnostic, else nullptr.
  Diagnostic* explain_jsx_error(TSNode error);
  Diagnostic* explain_escape_error(TSNode error);  // a malformed \x / \u escape, else nullptr
  bool looks_like_bare_ampersand_in_jsx(TSNode error) const;  // for a `help:` line

  // parse_stmt.cpp
  NodeId stmt(TSNode n);
  NodeId block(TSNode n);

  // parse_decl.cpp
  NodeId function(TSNode n, NodeKind kind, uint32_t flags);
  NodeId params(TSNode n);
  NodeId param(TSNode n);
  NodeId pattern(TSNode n);
  NodeId var_decl(TSNode n, uint32_t flags);
  NodeId import_stmt(TSNode n);
  NodeId export_stmt(TSNode n);
  NodeId interface_decl(TSNode n, uint32_t flags);
  NodeId type_alias(TSNode n, uint32_t flags);
  NodeId class_like(TSNode n, NodeKind kind, uint32_t flags);
  NodeId enum_decl(TSNode n, uint32_t flags);
  std::string_view type_param_names(TSNode type_parameters);

  // parse_expr.cpp
  NodeId expr(TSNode n);
  NodeId object_lit(TSNode n);
  NodeId template_lit(TSNode n);
  NodeId string_lit(TSNode n);
  std::string_view string_value(TSNode string);  // cooked; reports DX0103 / bad escapes
  void report_cook_issues(const std::vector<CookIssue>& issues, uint32_t base, TSNode literal);
  NodeId number_lit(TSNode n);
  void array_elements(TSNode n, std::vector<NodeId>& out, bool is_pattern);
  std::string_view property_key(TSNode key);  // empty for a computed key

  // parse_types.cpp
  NodeId type(TSNode n);
  NodeId type_annotation(TSNode n);  // accepts a type_annotation wrapper, a type, or a null node
  NodeId type_args(TSNode n);        // type_arguments → TypeArgs (kNoNode for a null node)
  NodeId prop_sig(TSNode n);
  void member_sigs(TSNode body, std::vector<NodeId>& out);

  // parse_jsx.cpp
  NodeId jsx(TSNode n);
  std::string_view jsx_name(TSNode name);
  NodeId jsx_attrs(TSNode open_tag);
  void jsx_children(TSNode element, std::vector<NodeId>& out);
  Diagnostic* report_tag_mismatch(TSNode open_tag, TSNode close_tag);  // DX0102, or nullptr when they match

  // --- shared helpers (parse.cpp) ---
  static std::string_view kind(TSNode n) { return ts_node_type(n); }
  static bool is(TSNode n, std::string_view k) { return !ts_node_is_null(n) && kind(n) == k; }
  static TSNode field(TSNode n, std::string_view name);
  static std::vector<CstChild> children(TSNode n);  // all children but extras (comments)
  static std::vector<TSNode> named_children(TSNode n);
  static TSNode first_named(TSNode n);
  static bool has_token(TSNode n, std::string_view token);  // an anonymous child such as `async`

  Span span(TSNode n) const { return Span{ast_.file, ts_node_start_byte(n), ts_node_end_byte(n)}; }
  std::string_view src(TSNode n) const;  // "" for a null node
  std::string_view src(uint32_t start, uint32_t end) const;
  std::string_view intern(std::string s) { return ast_.intern(std::move(s)); }

  NodeId add(NodeKind k, Span sp, std::string_view text = {}, uint32_t flags = 0, std::vector<NodeId> kids = {});
  NodeId add(NodeKind k, TSNode n, std::string_view text = {}, uint32_t flags = 0, std::vector<NodeId> kids = {}) {
    return add(k, span(n), text, flags, std::move(kids));
  }
  NodeId other(TSNode n) { return add(NodeKind::Other, n, kind(n)); }
  NodeId other_type(TSNode n) { return add(NodeKind::OtherType, n, kind(n)); }
  void set_text2(NodeId id, std::string_view t) { ast_[id].text2 = t; }
  const Node& node(NodeId id) const { return ast_[id]; }
  void mark_parenthesized(NodeId id) {  // only where it matters: the links of an optional chain
    if (id == kNoNode) return;
    NodeKind k = ast_[id].kind;
    if (k == NodeKind::Member || k == NodeKind::Call || k == NodeKind::Index) ast_[id].flags |= kParen;
  }

  // Depth guard, first thing in every recursive entry: `DepthGuard g(*this, n); if (g.too_deep) return …;`
  // Past kMaxDepth it reports DX0104 once per file.
  struct DepthGuard {
    DepthGuard(Builder& b, TSNode n);
    ~DepthGuard() { --b_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Builder& b_;
    bool too_deep = false;
  };

  Ast& ast_;
  Diagnostics& diags_;
  std::string_view text_;
  uintptr_t stack_base_;
  int depth_ = 0;
  bool reported_too_deep_ = false;
  // Operator nodes a call with type arguments was moved into (parse_expr.cpp, into_last_operand), with
  // their CST nodes: the member accesses and calls that follow go into the same operand.
  std::unordered_map<NodeId, TSNode> misparsed_;
};

}  // namespace dxc::parse
