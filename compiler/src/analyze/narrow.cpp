// Nullability: `T | null` / `T | undefined`, narrowed by conditions as TypeScript does for the common forms
// (`if (x)`, `x !== null`, `x != null`, `x !== undefined`, `typeof x === "number"`, `!`, `&&`, `||`,
// ternaries, and `if (!x) return;` guards). Narrowing is free at run time: both forms are the same value
// (types.h Nullable).
#include "analyze/builtins.h"
#include "analyze/checker.h"

namespace dxc::analyze {

std::string Checker::narrow_key(NodeId n) const {
  const Node& x = node(n);
  if (x.kind == NodeKind::Identifier) {
    SymId s = p_.ref_of(mod_, n);
    if (s == kNoId) return "";
    SymKind k = p_.symbols[s].kind;
    return k == SymKind::Local || k == SymKind::Field || k == SymKind::Global ? "s" + std::to_string(s) : "";
  }
  if (x.kind == NodeKind::Member && !(x.flags & kOptional) && node(x.kid(0)).kind == NodeKind::Identifier) {
    SymId s = p_.ref_of(mod_, x.kid(0));
    if (s == kNoId) return "";
    SymKind k = p_.symbols[s].kind;
    if (k == SymKind::Props || k == SymKind::Local || k == SymKind::Field || k == SymKind::Global) return "s" + std::to_string(s) + "." + std::string(x.text);
  }
  return "";
}

// The condition has been checked already (its types are in the side table).
Narrowing Checker::narrowing(Ctx& c, NodeId cond, bool when_true) {
  auto& T = p_.types;
  const Node& x = node(cond);
  Narrowing out;
  auto strip = [&](NodeId e, uint8_t bits) {
    std::string key = narrow_key(e);
    TypeId t = p_.type_of(mod_, e);
    if (key.empty() || !T.can_be_nullable(t) || !(T.nullable(t) & bits)) return;
    out.push_back({key, T.with_nullable(t, T.nullable(t) & ~bits)});
  };
  switch (x.kind) {
    case NodeKind::Identifier: case NodeKind::Member:
      if (when_true) strip(cond, kOrNull | kOrUndefined);
      break;
    case NodeKind::Unary:
      if (x.text == "!") return narrowing(c, x.kid(0), !when_true);
      break;
    case NodeKind::Binary: {
      std::string op(x.text);
      if ((op == "&&" && when_true) || (op == "||" && !when_true)) {
        out = narrowing(c, x.kid(0), when_true);
        Narrowing r = narrowing(c, x.kid(1), when_true);
        out.insert(out.end(), r.begin(), r.end());
        break;
      }
      bool ne = op == "!==" || op == "!=", eq = op == "===" || op == "==";
      if (!ne && !eq) break;
      for (int side = 0; side < 2; ++side) {  // typeof x === "number" (or "undefined", "object")
        const Node& u = node(x.kid(side));
        const Node& s = node(x.kid(1 - side));
        if (u.kind != NodeKind::Unary || u.text != "typeof" || s.kind != NodeKind::StringLit) continue;
        TypeId t = p_.type_of(mod_, u.kid(0));
        std::string base = typeof_name(T, T.non_null(t)), lit(s.text);
        if (lit == base && eq == when_true) strip(u.kid(0), base == "object" ? kOrUndefined : kOrNull | kOrUndefined);  // typeof null is "object"
        else if (lit == "undefined" && ne == when_true) strip(u.kid(0), kOrUndefined);
        else if (lit == "object" && base != "object" && ne == when_true) strip(u.kid(0), kOrNull);
        return out;
      }
      for (int side = 0; side < 2; ++side) {  // u.kind === "circle" on a discriminated union (unions.cpp)
        const Node& mem = node(x.kid(side));
        const Node& s = node(x.kid(1 - side));
        if (mem.kind != NodeKind::Member || (mem.flags & kOptional) || s.kind != NodeKind::StringLit) continue;
        TypeId ut = p_.type_of(mod_, mem.kid(0));
        std::string key = narrow_key(mem.kid(0));
        if (T.kind(ut) != TypeKind::Union || T.nullable(ut) || T.union_info(ut).tag != mem.text || key.empty()) continue;
        if (TypeId v = union_narrowed(ut, {std::string(s.text)}, eq == when_true)) out.push_back({key, v});
        return out;
      }
      NodeId lit = kNoNode, other = kNoNode;
      for (int side = 0; side < 2; ++side) {
        TypeKind k = T.kind(p_.type_of(mod_, x.kid(side)));
        if (k == TypeKind::Null || k == TypeKind::Undefined) { lit = x.kid(side); other = x.kid(1 - side); }
      }
      if (lit == kNoNode) break;
      bool loose = op == "!=" || op == "==";
      uint8_t bits = loose ? (kOrNull | kOrUndefined) : (T.kind(p_.type_of(mod_, lit)) == TypeKind::Null ? kOrNull : kOrUndefined);
      if (ne == when_true) strip(other, bits);  // x !== null is true, or x === null is false
      break;
    }
    default: break;
  }
  return out;
}

bool Checker::always_exits(NodeId n) const {
  const Node& x = node(n);
  switch (x.kind) {
    case NodeKind::Return: case NodeKind::Break: case NodeKind::Continue: case NodeKind::Throw: return true;
    case NodeKind::Block: return !x.kids.empty() && always_exits(x.kids.back());
    case NodeKind::If: return x.kid(2) != kNoNode && always_exits(x.kid(1)) && always_exits(x.kid(2));
    default: return false;
  }
}

TypeId Checker::unify(TypeId a, TypeId b) {
  auto& T = p_.types;
  if (a == b) return a;
  auto lit_bits = [&](TypeId t) -> uint8_t {
    return T.kind(t) == TypeKind::Null ? kOrNull : T.kind(t) == TypeKind::Undefined ? kOrUndefined : 0;
  };
  if (lit_bits(a) && T.can_be_nullable(b)) return T.with_nullable(b, T.nullable(b) | lit_bits(a));
  if (lit_bits(b) && T.can_be_nullable(a)) return T.with_nullable(a, T.nullable(a) | lit_bits(b));
  if (T.can_be_nullable(a) && T.can_be_nullable(b) && T.non_null(a) == T.non_null(b)) return T.with_nullable(a, T.nullable(a) | T.nullable(b));
  return 0;
}

bool Checker::require_non_null(NodeId at, TypeId t) {
  auto& T = p_.types;
  if (!T.nullable(t)) return true;
  error(at, "DX0260", "this may be " + std::string(T.nullable(t) & kOrNull ? "null" : "undefined") +
                          ": check it first (if (x) …, x !== null) or use ?. / ??");
  return false;
}

TypeId Checker::check_nullish(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  TypeId a = check_expr(c, x.kid(0));
  if (T.kind(a) == TypeKind::Error) return a;
  if (!T.can_be_nullable(a)) {
    error(x.kid(0), "DX0236", "?? needs a value that may be null or undefined");
    return T.error();
  }
  TypeId b = check_expr(c, x.kid(1), T.non_null(a));
  if (T.kind(b) == TypeKind::Error) return b;
  TypeId u = unify(T.non_null(a), b);
  if (!u) {
    error(n, "DX0234", "the two sides of ?? have different types ('" + T.name(a) + "' and '" + T.name(b) + "')");
    return T.error();
  }
  return T.kind(b) == TypeKind::Null || T.kind(b) == TypeKind::Undefined || T.nullable(b) ? u : T.non_null(a);
}

}  // namespace dxc::analyze
