// Discriminated unions of records: `{ kind: "circle"; r: number } | { kind: "square"; side: number }` (or of
// interfaces and aliases of object types). Each variant has the tag field with a string literal type of its
// own; a value is a Ref to a record of its variant's shape. Reading a field that every variant has with one type
// works on the union (emit: by the record's shape id); a test of the tag (`u.kind === "circle"`, a `switch`
// over it) narrows the value to its variant — a union of one variant, whose fields are all readable. An object
// literal where the union is expected builds the variant its tag names.
#include "analyze/checker.h"

namespace dxc::analyze {

// The string literal types of the fields of an object type or interface `member` (of module m): name → literal.
bool Checker::tag_literals(ModuleId m, NodeId member, std::map<std::string, std::string>* out) {
  const Node* n = &p_.node(m, member);
  if (n->kind == NodeKind::TypeRef && n->kids.empty()) {
    SymId sid = lookup_module(m, std::string(n->text));
    if (sid == kNoId || p_.symbols[sid].kind != SymKind::TypeName) return false;
    const Symbol& s = p_.symbols[sid];
    m = s.module;
    n = &p_.node(m, s.decl);
    if (n->kind == NodeKind::TypeAlias) n = &p_.node(m, n->kid(0));
  }
  if (n->kind != NodeKind::ObjectType && n->kind != NodeKind::Interface) return false;
  for (NodeId k : n->kids) {
    const Node& ps = p_.node(m, k);
    if (ps.kind != NodeKind::PropSig || ps.kid(0) == kNoNode) continue;
    const Node& t = p_.node(m, ps.kid(0));
    if (t.kind == NodeKind::LiteralType && p_.node(m, t.kid(0)).kind == NodeKind::StringLit)
      (*out)[std::string(ps.text)] = std::string(p_.node(m, t.kid(0)).text);
  }
  return true;
}

// The string-literal-typed fields an object type or interface declares itself (not through a base), for its
// shape (Types::shape): only string fields can be.
std::map<std::string, std::string> Checker::declared_literals(ModuleId m, NodeId object, const std::vector<std::pair<std::string, TypeId>>& fields) {
  std::map<std::string, std::string> lits;
  if (!tag_literals(m, object, &lits)) return {};
  for (auto it = lits.begin(); it != lits.end();) {
    bool string_field = false;
    for (auto& [name, t] : fields) string_field |= name == it->first && t == p_.types.string();
    it = string_field ? std::next(it) : lits.erase(it);
  }
  return lits;
}

// `A | B | …` (and `| null` / `| undefined`) when every other member is a record type: a discriminated union in
// *out. False when some member is not an object type or a type name of a record (the caller's rules apply);
// *out is the error type (reported) when the records share no tag field with a distinct string literal each.
bool Checker::discriminated_union(ModuleId m, NodeId tn, TypeId* out) {
  auto& T = p_.types;
  const Node& n = p_.node(m, tn);
  uint8_t bits = kNotNull;
  std::vector<NodeId> members;
  for (NodeId k : n.kids) {
    const Node& kn = p_.node(m, k);
    if (kn.kind == NodeKind::LiteralType && p_.node(m, kn.kid(0)).kind == NodeKind::NullLit) { bits |= kOrNull; continue; }
    if (kn.kind == NodeKind::PredefinedType && (kn.text == "undefined" || kn.text == "null")) { bits |= kn.text == "null" ? kOrNull : kOrUndefined; continue; }
    if (kn.kind != NodeKind::ObjectType && !(kn.kind == NodeKind::TypeRef && kn.kids.empty())) return false;
    members.push_back(k);
  }
  if (members.size() < 2) return false;
  std::vector<TypeId> variants;
  std::vector<std::map<std::string, std::string>> literals;
  for (NodeId k : members) {
    TypeId t = resolve_type(m, k);
    if (t == T.error()) return *out = t, true;
    if (T.kind(t) != TypeKind::Record || T.nullable(t)) return false;
    std::map<std::string, std::string> lits;
    if (!tag_literals(m, k, &lits)) return false;
    variants.push_back(t);
    literals.push_back(std::move(lits));
  }
  // The tag: a field every variant declares with a string literal type, the literals all different.
  for (const auto& [name, first] : literals[0]) {
    UnionInfo u{name, {}, variants};
    bool ok = true;
    for (const auto& lits : literals) {
      auto it = lits.find(name);
      ok &= it != lits.end() && std::find(u.literals.begin(), u.literals.end(), it->second) == u.literals.end();
      if (!ok) break;
      u.literals.push_back(it->second);
    }
    if (ok) return *out = T.with_nullable(T.union_of(std::move(u)), bits), true;
  }
  error(tn, "DX0232", "a union of records needs a tag: a field every member has with a string literal type of its own, "
                      "e.g. { kind: \"circle\"; r: number } | { kind: \"square\"; side: number }");
  *out = T.error();
  return true;
}

// The variants of union `u` whose tag is `literal` (is_tag) or is not (!is_tag): one record type, a smaller union,
// or 0 when none is left.
TypeId Checker::union_narrowed(TypeId u, const std::vector<std::string>& literals, bool is_tag) {
  auto& T = p_.types;
  const UnionInfo info = T.union_info(u);
  UnionInfo sub{info.tag, {}, {}};
  for (size_t i = 0; i < info.variants.size(); ++i) {
    bool hit = std::find(literals.begin(), literals.end(), info.literals[i]) != literals.end();
    if (hit != is_tag) continue;
    sub.literals.push_back(info.literals[i]);
    sub.variants.push_back(info.variants[i]);
  }
  return sub.variants.empty() ? 0 : T.union_of(std::move(sub));  // (one variant: still a union, which keeps its tag)
}

// The variant of union `u` an object literal builds: the one its tag's string names (checked as that record).
TypeId Checker::check_union_literal(Ctx& c, NodeId n, TypeId u) {
  auto& T = p_.types;
  const UnionInfo info = T.union_info(u);
  for (NodeId k : node(n).kids) {
    const Node& kn = node(k);
    if (kn.kind != NodeKind::Prop || kn.text != info.tag || (kn.flags & kComputed) || kn.kid(0) == kNoNode) continue;
    const Node& v = node(kn.kid(0));
    if (v.kind != NodeKind::StringLit) break;
    for (size_t i = 0; i < info.variants.size(); ++i)
      if (info.literals[i] == v.text) {  // that variant's record, typed as the one-variant union (emit builds the record)
        if (check_object(c, n, info.variants[i]) == T.error()) return T.error();
        return T.union_of(UnionInfo{info.tag, {info.literals[i]}, {info.variants[i]}});
      }
    error(kn.kid(0), "DX0234", "'" + std::string(v.text) + "' is not a " + info.tag + " of '" + T.name(u) + "'");
    return T.error();
  }
  error(n, "DX0238", "an object of '" + T.name(u) + "' names its variant: write " + info.tag + ": \"" + info.literals[0] + "\" (a string literal)");
  return T.error();
}

// A field of union `u` read without narrowing: every variant must have it, with one type.
TypeId Checker::union_field(NodeId at, TypeId u, const std::string& name) {
  auto& T = p_.types;
  TypeId t = 0;
  for (TypeId v : T.info(u).params) {
    const Field* f = T.shape_info(T.info(v).shape).find(name);
    if (!f || (t && f->type != t)) {
      error(at, "DX0233", "'" + name + "' is not a field of every variant of '" + T.name(u) + "' with one type: check its " +
                              T.union_info(u).tag + " first");
      return T.error();
    }
    t = f->type;
  }
  return t;
}

}  // namespace dxc::analyze
