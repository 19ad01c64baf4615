// Array and object literals: element and field types, contextual typing by the expected type, spreads.
#include "analyze/builtins.h"
#include "analyze/checker.h"

namespace dxc::analyze {

TypeId Checker::check_array(Ctx& c, NodeId n, TypeId expected) {
  const Node& x = node(n);
  auto& T = p_.types;
  if (T.kind(expected) == TypeKind::Tuple) return check_tuple(c, n, T.non_null(expected));
  TypeId elem = T.kind(expected) == TypeKind::Array ? T.info(expected).elem : 0;
  bool declared = elem != 0;  // elements may be narrower than a declared element type (null into (number | null)[])
  if (x.kids.empty()) {
    if (!elem) { error(n, "DX0237", "cannot infer the element type of []: annotate it (e.g. createSignal<Todo[]>([]) or [] as number[])"); return T.error(); }
    return expected;
  }
  bool ok = true;
  for (NodeId k : x.kids) {
    const Node& kn = node(k);
    TypeId et;
    if (kn.kind == NodeKind::Spread) {
      TypeId st = check_iterable(c, kn.kid(0), elem ? T.array_of(elem) : 0, "spreading");  // an array or a Set's elements
      set_type(k, st);
      if (T.kind(st) == TypeKind::Error) { ok = false; continue; }
      et = T.info(st).elem;
    } else if (kn.kind == NodeKind::Hole) {
      error(k, "DX0235", "holes in array literals are not supported");
      ok = false;
      continue;
    } else {
      et = check_expr(c, k, elem);
      if (T.kind(et) == TypeKind::Error) { ok = false; continue; }
    }
    TypeId u = et == elem ? elem : declared ? (assignable(et, elem) ? elem : 0) : elem ? unify(elem, et) : et;
    if (u) elem = u;
    else { error(k, "DX0234", "array elements have different types ('" + T.name(elem) + "' and '" + T.name(et) + "')"); ok = false; }
  }
  if (!ok || !elem) return T.error();
  if (T.wasm(elem) == WasmType::None) { error(n, "DX0234", "arrays of '" + T.name(elem) + "' are not supported"); return T.error(); }
  return T.array_of(elem);
}

// An object literal of a record type with string-literal-typed fields (`kind: "circle"`) gives each of them
// that string, written as it, or by a spread of a record of the same type (analyze/unions.cpp).
bool Checker::literal_fields_hold(NodeId n, TypeId rec) {
  auto& T = p_.types;
  const Shape& want = T.shape_info(T.info(rec).shape);
  for (const auto& [name, lit] : want.literals) {
    NodeId given = kNoNode;  // the last entry that sets the field
    for (NodeId k : node(n).kids) {
      const Node& kn = node(k);
      if (kn.kind == NodeKind::Spread ? T.shape_info(T.info(T.non_null(p_.type_of(mod_, k))).shape).find(name) != nullptr
                                      : kn.kind == NodeKind::Prop && kn.text == name && !(kn.flags & kComputed))
        given = k;
    }
    if (given == kNoNode) continue;  // missing: reported with the other fields
    const Node& g = node(given);
    bool ok = g.kind == NodeKind::Spread ? T.non_null(p_.type_of(mod_, given)) == T.non_null(rec)
                                         : node(g.kid(0)).kind == NodeKind::StringLit && node(g.kid(0)).text == lit;
    if (!ok) {
      error(given, "DX0234", "'" + name + "' of '" + T.name(rec) + "' is \"" + lit + "\": write it as that string literal");
      return false;
    }
  }
  return true;
}

// [a, b] where a tuple is expected: one element per element type, in order (no spreads or holes).
TypeId Checker::check_tuple(Ctx& c, NodeId n, TypeId tt) {
  const Node& x = node(n);
  auto& T = p_.types;
  const std::vector<TypeId> elems = T.info(tt).params;
  if (x.kids.size() != elems.size()) {
    error(n, "DX0234", "a '" + T.name(tt) + "' has " + std::to_string(elems.size()) + " element(s), this array literal " +
                           std::to_string(x.kids.size()));
    return T.error();
  }
  bool ok = true;
  for (size_t i = 0; i < elems.size(); ++i) {
    NodeId k = x.kids[i];
    if (node(k).kind == NodeKind::Spread || node(k).kind == NodeKind::Hole) {
      error(k, "DX0235", "a tuple literal lists its elements (no spreads or holes)");
      ok = false;
      continue;
    }
    TypeId et = check_expr(c, k, elems[i]);
    if (et == T.error()) { ok = false; continue; }
    if (!assignable(et, elems[i])) {
      error(k, "DX0234", "element " + std::to_string(i) + " of a '" + T.name(tt) + "' is a '" + T.name(elems[i]) + "', not '" + T.name(et) + "'");
      ok = false;
    }
  }
  return ok ? tt : T.error();
}

TypeId Checker::check_object(Ctx& c, NodeId n, TypeId expected) {
  const Node& x = node(n);
  auto& T = p_.types;
  if (T.kind(expected) == TypeKind::Dict) return check_dict_literal(c, n, T.non_null(expected));  // collections.cpp
  if (T.kind(expected) == TypeKind::Union) return check_union_literal(c, n, T.non_null(expected));  // unions.cpp
  const Shape* want = T.kind(expected) == TypeKind::Record ? &T.shape_info(T.info(expected).shape) : nullptr;
  std::vector<std::pair<std::string, TypeId>> fields;
  auto set_field = [&](const std::string& name, TypeId t) {
    for (auto& f : fields) if (f.first == name) { f.second = t; return; }
    fields.push_back({name, t});
  };
  bool ok = true;
  for (NodeId k : x.kids) {
    const Node& kn = node(k);
    if (kn.kind == NodeKind::Spread) {
      TypeId st = check_expr(c, kn.kid(0), expected);
      set_type(k, st);
      if (T.kind(st) == TypeKind::Error) { ok = false; continue; }
      if (T.kind(st) != TypeKind::Record) { error(k, "DX0234", "only records can be spread into an object"); ok = false; continue; }
      if (!require_non_null(kn.kid(0), st)) { ok = false; continue; }
      for (const Field& f : T.shape_info(T.info(st).shape).fields) set_field(f.name, f.type);
    } else if (kn.kind == NodeKind::Prop && (kn.flags & kComputed)) {
      error(k, "DX0235", "a computed key makes a dictionary: give the object a type, Record<string, V>");
      ok = false;
    } else if (kn.kind == NodeKind::Prop && !(kn.flags & kMethod)) {
      std::string name(kn.text);
      const Field* wf = want ? want->find(name) : nullptr;
      if (want && !wf) { error(k, "DX0238", "'" + name + "' is not a field of '" + T.name(expected) + "'"); ok = false; continue; }
      TypeId vt;
      if (kn.kid(0) == kNoNode) {  // shorthand without a value node
        error(k, "DX0235", "shorthand property without a value node");
        ok = false;
        continue;
      }
      vt = check_expr(c, kn.kid(0), wf ? wf->type : 0);
      if (T.kind(vt) == TypeKind::Error) { ok = false; continue; }
      if (T.wasm(vt) == WasmType::None) { error(k, "DX0234", "a field cannot hold '" + T.name(vt) + "'"); ok = false; continue; }
      if (wf && !assignable(vt, wf->type)) { error(k, "DX0234", "field '" + name + "' is '" + T.name(wf->type) + "', not '" + T.name(vt) + "'"); ok = false; continue; }
      set_field(name, wf ? wf->type : vt);
    } else {
      error(k, "DX0235", "methods and computed keys in object literals are not supported yet");
      ok = false;
    }
  }
  if (!ok) return T.error();
  if (want && !want->literals.empty() && !literal_fields_hold(n, expected)) return T.error();
  if (want) {
    for (const Field& f : want->fields) {
      bool found = false;
      for (auto& fl : fields) found |= fl.first == f.name;
      if (!found && !(T.nullable(f.type) & kOrUndefined)) { error(n, "DX0238", "missing field '" + f.name + "' of '" + T.name(expected) + "'"); ok = false; }
    }
    return ok ? expected : T.error();
  }
  return T.record(T.shape("", fields));
}

}  // namespace dxc::analyze
