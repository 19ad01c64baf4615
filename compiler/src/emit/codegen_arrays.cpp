// codegen_arrays.cpp — the array methods that copy (ES2023's toSorted, toReversed, toSpliced, with) and fill /
// lastIndexOf, built from the runtime's slice, sort, reverse and splice and from inline loops
// (analyze/methods.cpp checks their arguments); the index and item helpers at, splice and unshift share; join
// and String() of arrays and tuples.
#include <cmath>

#include "analyze/builtins.h"
#include "emit/codegen.h"

namespace dxc::emit {

// ToIntegerOrInfinity(x) made relative to the length in the f64 local `len`: from the end when negative,
// clamped to [0, len] — the start and end of fill (as of slice and splice).
static Ex relative_index(W& w, Ex x, uint32_t len, uint32_t tmp) {
  Ex t = w.set(tmp, w.un(BinaryenTruncFloat64(), x));
  auto v = [&] { return w.get(tmp, t_f64()); };
  Ex nan_zero = w.if_(w.bin(BinaryenNeFloat64(), v(), v()), w.set(tmp, w.f64(0)));
  Ex from_end = w.if_(w.bin(BinaryenLtFloat64(), v(), w.f64(0)),
                      w.set(tmp, w.bin(BinaryenMaxFloat64(), w.bin(BinaryenAddFloat64(), v(), w.get(len, t_f64())), w.f64(0))),
                      w.set(tmp, w.bin(BinaryenMinFloat64(), v(), w.get(len, t_f64()))));
  return w.seq({t, nan_zero, from_end, v()}, t_f64());
}

// Sets the f64 local `k` to ToIntegerOrInfinity(x) (NaN → 0), from the end (+ len) when negative, unclamped: the
// index of at, with and lastIndexOf's from.
Ex CodeGen::index_from_end(uint32_t k, Ex x, Ex len) {
  auto kv = [&] { return w_.get(k, t_f64()); };
  return w_.seq({w_.set(k, w_.un(BinaryenTruncFloat64(), x)),
                 w_.if_(w_.bin(BinaryenNeFloat64(), kv(), kv()), w_.set(k, w_.f64(0)),
                        w_.if_(w_.bin(BinaryenLtFloat64(), kv(), w_.f64(0)), w_.set(k, w_.bin(BinaryenAddFloat64(), kv(), len))))},
                t_none());
}

// The items of splice, unshift and toSpliced, args[first…], as one new array of `elem` (the runtime takes them
// so); the i32 0 when there are none.
Ex CodeGen::items_array(Fn& f, const std::vector<NodeId>& args, size_t first, TypeId elem) {
  if (args.size() <= first) return w_.i32(0);
  auto& T = p_.types;
  uint32_t tmp = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(tmp, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(elem)), w_.i32(0)}, t_i32()))};
  for (size_t i = first; i < args.size(); ++i)
    xs.push_back(w_.call(rt[T.wasm(elem) == WasmType::F64 ? "dx_array_push_f64" : "dx_array_push_i32"],
                         {w_.get(tmp, t_i32()), expr_as(f, args[i], elem)}, t_none()));
  xs.push_back(w_.get(tmp, t_i32()));
  return w_.seq(xs, t_i32());
}

