// Type annotations: CST types → TypeRef, ArrayType, UnionType, ObjectType/PropSig, FunctionType,
// PredefinedType, LiteralType, TupleType, TypeArgs; every other type form → OtherType (its CST kind).
#include "parse/builder.h"
#include "parse/cook.h"

namespace dxc::parse {

NodeId Builder::type_annotation(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  std::string_view k = kind(n);
  if (k == "type_annotation" || k == "opting_type_annotation" || k == "omitting_type_annotation" ||
      k == "adding_type_annotation") {
    TSNode t = first_named(n);
    return ts_node_is_null(t) ? other_type(n) : type(t);
  }
  return type(n);  // asserts_annotation / type_predicate_annotation land in OtherType
}

NodeId Builder::type_args(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  std::vector<NodeId> kids;
  for (TSNode c : named_children(n)) {
    NodeId t = type(c);
    kids.push_back(t);
  }
  return add(NodeKind::TypeArgs, n, {}, 0, std::move(kids));
}

NodeId Builder::prop_sig(TSNode n) {
  TSNode key = field(n, "name");
  if (is(key, "computed_property_name")) return other_type(n);
  uint32_t flags = (has_token(n, "?") ? uint32_t(kOptional) : 0u) | (has_token(n, "readonly") ? uint32_t(kReadonly) : 0u);
  NodeId t = type_annotation(field(n, "type"));
  return add(NodeKind::PropSig, n, property_key(key), flags, {t});
}

void Builder::member_sigs(TSNode body, std::vector<NodeId>& out) {
  for (TSNode c : named_children(body)) {
    NodeId sig = kNoNode;
    if (is(c, "property_signature")) {
      sig = prop_sig(c);
    } else if (is(c, "method_signature") && !is(field(c, "name"), "computed_property_name")) {
      // `f(x: number): void` → a property whose type is the function type
      NodeId ps = params(field(c, "parameters"));
      NodeId ret = type_annotation(field(c, "return_type"));
      NodeId fn = add(NodeKind::FunctionType, c, {}, 0, {ps, ret});
      sig = add(NodeKind::PropSig, c, property_key(field(c, "name")), kMethod | (has_token(c, "?") ? uint32_t(kOptional) : 0u), {fn});
    } else if (is(c, "index_signature") && !ts_node_is_null(field(c, "index_type")) && !ts_node_is_null(field(c, "type"))) {
      sig = add(NodeKind::IndexSig, c, {}, 0, {type(field(c, "index_type")), type_annotation(field(c, "type"))});
    } else {
      sig = other_type(c);  // mapped index signatures, call and construct signatures
    }
    out.push_back(sig);
  }
}

namespace {

// One function per CST type kind, so the recursion through type() keeps small stack frames.
using TypeFn = NodeId (*)(Builder&, TSNode);

// `kind` is "union_type" or "intersection_type": the grammar nests `a | b | c` to the left; bounded by the type's depth.
void flatten(TSNode n, std::string_view kind, std::vector<TSNode>& out) {
  for (TSNode c : Builder::named_children(n)) {
    if (Builder::is(c, kind)) {
      flatten(c, kind, out);
    } else {
      out.push_back(c);
    }
  }
}

NodeId annotation(Builder& b, TSNode n) { return b.type_annotation(n); }
NodeId predefined(Builder& b, TSNode n) { return b.add(NodeKind::PredefinedType, n, b.src(n)); }
NodeId type_ref(Builder& b, TSNode n) { return b.add(NodeKind::TypeRef, n, b.src(n)); }

// `(T)`, and `readonly T[]` (T[]: nothing here writes through a type's readonly-ness): the inner type.
NodeId parenthesized(Builder& b, TSNode n) {
  TSNode inner = Builder::first_named(n);
  return ts_node_is_null(inner) ? b.other_type(n) : b.type(inner);
}

NodeId generic(Builder& b, TSNode n) {  // Array<T>, Map<K, V>
  std::vector<NodeId> kids;
  for (TSNode a : Builder::named_children(Builder::field(n, "type_arguments"))) {
    NodeId t = b.type(a);
    kids.push_back(t);
  }
  return b.add(NodeKind::TypeRef, n, b.src(Builder::field(n, "name")), 0, std::move(kids));
}

NodeId array(Builder& b, TSNode n) {
  NodeId element = b.type(Builder::first_named(n));
  return b.add(NodeKind::ArrayType, n, {}, 0, {element});
}

NodeId members_of(Builder& b, TSNode n, std::string_view kind, NodeKind node_kind) {
  std::vector<TSNode> members;
  flatten(n, kind, members);
  std::vector<NodeId> kids;
  for (TSNode m : members) {
    NodeId t = b.type(m);
    kids.push_back(t);
  }
  return b.add(node_kind, n, {}, 0, std::move(kids));
}
NodeId union_type(Builder& b, TSNode n) { return members_of(b, n, "union_type", NodeKind::UnionType); }
NodeId intersection_type(Builder& b, TSNode n) { return members_of(b, n, "intersection_type", NodeKind::IntersectionType); }

// `typeof name`: the type of a module-level constant (analyze/types_resolve.cpp).
NodeId type_query(Builder& b, TSNode n) {
  TSNode inner = Builder::first_named(n);
  return !ts_node_is_null(inner) && Builder::is(inner, "identifier") ? b.add(NodeKind::TypeQuery, n, b.src(inner)) : b.other_type(n);
}

// `keyof T`: the union of T's field names as string literals (analyze/types_resolve.cpp).
NodeId keyof(Builder& b, TSNode n) {
  TSNode inner = Builder::first_named(n);
  return ts_node_is_null(inner) ? b.other_type(n) : b.add(NodeKind::KeyofType, n, {}, 0, {b.type(inner)});
}

NodeId object(Builder& b, TSNode n) {
  std::vector<NodeId> kids;
  b.member_sigs(n, kids);
  return b.add(NodeKind::ObjectType, n, {}, 0, std::move(kids));
}

NodeId function_type(Builder& b, TSNode n) {
  NodeId ps = b.params(Builder::field(n, "parameters"));
  NodeId ret = b.type(Builder::field(n, "return_type"));
  return b.add(NodeKind::FunctionType, n, {}, 0, {ps, ret});
}

NodeId tuple(Builder& b, TSNode n) {
  std::vector<NodeId> kids;
  for (TSNode c : Builder::named_children(n)) {
    NodeId t = b.type(c);  // optional / rest / named members → OtherType
    kids.push_back(t);
  }
  return b.add(NodeKind::TupleType, n, {}, 0, std::move(kids));
}

NodeId literal(Builder& b, TSNode n) {
  TSNode lit = Builder::first_named(n);
  std::string_view lk = ts_node_is_null(lit) ? std::string_view{} : Builder::kind(lit);
  NodeId value = kNoNode;
  if (lk == "undefined") return b.add(NodeKind::PredefinedType, n, "undefined");
  if (lk == "string" || lk == "number" || lk == "true" || lk == "false" || lk == "null") {
    value = b.expr(lit);
  } else if (lk == "unary_expression" && Builder::is(Builder::field(lit, "argument"), "number")) {  // -1
    std::optional<double> v = parse_js_number(b.src(Builder::field(lit, "argument")));
    std::string_view op = Builder::kind(Builder::field(lit, "operator"));
    if (v && (op == "-" || op == "+")) {
      value = b.add(NodeKind::NumberLit, lit, b.src(lit));
      b.ast_[value].number = op == "-" ? -*v : *v;
    }
  }
  if (value == kNoNode || b.ast_[value].kind == NodeKind::Other) return b.other_type(n);
  return b.add(NodeKind::LiteralType, n, {}, 0, {value});
}

struct TypeEntry {
  std::string_view kind;
  TypeFn fn;
};

constexpr TypeEntry kTypes[] = {
    {"type_identifier", type_ref},
    {"predefined_type", predefined},
    {"generic_type", generic},
    {"array_type", array},
    {"union_type", union_type},
    {"intersection_type", intersection_type},
    {"readonly_type", parenthesized},
    {"type_query", type_query},
    {"index_type_query", keyof},
    {"literal_type", literal},
    {"object_type", object},
    {"function_type", function_type},
    {"nested_type_identifier", type_ref},
    {"identifier", type_ref},
    {"tuple_type", tuple},
    {"parenthesized_type", parenthesized},
    {"type_annotation", annotation},
};

}  // namespace

NodeId Builder::type(TSNode n) {
  if (ts_node_is_null(n)) return kNoNode;
  DepthGuard g(*this, n);
  if (g.too_deep) return other_type(n);
  std::string_view k = kind(n);
  for (const TypeEntry& e : kTypes) {
    if (e.kind == k) return e.fn(*this, n);
  }
  // conditional, keyof, lookup, mapped, template-literal, this, infer, `as const`, …
  return other_type(n);
}

}  // namespace dxc::parse
