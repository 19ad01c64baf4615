// Map<K, V> and Set<T>: the types, `new Map()` / `new Set(xs)`, their methods and `size`, and the places
// their contents become arrays (`[...set]`, `Array.from(map.keys())`). Iterating them with for…of is in
// stmt.cpp; the run-time side is runtime-wasm/src/collections.cpp, the calls emit/codegen_collections.cpp.
#include "analyze/checker.h"

namespace dxc::analyze {

// Keys compare by SameValueZero: numbers, strings and booleans by value, records, arrays and functions by
// identity. null and undefined keys are refused (the run time marks a deleted entry with undefined).
bool Checker::collection_key_ok(NodeId at, TypeId k, const char* what) {
  auto& T = p_.types;
  if (k == T.error()) return false;
  bool ok = T.wasm(k) != WasmType::None && !T.nullable(k) &&
            (T.kind(k) == TypeKind::Number || T.kind(k) == TypeKind::String || T.kind(k) == TypeKind::Boolean || T.is_ref(k));
  if (!ok)
    error(at, "DX0232", std::string(what) + " of type '" + T.name(k) + "' are not supported: they are numbers, strings, booleans or objects, not null or undefined");
  return ok;
}

bool Checker::collection_value_ok(NodeId at, TypeId v) {
  auto& T = p_.types;
  if (v == T.error()) return false;
  bool ok = T.wasm(v) != WasmType::None && T.kind(v) != TypeKind::Null && T.kind(v) != TypeKind::Undefined &&
            T.kind(v) != TypeKind::Event && T.kind(v) != TypeKind::EventTarget && T.kind(v) != TypeKind::Jsx;
  if (!ok) error(at, "DX0232", "Map values of type '" + T.name(v) + "' are not supported");
  return ok;
}

// Map<K, V>, ReadonlyMap<K, V>, Set<T>, ReadonlySet<T> (the readonly forms are the same types: their
// methods that write are refused by TypeScript, not here).
TypeId Checker::collection_type(ModuleId m, NodeId tn, const std::string& name) {
  auto& T = p_.types;
  const Node& n = p_.node(m, tn);
  bool map = name == "Map" || name == "ReadonlyMap";
  if (n.kids.size() != (map ? 2u : 1u)) {
    error(tn, "DX0232", name + (map ? " takes two type arguments, Map<K, V>" : " takes one type argument, Set<T>"));
    return T.error();
  }
  TypeId k = resolve_type(m, n.kid(0));
  if (!collection_key_ok(n.kid(0), k, map ? "Map keys" : "Set elements")) return T.error();
  if (!map) return T.set_of(k);
  TypeId v = resolve_type(m, n.kid(1));
  if (!collection_value_ok(n.kid(1), v)) return T.error();
  return T.map_of(k, v);
}

// new Map<K, V>(), new Map(otherMap), new Set<T>(), new Set(array or set or map.keys()…): the type comes from
// the type arguments, else from where the value goes (`const m: Map<string, number> = new Map()`), else
// (a Set) from its argument.
TypeId Checker::check_new_collection(Ctx& c, NodeId n, bool is_map, TypeId expected) {
  auto& T = p_.types;
  const Node& x = node(n);
  std::vector<NodeId> args(x.kids.size() > 2 ? x.kids.begin() + 2 : x.kids.end(), x.kids.end());
  const char* cls = is_map ? "Map" : "Set";
  TypeId t = 0;
  if (x.kid(1) != kNoNode) {
    const Node& ta = node(x.kid(1));
    if (ta.kids.size() != (is_map ? 2u : 1u)) {
      error(x.kid(1), "DX0232", std::string(is_map ? "new Map takes two type arguments, new Map<K, V>()" : "new Set takes one type argument, new Set<T>()"));
      return T.error();
    }
    TypeId k = resolve_type(mod_, ta.kids[0]);
    if (!collection_key_ok(ta.kids[0], k, is_map ? "Map keys" : "Set elements")) return T.error();
    if (is_map) {
      TypeId v = resolve_type(mod_, ta.kids[1]);
      if (!collection_value_ok(ta.kids[1], v)) return T.error();
      t = T.map_of(k, v);
    } else {
      t = T.set_of(k);
    }
  } else if (T.kind(expected) == (is_map ? TypeKind::Map : TypeKind::Set)) {
    t = T.non_null(expected);
  }
  if (args.size() > 1) {
    error(n, "DX0222", std::string("new ") + cls + " takes at most one argument");
    return T.error();
  }
  if (args.empty()) {
    if (!t) {
      error(n, "DX0237", std::string("cannot infer the types of new ") + cls + "(): write " +
                             (is_map ? "new Map<string, number>()" : "new Set<string>()") + " or annotate where it goes");
      return T.error();
    }
    return t;
  }
  if (is_map) {  // new Map(other), new Map(pairs): [key, value] tuples
    if (!t && node(args[0]).kind == NodeKind::ArrayLit) {
      error(n, "DX0237", "cannot infer the types of new Map([…]): write new Map<string, number>([…]) or annotate where it goes");
      return T.error();
    }
    TypeId pairs = t ? T.array_of(entry_type(t)) : 0;
    TypeId at = check_expr(c, args[0], node(args[0]).kind == NodeKind::ArrayLit ? pairs : 0);
    if (at == T.error()) return at;
    if (!require_non_null(args[0], at)) return T.error();
    at = T.non_null(at);
    TypeId from = T.kind(at) == TypeKind::Map ? at
                  : T.kind(at) == TypeKind::Array && T.kind(T.info(at).elem) == TypeKind::Tuple && T.info(T.info(at).elem).params.size() == 2
                      ? T.map_of(T.info(T.info(at).elem).params[0], T.info(T.info(at).elem).params[1])
                      : 0;
    if (!from || (t && from != t)) {
      error(args[0], "DX0234", "new Map(…) takes another Map or an array of [key, value] tuples" +
                                   (t ? " of '" + T.name(t) + "'" : std::string("")) + ", not '" + T.name(at) + "'");
      return T.error();
    }
    if (!collection_key_ok(args[0], T.info(from).elem, "Map keys") || !collection_value_ok(args[0], T.info(from).ret)) return T.error();
    return from;
  }
  TypeId want = t ? T.array_of(T.info(t).elem) : 0;
  TypeId at = check_iterable(c, args[0], want, "new Set");
  if (at == T.error()) return at;
  if (!t) {
    if (!collection_key_ok(args[0], T.info(at).elem, "Set elements")) return T.error();
    t = T.set_of(T.info(at).elem);
  }
  if (!assignable(T.info(at).elem, T.info(t).elem)) {
    error(args[0], "DX0234", "a '" + T.name(t) + "' cannot be made of '" + T.name(at) + "'");
    return T.error();
  }
  return t;
}

// The [key, value] tuple of a Map's entries ([value, value] for a Set).
TypeId Checker::entry_type(TypeId ct) {
  auto& T = p_.types;
  TypeId k = T.info(ct).elem;
  return T.tuple_of({k, T.kind(ct) == TypeKind::Map ? T.info(ct).ret : k});
}

// An expression whose elements become an array: an array, a Set (its elements), or a Map's or Set's
// keys() / values() (Module::coll_arrays tells codegen to copy them out). `where` names the construct.
TypeId Checker::check_iterable(Ctx& c, NodeId n, TypeId want_array, const char* where) {
  auto& T = p_.types;
  const Node& x = node(n);
  if (x.kind == NodeKind::Call && x.kids.size() == 2 && node(x.kid(0)).kind == NodeKind::Member) {
    std::string_view m = node(x.kid(0)).text;
    if (m == "keys" || m == "values" || m == "entries") {
      NodeId obj = node(x.kid(0)).kid(0);
      TypeId ot = check_expr(c, obj);
      if (ot == T.error()) return ot;
      if (T.kind(ot) == TypeKind::Map || T.kind(ot) == TypeKind::Set) {
        if (!require_non_null(obj, ot)) return T.error();
        bool vals = m == "values" && T.kind(ot) == TypeKind::Map;
        module().coll_arrays[n] = m == "entries" ? 'e' : vals ? 'v' : 'k';
        set_type(node(x.kid(0)).kid(0), T.non_null(ot));
        TypeId at = m == "entries" ? T.array_of(entry_type(T.non_null(ot))) : T.array_of(vals ? T.info(ot).ret : T.info(ot).elem);
        set_type(x.kid(0), at);
        set_type(n, at);
        return at;
      }
      // not a collection: an array's keys()/values()/entries() are checked as before, and refused there
    }
  }
  TypeId t = check_expr(c, n, want_array);
  if (t == T.error()) return t;
  if (T.kind(t) == TypeKind::Set) {
    if (!require_non_null(n, t)) return T.error();
    module().coll_arrays[n] = 'K';
    return T.array_of(T.info(t).elem);
  }
  if (T.kind(t) == TypeKind::Map) {  // its [key, value] entries
    if (!require_non_null(n, t)) return T.error();
    module().coll_arrays[n] = 'E';
    return T.array_of(entry_type(T.non_null(t)));
  }
  if (T.kind(t) != TypeKind::Array) {
    error(n, "DX0235", std::string(where) + " takes an array or a Set here, not '" + T.name(t) + "'");
    return T.error();
  }
  if (!require_non_null(n, t)) return T.error();
  return t;
}

// The methods of a Map or Set `ot` (not null). keys() / values() / entries() are iterators: they are
// supported where their elements are used at once (for…of, spread, Array.from, new Set).
TypeId Checker::check_collection_method(Ctx& c, NodeId n, TypeId expected, TypeId ot) {
  auto& T = p_.types;
  auto [callee, args, method] = call_parts(n);
  bool map = T.kind(ot) == TypeKind::Map;
  TypeId k = T.info(ot).elem, v = map ? T.info(ot).ret : k;
  auto arity = [&](size_t want) {
    if (args.size() == want) return true;
    error(n, "DX0222", method + (want == 0 ? " takes no arguments" : want == 1 ? " takes one argument" : " takes two arguments"));
    return false;
  };
  auto key_arg = [&](NodeId a) {
    TypeId at = check_expr(c, a, k);
    if (assignable(at, k)) return true;
    error(a, "DX0234", "the key of a '" + T.name(ot) + "' is a '" + T.name(k) + "', not '" + T.name(at) + "'");
    return false;
  };
  if (method == "has" || method == "delete" || (map && method == "get")) {
    if (!arity(1) || !key_arg(args[0])) return T.error();
    if (method != "get") return T.boolean();
    return T.with_nullable(v, T.nullable(v) | kOrUndefined);  // undefined when absent
  }
  if ((map && method == "set") || (!map && method == "add")) {
    if (!arity(map ? 2 : 1) || !key_arg(args[0])) return T.error();
    if (map) {
      TypeId at = check_expr(c, args[1], v);
      if (!assignable(at, v)) {
        error(args[1], "DX0234", "the value of a '" + T.name(ot) + "' is a '" + T.name(v) + "', not '" + T.name(at) + "'");
        return T.error();
      }
    }
    return discarded_.count(n) ? T.void_() : ot;  // returns the collection itself
  }
  if (method == "clear") return arity(0) ? T.void_() : T.error();
  if (method == "forEach") {  // (value, key) => …, in insertion order (a Set's key is its value)
    if (!arity(1)) return T.error();
    if (node(args[0]).kind != NodeKind::Arrow && node(args[0]).kind != NodeKind::FunctionExpr) {
      error(args[0], "DX0243", "pass an arrow function literal to forEach");
      return T.error();
    }
    TypeId r = check_inline_callback(c, args[0], {v, k}, 0);
    return r == T.error() ? r : T.void_();
  }
  if (method == "keys" || method == "values" || method == "entries") {
    error(n, "DX0235", method + "() of a " + (map ? "Map" : "Set") + " is an iterator: use it in for…of, [..." +
                           "x." + method + "()] or Array.from(x." + method + "())");
    return T.error();
  }
  error(callee, "DX0235", "'" + T.name(ot) + "' has no method '" + method + "' here (supported: " +
                              (map ? "get, set, has, delete, clear, forEach, keys, values, entries" : "add, has, delete, clear, forEach, keys, values, entries") + ")");
  (void)expected;
  return T.error();
}

void Checker::check_for_of_collection(Ctx& lc, NodeId loop, TypeId ct, char which) {
  auto& T = p_.types;
  const Node& x = node(loop);
  const Node& decl = node(x.kid(0));
  bool map = T.kind(ct) == TypeKind::Map;
  TypeId k = T.info(ct).elem, v = map ? T.info(ct).ret : k;
  char w = char(which | 0x20);  // 'k', 'v' or 'e'
  const Node* target = decl.kind == NodeKind::VarDecl && decl.kids.size() == 1 ? &node(node(decl.kids[0]).kid(0)) : nullptr;
  bool is_mutable = !(decl.flags & kConst);
  if (w == 'e' && target && target->kind == NodeKind::Identifier) {  // the entry as a [key, value] tuple
    declare_local(lc, node(decl.kids[0]).kid(0), std::string(target->text), entry_type(ct), is_mutable);
  } else if (w == 'e') {  // [key, value] (a Set: [value, value]) taken apart in place
    bool ok = target && target->kind == NodeKind::ArrayPattern && target->kids.size() <= 2;
    for (NodeId t : ok ? target->kids : std::vector<NodeId>{}) ok &= node(t).kind == NodeKind::Identifier || node(t).kind == NodeKind::Hole;
    if (!ok) {
      error(x.kid(0), "DX0235", std::string("write `for (const [key, value] of ") + (which == 'E' ? "map)`" : "c.entries())`") +
                                    " (names, no defaults or rest), or `for (const entry of …)`");
      return;
    }
    for (size_t i = 0; i < target->kids.size(); ++i)
      if (node(target->kids[i]).kind == NodeKind::Identifier)
        declare_local(lc, target->kids[i], std::string(node(target->kids[i]).text), i == 0 ? k : v, is_mutable);
  } else {
    TypeId et = w == 'k' ? k : v;
    if (!target || (target->kind != NodeKind::Identifier && target->kind != NodeKind::ObjectPattern && target->kind != NodeKind::ArrayPattern)) {
      error(x.kid(0), "DX0235", "write `for (const x of …)`; bare targets are not supported yet");
      return;
    }
    if (target->kind == NodeKind::Identifier) declare_local(lc, node(decl.kids[0]).kid(0), std::string(target->text), et, is_mutable);
    else bind_pattern(lc, node(decl.kids[0]).kid(0), et, is_mutable);
  }
  module().for_iterators[loop] = which;
  if (which == 'k' || which == 'v' || which == 'e') set_type(x.kid(1), ct);
  check_stmt(lc, x.kid(2));
}

}  // namespace dxc::analyze
