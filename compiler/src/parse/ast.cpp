// Ast kind names and the text dump (`--dump=parse`, golden tests). One node per line, two spaces of
// indentation per depth: `kind "text" "text2" =number [flags] @line:col`, empty parts omitted (a
// StringLit always shows its value, even ""); an absent kid in a fixed layout prints as `-`.
#include <charconv>
#include <cstdio>
#include <utility>

#include "parse/ast.h"

namespace dxc {
namespace {

constexpr const char* kKindNames[] = {
#define DX_NODE(name, dump, doc) dump,
#include "parse/ast.def"
#undef DX_NODE
};

constexpr const char* kFlagNames[] = {
    "export", "default", "async", "generator", "const", "let", "var", "optional", "rest",
    "true", "shorthand", "method", "prefix", "expr-body", "satisfies", "type-only", "readonly", "paren", "computed",
};

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace

const char* node_kind_name(NodeKind k) {
  size_t i = size_t(k);
  return i < std::size(kKindNames) ? kKindNames[i] : "?";
}

std::string dump_ast(const SourceManager& sm, const Ast& ast) {
  std::string out;
  std::vector<std::pair<NodeId, uint32_t>> stack;  // (node, depth); explicit so depth cannot overflow
  if (ast.root != kNoNode) stack.push_back({ast.root, 0});
  while (!stack.empty()) {
    auto [id, depth] = stack.back();
    stack.pop_back();
    out.append(size_t(depth) * 2, ' ');
    if (id == kNoNode || id >= ast.nodes.size()) {
      out += "-\n";
      continue;
    }
    const Node& n = ast.nodes[id];
    out += node_kind_name(n.kind);
    if (!n.text.empty() || n.kind == NodeKind::StringLit) {
      out += ' ';
      append_quoted(out, n.text);
    }
    if (!n.text2.empty()) {
      out += ' ';
      append_quoted(out, n.text2);
    }
    if (n.kind == NodeKind::NumberLit || n.number != 0) {
      char buf[64];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n.number);
      out += " =";
      out.append(buf, ec == std::errc() ? end : buf);
    }
    if (n.flags != 0) {
      out += " [";
      bool first = true;
      for (size_t bit = 0; bit < std::size(kFlagNames); ++bit) {
        if (!(n.flags & (1u << bit))) continue;
        if (!first) out += ' ';
        out += kFlagNames[bit];
        first = false;
      }
      out += ']';
    }
    if (n.span.file < sm.file_count()) {
      LineCol lc = sm.line_col(n.span.file, n.span.start);
      out += " @" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
    }
    out += '\n';
    for (size_t i = n.kids.size(); i-- > 0;) stack.push_back({n.kids[i], depth + 1});
  }
  return out;
}

}  // namespace dxc
