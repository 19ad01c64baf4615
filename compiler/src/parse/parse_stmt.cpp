// Statements: CST statement kinds → Block, ExprStmt, If, Return, For, ForOf, ForIn, While, DoWhile, Break,
// Continue, Labeled, Switch/Case, Throw, Try, Empty, and the declarations that may stand as statements.
// One function per CST kind, so the recursion through stmt() keeps small stack frames.
#include "parse/builder.h"

namespace dxc::parse {
namespace {

using StmtFn = NodeId (*)(Builder&, TSNode);

bool is_pattern_kind(std::string_view k) { return k == "array_pattern" || k == "object_pattern"; }

NodeId expression_statement(Builder& b, TSNode n) {
  TSNode e = Builder::first_named(n);
  if (ts_node_is_null(e)) return b.add(NodeKind::Empty, n);
  if (Builder::is(e, "internal_module")) return b.add(NodeKind::Other, n, Builder::kind(e));  // `namespace N { … }`
  NodeId x = b.expr(e);
  return b.add(NodeKind::ExprStmt, n, {}, 0, {x});
}

NodeId if_statement(Builder& b, TSNode n) {
  NodeId cond = b.expr(Builder::field(n, "condition"));
  NodeId then = b.stmt(Builder::field(n, "consequence"));
  NodeId otherwise = b.stmt(Builder::first_named(Builder::field(n, "alternative")));  // else_clause → its statement
  return b.add(NodeKind::If, n, {}, 0, {cond, then, otherwise});
}

NodeId return_statement(Builder& b, TSNode n) {
  TSNode v = Builder::first_named(n);
  if (ts_node_is_null(v)) return b.add(NodeKind::Return, n);
  NodeId value = b.expr(v);
  return b.add(NodeKind::Return, n, {}, 0, {value});
}

NodeId for_statement(Builder& b, TSNode n) {
  NodeId init = kNoNode, cond = kNoNode, update = kNoNode, body = kNoNode;
  for (const CstChild& c : Builder::children(n)) {
    if (!c.field || !ts_node_is_named(c.node) || Builder::is(c.node, "empty_statement")) continue;
    std::string_view f = c.field;
    std::string_view ck = Builder::kind(c.node);
    if (f == "initializer") {
      if (ck == "lexical_declaration" || ck == "variable_declaration") {
        init = b.stmt(c.node);
      } else {
        NodeId x = b.expr(c.node);
        init = b.add(NodeKind::ExprStmt, c.node, {}, 0, {x});
      }
    } else if (f == "condition" && cond == kNoNode) {
      cond = b.expr(c.node);
    } else if (f == "increment") {
      update = b.expr(c.node);
    } else if (f == "body") {
      body = b.stmt(c.node);
    }
  }
  return b.add(NodeKind::For, n, {}, 0, {init, cond, update, body});
}

// for…of and for…in: kids[0] is a VarDecl with one Declarator and no init, or the bare assignment target.
NodeId for_in_statement(Builder& b, TSNode n) {
  if (Builder::has_token(n, "await")) return b.add(NodeKind::Other, n, "for_await_statement");
  TSNode left = Builder::field(n, "left");
  TSNode decl_kind = Builder::field(n, "kind");
  NodeId target = is_pattern_kind(Builder::kind(left)) ? b.pattern(left) : b.expr(left);
  if (!ts_node_is_null(decl_kind)) {
    std::string_view dk = Builder::kind(decl_kind);
    uint32_t flags = dk == "const" ? kConst : dk == "let" ? kLet : kVar;
    NodeId d = b.add(NodeKind::Declarator, left, {}, 0, {target, kNoNode, kNoNode});
    target = b.add(NodeKind::VarDecl, Span{b.ast_.file, ts_node_start_byte(decl_kind), ts_node_end_byte(left)}, {}, flags, {d});
  }
  NodeId iterable = b.expr(Builder::field(n, "right"));
  NodeId body = b.stmt(Builder::field(n, "body"));
  bool is_of = Builder::is(Builder::field(n, "operator"), "of");
  return b.add(is_of ? NodeKind::ForOf : NodeKind::ForIn, n, {}, 0, {target, iterable, body});
}

NodeId while_statement(Builder& b, TSNode n) {
  NodeId cond = b.expr(Builder::field(n, "condition"));
  NodeId body = b.stmt(Builder::field(n, "body"));
  return b.add(NodeKind::While, n, {}, 0, {cond, body});
}

NodeId do_statement(Builder& b, TSNode n) {
  NodeId body = b.stmt(Builder::field(n, "body"));
  NodeId cond = b.expr(Builder::field(n, "condition"));
  return b.add(NodeKind::DoWhile, n, {}, 0, {body, cond});
}

NodeId break_or_continue(Builder& b, TSNode n) {
  NodeKind k = Builder::is(n, "break_statement") ? NodeKind::Break : NodeKind::Continue;
  return b.add(k, n, b.src(Builder::field(n, "label")));
}

NodeId labeled_statement(Builder& b, TSNode n) {
  NodeId body = b.stmt(Builder::field(n, "body"));
  return b.add(NodeKind::Labeled, n, b.src(Builder::field(n, "label")), 0, {body});
}

NodeId switch_case(Builder& b, TSNode c) {
  if (!Builder::is(c, "switch_case") && !Builder::is(c, "switch_default")) return b.other(c);
  std::vector<NodeId> kids{Builder::is(c, "switch_case") ? b.expr(Builder::field(c, "value")) : kNoNode};
  for (const CstChild& cc : Builder::children(c)) {
    if (cc.field && std::string_view(cc.field) == "body") {
      NodeId s = b.stmt(cc.node);
      kids.push_back(s);
    }
  }
  return b.add(NodeKind::Case, c, {}, 0, std::move(kids));
}

NodeId switch_statement(Builder& b, TSNode n) {
  std::vector<NodeId> kids{b.expr(Builder::field(n, "value"))};
  for (TSNode c : Builder::named_children(Builder::field(n, "body"))) {
    NodeId k = switch_case(b, c);
    kids.push_back(k);
  }
  return b.add(NodeKind::Switch, n, {}, 0, std::move(kids));
}

NodeId throw_statement(Builder& b, TSNode n) {
  NodeId value = b.expr(Builder::first_named(n));
  return b.add(NodeKind::Throw, n, {}, 0, {value});
}

// try { … } catch (e) { … } finally { … }: kids body, the catch binding (a pattern, or kNoNode for `catch {`
// and for no catch), the catch body, the finally body (kNoNode when absent). A typed binding (`catch (e:
// unknown)`) keeps its annotation as the pattern's type is not needed: analyze gives the binding its type.
NodeId try_statement(Builder& b, TSNode n) {
  NodeId body = b.stmt(Builder::field(n, "body"));
  TSNode handler = Builder::field(n, "handler"), finalizer = Builder::field(n, "finalizer");
  NodeId param = kNoNode, caught = kNoNode, finally = kNoNode;
  if (!ts_node_is_null(handler)) {
    TSNode p = Builder::field(handler, "parameter");
    if (!ts_node_is_null(p)) param = b.pattern(p);
    caught = b.stmt(Builder::field(handler, "body"));
  }
  if (!ts_node_is_null(finalizer)) finally = b.stmt(Builder::field(finalizer, "body"));
  return b.add(NodeKind::Try, n, {}, 0, {body, param, caught, finally});
}
NodeId empty_statement(Builder& b, TSNode n) { return b.add(NodeKind::Empty, n); }
NodeId block(Builder& b, TSNode n) { return b.block(n); }
NodeId lexical_declaration(Builder& b, TSNode n) {
  return b.var_decl(n, Builder::is(Builder::field(n, "kind"), "let") ? kLet : kConst);
}
NodeId variable_declaration(Builder& b, TSNode n) { return b.var_decl(n, kVar); }
NodeId function_declaration(Builder& b, TSNode n) { return b.function(n, NodeKind::Function, 0); }
NodeId generator_declaration(Builder& b, TSNode n) { return b.function(n, NodeKind::Function, kGenerator); }
NodeId class_declaration(Builder& b, TSNode n) { return b.class_like(n, NodeKind::Class, 0); }
NodeId enum_declaration(Builder& b, TSNode n) { return b.enum_decl(n, 0); }
NodeId interface_declaration(Builder& b, TSNode n) { return b.interface_decl(n, 0); }
NodeId type_alias_declaration(Builder& b, TSNode n) { return b.type_alias(n, 0); }
NodeId import_statement(Builder& b, TSNode n) { return b.import_stmt(n); }
NodeId export_statement(Builder& b, TSNode n) { return b.export_stmt(n); }

struct StmtEntry {
  std::string_view kind;
  StmtFn fn;
};

constexpr StmtEntry kStmts[] = {
    {"expression_statement", expression_statement},
    {"lexical_declaration", lexical_declaration},
    {"return_statement", return_statement},
    {"if_statement", if_statement},
    {"statement_block", block},
    {"function_declaration", function_declaration},
    {"import_statement", import_statement},
    {"export_statement", export_statement},
    {"interface_declaration", interface_declaration},
    {"type_alias_declaration", type_alias_declaration},
    {"for_statement", for_statement},
    {"for_in_statement", for_in_statement},
    {"while_statement", while_statement},
    {"do_statement", do_statement},
    {"break_statement", break_or_continue},
    {"continue_statement", break_or_continue},
    {"labeled_statement", labeled_statement},
    {"switch_statement", switch_statement},
    {"throw_statement", throw_statement},
    {"try_statement", try_statement},
    {"empty_statement", empty_statement},
    {"variable_declaration", variable_declaration},
    {"generator_function_declaration", generator_declaration},
    {"class_declaration", class_declaration},
    {"abstract_class_declaration", class_declaration},
    {"enum_declaration", enum_declaration},
};

}  // namespace

NodeId Builder::block(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  if (!is(n, "statement_block")) return stmt(n);
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    NodeId s = stmt(c);
    kids.push_back(s);
  }
  return add(NodeKind::Block, n, {}, 0, std::move(kids));
}

NodeId Builder::stmt(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  std::string_view k = kind(n);
  for (const StmtEntry& e : kStmts) {
    if (e.kind == k) return e.fn(*this, n);
  }
  // debugger, with, declare …, namespaces/modules, import x = …, overload signatures, ERROR nodes.
  return other(n);
}

}  // namespace dxc::parse
