// TypeScript enums: `enum Color { Red, Green = 5, Blue }` (numbers: a member without an initializer is the
// previous one + 1, the first 0) and `enum Dir { Up = "UP", Down = "DOWN" }` (strings). The enum's name is a
// type (number, or string) and `Color.Red` (or `Color["Red"]`) a constant; `Color[n]` is the reverse mapping
// of a numeric enum. Initializers are literals (a negative number too); an enum mixing numbers and strings is
// refused.
#include "analyze/checker.h"

namespace dxc::analyze {

const std::vector<EnumValue>& Checker::enum_values(SymId e) {
  const Symbol& s = p_.symbols[e];
  auto key = std::make_pair(s.module, s.decl);
  if (auto it = enums_.find(key); it != enums_.end()) return it->second;
  std::vector<EnumValue>& out = enums_[key];
  const Ast& ast = p_.modules[s.module]->ast;
  const Node& d = ast[s.decl];
  ModuleId saved = mod_;
  mod_ = s.module;
  double next = 0;
  bool numbers = false, strings = false, ok = true;
  for (NodeId k : d.kids) {
    const Node& m = ast[k];
    EnumValue v;
    v.name = std::string(m.text);
    NodeId init = m.kid(0);
    const Node* in = init == kNoNode ? nullptr : &ast[init];
    bool negative = in && in->kind == NodeKind::Unary && in->text == "-" && ast[in->kid(0)].kind == NodeKind::NumberLit;
    if (!in) {
      if (strings) { error(k, "DX0242", "an enum member after a string member needs a value"); ok = false; }
      v.number = next;
    } else if (in->kind == NodeKind::NumberLit || negative) {
      v.number = negative ? -ast[in->kid(0)].number : in->number;
    } else if (in->kind == NodeKind::StringLit) {
      v.is_string = true;
      v.text = std::string(in->text);
    } else {
      error(init, "DX0242", "an enum member's value is a number or a string written as a literal");
      ok = false;
    }
    (v.is_string ? strings : numbers) = true;
    next = v.number + 1;
    for (const EnumValue& o : out)
      if (o.name == v.name) { error(k, "DX0242", "duplicate enum member '" + v.name + "'"); ok = false; }
    out.push_back(std::move(v));
  }
  if (numbers && strings) { error(s.decl, "DX0242", "an enum of numbers and strings is not supported: give its members one kind"); ok = false; }
  if (!ok) out.clear();
  mod_ = saved;
  return out;
}

bool Checker::is_enum(SymId s) const {
  const Symbol& sym = p_.symbols[s];
  return sym.kind == SymKind::TypeName && p_.node(sym.module, sym.decl).kind == NodeKind::Enum;
}

TypeId Checker::enum_type(SymId e) {
  const std::vector<EnumValue>& vs = enum_values(e);
  return !vs.empty() && vs[0].is_string ? p_.types.string() : p_.types.number();
}

// `E["Member"]` (a member by its name) and, for a numeric enum, the reverse mapping `E[n]`: the name of the
// member whose value n is (the last one declared, as JS's enum object keeps it), undefined for none — so its
// type is `string | undefined` (TypeScript says string; reading it as one needs a check, as s[i] does).
TypeId Checker::check_enum_index(Ctx& c, NodeId n, SymId e) {
  auto& T = p_.types;
  const Node& x = node(n);
  set_ref(x.kid(0), e);
  const std::vector<EnumValue>& vs = enum_values(e);
  const Node& in = node(x.kid(1));
  if (in.kind == NodeKind::StringLit) {
    for (const EnumValue& v : vs)
      if (v.name == in.text) {
        module().enum_reads[n] = v;
        return v.is_string ? T.string() : T.number();
      }
    if (!vs.empty()) error(x.kid(1), "DX0233", "enum '" + p_.symbols[e].name + "' has no member '" + std::string(in.text) + "'");
    return T.error();
  }
  TypeId it = check_expr(c, x.kid(1), T.number());
  if (T.kind(it) == TypeKind::Error || vs.empty()) return T.error();
  if (vs[0].is_string) {
    error(n, "DX0220", "a string enum has no reverse mapping: read its members by name (" + p_.symbols[e].name + "." + vs[0].name + ")");
    return T.error();
  }
  if (it != T.number()) {
    error(x.kid(1), "DX0234", "the reverse mapping " + p_.symbols[e].name + "[value] takes a number, not '" + T.name(it) + "'");
    return T.error();
  }
  module().enum_names[n] = vs;
  return T.with_nullable(T.string(), kOrUndefined);
}

// `E.member` (`n`, a Member node whose object names the enum `e`).
TypeId Checker::check_enum_member(NodeId n, SymId e) {
  const Node& x = node(n);
  set_ref(x.kid(0), e);
  for (const EnumValue& v : enum_values(e))
    if (v.name == x.text) {
      module().enum_reads[n] = v;
      TypeId t = v.is_string ? p_.types.string() : p_.types.number();
      set_type(n, t);
      return t;
    }
  if (!enum_values(e).empty())
    error(n, "DX0233", "enum '" + p_.symbols[e].name + "' has no member '" + std::string(x.text) + "'");
  return p_.types.error();
}

}  // namespace dxc::analyze
