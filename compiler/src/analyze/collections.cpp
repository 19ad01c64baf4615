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
  if (!ok) error(at, "DX0232", "values of type '" + T.name(v) + "' are not supported in a Map or dictionary (numbers, booleans, strings, arrays, records, functions and collections are)");
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
    if (!declare_pair(lc, target, k, v, is_mutable)) {
      error(x.kid(0), "DX0235", std::string("write `for (const [key, value] of ") + (which == 'E' ? "map)`" : "c.entries())`") +
                                    " (names, no defaults or rest), or `for (const entry of …)`");
      return;
    }
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

// An object type or interface whose only member is `[key: string]: V`: Record<string, V>. 0 when it has no
// index signature; the error type (reported) when it has one with other members or another key type.
TypeId Checker::index_signature_dict(ModuleId m, NodeId obj) {
  auto& T = p_.types;
  const Node& o = p_.node(m, obj);
  NodeId sig = kNoNode;
  for (NodeId k : o.kids)
    if (p_.node(m, k).kind == NodeKind::IndexSig) sig = k;
  if (sig == kNoNode) return 0;
  if (o.kids.size() != 1) {
    error(sig, "DX0232", "an index signature beside other members is not supported: a dictionary is { [key: string]: V } alone");
    return T.error();
  }
  const Node& s = p_.node(m, sig);
  TypeId k = resolve_type(m, s.kid(0));
  if (k == T.error()) return k;
  if (k != T.string() && k != T.number()) {  // (number keys are strings too: d[1] is d["1"])
    error(s.kid(0), "DX0232", "index signatures take string or number keys here ('" + T.name(k) + "': use a Map)");
    return T.error();
  }
  TypeId v = s.kid(1) == kNoNode ? T.error() : resolve_type(m, s.kid(1));
  if (s.kid(1) == kNoNode) error(sig, "DX0230", "the index signature needs a value type");
  return collection_value_ok(s.kid(1) == kNoNode ? sig : s.kid(1), v) ? T.dict_of(v) : T.error();
}

// --- dictionaries: Record<string, V> ---------------------------------------------------------------------

TypeId Checker::check_dict_literal(Ctx& c, NodeId n, TypeId dict) {
  auto& T = p_.types;
  TypeId v = T.info(dict).elem;
  bool ok = true;
  for (NodeId k : node(n).kids) {
    const Node& kn = node(k);
    if (kn.kind == NodeKind::Spread) {  // ...other: its entries, in its order
      TypeId st = check_expr(c, kn.kid(0), dict);
      set_type(k, st);
      if (T.kind(st) == TypeKind::Error) { ok = false; continue; }
      if (T.non_null(st) != dict) { error(k, "DX0234", "only a '" + T.name(dict) + "' can be spread into one here, not '" + T.name(st) + "'"); ok = false; continue; }
      ok &= require_non_null(kn.kid(0), st);
      continue;
    }
    if (kn.kind != NodeKind::Prop || (kn.flags & kMethod) || kn.kid(0) == kNoNode) {
      error(k, "DX0235", "a dictionary literal holds `key: value`, `[key]: value` and `...other` entries");
      ok = false;
      continue;
    }
    if (kn.flags & kComputed) {
      TypeId kt = check_expr(c, kn.kid(1), T.string());
      if (T.kind(kt) == TypeKind::Error) { ok = false; continue; }
      if (!dict_key_type(kn.kid(1), kt)) { ok = false; continue; }
    }
    TypeId vt = check_expr(c, kn.kid(0), v);
    if (T.kind(vt) == TypeKind::Error) { ok = false; continue; }
    if (!assignable(vt, v)) { error(kn.kid(0), "DX0234", "the values of a '" + T.name(dict) + "' are '" + T.name(v) + "', not '" + T.name(vt) + "'"); ok = false; }
  }
  return ok ? dict : T.error();
}

namespace {
bool is_entry(const Types& T, const Program& p, ModuleId m, const Node& target) {
  return (target.kind == NodeKind::Member || target.kind == NodeKind::Index) && T.kind(p.type_of(m, target.kid(0))) == TypeKind::Dict;
}
}  // namespace

TypeId Checker::check_delete(Ctx& c, NodeId n) {
  auto& T = p_.types;
  const Node& target = node(node(n).kid(0));
  if (T.kind(p_.type_of(mod_, node(n).kid(0))) == TypeKind::Error) return T.error();
  if (!is_entry(T, p_, mod_, target)) {
    error(n, "DX0235", "delete removes a dictionary's entry here (d[key] or d.name of a Record<string, V>); records have fixed fields");
    return T.error();
  }
  (void)c;
  return T.boolean();
}