Ex CodeGen::array_copying(Fn& f, NodeId n, const std::string& method, NodeId array, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  TypeId ot = T.non_null(type_of(f, array)), et = T.info(ot).elem;
  bool f64 = T.wasm(et) == WasmType::F64, nullable = !T.is_ref(et) && T.nullable(et);
  uint32_t esize = f64 ? 8 : 4;
  auto copy = [&](Ex a) { return w_.call(rt["dx_array_slice"], {a, w_.f64(0), w_.f64(kInf)}, t_i32()); };
  if (method == "toSorted")  // a copy, sorted as sort() sorts
    return w_.call(rt[nullable ? "dx_array_sort_nullable" : "dx_array_sort"], {copy(expr(f, array)), args.empty() ? w_.i32(0) : expr(f, args[0])}, t_i32());
  if (method == "toReversed") return w_.call(rt["dx_array_reverse"], {copy(expr(f, array))}, t_i32());
  uint32_t arr = f.add_var(t_i32()), len = f.add_var(t_f64());
  auto a = [&] { return w_.get(arr, t_i32()); };
  auto lenv = [&] { return w_.get(len, t_f64()); };
  Ex setup = w_.seq({w_.set(arr, expr(f, array)), w_.set(len, w_.u32_to_f64(w_.ld32(a(), 8)))}, t_none());
  auto addr = [&](Ex k) { return w_.add32(w_.ld32(a(), 16), w_.mul32(w_.un(BinaryenTruncSatUFloat64ToInt32(), k), w_.u32(esize))); };
  if (method == "toSpliced") {  // a copy, spliced: no start removes nothing; a start alone removes to the end
    if (args.empty()) return copy(expr(f, array));
    uint32_t out = f.add_var(t_i32());
    Ex start = expr(f, args[0]), count = args.size() > 1 ? expr(f, args[1]) : w_.f64(kInf);
    Ex items = items_array(f, args, 2, et);
    return w_.seq({w_.set(out, copy(expr(f, array))), w_.drop(w_.call(rt["dx_array_splice"], {w_.get(out, t_i32()), start, count, items}, t_i32())),
                   w_.get(out, t_i32())},
                  t_i32());
  }
  if (method == "with") {  // a copy with element i replaced; i outside the array: V8's RangeError
    uint32_t given = f.add_var(t_f64()), k = f.add_var(t_f64()), out = f.add_var(t_i32()), v = f.add_var(wtype(et));
    auto kv = [&] { return w_.get(k, t_f64()); };
    Ex index = index_from_end(k, w_.get(given, t_f64()), lenv());
    Ex outside = w_.bin(BinaryenOrInt32(), w_.bin(BinaryenLtFloat64(), kv(), w_.f64(0)), w_.bin(BinaryenGeFloat64(), kv(), lenv()));
    Ex fail = w_.seq({w_.call(rt["dx_throw_invalid_index"], {w_.get(given, t_f64())}, t_none()), w_.unreachable()}, t_none());
    Ex store = store_typed(w_.get(out, t_i32()), w_.add32(w_.ld32(w_.get(out, t_i32()), 16), w_.mul32(w_.un(BinaryenTruncSatUFloat64ToInt32(), kv()), w_.u32(esize))),
                           0, w_.get(v, wtype(et)), et, false);
    return w_.seq({setup, w_.set(given, expr(f, args[0])), w_.set(v, expr_as(f, args[1], et)), index, w_.if_(outside, fail),
                   w_.set(out, copy(a())), store, w_.get(out, t_i32())},
                  t_i32());
  }
  if (method == "fill") {  // in place, from start to end (relative, clamped); the array itself
    uint32_t v = f.add_var(wtype(et)), from = f.add_var(t_f64()), to = f.add_var(t_f64()), tmp = f.add_var(t_f64());
    std::string brk = label("brk"), top = label("top");
    auto fv = [&] { return w_.get(from, t_f64()); };
    Ex body = w_.seq({w_.br(brk, w_.bin(BinaryenGeFloat64(), fv(), w_.get(to, t_f64()))),
                      store_typed(a(), addr(fv()), 0, w_.get(v, wtype(et)), et, false),
                      w_.set(from, w_.bin(BinaryenAddFloat64(), fv(), w_.f64(1))), w_.br(top)},
                     t_none());
    return w_.seq({setup, w_.set(v, expr_as(f, args[0], et)),
                   w_.set(from, args.size() > 1 ? relative_index(w_, expr(f, args[1]), len, tmp) : w_.f64(0)),
                   w_.set(to, args.size() > 2 ? relative_index(w_, expr(f, args[2]), len, tmp) : lenv()),
                   w_.named(brk, {w_.loop(top, body)}, t_none()), a()},
                  t_i32());
  }
  // lastIndexOf(v, from?): the last index at or before `from` (len − 1 by default; from the end when
  // negative) whose element is === v (NaN is never found; -0 is 0), else -1.
  uint32_t v = f.add_var(wtype(et)), k = f.add_var(t_f64()), res = f.add_var(t_f64());
  auto kv = [&] { return w_.get(k, t_f64()); };
  std::string brk = label("brk"), top = label("top");
  // (a negative from plus len is below len − 1 already)
  Ex start = args.size() > 1 ? w_.seq({index_from_end(k, expr(f, args[1]), lenv()),
                                       w_.set(k, w_.bin(BinaryenMinFloat64(), kv(), w_.bin(BinaryenSubFloat64(), lenv(), w_.f64(1))))},
                                      t_none())
                             : w_.set(k, w_.bin(BinaryenSubFloat64(), lenv(), w_.f64(1)));
  Ex hit = equal(f, load_typed(addr(kv()), 0, et), w_.get(v, wtype(et)), et);
  Ex body = w_.seq({w_.br(brk, w_.bin(BinaryenLtFloat64(), kv(), w_.f64(0))),
                    w_.if_(hit, w_.seq({w_.set(res, kv()), w_.br(brk)}, t_none())),
                    w_.set(k, w_.bin(BinaryenSubFloat64(), kv(), w_.f64(1))), w_.br(top)},
                   t_none());
  // (the value first, then from: the arguments' order)
  return w_.seq({setup, w_.set(v, expr_as(f, args[0], et)), start, w_.set(res, w_.f64(-1)), w_.named(brk, {w_.loop(top, body)}, t_none()),
                 w_.get(res, t_f64())},
                t_f64());
}

