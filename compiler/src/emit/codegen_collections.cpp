// Map and Set (analyze/collections.cpp): construction, methods and `size` through the runtime's dx_coll_*
// functions (runtime-wasm/src/collections.cpp), and loops over the live entries, read in place: a Map or
// Set is a record whose +12 holds its keys and +16 a Map's values, parallel arrays where a deleted entry is
// the undefined of the key's kind.
#include "emit/codegen.h"

namespace dxc::emit {

namespace {
constexpr uint32_t kCollKeys = 12, kCollVals = 16;
constexpr uint32_t kNoValues = 0xFFFFFFFFu;  // dx_coll_new's value kind for a Set
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

// A loop over the live entries of the collection `coll_ex` (of type ct): `body(key, value)` runs for each
// (value: a Set's key again), then `after` (a for…of's continue target wraps the body). The keys array and
// its length are read again before each step, so entries added during the loop are visited and deleted
// ones (holes) skipped, as JS's iterators do.
CodeGen::CollLoop CodeGen::collection_loop(Fn& f, Ex coll_ex, TypeId ct) {
  auto& T = p_.types;
  CollLoop l;
  l.coll = f.add_var(t_i32());
  l.i = f.add_var(t_i32());
  bool map = T.kind(ct) == TypeKind::Map;
  TypeId k = T.info(ct).elem, v = map ? T.info(ct).ret : k;
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

// The methods (analyze/collections.cpp: check_collection_method), on the collection `obj` of type ot.
Ex CodeGen::collection_call(Fn& f, NodeId n, Ex obj, TypeId ot, const std::string& method, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  bool map = T.kind(ot) == TypeKind::Map;
  TypeId k = T.info(ot).elem, v = map ? T.info(ot).ret : k;
  bool kf = T.wasm(k) == WasmType::F64;
  const char* sfx = kf ? "_f64" : "_i32";
  WType rw = wtype(type_of(f, n));
  if (method == "clear") return w_.call(rt["dx_coll_clear"], {obj}, t_none());
  if (method == "has") return w_.bin(BinaryenGeSInt32(), w_.call(rt[std::string("dx_coll_find") + sfx], {obj, expr_as(f, args[0], k)}, t_i32()), w_.i32(0));
  if (method == "delete") {
    Ex r = w_.call(rt[std::string("dx_coll_delete") + sfx], {obj, expr_as(f, args[0], k)}, t_i32());
    return rw == t_none() ? w_.drop(r) : r;
  }
  if (method == "get") {  // the value, or undefined of its kind
    uint32_t c = f.add_var(t_i32()), i = f.add_var(t_i32());
    uint32_t vsize = T.wasm(v) == WasmType::F64 ? 8 : 4;
    Ex found = load_typed(w_.add32(w_.ld32(w_.ld32(w_.get(c, t_i32()), kCollVals), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(vsize))), 0, v);
    return w_.seq({w_.set(c, obj), w_.set(i, w_.call(rt[std::string("dx_coll_find") + sfx], {w_.get(c, t_i32()), expr_as(f, args[0], k)}, t_i32())),
                   w_.if_(w_.bin(BinaryenLtSInt32(), w_.get(i, t_i32()), w_.i32(0)), nullish_const(type_of(f, n), false), found)},
                  wtype(v));
  }
  if (method == "set" || method == "add") {  // the key and the value first (the value may read the map), then the entry
    uint32_t c = f.add_var(t_i32()), key = f.add_var(wtype(k));
    std::vector<Ex> xs{w_.set(c, obj), w_.set(key, expr_as(f, args[0], k))};
    Ex entry = w_.call(rt[std::string("dx_coll_add") + sfx], {w_.get(c, t_i32()), w_.get(key, wtype(k))}, t_i32());
    if (method == "set") {
      uint32_t val = f.add_var(wtype(v));
      xs.push_back(w_.set(val, expr_as(f, args[1], v)));
      xs.push_back(w_.call(rt[T.wasm(v) == WasmType::F64 ? "dx_coll_put_f64" : "dx_coll_put_i32"], {w_.get(c, t_i32()), entry, w_.get(val, wtype(v))}, t_none()));
    } else {
      xs.push_back(w_.drop(entry));
    }
    if (rw != t_none()) xs.push_back(w_.get(c, t_i32()));
    return w_.seq(xs, rw);
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
