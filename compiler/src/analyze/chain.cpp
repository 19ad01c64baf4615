// Optional chains: `a?.b.c`, `a?.m().n`, `f?.(x).y`, `xs?.[i].name`. When the object of a `?.` is null or
// undefined, the whole chain — every member access, call and indexing that the `?.` is (transitively) the
// object of, up to a parenthesis — is undefined, and nothing after the `?.` is evaluated. The links are typed
// as if their object was there (a link's own `?.` strips null and undefined from its object); the chain's
// outermost node (its root) gets `| undefined`. Codegen (emit/codegen_expr.cpp) wraps a root in a block
// every short-circuiting `?.` below it breaks out of.
#include "analyze/checker.h"

namespace dxc::analyze {

namespace {
bool is_link(const Node& x) { return x.kind == NodeKind::Member || x.kind == NodeKind::Call || x.kind == NodeKind::Index; }
}  // namespace

TypeId Checker::check_chain(Ctx& c, NodeId n, TypeId expected) {
  auto& T = p_.types;
  const Node& x = node(n);
  const bool root = !chain_inner_.count({mod_, n});
  if (root) {
    for (NodeId k = x.kid(0); k != kNoNode && is_link(node(k)) && !(node(k).flags & kParen); k = node(k).kid(0))
      chain_inner_.insert({mod_, k});
    chain_shorts_.push_back(0);
  }
  TypeId t = x.kind == NodeKind::Call ? check_call(c, n, expected) : x.kind == NodeKind::Member ? check_member(c, n) : check_subscript(c, n);
  if (!root) return t;
  uint32_t shorts = chain_shorts_.back();
  chain_shorts_.pop_back();
  if (shorts == 0 || T.kind(t) == TypeKind::Error) return t;
  module().chain_roots.insert(n);
  if (t == T.void_()) return t;
  if (!T.can_be_nullable(t)) {
    error(n, "DX0236", "this optional chain would be a '" + T.name(t) + " | undefined', which is not supported yet: check the object first");
    return T.error();
  }
  return T.with_nullable(t, T.nullable(t) | kOrUndefined);
}

void Checker::chain_link(NodeId n) {
  module().chain_links.insert(n);
  if (!chain_shorts_.empty()) ++chain_shorts_.back();
}

// xs[i], xs?.[i]
TypeId Checker::check_subscript(Ctx& c, NodeId n) {
  auto& T = p_.types;
  const Node& x = node(n);
  if (node(x.kid(0)).kind == NodeKind::Identifier) {  // Color["Red"], Color[n] (enums.cpp)
    SymId e = lookup(c.scope, std::string(node(x.kid(0)).text));
    if (e != kNoId && is_enum(e)) return check_enum_index(c, n, e);
  }
  TypeId ot = check_expr(c, x.kid(0));
  TypeId it = check_expr(c, x.kid(1), T.number());
  if (T.kind(ot) == TypeKind::Error || T.kind(it) == TypeKind::Error) return T.error();
  if ((x.flags & kOptional) && T.can_be_nullable(ot) && T.nullable(ot)) {
    chain_link(n);
    ot = T.non_null(ot);
  } else if (!require_non_null(x.kid(0), ot)) {
    return T.error();
  }
  if (T.kind(ot) == TypeKind::String) {  // s[i]: a one-unit string, undefined outside [0, length) (dx_str_index)
    if (it != T.number()) { error(x.kid(1), "DX0234", "a string index must be a number"); return T.error(); }
    return T.with_nullable(T.string(), kOrUndefined);
  }
  if (T.kind(ot) == TypeKind::Dict) {  // d[key]: the entry, undefined when there is none
    if (!dict_key_type(x.kid(1), it)) return T.error();
    return T.with_nullable(T.info(ot).elem, T.nullable(T.info(ot).elem) | kOrUndefined);
  }
  if (T.kind(ot) == TypeKind::Tuple) {  // t[0]: a constant index in range
    const Node& in = node(x.kid(1));
    size_t size = T.info(ot).params.size();
    if (in.kind != NodeKind::NumberLit || in.number != double(size_t(in.number)) || size_t(in.number) >= size) {
      error(x.kid(1), "DX0235", "a tuple '" + T.name(ot) + "' is indexed by a constant from 0 to " + std::to_string(size - 1) +
                                    " here (or take it apart: const [a, b] = t)");
      return T.error();
    }
    return T.info(ot).params[size_t(in.number)];
  }
  if (T.kind(ot) == TypeKind::Record) {  // rec[key]: a record whose fields share one type (Record<'a' | 'b', V>)
    const std::vector<Field>& fields = T.shape_info(T.info(ot).shape).fields;
    bool one_type = !fields.empty() && std::all_of(fields.begin(), fields.end(), [&](const Field& f) { return f.type == fields[0].type; });
    if (!one_type) {
      error(n, "DX0235", "indexing a '" + T.name(ot) + "' by a computed key needs all of its fields to have one type "
                         "(a Record<'a' | 'b', V>); write rec.field, or rec[\"field\"]");
      return T.error();
    }
    if (it != T.string()) { error(x.kid(1), "DX0234", "a record's key is a string, not '" + T.name(it) + "'"); return T.error(); }
    return fields[0].type;
  }
  if (T.kind(ot) != TypeKind::Array) { error(n, "DX0235", "indexing a '" + T.name(ot) + "' is not supported yet (arrays only)"); return T.error(); }
  if (it != T.number()) { error(x.kid(1), "DX0234", "an array index must be a number"); return T.error(); }
  return T.info(ot).elem;
}

}  // namespace dxc::analyze