// xs.join(sep) (analyze checked the elements: stringable_array). Arrays of tuples are joined here, each tuple
// made its string first (the runtime's join would see records); the others by the runtime.
Ex CodeGen::array_join(Fn& f, Ex arr, TypeId t, Ex sep) {
  auto& T = p_.types;
  TypeId et = T.info(t).elem;
  if (T.kind(et) != TypeKind::Tuple) {
    const char* fn = !T.is_ref(et) && T.nullable(et) ? "dx_array_join_nullable" : "dx_array_join";
    return w_.call(rt[fn], {arr, sep}, t_i32());
  }
  uint32_t a = f.add_var(t_i32()), len = f.add_var(t_i32()), i = f.add_var(t_i32()), strs = f.add_var(t_i32());
  std::string brk = label("brk"), top = label("top");
  Ex elem = w_.ld32(w_.add32(w_.ld32(w_.get(a, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(4))), 0);
  Ex body = w_.seq({w_.br(brk, w_.geu32(w_.get(i, t_i32()), w_.get(len, t_i32()))),
                    w_.call(rt["dx_array_push_i32"], {w_.get(strs, t_i32()), tuple_str(f, elem, et)}, t_none()),
                    w_.set(i, w_.add32(w_.get(i, t_i32()), w_.i32(1))), w_.br(top)},
                   t_none());
  return w_.seq({w_.set(a, arr), w_.set(len, w_.ld32(w_.get(a, t_i32()), 8)),
                 w_.set(strs, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(T.string())), w_.i32(0)}, t_i32())),
                 w_.set(i, w_.i32(0)), w_.named(brk, {w_.loop(top, body)}, t_none()),
                 w_.call(rt["dx_array_join"], {w_.get(strs, t_i32()), sep}, t_i32())},
                t_i32());
}

// String(t) of a tuple: its elements joined with ",", null and undefined as "" (Array.prototype.join).
Ex CodeGen::tuple_str(Fn& f, Ex v, TypeId t) {
  auto& T = p_.types;
  const Shape& sh = T.shape_info(T.info(t).shape);
  uint32_t tup = f.add_var(t_i32());
  Ex acc = nullptr;
  for (size_t k = 0; k < T.info(t).params.size(); ++k) {
    TypeId ft = T.info(t).params[k];
    Ex part = load_typed(w_.get(tup, t_i32()), sh.find(std::to_string(k))->offset, ft);
    part = T.nullable(ft) ? or_empty(f, part, ft) : to_str(f, part, ft);
    acc = acc ? w_.call(rt["dx_str_concat"], {w_.call(rt["dx_str_concat"], {acc, str_const(",")}, t_i32()), part}, t_i32()) : part;
  }
  return w_.seq({w_.set(tup, v), acc ? acc : str_const("")}, t_i32());
}

}  // namespace dxc::emit
