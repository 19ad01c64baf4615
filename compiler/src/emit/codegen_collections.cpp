// Map and Set (analyze/collections.cpp): construction, methods and `size` through the runtime's dx_coll_*
// functions (runtime-wasm/src/collections.cpp), and loops over the live entries, read in place: a Map or
// Set is a record whose +12 holds its keys and +16 a Map's values, parallel arrays where a deleted entry is
// the undefined of the key's kind.
#include "emit/codegen.h"

namespace dxc::emit {

namespace {
constexpr uint32_t kCollKeys = 12, kCollVals = 16;
constexpr uint32_t kNoValues = 0xFFFFFFFFu;  // dx_coll_new's value kind for a Set

// The key and value types of a Map, a Set (the element twice) or a dictionary (string keys).
struct KeyValue { TypeId key, value; };
KeyValue key_value(const Types& T, TypeId ct) {
  if (T.kind(ct) == TypeKind::Dict) return {T.string(), T.info(ct).elem};
  return {T.info(ct).elem, T.kind(ct) == TypeKind::Map ? T.info(ct).ret : T.info(ct).elem};
}
}  // namespace

// new Map<K, V>(), new Map(other), new Set<T>(), new Set(iterable).
Ex CodeGen::new_collection(Fn& f, NodeId n) {
  auto& T = p_.types;
  const Node& x = node(f.module, n);
  TypeId t = T.non_null(type_of(f, n));
  bool map = T.kind(t) == TypeKind::Map;
  uint32_t vk = map ? T.elem_kind(T.info(t).ret) : kNoValues;
  Ex made = w_.call(rt["dx_coll_new"], {w_.u32(T.info(t).shape), w_.u32(T.elem_kind(T.info(t).elem)), w_.u32(vk)}, t_i32());
  if (x.kids.size() < 3) return made;
  uint32_t c = f.add_var(t_i32());
  NodeId src = x.kids[2];
  // (the source first, as JS evaluates the argument before the constructor runs)
  uint32_t s = f.add_var(t_i32());
  TypeId st = iterable_type(f, src);
  Ex fill;
  if (T.kind(T.non_null(st)) != TypeKind::Array) {  // another Map or Set
    fill = w_.call(rt["dx_coll_copy"], {w_.get(c, t_i32()), w_.get(s, t_i32())}, t_none());
  } else if (map) {  // [key, value] tuples
    const Shape& sh = T.shape_info(T.info(T.info(T.non_null(st)).elem).shape);
    fill = w_.call(rt["dx_coll_add_pairs"], {w_.get(c, t_i32()), w_.get(s, t_i32()), w_.u32(sh.find("0")->offset), w_.u32(sh.find("1")->offset)}, t_none());
  } else {
    fill = w_.call(rt["dx_coll_add_all"], {w_.get(c, t_i32()), w_.get(s, t_i32())}, t_none());
  }
  return w_.seq({w_.set(s, expr(f, src)), w_.set(c, made), fill, w_.get(c, t_i32())}, t_i32());
}

// `[...set]`, `Array.from(map.keys())`, `[...map]`, …: a new array of the live keys, values or [key, value]
// tuples (Module::coll_arrays; an upper-case mark is on the collection itself, a lower-case one on its call).
Ex CodeGen::collection_array(Fn& f, NodeId n, char which) {
  bool self = which == 'K' || which == 'E';
  Ex c = self ? expr_node(f, n) : expr(f, node(f.module, node(f.module, n).kid(0)).kid(0));
  if (which == 'e' || which == 'E') return entries_array(c, p_.types.info(iterable_type(f, n)).elem);
  return w_.call(rt["dx_coll_array"], {c, w_.u32(which == 'v' ? 1 : 0)}, t_i32());
}

// A new array of the collection `c`'s entries as tuples of type `tt`.
Ex CodeGen::entries_array(Ex c, TypeId tt) {
  const Shape& sh = p_.types.shape_info(p_.types.info(tt).shape);
  return w_.call(rt["dx_coll_entries"], {c, w_.u32(p_.types.info(tt).shape), w_.u32(sh.find("0")->offset), w_.u32(sh.find("1")->offset)}, t_i32());
}

// The array type a collection-made array has (type_of gives the collection's own type for `[...set]`).
TypeId CodeGen::iterable_type(Fn& f, NodeId n) {
  auto& T = p_.types;
  auto it = p_.modules[f.module]->coll_arrays.find(n);
  if (it == p_.modules[f.module]->coll_arrays.end() || (it->second != 'K' && it->second != 'E')) return type_of(f, n);
  TypeId ct = T.non_null(type_of(f, n));
  if (it->second == 'K') return T.array_of(T.info(ct).elem);
  return T.array_of(T.tuple_of({T.info(ct).elem, T.kind(ct) == TypeKind::Map ? T.info(ct).ret : T.info(ct).elem}));
}

// The pieces of a loop over the live entries of the collection `coll_ex` (of type ct; CollLoop): a Set's value is
// its key again. The keys array and its length are read again before each step, so entries added during the
// loop are visited and deleted ones (holes) skipped, as JS's iterators do.
CodeGen::CollLoop CodeGen::collection_loop(Fn& f, Ex coll_ex, TypeId ct) {
  auto& T = p_.types;
  CollLoop l;
  l.coll = f.add_var(t_i32());
  l.i = f.add_var(t_i32());
  bool map = T.kind(ct) == TypeKind::Map;
  auto [k, v] = key_value(T, ct);
  uint32_t ksize = T.wasm(k) == WasmType::F64 ? 8 : 4, vsize = T.wasm(v) == WasmType::F64 ? 8 : 4;
  auto get = [&](uint32_t local) { return w_.get(local, t_i32()); };
  l.pre = {w_.set(l.coll, coll_ex), w_.set(l.i, w_.i32(0))};
  Ex keys = w_.ld32(get(l.coll), kCollKeys);
  l.done = w_.geu32(get(l.i), w_.ld32(keys, 8));
  l.key = load_typed(w_.add32(w_.ld32(w_.ld32(get(l.coll), kCollKeys), 16), w_.mul32(get(l.i), w_.u32(ksize))), 0, k);
  l.hole = is_null(load_typed(w_.add32(w_.ld32(w_.ld32(get(l.coll), kCollKeys), 16), w_.mul32(get(l.i), w_.u32(ksize))), 0, k), k, false);
  l.value = map ? load_typed(w_.add32(w_.ld32(w_.ld32(get(l.coll), kCollVals), 16), w_.mul32(get(l.i), w_.u32(vsize))), 0, v)
                : load_typed(w_.add32(w_.ld32(w_.ld32(get(l.coll), kCollKeys), 16), w_.mul32(get(l.i), w_.u32(ksize))), 0, k);
  l.next = w_.set(l.i, w_.add32(get(l.i), w_.i32(1)));
  return l;
}

// The value of `key` in collection `coll` (of type ct, a Map or a dictionary), or undefined of `result`'s kind.
Ex CodeGen::coll_get(Fn& f, Ex coll, Ex key, TypeId ct, TypeId result) {
  auto& T = p_.types;
  auto [k, v] = key_value(T, ct);
  uint32_t c = f.add_var(t_i32()), i = f.add_var(t_i32());
  uint32_t vsize = T.wasm(v) == WasmType::F64 ? 8 : 4;
  Ex found = load_typed(w_.add32(w_.ld32(w_.ld32(w_.get(c, t_i32()), kCollVals), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(vsize))), 0, v);
  const char* find = T.wasm(k) == WasmType::F64 ? "dx_coll_find_f64" : "dx_coll_find_i32";
  return w_.seq({w_.set(c, coll), w_.set(i, w_.call(rt[find], {w_.get(c, t_i32()), key}, t_i32())),
                 w_.if_(w_.bin(BinaryenLtSInt32(), w_.get(i, t_i32()), w_.i32(0)), nullish_const(result, false), found)},
                wtype(v));
}

// map.set(key, value) / d[key] = value: the collection, the key and the value are evaluated in that order (the
// value may read the collection), then the entry is found or added and the value stored.
Ex CodeGen::coll_put(Fn& f, Ex coll, Ex key, Ex value, TypeId ct) {
  auto& T = p_.types;
  auto [k, v] = key_value(T, ct);
  uint32_t c = f.add_var(t_i32()), kl = f.add_var(wtype(k)), vl = f.add_var(wtype(v));
  Ex entry = w_.call(rt[T.wasm(k) == WasmType::F64 ? "dx_coll_add_f64" : "dx_coll_add_i32"], {w_.get(c, t_i32()), w_.get(kl, wtype(k))}, t_i32());
  return w_.seq({w_.set(c, coll), w_.set(kl, key), w_.set(vl, value),
                 w_.call(rt[T.wasm(v) == WasmType::F64 ? "dx_coll_put_f64" : "dx_coll_put_i32"], {w_.get(c, t_i32()), entry, w_.get(vl, wtype(v))}, t_none())},
                t_none());
}

// { a: 1, [k]: v, ...other } as a dictionary: its entries set in order.
Ex CodeGen::dict_literal(Fn& f, NodeId n) {
  auto& T = p_.types;
  TypeId dt = T.non_null(type_of(f, n));
  uint32_t d = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(d, w_.call(rt["dx_coll_new"], {w_.u32(T.info(dt).shape), w_.u32(T.elem_kind(T.string())),
                                                            w_.u32(T.elem_kind(T.info(dt).elem))}, t_i32()))};
  for (NodeId k : node(f.module, n).kids) {
    const Node& kn = node(f.module, k);
    if (kn.kind == NodeKind::Spread) {
      xs.push_back(w_.call(rt["dx_coll_copy"], {w_.get(d, t_i32()), expr(f, kn.kid(0))}, t_none()));
      continue;
    }
    Ex key = kn.flags & kComputed ? dict_key_of(f, kn.kid(1)) : str_const(std::string(kn.text));
    xs.push_back(coll_put(f, w_.get(d, t_i32()), key, expr_as(f, kn.kid(0), T.info(dt).elem), dt));
  }
  xs.push_back(w_.get(d, t_i32()));
  return w_.seq(xs, t_i32());
}

