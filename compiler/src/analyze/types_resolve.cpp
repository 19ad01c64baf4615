// TS type annotations → TypeIds: predefined types, interfaces and aliases (structural records), arrays,
// function types. Forms outside the subset are DX0231/DX0232 diagnostics naming the form.
#include <algorithm>

#include "analyze/checker.h"

namespace dxc::analyze {

TypeId Checker::resolve_type(ModuleId m, NodeId tn) {
  if (tn == kNoNode) return 0;
  ModuleId saved = mod_;
  mod_ = m;
  const Node& n = node(tn);
  TypeId result = p_.types.error();
  auto& T = p_.types;
  switch (n.kind) {
    case NodeKind::PredefinedType: {
      std::string s(n.text);
      if (s == "number") result = T.number();
      else if (s == "string") result = T.string();
      else if (s == "boolean") result = T.boolean();
      else if (s == "void") result = T.void_();
      else error(tn, "DX0231", "type '" + s + "' is not supported; give a concrete type (number, string, boolean, an interface, an array)");
      break;
    }
    case NodeKind::KeyofType: {  // keyof T of a record type: its field names, a union of string literals — a string
      TypeId of = resolve_type(m, n.kid(0));
      if (of == T.error()) break;
      if (T.kind(of) == TypeKind::Record && !T.nullable(of)) result = T.string();
      else error(tn, "DX0232", "keyof names the fields of a record type (an interface or an object type) here, not '" + T.name(of) + "'");
      break;
    }
    case NodeKind::LiteralType: {
      const Node& lit = node(n.kid(0));
      if (lit.kind == NodeKind::StringLit) result = T.string();
      else if (lit.kind == NodeKind::NumberLit) result = T.number();
      else if (lit.kind == NodeKind::BoolLit) result = T.boolean();
      else error(tn, "DX0232", "this literal type is not supported yet");
      break;
    }
    case NodeKind::UnionType: {
      // `T | null | undefined` for a reference type T; a union of literals of one base type is that type
      // ('a' | 'b' → string); a union of records with a tag field is a discriminated union (unions.cpp).
      if (TypeId u; discriminated_union(m, tn, &u)) { result = u; break; }
      uint8_t bits = kNotNull;
      TypeId base = 0;
      bool ok = true, mixed = false, literals_only = true;
      for (NodeId k : n.kids) {
        const Node& kn = node(k);
        if (kn.kind == NodeKind::LiteralType && node(kn.kid(0)).kind == NodeKind::NullLit) { bits |= kOrNull; continue; }
        if (kn.kind == NodeKind::PredefinedType && (kn.text == "undefined" || kn.text == "null")) { bits |= kn.text == "null" ? kOrNull : kOrUndefined; continue; }
        TypeId t = resolve_type(m, k);
        if (t == T.error()) { ok = false; break; }
        literals_only &= kn.kind == NodeKind::LiteralType;
        if (base && t != base) { mixed = true; break; }
        base = t;
      }
      if (mixed || !ok || !base || (!literals_only && n.kids.size() - (bits ? __builtin_popcount(bits) : 0) > 1)) {
        if (mixed || (ok && base)) error(tn, "DX0232", "unions of different types are not supported yet (T | null and T | undefined are)");
        else if (ok) error(tn, "DX0232", "a union of only null and undefined is not a useful type");
        break;
      }
      if (bits && !T.can_be_nullable(base)) {
        error(tn, "DX0232", "'" + T.name(base) + " | null' and '… | undefined' are supported for numbers, booleans, strings, arrays, records and functions");
        break;
      }
      result = T.with_nullable(base, bits);
      break;
    }
    case NodeKind::IntersectionType: {  // A & B of records: one record with the fields of both
      std::vector<std::pair<std::string, TypeId>> fields;
      bool ok = true;
      for (NodeId k : n.kids) {
        TypeId kt = record_arg(k, resolve_type(m, k), "'&'");
        if (!kt) { ok = false; break; }
        for (const Field& f : T.shape_info(T.info(kt).shape).fields)
          ok &= merge_field(&fields, k, f.name, f.type, "another part", "the parts of an intersection must agree");
      }
      if (ok) result = T.record(T.shape("", fields));
      break;
    }
    case NodeKind::TypeQuery: {  // typeof config: a module-level constant's type
      std::string name(n.text);
      SymId sid = lookup_module(m, name);
      if (sid == kNoId || p_.symbols[sid].kind != SymKind::Global) {
        error(tn, "DX0232", "typeof in a type names a module-level constant here ('" + name + "' is not one)");
        break;
      }
      ensure_global(sid);
      result = p_.symbols[sid].type;
      break;
    }
    case NodeKind::TupleType: {  // [A, B]: fixed elements (not optional, rest or named ones)
      std::vector<TypeId> elems;
      bool ok = !n.kids.empty();
      if (!ok) error(tn, "DX0232", "the empty tuple type [] is not supported");
      for (NodeId k : n.kids) {
        if (!ok) break;
        if (p_.node(m, k).kind == NodeKind::OtherType) {
          error(k, "DX0232", "optional, rest and named tuple elements are not supported yet: write [A, B]");
          ok = false;
          break;
        }
        TypeId e = resolve_type(m, k);
        if (e == T.error()) { ok = false; break; }
        if (T.wasm(e) == WasmType::None || T.kind(e) == TypeKind::Jsx || T.kind(e) == TypeKind::Event || T.kind(e) == TypeKind::EventTarget) {
          error(k, "DX0232", "a tuple cannot hold '" + T.name(e) + "'");
          ok = false;
          break;
        }
        elems.push_back(e);
      }
      if (ok) result = T.tuple_of(elems);
      break;
    }
    case NodeKind::ArrayType: {
      TypeId e = resolve_type(m, n.kid(0));
      result = e == T.error() ? e : T.array_of(e);
      break;
    }
    case NodeKind::TypeRef: {
      std::string name(n.text);
      if (name == "JSX.Element" && n.kids.empty()) {
        result = T.jsx();  // only as a component's `children` prop
      } else if ((name == "Array" || name == "ReadonlyArray") && n.kids.size() == 1) {
        TypeId e = resolve_type(m, n.kid(0));
        result = e == T.error() ? e : T.array_of(e);
      } else if ((name == "Map" || name == "ReadonlyMap" || name == "Set" || name == "ReadonlySet") && lookup_module(m, name) == kNoId) {
        result = collection_type(m, tn, name);
      } else if (name == "Record" && lookup_module(m, name) == kNoId) {
        if (n.kids.size() == 2) result = record_of_keys(m, tn);
        else error(tn, "DX0232", "Record<K, V> takes two type arguments");
      } else if ((name == "Pick" || name == "Omit" || name == "Partial" || name == "Required" || name == "Readonly") &&
                 !n.kids.empty() && lookup_module(m, name) == kNoId) {
        result = utility_type(m, tn, name);
      } else if (name.size() > 5 && name.substr(name.size() - 5) == "Event" && n.kids.empty()) {
        result = T.event();  // MouseEvent, KeyboardEvent, InputEvent, … : what handlers read is typed by use
      } else if (!n.kids.empty()) {
        SymId sid = lookup_module(m, name);
        if (sid != kNoId && p_.symbols[sid].kind == SymKind::TypeName &&
            !p_.node(p_.symbols[sid].module, p_.symbols[sid].decl).text2.empty()) {
          std::vector<TypeId> args;
          for (NodeId k : n.kids) args.push_back(resolve_type(m, k));
          if (std::find(args.begin(), args.end(), T.error()) == args.end()) result = instantiate_type(sid, args, tn);
        } else {
          error(tn, "DX0232", "generic type '" + name + "<…>' is not supported yet");
        }
      } else {
        result = resolve_type_name(m, tn, name);
      }
      break;
    }
    case NodeKind::ObjectType: {
      std::vector<std::pair<std::string, TypeId>> fields;
      if (TypeId dict = index_signature_dict(m, tn)) result = dict;  // { [key: string]: V }
      else if (resolve_fields(m, tn, "object types", &fields)) result = T.record(T.shape("", fields, declared_literals(m, tn, fields)));
      break;
    }
    case NodeKind::FunctionType: {
      std::vector<TypeId> params;
      bool ok = true;
      const Node& ps = node(n.kid(0));
      for (NodeId k : ps.kids) {
        TypeId t = resolve_type(m, node(k).kid(0));
        if (!t) { error(k, "DX0230", "parameter needs a type"); ok = false; }
        if (t == T.error()) ok = false;
        params.push_back(t);
      }
      TypeId ret = n.kid(1) == kNoNode ? T.void_() : resolve_type(m, n.kid(1));
      if (ret == T.error()) ok = false;
      if (ok) result = T.function(params, ret);
      break;
    }
    default:
      error(tn, "DX0232", std::string("this type form (") + (n.text.empty() ? node_kind_name(n.kind) : std::string(n.text)) +
                              ") is not supported yet");
      break;
  }
  mod_ = saved;
  return result;
}

TypeId Checker::resolve_type_name(ModuleId m, NodeId at, const std::string& name) {
  if (auto b = type_bindings_.find(m); b != type_bindings_.end())  // a generic's instance: its type parameters
    if (auto t = b->second.find(name); t != b->second.end()) return t->second;
  SymId sid = lookup_module(m, name);
  if (sid == kNoId || p_.symbols[sid].kind != SymKind::TypeName) {
    error(at, "DX0233", "unknown type '" + name + "'");
    return p_.types.error();
  }
  if (std::string_view params = p_.node(p_.symbols[sid].module, p_.symbols[sid].decl).text2; !params.empty()) {
    error(at, "DX0232", "the generic type '" + name + "' needs its type arguments: " + name + "<" + std::string(params) + ">");
    return p_.types.error();
  }
  return resolve_named(sid, at, name);
}

// The type a type name's declaration stands for (resolved once; see resolve_type_name).
TypeId Checker::resolve_named(SymId sid, NodeId at, const std::string& name) {
  const Symbol& s = p_.symbols[sid];
  auto key = std::make_pair(s.module, s.decl);
  if (auto it = resolved_.find(key); it != resolved_.end()) return it->second;
  const Node& d = p_.node(s.module, s.decl);  // the declaring module's (an import names another module's symbol)
  if (d.kind == NodeKind::Enum) return resolved_[key] = enum_type(sid);
  // An interface, or an alias of an object type: a record named after it, which its own fields may name
  // (`children: Tree[]`, `next: Item | null`): the first use of the name while its fields are being
  // resolved declares its shape (Types::declare_shape), which the fields then define.
  NodeId object = d.kind == NodeKind::TypeAlias ? (p_.node(s.module, d.kid(0)).kind == NodeKind::ObjectType ? d.kid(0) : kNoNode) : s.decl;
  auto& T = p_.types;
  if (auto it = resolving_.find(key); it != resolving_.end()) {
    if (object == kNoNode) {
      error(at, "DX0232", "recursive type '" + name + "' is only supported for interfaces and object types (through a field)");
      return T.error();
    }
    if (it->second == 0) it->second = T.record(T.declare_shape(name));
    return it->second;
  }
  resolving_[key] = 0;
  ModuleId saved = mod_;
  mod_ = s.module;
  TypeId t = T.error();
  if (object == kNoNode) {
    t = resolve_type(s.module, d.kid(0));
  } else if (TypeId dict = index_signature_dict(s.module, object)) {  // interface Scores { [name: string]: number }
    t = dict;
  } else {
    std::vector<std::pair<std::string, TypeId>> fields;
    bool ok = resolve_fields(s.module, object, d.kind == NodeKind::TypeAlias ? "object types" : "interfaces", &fields);
    TypeId declared = resolving_[key];
    if (ok && declared) T.define_shape(T.info(declared).shape, fields), t = declared;
    else if (ok) t = T.record(T.shape(name, fields, declared_literals(s.module, object, fields)));
    // A recursive one that failed keeps its declared shape without fields; uses of it are errors already.
  }
  mod_ = saved;
  resolving_.erase(key);
  resolved_[key] = t;
  return t;
}

// The fields of an interface or object type `n` (its kids are the members, then an interface's `extends`
// bases; `where` names it in messages). A base's fields come first; a member may redeclare one with the same
// type. False when a member or base is refused (reported).
bool Checker::resolve_fields(ModuleId m, NodeId n, const char* where, std::vector<std::pair<std::string, TypeId>>* fields) {
  auto& T = p_.types;
  bool ok = true;
  auto add = [&](NodeId at, const std::string& name, TypeId t, const std::string& from) {
    ok &= merge_field(fields, at, name, t, from, "an interface may redeclare a base's property only with the same type");
  };
  for (NodeId k : node(n).kids) {  // `interface X extends A, B`: A's fields, then B's
    const Node& base = node(k);
    if (base.kind != NodeKind::TypeRef) continue;
    TypeId bt = resolve_type(m, k);
    if (bt == T.error()) { ok = false; continue; }
    if (T.kind(bt) != TypeKind::Record || T.nullable(bt)) {
      error(k, "DX0232", "an interface extends interfaces and object types, not '" + T.name(bt) + "'");
      ok = false;
      continue;
    }
    for (const Field& f : T.shape_info(T.info(bt).shape).fields) add(k, f.name, f.type, "'" + T.name(bt) + "'");
  }
  for (NodeId k : node(n).kids) {
    const Node& ps = node(k);
    if (ps.kind == NodeKind::TypeRef) continue;  // a base, above
    if (ps.kind != NodeKind::PropSig) {
      error(k, "DX0232", std::string("only plain properties are supported in ") + where);
      ok = false;
      continue;
    }
    if (ps.kid(0) == kNoNode) {
      error(k, "DX0230", "property '" + std::string(ps.text) + "' needs a type");
      ok = false;
      continue;
    }
    TypeId t = resolve_type(m, ps.kid(0));
    if (t == T.error()) { ok = false; continue; }  // reported
    if ((ps.flags & kOptional) && t != T.jsx()) {  // `children?: JSX.Element` is always optional
      if (!T.can_be_nullable(t)) { error(k, "DX0232", "an optional '" + T.name(t) + "' property is not supported"); ok = false; continue; }
      t = T.with_nullable(t, T.nullable(t) | kOrUndefined);
    }
    add(k, std::string(ps.text), t, "a base");
  }
  return ok;
}

// Adds field `name` of type `t` to `fields`; one already there must have that type (else DX0232 at `at`,
// `from` naming where the other came from, `rule` saying why). False after reporting.
bool Checker::merge_field(std::vector<std::pair<std::string, TypeId>>* fields, NodeId at, const std::string& name, TypeId t,
                          const std::string& from, const char* rule) {
  auto& T = p_.types;
  for (auto& [have, type] : *fields) {
    if (have != name) continue;
    if (type == t) return true;
    error(at, "DX0232", "property '" + name + "' is '" + T.name(t) + "' here and '" + T.name(type) + "' in " + from + ": " + rule);
    return false;
  }
  fields->push_back({name, t});
  return true;
}

// The record type `t` resolved at `at`, or 0 after reporting that `what` needs one.
TypeId Checker::record_arg(NodeId at, TypeId t, const std::string& what) {
  auto& T = p_.types;
  if (t == T.error()) return 0;
  if (T.kind(t) != TypeKind::Record || T.nullable(t)) {
    error(at, "DX0232", what + " takes an interface or object type, not '" + T.name(t) + "'");
    return 0;
  }
  return t;
}

// Pick, Omit, Partial, Required and Readonly of a record (`name` with type arguments at `tn`): a new record type.
TypeId Checker::utility_type(ModuleId m, NodeId tn, const std::string& name) {
  auto& T = p_.types;
  const Node& n = p_.node(m, tn);
  size_t want = name == "Pick" || name == "Omit" ? 2 : 1;
  if (n.kids.size() != want) {
    error(tn, "DX0232", name + (want == 2 ? "<T, K> takes two type arguments" : "<T> takes one type argument"));
    return T.error();
  }
  TypeId t = record_arg(n.kid(0), resolve_type(m, n.kid(0)), name + "<…>");
  if (!t) return T.error();
  if (name == "Readonly") return t;  // (nothing here writes through readonly-ness)
  const Shape& sh = T.shape_info(T.info(t).shape);
  std::vector<std::pair<std::string, TypeId>> fields;
  if (want == 2) {
    std::vector<std::string> keys;
    if (!literal_keys(m, n.kid(1), &keys)) {
      error(n.kid(1), "DX0232", name + "<T, K> needs K to be string literals, 'a' | 'b' (or an alias of them)");
      return T.error();
    }
    for (const std::string& k : keys)
      if (name == "Pick" && !sh.find(k)) {
        error(n.kid(1), "DX0233", "property '" + k + "' does not exist on type '" + T.name(t) + "'");
        return T.error();
      }
    for (const Field& f : sh.fields)
      if ((std::find(keys.begin(), keys.end(), f.name) != keys.end()) == (name == "Pick")) fields.push_back({f.name, f.type});
    return T.record(T.shape("", fields));
  }
  for (const Field& f : sh.fields) {
    TypeId ft = f.type;
    if (name == "Partial" && ft != T.jsx()) {
      if (!T.can_be_nullable(ft)) {
        error(tn, "DX0232", "Partial<…>: an optional '" + T.name(ft) + "' property ('" + f.name + "') is not supported");
        return T.error();
      }
      ft = T.with_nullable(ft, T.nullable(ft) | kOrUndefined);
    } else if (name == "Required" && T.can_be_nullable(ft)) {
      ft = T.with_nullable(ft, T.nullable(ft) & ~kOrUndefined);
    }
    fields.push_back({f.name, ft});
  }
  return T.record(T.shape("", fields));
}

// The string literals a key type names: `"a" | "b"`, `"a"`, or a type alias of them (followed through
// aliases). False when it is anything else.
bool Checker::literal_keys(ModuleId m, NodeId tn, std::vector<std::string>* keys, int depth) {
  const Node& n = p_.node(m, tn);
  if (depth > 16) return false;
  if (n.kind == NodeKind::LiteralType) {
    const Node& lit = p_.node(m, n.kid(0));
    if (lit.kind != NodeKind::StringLit) return false;
    if (std::find(keys->begin(), keys->end(), lit.text) == keys->end()) keys->push_back(std::string(lit.text));
    return true;
  }
  if (n.kind == NodeKind::UnionType) {
    for (NodeId k : n.kids)
      if (!literal_keys(m, k, keys, depth + 1)) return false;
    return true;
  }
  if (n.kind == NodeKind::KeyofType) {  // keyof T: T's field names, in declaration order
    TypeId t = resolve_type(m, n.kid(0));
    if (p_.types.kind(t) != TypeKind::Record || p_.types.nullable(t)) return false;
    for (const Field& f : p_.types.shape_info(p_.types.info(t).shape).fields)
      if (std::find(keys->begin(), keys->end(), f.name) == keys->end()) keys->push_back(f.name);
    return true;
  }
  if (n.kind == NodeKind::TypeRef && n.kids.empty()) {
    SymId sid = lookup_module(m, std::string(n.text));
    if (sid == kNoId || p_.symbols[sid].kind != SymKind::TypeName) return false;
    const Symbol& s = p_.symbols[sid];
    const Node& d = p_.node(s.module, s.decl);
    return d.kind == NodeKind::TypeAlias && d.text2.empty() && literal_keys(s.module, d.kid(0), keys, depth + 1);
  }
  return false;
}

// Record<K, V> for K a union of string literals: a record with a field of type V per key (its fields all of
// one type, so a computed key of type K reads it: analyze/chain.cpp, check_subscript).
TypeId Checker::record_of_keys(ModuleId m, NodeId tn) {
  auto& T = p_.types;
  const Node& n = p_.node(m, tn);
  const Node& kn = p_.node(m, n.kid(0));
  if (kn.kind == NodeKind::PredefinedType && (kn.text == "string" || kn.text == "number")) {  // a dictionary (collections.cpp)
    // (Record<number, V> is one too: JS keys are strings, a number key is String(n) — d[1] is d["1"] — and
    // Object.keys gives strings; TypeScript lets numbers index any dictionary, and so does dxc.)
    TypeId v = resolve_type(m, n.kid(1));
    return collection_value_ok(n.kid(1), v) ? T.dict_of(v) : T.error();
  }
  std::vector<std::string> keys;
  if (!literal_keys(m, n.kid(0), &keys)) {
    error(n.kid(0), "DX0232", "Record<K, V> needs K to be string literals, 'a' | 'b' (or an alias of them): records "
                              "have a fixed set of fields here (for keys known only at run time, use a Map<string, V>)");
    return T.error();
  }
  TypeId v = resolve_type(m, n.kid(1));
  if (v == T.error()) return v;
  std::vector<std::pair<std::string, TypeId>> fields;
  for (const std::string& k : keys) fields.push_back({k, v});
  return T.record(T.shape("", fields));
}

// When a record of type `from` has every field of record type `to` (an interface that extends it, say): why
// it still is not one, and what to write instead. "" otherwise.
std::string Checker::wider_record_help(TypeId from, TypeId to) const {
  auto& T = p_.types;
  if (T.kind(from) != TypeKind::Record || T.kind(to) != TypeKind::Record) return "";
  const std::vector<Field>& have = T.shape_info(T.info(from).shape).fields;
  std::string fields;
  for (const Field& f : T.shape_info(T.info(to).shape).fields) {
    auto it = std::find_if(have.begin(), have.end(), [&](const Field& h) { return h.name == f.name && h.type == f.type; });
    if (it == have.end()) return "";
    fields += (fields.empty() ? "" : ", ") + f.name + ": x." + f.name;
  }
  return "each record type has its own layout in wasm memory, so a '" + T.name(from) + "' is not a '" + T.name(to) +
         "' even with all of its fields: pass a new one, { " + fields + " }, or take a '" + T.name(from) + "'";
}

// `from` may be stored where `to` is expected: the same type, or a narrower nullability of the same
// type (T → T | null; the representations agree, types.h Nullable), or the null / undefined literal into a type that admits it.
bool Checker::assignable(TypeId from, TypeId to) const {
  auto& T = p_.types;
  if (from == to || from == T.error() || to == T.error()) return true;
  if (T.kind(from) == TypeKind::Null) return T.nullable(to) & kOrNull;
  if (T.kind(from) == TypeKind::Undefined) return T.nullable(to) & kOrUndefined;
  if (!T.can_be_nullable(from) || !T.can_be_nullable(to)) return false;
  Types& mt = const_cast<Types&>(T);
  // Discriminated unions (unions.cpp): a value known to be some of a union's variants (built as one, or narrowed)
  // into that union, one known to be a single variant into that variant's record type, and a record of a
  // variant's type (its shape holds its tag's literal: Shape::literals) into the union when no other variant
  // has that record type.
  if (T.kind(to) == TypeKind::Union && T.kind(from) == TypeKind::Record && (T.nullable(from) & ~T.nullable(to)) == 0) {
    const UnionInfo& u = T.union_info(to);
    const Shape& sh = T.shape_info(T.info(from).shape);
    auto lit = sh.literals.find(u.tag);
    size_t hits = 0;
    for (size_t i = 0; i < u.variants.size(); ++i) hits += u.variants[i] == mt.non_null(from) && lit != sh.literals.end() && lit->second == u.literals[i];
    return hits == 1;
  }
  if (T.kind(from) == TypeKind::Union && T.kind(to) == TypeKind::Record && T.union_info(from).variants.size() == 1 &&
      (T.nullable(from) & ~T.nullable(to)) == 0)
    return T.union_info(from).variants[0] == mt.non_null(to);
  if (T.kind(to) == TypeKind::Union && T.kind(from) == TypeKind::Union && (T.nullable(from) & ~T.nullable(to)) == 0) {
    const UnionInfo& a = T.union_info(from);  // a narrowed union (some variants) into the whole
    const UnionInfo& b = T.union_info(to);
    if (a.tag != b.tag) return false;
    for (size_t i = 0; i < a.variants.size(); ++i) {
      bool found = false;
      for (size_t j = 0; j < b.variants.size(); ++j) found |= a.literals[i] == b.literals[j] && a.variants[i] == b.variants[j];
      if (!found) return false;
    }
    return true;
  }
  return mt.non_null(from) == mt.non_null(to) && (T.nullable(from) & ~T.nullable(to)) == 0;
}

}  // namespace dxc::analyze
