// codegen_arrays.cpp — the array methods that copy (ES2023's toSorted, toReversed, toSpliced, with) and fill /
// lastIndexOf, built from the runtime's slice, sort, reverse and splice and from inline loops
// (analyze/methods.cpp checks their arguments).
#include <cmath>

#include "analyze/builtins.h"
#include "emit/codegen.h"

namespace dxc::emit {

// ToIntegerOrInfinity(x) made relative to `len` (an f64 local's value): from the end when negative, clamped to
// [0, len] — the start and end of fill, slice and splice.
static Ex relative_index(W& w, Ex x, Ex len_a, Ex len_b, uint32_t tmp) {
  Ex t = w.set(tmp, w.un(BinaryenTruncFloat64(), x));
  auto v = [&] { return w.get(tmp, t_f64()); };
  Ex nan_zero = w.if_(w.bin(BinaryenNeFloat64(), v(), v()), w.set(tmp, w.f64(0)));
  Ex from_end = w.if_(w.bin(BinaryenLtFloat64(), v(), w.f64(0)),
                      w.set(tmp, w.bin(BinaryenMaxFloat64(), w.bin(BinaryenAddFloat64(), v(), len_a), w.f64(0))),
                      w.set(tmp, w.bin(BinaryenMinFloat64(), v(), len_b)));
  return w.seq({t, nan_zero, from_end, v()}, t_f64());
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
    Ex items = w_.i32(0);
    if (args.size() > 2) {
      uint32_t tmp = f.add_var(t_i32());
      std::vector<Ex> xs{w_.set(tmp, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(et)), w_.i32(0)}, t_i32()))};
      for (size_t i = 2; i < args.size(); ++i)
        xs.push_back(w_.call(rt[f64 ? "dx_array_push_f64" : "dx_array_push_i32"], {w_.get(tmp, t_i32()), expr_as(f, args[i], et)}, t_none()));
      xs.push_back(w_.get(tmp, t_i32()));
      items = w_.seq(xs, t_i32());
    }
    Ex start = expr(f, args[0]), count = args.size() > 1 ? expr(f, args[1]) : w_.f64(kInf);
    return w_.seq({w_.set(out, copy(expr(f, array))), w_.drop(w_.call(rt["dx_array_splice"], {w_.get(out, t_i32()), start, count, items}, t_i32())),
                   w_.get(out, t_i32())},
                  t_i32());
  }
  if (method == "with") {  // a copy with element i replaced; i outside the array: V8's RangeError
    uint32_t given = f.add_var(t_f64()), k = f.add_var(t_f64()), out = f.add_var(t_i32()), v = f.add_var(wtype(et));
    auto kv = [&] { return w_.get(k, t_f64()); };
    Ex index = w_.seq({w_.set(k, w_.un(BinaryenTruncFloat64(), w_.get(given, t_f64()))),
                       w_.if_(w_.bin(BinaryenNeFloat64(), kv(), kv()), w_.set(k, w_.f64(0))),
                       w_.if_(w_.bin(BinaryenLtFloat64(), kv(), w_.f64(0)), w_.set(k, w_.bin(BinaryenAddFloat64(), kv(), lenv())))},
                      t_none());
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
                   w_.set(from, args.size() > 1 ? relative_index(w_, expr(f, args[1]), lenv(), lenv(), tmp) : w_.f64(0)),
                   w_.set(to, args.size() > 2 ? relative_index(w_, expr(f, args[2]), lenv(), lenv(), tmp) : lenv()),
                   w_.named(brk, {w_.loop(top, body)}, t_none()), a()},
                  t_i32());
  }
  // lastIndexOf(v, from?): the last index at or before `from` (len − 1 by default; from the end when
  // negative) whose element is === v (NaN is never found; -0 is 0), else -1.
  uint32_t v = f.add_var(wtype(et)), k = f.add_var(t_f64()), res = f.add_var(t_f64());
  auto kv = [&] { return w_.get(k, t_f64()); };
  std::string brk = label("brk"), top = label("top");
  Ex start = args.size() > 1
                 ? w_.seq({w_.set(k, w_.un(BinaryenTruncFloat64(), expr(f, args[1]))),
                           w_.if_(w_.bin(BinaryenNeFloat64(), kv(), kv()), w_.set(k, w_.f64(0))),
                           w_.if_(w_.bin(BinaryenLtFloat64(), kv(), w_.f64(0)), w_.set(k, w_.bin(BinaryenAddFloat64(), kv(), lenv())),
                                  w_.set(k, w_.bin(BinaryenMinFloat64(), kv(), w_.bin(BinaryenSubFloat64(), lenv(), w_.f64(1)))))},
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

}  // namespace dxc::emit