// The key of a dictionary entry `target` (d.name or d[key]).
Ex CodeGen::dict_key(Fn& f, NodeId target) {
  const Node& x = node(f.module, target);
  return x.kind == NodeKind::Member ? str_const(std::string(x.text)) : dict_key_of(f, x.kid(1));
}

// A dictionary key expression: a string, or a number, null or undefined, which JS turns into a string as String()
// does (d[1] is d["1"], d[undefined] d["undefined"]).
Ex CodeGen::dict_key_of(Fn& f, NodeId key) {
  TypeId kt = type_of(f, key);
  return kt == p_.types.string() ? expr(f, key) : to_str(f, expr(f, key), kt);
}

// Object.keys/values/entries(d), Object.fromEntries(pairs).
Ex CodeGen::object_call(Fn& f, NodeId n, const std::string& method, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  TypeId t = type_of(f, n);
  if (method == "fromEntries") {
    const Shape& sh = T.shape_info(T.info(T.info(T.non_null(type_of(f, args[0]))).elem).shape);
    uint32_t d = f.add_var(t_i32()), src = f.add_var(t_i32());
    return w_.seq({w_.set(src, expr(f, args[0])),
                   w_.set(d, w_.call(rt["dx_coll_new"], {w_.u32(T.info(t).shape), w_.u32(T.elem_kind(T.string())), w_.u32(T.elem_kind(T.info(t).elem))}, t_i32())),
                   w_.call(rt["dx_coll_add_pairs"], {w_.get(d, t_i32()), w_.get(src, t_i32()), w_.u32(sh.find("0")->offset), w_.u32(sh.find("1")->offset)}, t_none()),
                   w_.get(d, t_i32())},
                  t_i32());
  }
  if (T.kind(T.non_null(type_of(f, args[0]))) == TypeKind::Record) return record_keys(f, n, method, args[0]);
  if (method == "entries") {
    TypeId tt = T.info(t).elem;
    const Shape& sh = T.shape_info(T.info(tt).shape);
    return w_.call(rt["dx_dict_entries"], {expr(f, args[0]), w_.u32(T.info(tt).shape), w_.u32(sh.find("0")->offset), w_.u32(sh.find("1")->offset)}, t_i32());
  }
  return w_.call(rt["dx_dict_array"], {expr(f, args[0]), w_.u32(method == "values" ? 1 : 0)}, t_i32());
}

