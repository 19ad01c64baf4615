// Expressions: CST expression kinds → the expression nodes of ast.def; literals are cooked here (cook.h).
// Parentheses are dropped (the inner expression keeps its own span); unsupported forms become Other.
#include <functional>

#include "parse/builder.h"
#include "parse/cook.h"

namespace dxc::parse {
namespace {

bool is_pattern_kind(std::string_view k) { return k == "array_pattern" || k == "object_pattern"; }

}  // namespace

std::string_view Builder::string_value(TSNode n) {
  if (ts_node_is_null(n)) return {};
  std::string_view raw = src(n);
  uint32_t base = ts_node_start_byte(n);
  if (!raw.empty() && (raw[0] == '"' || raw[0] == '\'')) {
    bool closed = raw.size() >= 2 && raw.back() == raw[0];
    raw = raw.substr(1, raw.size() - (closed ? 2 : 1));
    base += 1;
  }
  std::vector<CookIssue> issues;
  std::string cooked = cook_js_string(raw, false, issues);
  report_cook_issues(issues, base, n);
  return intern(std::move(cooked));
}

void Builder::report_cook_issues(const std::vector<CookIssue>& issues, uint32_t base, TSNode literal) {
  for (const CookIssue& issue : issues) {
    Span sp{ast_.file, base + issue.offset, base + issue.offset + issue.length};
    if (issue.kind == CookIssue::LoneSurrogate) {
      diags_.error("DX0103", sp, "string contains a lone surrogate (not representable in UTF-8)");
    } else if (!ts_node_has_error(literal)) {  // otherwise tree-sitter has reported it already
      Diagnostic& d = diags_.error("DX0101", sp, "syntax error: invalid escape sequence `" + std::string(src(sp.start, sp.end)) + "`");
      d.help = kEscapeHelp;
    }
  }
}

NodeId Builder::string_lit(TSNode n) { return add(NodeKind::StringLit, n, string_value(n)); }

NodeId Builder::number_lit(TSNode n) {
  std::string_view text = src(n);
  if (!text.empty() && text.back() == 'n') return add(NodeKind::Other, n, "bigint");
  std::optional<double> value = parse_js_number(text);
  if (!value) return other(n);  // only a MISSING (empty) number
  NodeId id = add(NodeKind::NumberLit, n, text);
  ast_[id].number = *value;
  return id;
}

NodeId Builder::template_lit(TSNode n) {
  uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
  uint32_t pos = std::min(start + 1, end);  // after the opening backtick
  std::vector<NodeId> kids;
  auto chunk = [&](uint32_t a, uint32_t b) {
    std::vector<CookIssue> issues;
    std::string cooked = cook_js_string(src(a, b), true, issues);
    report_cook_issues(issues, a, n);
    kids.push_back(add(NodeKind::StringLit, Span{ast_.file, a, b}, intern(std::move(cooked))));
  };
  for (TSNode c : named_children(n)) {
    if (!is(c, "template_substitution")) continue;
    chunk(pos, std::max(pos, ts_node_start_byte(c)));
    TSNode inner = first_named(c);
    NodeId x = ts_node_is_null(inner) ? other(c) : expr(inner);
    kids.push_back(x);
    pos = std::max(pos, ts_node_end_byte(c));
  }
  uint32_t close = (end > pos && text_[end - 1] == '`') ? end - 1 : end;
  chunk(pos, std::max(pos, close));
  return add(NodeKind::TemplateLit, n, {}, 0, std::move(kids));
}

void Builder::array_elements(TSNode n, std::vector<NodeId>& out, bool is_pattern) {
  bool have_element = false;  // since the last comma
  for (const CstChild& c : children(n)) {
    if (!ts_node_is_named(c.node)) {
      if (kind(c.node) == ",") {
        if (!have_element) out.push_back(add(NodeKind::Hole, c.node));
        have_element = false;
      }
      continue;
    }
    NodeId e = is_pattern ? pattern(c.node) : expr(c.node);
    out.push_back(e);
    have_element = true;
  }
}

std::string_view Builder::property_key(TSNode key) {
  std::string_view k = kind(key);
  if (k == "string") return string_value(key);
  if (k == "computed_property_name") return {};
  if (k == "number") {  // { 1.50: v } is the key "1.5", { 0x10: v } "16": String of the number
    std::optional<double> v = parse_js_number(src(key));
    if (v) return ast_.intern(js_number_string(*v));
  }
  return src(key);  // property_identifier, private_property_identifier
}

NodeId Builder::object_lit(TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    std::string_view k = kind(c);
    NodeId prop = kNoNode;
    if (k == "pair") {
      TSNode key = field(c, "key");
      if (is(key, "computed_property_name")) {  // [key]: value
        NodeId value = expr(field(c, "value"));
        prop = add(NodeKind::Prop, c, {}, kComputed, {value, expr(first_named(key))});
      } else {
        std::string_view name = property_key(key);
        NodeId value = expr(field(c, "value"));
        prop = add(NodeKind::Prop, c, name, 0, {value});
      }
    } else if (k == "shorthand_property_identifier") {
      NodeId value = add(NodeKind::Identifier, c, src(c));
      prop = add(NodeKind::Prop, c, src(c), kShorthand, {value});
    } else if (k == "method_definition") {
      TSNode key = field(c, "name");
      if (has_token(c, "get") || has_token(c, "set")) {
        prop = add(NodeKind::Other, c, has_token(c, "get") ? "get_accessor" : "set_accessor");
      } else if (is(key, "computed_property_name")) {
        prop = add(NodeKind::Other, c, "computed_property_name");
      } else {
        NodeId fn = function(c, NodeKind::FunctionExpr, 0);
        ast_[fn].text = property_key(key);
        prop = add(NodeKind::Prop, c, ast_[fn].text, kMethod, {fn});
      }
    } else if (k == "spread_element") {
      prop = expr(c);
    } else {
      prop = other(c);
    }
    kids.push_back(prop);
  }
  return add(NodeKind::ObjectLit, n, {}, 0, std::move(kids));
}

