// dxc::Ast — our own syntax tree for one TSX file, built from tree-sitter's CST by parse/ (then immutable).
//
// Nodes live in one vector and refer to each other by NodeId; what each kind keeps in `text`, `text2`,
// `number`, `flags` and `kids` is listed in ast.def. Analysis results are side tables keyed by NodeId,
// never fields here.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "common/source.h"

namespace dxc {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

enum class NodeKind : uint16_t {
#define DX_NODE(name, dump, doc) name,
#include "parse/ast.def"
#undef DX_NODE
};
const char* node_kind_name(NodeKind k);  // the dump name

enum NodeFlags : uint32_t {
  kExport = 1u << 0, kDefault = 1u << 1, kAsync = 1u << 2, kGenerator = 1u << 3,
  kConst = 1u << 4, kLet = 1u << 5, kVar = 1u << 6,
  kOptional = 1u << 7, kRest = 1u << 8, kTrue = 1u << 9, kShorthand = 1u << 10, kMethod = 1u << 11,
  kPrefix = 1u << 12, kExprBody = 1u << 13, kSatisfies = 1u << 14, kTypeOnly = 1u << 15, kReadonly = 1u << 16,
  kParen = 1u << 17,  // a member access, call or index written in parentheses: it ends an optional chain
  kComputed = 1u << 18,  // a Prop `[key]: value`: kids[1] is the key expression
};

struct Node {
  NodeKind kind = NodeKind::Other;
  uint32_t flags = 0;
  Span span;
  std::string_view text;   // points into Ast::strings or the source text
  std::string_view text2;
  double number = 0;
  std::vector<NodeId> kids;

  NodeId kid(size_t i) const { return i < kids.size() ? kids[i] : kNoNode; }
};

struct Ast {
  FileId file = 0;
  NodeId root = kNoNode;  // a Module
  std::vector<Node> nodes;
  std::deque<std::string> strings;  // storage for cooked text (stable addresses)

  const Node& operator[](NodeId id) const { return nodes[id]; }
  Node& operator[](NodeId id) { return nodes[id]; }
  NodeId add(Node n) { nodes.push_back(std::move(n)); return NodeId(nodes.size() - 1); }
  std::string_view intern(std::string s) { strings.push_back(std::move(s)); return strings.back(); }
};

// Text dump, one node per line, indented (`--dump=parse`): `kind "text" [flags] @line:col`.
std::string dump_ast(const SourceManager& sm, const Ast& ast);

}  // namespace dxc