// Object.keys/values/entries of a record: its keys in the order the program's object literals write them
// (literal_order, as console.log prints them), its values read field by field.
Ex CodeGen::record_keys(Fn& f, NodeId n, const std::string& method, NodeId arg) {
  auto& T = p_.types;
  TypeId rt_t = T.non_null(type_of(f, arg)), out_t = type_of(f, n), et = T.info(out_t).elem;
  std::vector<std::string> order = literal_order(p_, T.info(rt_t).shape);
  if (order.size() != T.shape_info(T.info(rt_t).shape).fields.size()) {
    d_.error("DX0265", node(f.module, arg).span,
             "'" + T.name(rt_t) + "' is built by object literals that write its fields in different orders (or with numeric keys): "
             "JS would list each object's own order; write them in one order to list its keys");
    return w_.unreachable();
  }
  uint32_t rec = f.add_var(t_i32()), arr = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(rec, expr(f, arg)), w_.set(arr, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(et)), w_.i32(0)}, t_i32()))};
  for (const std::string& key : order) {
    const Field* fl = T.shape_info(T.info(rt_t).shape).find(key);
    Ex value = load_typed(w_.get(rec, t_i32()), fl->offset, fl->type);
    Ex elem = method == "keys" ? str_const(key) : method == "values" ? value : make_tuple(f, et, {str_const(key), value});
    xs.push_back(w_.call(rt[T.wasm(et) == WasmType::F64 ? "dx_array_push_f64" : "dx_array_push_i32"], {w_.get(arr, t_i32()), elem}, t_none()));
  }
  xs.push_back(w_.get(arr, t_i32()));
  return w_.seq(xs, t_i32());
}