namespace {

// One function per CST expression kind, so the recursion through expr() keeps small stack frames.
using ExprFn = NodeId (*)(Builder&, TSNode);

NodeId parenthesized(Builder& b, TSNode n) {
  for (TSNode c : Builder::named_children(n)) {
    if (Builder::is(c, "type_annotation")) continue;
    NodeId x = b.expr(c);
    b.mark_parenthesized(x);  // `(a?.b).c` is not one optional chain
    return x;
  }
  return b.other(n);
}

NodeId identifier(Builder& b, TSNode n) { return b.add(NodeKind::Identifier, n, b.src(n)); }
NodeId number(Builder& b, TSNode n) { return b.number_lit(n); }
NodeId string(Builder& b, TSNode n) { return b.string_lit(n); }
NodeId template_string(Builder& b, TSNode n) { return b.template_lit(n); }
NodeId boolean(Builder& b, TSNode n) { return b.add(NodeKind::BoolLit, n, {}, Builder::kind(n) == "true" ? uint32_t(kTrue) : 0u); }
NodeId null(Builder& b, TSNode n) { return b.add(NodeKind::NullLit, n); }
NodeId object(Builder& b, TSNode n) { return b.object_lit(n); }
NodeId jsx(Builder& b, TSNode n) { return b.jsx(n); }
NodeId class_expr(Builder& b, TSNode n) { return b.class_like(n, NodeKind::Class, 0); }
NodeId function_expr(Builder& b, TSNode n) { return b.function(n, NodeKind::FunctionExpr, 0); }
NodeId generator_expr(Builder& b, TSNode n) { return b.function(n, NodeKind::FunctionExpr, kGenerator); }

NodeId array(Builder& b, TSNode n) {
  std::vector<NodeId> kids;
  b.array_elements(n, kids, false);
  return b.add(NodeKind::ArrayLit, n, {}, 0, std::move(kids));
}

NodeId one_kid(Builder& b, TSNode n, NodeKind k) {
  NodeId x = b.expr(Builder::first_named(n));
  return b.add(k, n, {}, 0, {x});
}
NodeId spread(Builder& b, TSNode n) { return one_kid(b, n, NodeKind::Spread); }
NodeId non_null(Builder& b, TSNode n) { return one_kid(b, n, NodeKind::NonNull); }
NodeId await(Builder& b, TSNode n) { return one_kid(b, n, NodeKind::Await); }

// tree-sitter-typescript parses an operand called with type arguments after an operator, `1 + f<T>()` or
// `!f<T>()`, as the operator's result called: `(1 + f)<T>()` (a parenthesized operand is a
// parenthesized_expression, so this never applies to one). The call belongs to the operator's last operand,
// and so do the member accesses, indexes and calls written after it (`1 + f<T>().length`): `wrap` builds
// the operation around that operand, and the operator's node is returned with its span reaching `whole`.
NodeId into_last_operand(Builder& b, NodeId op, TSNode op_cst, TSNode whole, const std::function<NodeId(NodeId, Span)>& wrap) {
  NodeId at = op;
  TSNode t = op_cst;
  for (;;) {
    b.ast_[at].span.end = ts_node_end_byte(whole);
    TSNode last = Builder::field(t, Builder::is(t, "unary_expression") ? "argument" : "right");
    NodeId operand = b.ast_[at].kids.back();
    if (Builder::is(last, "binary_expression") || Builder::is(last, "unary_expression")) {
      at = operand;
      t = last;
      continue;
    }
    NodeId wrapped = wrap(operand, Span{b.ast_.file, b.ast_[operand].span.start, ts_node_end_byte(whole)});
    b.ast_[at].kids.back() = wrapped;
    b.misparsed_[op] = op_cst;
    return op;
  }
}

// The operator node `obj` was built for (from the CST node `cst`), when it is one a call with type
// arguments went into and the postfix chain goes on (`(1 + f<T>()).length` applies to the sum).
const TSNode* misparsed(Builder& b, NodeId obj, TSNode cst) {
  if (Builder::is(cst, "parenthesized_expression")) return nullptr;
  auto it = b.misparsed_.find(obj);
  return it == b.misparsed_.end() ? nullptr : &it->second;
}

NodeId call_or_new(Builder& b, TSNode n) {
  bool is_new = Builder::is(n, "new_expression");
  TSNode callee = Builder::field(n, is_new ? "constructor" : "function");
  TSNode args = Builder::field(n, "arguments");
  if (Builder::is(args, "template_string")) return b.add(NodeKind::Other, n, "tagged_template");
  if (Builder::is(callee, "import")) return b.add(NodeKind::Other, n, "dynamic_import");
  std::vector<NodeId> kids{b.expr(callee)};
  kids.push_back(b.type_args(Builder::field(n, "type_arguments")));
  for (TSNode a : Builder::named_children(args)) {
    NodeId x = b.expr(a);
    kids.push_back(x);
  }
  uint32_t flags = !is_new && Builder::has_token(n, "?.") ? uint32_t(kOptional) : 0u;
  NodeKind k = is_new ? NodeKind::New : NodeKind::Call;
  const TSNode* op = misparsed(b, kids[0], callee);
  if (!op && kids[1] != kNoNode && (Builder::is(callee, "binary_expression") || Builder::is(callee, "unary_expression")))
    op = &callee;
  if (op) {
    TSNode op_cst = *op;
    return into_last_operand(b, kids[0], op_cst, n, [&](NodeId operand, Span sp) {
      kids[0] = operand;
      return b.add(k, sp, {}, flags, kids);
    });
  }
  return b.add(k, n, {}, flags, std::move(kids));
}

NodeId member(Builder& b, TSNode n) {
  TSNode object = Builder::field(n, "object");
  if (Builder::is(object, "import")) return b.add(NodeKind::Other, n, "import_meta");
  NodeId obj = b.expr(object);
  uint32_t flags = ts_node_is_null(Builder::field(n, "optional_chain")) ? 0u : uint32_t(kOptional);
  std::string_view prop = b.src(Builder::field(n, "property"));
  if (const TSNode* op = misparsed(b, obj, object)) {
    TSNode op_cst = *op;
    return into_last_operand(b, obj, op_cst, n, [&](NodeId x, Span sp) { return b.add(NodeKind::Member, sp, prop, flags, {x}); });
  }
  return b.add(NodeKind::Member, n, prop, flags, {obj});
}

NodeId subscript(Builder& b, TSNode n) {
  TSNode object = Builder::field(n, "object");
  NodeId obj = b.expr(object);
  NodeId index = b.expr(Builder::field(n, "index"));
  uint32_t flags = ts_node_is_null(Builder::field(n, "optional_chain")) ? 0u : uint32_t(kOptional);
  // x["name"], a string literal's name, is x.name (as in JS): a field whose name is no identifier, `q["a b"]`.
  bool named = index != kNoNode && b.node(index).kind == NodeKind::StringLit;
  auto make = [&](NodeId x, Span sp) {
    return named ? b.add(NodeKind::Member, sp, b.node(index).text, flags, {x}) : b.add(NodeKind::Index, sp, {}, flags, {x, index});
  };
  if (const TSNode* op = misparsed(b, obj, object)) {
    TSNode op_cst = *op;
    return into_last_operand(b, obj, op_cst, n, make);
  }
  return make(obj, b.span(n));
}

NodeId unary(Builder& b, TSNode n) {
  NodeId x = b.expr(Builder::field(n, "argument"));
  return b.add(NodeKind::Unary, n, Builder::kind(Builder::field(n, "operator")), 0, {x});
}

NodeId update(Builder& b, TSNode n) {
  TSNode op = Builder::field(n, "operator");
  TSNode arg = Builder::field(n, "argument");
  NodeId x = b.expr(arg);
  uint32_t flags = ts_node_start_byte(op) < ts_node_start_byte(arg) ? uint32_t(kPrefix) : 0u;
  return b.add(NodeKind::Update, n, Builder::kind(op), flags, {x});
}

// `a + b + c + …` nests to the left: walk that spine in a loop, so a long chain costs no stack. Its length
// still counts against kMaxDepth, which keeps the Ast's depth bounded for the phases that recurse over it.
NodeId binary(Builder& b, TSNode n) {
  std::vector<TSNode> spine{n};
  TSNode left = Builder::field(n, "left");
  while (Builder::is(left, "binary_expression")) {
    spine.push_back(left);
    left = Builder::field(left, "left");
  }
  struct ExtraDepth {
    Builder& b;
    int extra;
    ~ExtraDepth() { b.depth_ -= extra; }
  } extra{b, int(spine.size()) - 1};
  b.depth_ += extra.extra;
  Builder::DepthGuard g(b, n);
  if (g.too_deep) return b.other(n);
  NodeId acc = b.expr(left);
  for (size_t i = spine.size(); i-- > 0;) {
    NodeId r = b.expr(Builder::field(spine[i], "right"));
    acc = b.add(NodeKind::Binary, spine[i], Builder::kind(Builder::field(spine[i], "operator")), 0, {acc, r});
  }
  return acc;
}

NodeId assignment(Builder& b, TSNode n) {
  TSNode left = Builder::field(n, "left");
  NodeId l = is_pattern_kind(Builder::kind(left)) ? b.pattern(left) : b.expr(left);
  NodeId r = b.expr(Builder::field(n, "right"));
  bool plain = Builder::is(n, "assignment_expression");
  return b.add(NodeKind::Assign, n, plain ? std::string_view("=") : Builder::kind(Builder::field(n, "operator")), 0, {l, r});
}

NodeId ternary(Builder& b, TSNode n) {
  NodeId c = b.expr(Builder::field(n, "condition"));
  NodeId t = b.expr(Builder::field(n, "consequence"));
  NodeId e = b.expr(Builder::field(n, "alternative"));
  return b.add(NodeKind::Conditional, n, {}, 0, {c, t, e});
}

NodeId arrow(Builder& b, TSNode n) {
  uint32_t flags = Builder::has_token(n, "async") ? uint32_t(kAsync) : 0u;
  TSNode single = Builder::field(n, "parameter");  // `x => …`
  NodeId ps = kNoNode;
  if (!ts_node_is_null(single)) {
    NodeId p = b.param(single);
    ps = b.add(NodeKind::Params, single, {}, 0, {p});
  } else {
    ps = b.params(Builder::field(n, "parameters"));
  }
  TSNode body = Builder::field(n, "body");
  NodeId bd = kNoNode;
  if (Builder::is(body, "statement_block")) {
    bd = b.block(body);
  } else {
    bd = b.expr(body);
    flags |= kExprBody;
  }
  NodeId ret = b.type_annotation(Builder::field(n, "return_type"));
  NodeId id = b.add(NodeKind::Arrow, n, {}, flags, {ps, bd, ret});
  b.set_text2(id, b.type_param_names(Builder::field(n, "type_parameters")));
  return id;
}

NodeId as_or_satisfies(Builder& b, TSNode n) {
  // children: expression, `as` | `satisfies`, type (`as const`: an anonymous `const` token)
  TSNode value{}, type_node{};
  bool after_keyword = false;
  for (const CstChild& c : Builder::children(n)) {
    std::string_view ck = Builder::kind(c.node);
    if (!after_keyword && !ts_node_is_named(c.node) && (ck == "as" || ck == "satisfies")) {
      after_keyword = true;
    } else if (!after_keyword && ts_node_is_named(c.node)) {
      value = c.node;
    } else if (after_keyword && ts_node_is_null(type_node)) {
      type_node = c.node;
    }
  }
  NodeId x = b.expr(value);
  NodeId t = ts_node_is_null(type_node) ? kNoNode : b.type(type_node);
  return b.add(NodeKind::As, n, {}, Builder::is(n, "satisfies_expression") ? uint32_t(kSatisfies) : 0u, {x, t});
}

// TypeScript grammar (.ts files) only: `<T>x` is the same As node as `x as T`, and `<const>x` as `x as const`.
NodeId type_assertion(Builder& b, TSNode n) {
  // children: type_arguments (`<`, one type or an anonymous `const`, `>`), expression
  TSNode args = ts_node_child_count(n) > 0 ? ts_node_child(n, 0) : TSNode{};
  TSNode type_node{}, value{};
  for (const CstChild& c : Builder::children(args)) {
    std::string_view ck = Builder::kind(c.node);
    if (ts_node_is_null(type_node) && (ts_node_is_named(c.node) || ck == "const")) type_node = c.node;
  }
  for (const CstChild& c : Builder::children(n)) {
    if (ts_node_is_named(c.node) && !Builder::is(c.node, "type_arguments")) value = c.node;
  }
  NodeId x = b.expr(value);
  NodeId t = ts_node_is_null(type_node) ? kNoNode : b.type(type_node);
  return b.add(NodeKind::As, n, {}, 0, {x, t});
}

NodeId sequence(Builder& b, TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : Builder::named_children(n)) {
    NodeId x = b.expr(c);
    if (x != kNoNode && b.ast_[x].kind == NodeKind::Sequence && Builder::is(c, "sequence_expression")) {
      std::vector<NodeId> inner = b.ast_[x].kids;  // flatten `a, b, c` however the grammar nests it
      kids.insert(kids.end(), inner.begin(), inner.end());
    } else {
      kids.push_back(x);
    }
  }
  return b.add(NodeKind::Sequence, n, {}, 0, std::move(kids));
}