TypeId Checker::check_in(Ctx& c, NodeId n) {
  auto& T = p_.types;
  const Node& x = node(n);
  TypeId k = check_expr(c, x.kid(0), T.string());
  TypeId d = check_expr(c, x.kid(1));
  if (T.kind(k) == TypeKind::Error || T.kind(d) == TypeKind::Error) return T.error();
  if (T.kind(d) != TypeKind::Dict) {
    error(n, "DX0235", "'in' asks a dictionary (a Record<string, V>) here, not '" + T.name(d) + "'; a Map has has()");
    return T.error();
  }
  if (!dict_key_type(x.kid(0), k)) return T.error();
  return require_non_null(x.kid(1), d) ? T.boolean() : T.error();
}

// A dictionary's key: a string, or a number, which stands for String(n) as in JS, or null or undefined, the keys
// "null" and "undefined" (JS's ToPropertyKey: d[s[0]] of an empty s reads d["undefined"]; codegen: CodeGen::dict_key_of).
bool Checker::dict_key_type(NodeId key, TypeId kt) {
  auto& T = p_.types;
  if (T.non_null(kt) == T.string() || T.non_null(kt) == T.number() || T.kind(kt) == TypeKind::Null || T.kind(kt) == TypeKind::Undefined)
    return true;
  error(key, "DX0234", "a dictionary's key is a string or a number, not '" + T.name(kt) + "'");
  return false;
}

// Object.keys(d), Object.values(d), Object.entries(d) (JS's order: integer-like keys ascending, then the others
// as inserted) of dictionaries and of records (values and entries: of one field type), and
// Object.fromEntries(pairs).
TypeId Checker::check_object_call(Ctx& c, NodeId n, const std::string& method, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  if (method != "keys" && method != "values" && method != "entries" && method != "fromEntries") {
    error(n, "DX0235", "Object." + method + " is not supported yet (Object.keys, values, entries and fromEntries of dictionaries are)");
    return T.error();
  }
  if (args.size() != 1) { error(n, "DX0222", "Object." + method + " takes one argument"); return T.error(); }
  TypeId at = check_expr(c, args[0]);
  if (T.kind(at) == TypeKind::Error) return at;
  if (!require_non_null(args[0], at)) return T.error();
  at = T.non_null(at);
  if (method == "fromEntries") {
    bool pairs = T.kind(at) == TypeKind::Array && T.kind(T.info(at).elem) == TypeKind::Tuple &&
                 T.info(T.info(at).elem).params.size() == 2 && T.info(T.info(at).elem).params[0] == T.string();
    if (!pairs) { error(args[0], "DX0234", "Object.fromEntries takes an array of [string, V] tuples here, not '" + T.name(at) + "'"); return T.error(); }
    TypeId v = T.info(T.info(at).elem).params[1];
    return collection_value_ok(args[0], v) ? T.dict_of(v) : T.error();
  }
  if (T.kind(at) == TypeKind::Record) {  // a record's own keys, in the order its object literals write them (emit)
    const std::vector<Field>& fields = T.shape_info(T.info(at).shape).fields;
    if (method == "keys") return T.array_of(T.string());
    TypeId v = fields.empty() ? T.number() : fields[0].type;
    for (const Field& f : fields)
      if (f.type != v) {
        error(args[0], "DX0235", "Object." + method + " of a '" + T.name(at) + "' needs its fields to have one type ('" + f.name + "' is '" +
                                     T.name(f.type) + "', '" + fields[0].name + "' '" + T.name(v) + "'): use a Record<string, V>");
        return T.error();
      }
    return method == "values" ? T.array_of(v) : T.array_of(T.tuple_of({T.string(), v}));
  }
  if (T.kind(at) != TypeKind::Dict) {
    error(args[0], "DX0235", "Object." + method + " of a '" + T.name(at) + "' is not supported: it takes a dictionary (Record<string, V>) or a record");
    return T.error();
  }
  TypeId v = T.info(at).elem;
  return method == "keys" ? T.array_of(T.string()) : method == "values" ? T.array_of(v) : T.array_of(T.tuple_of({T.string(), v}));
}

// for (const k in d): the keys as Object.keys gives them when the loop starts, each skipped if deleted by then.
void Checker::check_for_in(Ctx& lc, NodeId loop) {
  auto& T = p_.types;
  const Node& x = node(loop);
  const Node& decl = node(x.kid(0));
  TypeId dt = check_expr(lc, x.kid(1));
  if (T.kind(dt) == TypeKind::Error) return;
  if (T.kind(dt) != TypeKind::Dict) {
    error(x.kid(1), "DX0246", "for…in walks a dictionary (a Record<string, V>) here, not '" + T.name(dt) + "': use for…of over an array");
    return;
  }
  if (!require_non_null(x.kid(1), dt)) return;
  const Node* target = decl.kind == NodeKind::VarDecl && decl.kids.size() == 1 ? &node(node(decl.kids[0]).kid(0)) : nullptr;
  if (!target || target->kind != NodeKind::Identifier) {
    error(x.kid(0), "DX0235", "write `for (const key in dict)`");
    return;
  }
  declare_local(lc, node(decl.kids[0]).kid(0), std::string(target->text), T.string(), !(decl.flags & kConst));
  check_stmt(lc, x.kid(2));
}

}  // namespace dxc::analyze