// The methods (analyze/collections.cpp: check_collection_method), on the collection `obj` of type ot.
Ex CodeGen::collection_call(Fn& f, NodeId n, Ex obj, TypeId ot, const std::string& method, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  auto [k, v] = key_value(T, ot);
  bool kf = T.wasm(k) == WasmType::F64;
  const char* sfx = kf ? "_f64" : "_i32";
  WType rw = wtype(type_of(f, n));
  if (method == "clear") return w_.call(rt["dx_coll_clear"], {obj}, t_none());
  if (method == "has") return w_.bin(BinaryenGeSInt32(), w_.call(rt[std::string("dx_coll_find") + sfx], {obj, expr_as(f, args[0], k)}, t_i32()), w_.i32(0));
  if (method == "delete") {
    Ex r = w_.call(rt[std::string("dx_coll_delete") + sfx], {obj, expr_as(f, args[0], k)}, t_i32());
    return rw == t_none() ? w_.drop(r) : r;
  }
  if (method == "get") return coll_get(f, obj, expr_as(f, args[0], k), ot, type_of(f, n));
  if (method == "set") {
    uint32_t c = f.add_var(t_i32());
    Ex put = coll_put(f, w_.tee(c, obj, t_i32()), expr_as(f, args[0], k), expr_as(f, args[1], v), ot);
    return rw == t_none() ? put : w_.seq({put, w_.get(c, t_i32())}, rw);
  }
  if (method == "add") {
    uint32_t c = f.add_var(t_i32());
    Ex add = w_.drop(w_.call(rt[std::string("dx_coll_add") + sfx], {w_.tee(c, obj, t_i32()), expr_as(f, args[0], k)}, t_i32()));
    return rw == t_none() ? add : w_.seq({add, w_.get(c, t_i32())}, rw);
  }
  // forEach((value, key) => …)
  CollLoop l = collection_loop(f, obj, ot);
  NodeId cb = args[0];
  TypeId cbt = T.info(p_.type_of(f.module, cb)).ret;
  Ex body = inline_callback(f, cb, {{l.value, v}, {l.key, k}}, cbt);
  if (wtype(cbt) != t_none()) body = w_.drop(body);
  std::string brk = label("brk"), top = label("top");
  std::vector<Ex> xs = l.pre;
  xs.push_back(w_.named(brk, {w_.loop(top, w_.seq({w_.br(brk, l.done), w_.if_(w_.eqz(l.hole), body), l.next, w_.br(top)}, t_none()))}, t_none()));
  return w_.seq(xs, t_none());
}

}  // namespace dxc::emit