struct ExprEntry {
  std::string_view kind;
  ExprFn fn;
};

constexpr ExprEntry kExprs[] = {
    {"identifier", identifier},
    {"member_expression", member},
    {"call_expression", call_or_new},
    {"string", string},
    {"number", number},
    {"binary_expression", binary},
    {"arrow_function", arrow},
    {"jsx_element", jsx},
    {"jsx_self_closing_element", jsx},
    {"parenthesized_expression", parenthesized},
    {"template_string", template_string},
    {"true", boolean},
    {"false", boolean},
    {"null", null},
    {"undefined", identifier},
    {"property_identifier", identifier},
    {"shorthand_property_identifier", identifier},
    {"array", array},
    {"object", object},
    {"spread_element", spread},
    {"new_expression", call_or_new},
    {"subscript_expression", subscript},
    {"unary_expression", unary},
    {"update_expression", update},
    {"assignment_expression", assignment},
    {"augmented_assignment_expression", assignment},
    {"ternary_expression", ternary},
    {"function_expression", function_expr},
    {"generator_function", generator_expr},
    {"as_expression", as_or_satisfies},
    {"satisfies_expression", as_or_satisfies},
    {"type_assertion", type_assertion},
    {"non_null_expression", non_null},
    {"sequence_expression", sequence},
    {"await_expression", await},
    {"class", class_expr},
};

}  // namespace

NodeId Builder::expr(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  DepthGuard g(*this, n);
  if (g.too_deep) return other(n);
  std::string_view k = kind(n);
  for (const ExprEntry& e : kExprs) {
    if (e.kind == k) return e.fn(*this, n);
  }
  // yield, regex, this, super, new.target / import.meta, f<T> instantiation, ERROR, …
  return other(n);
}

}  // namespace dxc::parse
