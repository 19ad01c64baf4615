// Calls: signals and setters, direct and closure calls, Math, array methods (filter/map compile to inline
// loops with the callback's body in place: no closure is allocated for them).
#include <set>

#include <functional>

#include "analyze/builtins.h"
#include "emit/codegen.h"

namespace dxc::emit {

namespace {
std::vector<NodeId> call_args(const Node& x) {
  return std::vector<NodeId>(x.kids.size() > 2 ? x.kids.begin() + 2 : x.kids.end(), x.kids.end());
}
// What a call passes for an omitted argument (a defaulted or optional parameter; builtins.h).
Ex missing_arg(const W& w, const Types& T, TypeId t) {
  if (T.wasm(t) == WasmType::F64) return BinaryenConst(w.m, BinaryenLiteralFloat64Bits(int64_t(kMissingNumberBits)));
  return w.u32(T.kind(t) == TypeKind::Boolean ? kMissingBool : 0);
}

}  // namespace

// The key order of records of shape `s` as JS creates them: the order in which the program's object literals
// of that shape write their keys (a literal that starts by spreading a record of the same shape keeps that
// order), and the order of the records `...rest` patterns take apart, less the keys they name. Empty when
// these disagree, spread another shape first or use integer-like keys (which JS orders first): console.log
// and JSON.stringify of such records are refused (DX0265).
std::vector<std::string> literal_order(const Program& p, ShapeId s) {
  const Types& T = p.types;
  std::vector<std::string> order;
  bool found = false;
  auto shape_of = [&](ModuleId m, NodeId n) {
    TypeId t = p.type_of(m, n);
    return t && T.kind(t) == TypeKind::Record ? T.info(t).shape : kNoId;
  };
  for (const auto& mod : p.modules)
    for (NodeId n = 0; n < mod->ast.nodes.size(); ++n) {
      const Node& x = mod->ast[n];
      ModuleId m = ModuleId(&mod - &p.modules[0]);
      if (x.kind == NodeKind::ObjectPattern && !x.kids.empty() && mod->ast[x.kids.back()].kind == NodeKind::Spread &&
          shape_of(m, x.kids.back()) == s) {
        ShapeId from = shape_of(m, n);
        if (from == s) continue;  // `{ ...copy }`: the same keys in the same order
        std::vector<std::string> keys;
        for (const std::string& key : literal_order(p, from)) {
          bool named = false;
          for (NodeId k : x.kids) named |= mod->ast[k].kind == NodeKind::PatternProp && mod->ast[k].text == key;
          if (!named) keys.push_back(key);
        }
        if (keys.size() != T.shape_info(s).fields.size() || (found && keys != order)) return {};
        order = keys;
        found = true;
        continue;
      }
      TypeId t = p.type_of(m, n);
      if (x.kind != NodeKind::ObjectLit || T.kind(t) != TypeKind::Record || T.info(t).shape != s) continue;
      std::vector<std::string> keys;
      bool keeps = false;
      for (NodeId k : x.kids) {
        const Node& kn = mod->ast[k];
        if (kn.kind == NodeKind::Spread) {
          TypeId st = p.type_of(m, kn.kid(0));
          if (!keys.empty() || T.kind(st) != TypeKind::Record || T.info(st).shape != s) return {};
          keeps = true;
          continue;
        }
        if (!kn.text.empty() && kn.text.find_first_not_of("0123456789") == std::string_view::npos) return {};
        keys.push_back(std::string(kn.text));
      }
      if (keeps) continue;
      if (found && keys != order) return {};
      order = keys;
      found = true;
    }
  if (!found)  // no literal makes one: any order is never observed
    for (const Field& f : T.shape_info(s).fields) order.push_back(f.name);
  return order;
}

uint32_t CodeGen::table_index(FuncId f) {
  auto it = table_slots_.find(f);
  if (it != table_slots_.end()) return it->second;
  uint32_t idx = table_base + uint32_t(table_funcs.size());
  table_funcs.push_back(fn_name(f));
  table_slots_[f] = idx;
  return idx;
}

Ex CodeGen::closure_value(Fn& f, FuncId fn) {
  const FuncInfo& fi = p_.funcs[fn];
  // Created here: its environment is this function's record (or this function's own environment).
  Ex env = fi.outer != kNoId && fi.outer == f.fid ? w_.get(f.record_local != kNoId ? f.record_local : 0, t_i32())
           : fi.env_block == kNoId ? w_.i32(0)
                                   : env_of(f, fi.env_block, fi.node);
  return w_.call(rt["dx_new_closure"], {w_.u32(table_index(fn)), env}, t_i32());
}

Ex CodeGen::closure_call(Fn& f, Ex closure, const std::vector<NodeId>& args, TypeId ft) {
  std::vector<Ex> values;
  for (NodeId a : args) values.push_back(expr(f, a));
  return closure_call_values(f, closure, values, ft);
}

// The arguments of the call `n` to a function of type `ft`, evaluated in order; a call to a rest parameter
// (analyze: Module::rest_calls) gets the arguments from the rest on as one array: f(a, x, ...ys) → a, [x, ...ys].
std::vector<Ex> CodeGen::call_values(Fn& f, NodeId n, const std::vector<NodeId>& args, TypeId ft) {
  std::vector<Ex> values;
  auto rest = p_.modules[f.module]->rest_calls.find(n);
  size_t own = rest == p_.modules[f.module]->rest_calls.end() ? args.size() : rest->second;
  for (size_t i = 0; i < own; ++i) values.push_back(expr(f, args[i]));
  if (rest != p_.modules[f.module]->rest_calls.end())
    values.push_back(array_of(f, std::vector<NodeId>(args.begin() + long(own), args.end()), p_.types.info(ft).params.back()));
  return values;
}

// The closure `closure` of type `ft` called with `values` (missing trailing arguments: their defaults).
Ex CodeGen::closure_call_values(Fn& f, Ex closure, const std::vector<Ex>& values, TypeId ft) {
  const TypeInfo& fi = p_.types.info(ft);
  uint32_t c = f.add_var(t_i32());
  std::vector<Ex> ops{w_.ld32(w_.get(c, t_i32()), 12)};
  std::vector<WType> ps{t_i32()};
  for (size_t i = 0; i < fi.params.size(); ++i) {
    ops.push_back(i < values.size() ? values[i] : missing_arg(w_, p_.types, fi.params[i]));
    ps.push_back(wtype(fi.params[i]));
  }
  Ex ci = BinaryenCallIndirect(w_.m, table_name.c_str(), w_.ld32(w_.get(c, t_i32()), 8), ops.data(), BinaryenIndex(ops.size()),
                               t_tuple(ps), wtype(fi.ret));
  return w_.seq({w_.set(c, closure), ci}, wtype(fi.ret));
}

// A callback given as a function value (analyze: check_callback_value), called with the first of `args` it
// takes: a module or block function directly, any other function value through its closure, Number and
// String as their conversions.
Ex CodeGen::call_value(Fn& f, NodeId v, const std::vector<std::pair<Ex, TypeId>>& args) {
  const Node& x = node(f.module, v);
  SymId s = x.kind == NodeKind::Identifier ? p_.ref_of(f.module, v) : kNoId;
  if (x.kind == NodeKind::Identifier && s == kNoId && !args.empty())
    return x.text == "Number" ? to_number(f, args[0].first, args[0].second) : to_str(f, args[0].first, args[0].second);
  TypeId ft = type_of(f, v);
  std::vector<Ex> values;
  for (size_t i = 0; i < p_.types.info(ft).params.size() && i < args.size(); ++i) values.push_back(args[i].first);
  if (s != kNoId && p_.symbols[s].kind == SymKind::Function) return direct_call(f, p_.symbols[s].func, values, v);
  return closure_call_values(f, expr(f, v), values, ft);
}

// A module or block function called directly with `values` (missing trailing arguments: their defaults).
Ex CodeGen::direct_call(Fn& f, FuncId fn, const std::vector<Ex>& values, NodeId at) {
  const FuncInfo& fi = p_.funcs[fn];
  const TypeInfo& ti = p_.types.info(fi.type);
  std::vector<Ex> ops{fi.env_block == kNoId ? w_.i32(0) : env_of(f, fi.env_block, at)};
  for (size_t i = 0; i < ti.params.size(); ++i) ops.push_back(i < values.size() ? values[i] : missing_arg(w_, p_.types, ti.params[i]));
  return w_.call(fn_name(fn), ops, wtype(ti.ret));
}

Ex CodeGen::set_signal(Fn& f, SymId setter, NodeId arg, NodeId at) {
  const Symbol& sig = p_.symbols[p_.symbols[setter].signal];
  TypeId t = sig.type;
  WType wt = wtype(t);
  uint32_t inst = f.add_var(t_i32()), v = f.add_var(wt);
  std::vector<Ex> xs{w_.set(inst, env_of(f, sig.block, at))};
  const Node& a = node(f.module, arg);
  bool updater = (a.kind == NodeKind::Arrow || a.kind == NodeKind::FunctionExpr) && p_.modules[f.module]->inline_fns.count(arg);
  if (updater) xs.push_back(w_.set(v, inline_callback(f, arg, {{load_typed(w_.get(inst, t_i32()), sig.offset, t), t}}, t)));
  else xs.push_back(w_.set(v, expr(f, arg)));
  // Solid's default: a write of an === value notifies nobody (NaN always notifies, as in JS).
  Ex changed = w_.eqz(equal(f, load_typed(w_.get(inst, t_i32()), sig.offset, t), w_.get(v, wt), t));
  xs.push_back(w_.if_(changed, w_.seq({store_typed(w_.get(inst, t_i32()), w_.get(inst, t_i32()), sig.offset, w_.get(v, wt), t, false),
                                       w_.call(rt["dx_invalidate"], {w_.get(inst, t_i32()), w_.u32(sig.bit)}, t_none())})));
  return w_.seq(xs, t_none());
}

// Compiles an arrow's body in place with its parameters bound to `args`; yields its value (or none).
Ex CodeGen::inline_callback(Fn& f, NodeId arrow, std::vector<std::pair<Ex, TypeId>> args, TypeId ret) {
  const Node& a = node(f.module, arrow);
  if (a.kind != NodeKind::Arrow && a.kind != NodeKind::FunctionExpr) return call_value(f, arrow, args);
  const Node& ps = node(f.module, a.kid(0));
  std::vector<Ex> xs;
  for (size_t i = 0; i < ps.kids.size() && i < args.size(); ++i) {
    SymId s = p_.ref_of(f.module, ps.kids[i]);  // analyze records each parameter's symbol on its Param node
    if (s == kNoId) return internal_error(arrow, f.module, "callback parameter without a symbol");
    xs.push_back(w_.set(local_of(f, s), args[i].first));
    if (NodeId pattern = node(f.module, ps.kids[i]).kid(2); pattern != kNoNode)  // ({ id, name }) => …
      xs.push_back(bind_pattern(f, pattern, local_of(f, s)));
  }
  for (size_t i = ps.kids.size(); i < args.size(); ++i) xs.push_back(w_.drop(args[i].first));
  WType rt_ = wtype(ret);
  if (a.flags & kExprBody) {
    xs.push_back(expr_as(f, a.kid(1), ret));
    return w_.seq(xs, rt_);
  }
  std::string lbl = label("ret");
  uint32_t result = rt_ == t_none() ? 0 : f.add_var(rt_);
  f.inline_rets.push_back({lbl, result, rt_, ret, f.finallies.size()});
  Ex body = stmt(f, a.kid(1));
  f.inline_rets.pop_back();
  xs.push_back(w_.named(lbl, {body}, t_none()));
  if (rt_ != t_none()) xs.push_back(w_.get(result, rt_));
  return w_.seq(xs, rt_);
}

Ex CodeGen::array_loop(Fn& f, NodeId n, const std::string& method, Ex arr_ex, TypeId arr_t, NodeId cb, TypeId out_elem) {
  auto& T = p_.types;
  TypeId et = T.info(arr_t).elem;
  TypeId out_et = out_elem ? out_elem : T.info(type_of(f, n)).elem;
  uint32_t esize = T.wasm(et) == WasmType::F64 ? 8 : 4, osize = T.wasm(out_et) == WasmType::F64 ? 8 : 4;
  uint32_t arr = f.add_var(t_i32()), len = f.add_var(t_i32()), out = f.add_var(t_i32()), i = f.add_var(t_i32());
  uint32_t elem = f.add_var(wtype(et));
  std::string brk = label("brk"), cont = label("cont");
  Ex load_elem = w_.set(elem, load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(esize))), 0, et));
  std::vector<std::pair<Ex, TypeId>> args{{w_.get(elem, wtype(et)), et}, {w_.u32_to_f64(w_.get(i, t_i32())), T.number()}};
  Ex step;
  if (method == "filter") {
    bool boolean = node(f.module, cb).kind == NodeKind::Identifier && node(f.module, cb).text == "Boolean" && p_.ref_of(f.module, cb) == kNoId;
    TypeId rt_ = boolean ? et : T.info(p_.type_of(f.module, cb)).ret;
    Ex keep = boolean ? truthy(f, w_.get(elem, wtype(et)), et)  // filter(Boolean)
                      : truthy(f, inline_callback(f, cb, args, rt_), rt_);
    Ex push = T.wasm(et) == WasmType::F64 ? w_.call(rt["dx_array_push_f64"], {w_.get(out, t_i32()), w_.get(elem, wtype(et))}, t_none())
                                          : w_.call(rt["dx_array_push_i32"], {w_.get(out, t_i32()), w_.get(elem, wtype(et))}, t_none());
    step = w_.if_(keep, push);
  } else {  // map: the output has the input's length; fill it in place
    Ex v = inline_callback(f, cb, args, out_et);
    Ex addr = w_.add32(w_.ld32(w_.get(out, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(osize)));
    step = T.wasm(out_et) == WasmType::F64 ? w_.st64(addr, 0, v) : w_.st32(addr, 0, v);
  }
  Ex body = w_.seq({w_.br(brk, w_.geu32(w_.get(i, t_i32()), w_.get(len, t_i32()))), load_elem, step,
                    w_.set(i, w_.add32(w_.get(i, t_i32()), w_.i32(1))), w_.br(cont)},
                   t_none());
  uint32_t out_len_arg = method == "map" ? 1 : 0;
  return w_.seq({w_.set(arr, arr_ex), w_.set(len, w_.ld32(w_.get(arr, t_i32()), 8)),
                 w_.set(out, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(method == "map" ? out_et : et)),
                                                          out_len_arg ? w_.get(len, t_i32()) : w_.i32(0)}, t_i32())),
                 w_.set(i, w_.i32(0)), w_.named(brk, {w_.loop(cont, body)}, t_none()), w_.get(out, t_i32())},
                t_i32());
}

// some / every / find / findIndex / forEach / reduce as inline loops over a length read once (as JS does),
// the callback's body in place; some/every/find/findIndex stop at the first decisive element.
Ex CodeGen::array_scan(Fn& f, NodeId n, const std::string& method, Ex arr_ex, TypeId arr_t, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  TypeId et = T.info(arr_t).elem;
  TypeId rt_t = type_of(f, n);
  WType rw = wtype(rt_t);
  uint32_t esize = T.wasm(et) == WasmType::F64 ? 8 : 4;
  uint32_t arr = f.add_var(t_i32()), len = f.add_var(t_i32()), i = f.add_var(t_i32()), elem = f.add_var(wtype(et));
  uint32_t res = rw == t_none() ? 0 : f.add_var(rw);
  std::string brk = label("brk"), top = label("top");
  NodeId cb = args[0];
  // findLast, findLastIndex and reduceRight go from the end: i counts down from len to 1, the element is i − 1.
  const bool back = method == "findLast" || method == "findLastIndex" || method == "reduceRight";
  Ex at = back ? w_.bin(BinaryenSubInt32(), w_.get(i, t_i32()), w_.i32(1)) : w_.get(i, t_i32());
  Ex load_elem = w_.set(elem, load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(at, w_.u32(esize))), 0, et));
  Ex index = w_.u32_to_f64(back ? w_.bin(BinaryenSubInt32(), w_.get(i, t_i32()), w_.i32(1)) : w_.get(i, t_i32()));
  Ex init, step;
  if ((method == "reduce" || method == "reduceRight") && args.size() == 1) {  // the first element is the initial value
    init = w_.seq({w_.if_(w_.eqz(w_.get(len, t_i32())), w_.seq({w_.call(rt["dx_throw_empty_reduce"], {}, t_none()), w_.unreachable()}, t_none())),
                   back ? w_.set(i, w_.bin(BinaryenSubInt32(), w_.get(i, t_i32()), w_.i32(1))) : w_.set(i, w_.i32(1)),
                   w_.set(res, load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(back ? w_.get(i, t_i32()) : w_.i32(0), w_.u32(esize))), 0, et))},
                  t_none());
    step = w_.set(res, inline_callback(f, cb, {{w_.get(res, rw), rt_t}, {w_.get(elem, wtype(et)), et}, {index, T.number()}}, rt_t));
  } else if (method == "reduce" || method == "reduceRight") {
    init = w_.set(res, expr(f, args[1]));
    step = w_.set(res, inline_callback(f, cb, {{w_.get(res, rw), rt_t}, {w_.get(elem, wtype(et)), et}, {index, T.number()}}, rt_t));
  } else {
    TypeId cbt = T.info(p_.type_of(f.module, cb)).ret;
    Ex body = inline_callback(f, cb, {{w_.get(elem, wtype(et)), et}, {index, T.number()}}, cbt);
    if (method == "forEach") {
      init = w_.nop();
      step = wtype(cbt) == t_none() ? body : w_.drop(body);
    } else {
      Ex hit = truthy(f, body, cbt);
      if (method == "some") { init = w_.set(res, w_.i32(0)); step = w_.if_(hit, w_.seq({w_.set(res, w_.i32(1)), w_.br(brk)})); }
      else if (method == "every") { init = w_.set(res, w_.i32(1)); step = w_.if_(w_.eqz(hit), w_.seq({w_.set(res, w_.i32(0)), w_.br(brk)})); }
      else if (method == "find" || method == "findLast") {  // not found: undefined (a Ref's 0, a number's payload)
        init = w_.set(res, nullish_const(rt_t, false));
        step = w_.if_(hit, w_.seq({w_.set(res, w_.get(elem, wtype(et))), w_.br(brk)}));
      } else {
        init = w_.set(res, w_.f64(-1));
        step = w_.if_(hit, w_.seq({w_.set(res, w_.u32_to_f64(back ? w_.bin(BinaryenSubInt32(), w_.get(i, t_i32()), w_.i32(1)) : w_.get(i, t_i32()))), w_.br(brk)}));
      }
    }
  }
  Ex done = back ? w_.eqz(w_.get(i, t_i32())) : w_.geu32(w_.get(i, t_i32()), w_.get(len, t_i32()));
  Ex next = w_.set(i, back ? w_.bin(BinaryenSubInt32(), w_.get(i, t_i32()), w_.i32(1)) : w_.add32(w_.get(i, t_i32()), w_.i32(1)));
  Ex loop = w_.loop(top, w_.seq({w_.br(brk, done), load_elem, step, next, w_.br(top)}, t_none()));
  std::vector<Ex> xs{w_.set(arr, arr_ex), w_.set(len, w_.ld32(w_.get(arr, t_i32()), 8)),
                     w_.set(i, back ? w_.get(len, t_i32()) : w_.i32(0)), init, w_.named(brk, {loop}, t_none())};
  if (rw != t_none()) xs.push_back(w_.get(res, rw));
  return w_.seq(xs, rw);
}

// isNaN: x ≠ x; isFinite: x − x = 0 (NaN for ±Infinity and NaN); isInteger: finite and floor(x) = x;
// isSafeInteger: an integer with |x| ≤ 2^53 − 1.
Ex CodeGen::number_predicate(Fn& f, const std::string& name, Ex v) {
  uint32_t x = f.add_var(t_f64());
  auto g = [&] { return w_.get(x, t_f64()); };
  Ex finite = w_.bin(BinaryenEqFloat64(), w_.bin(BinaryenSubFloat64(), g(), g()), w_.f64(0));
  Ex test;
  if (name == "isNaN") test = w_.bin(BinaryenNeFloat64(), g(), g());
  else if (name == "isFinite") test = finite;
  else {
    Ex integer = w_.and_(finite, w_.bin(BinaryenEqFloat64(), w_.un(BinaryenFloorFloat64(), g()), g()));
    test = name == "isInteger" ? integer
                               : w_.and_(integer, w_.bin(BinaryenLeFloat64(), w_.un(BinaryenAbsFloat64(), g()), w_.f64(9007199254740991.0)));
  }
  return w_.seq({w_.set(x, v), test}, t_i32());
}

Ex CodeGen::host_math(const std::string& name, std::vector<Ex> args) {
  std::string internal = "math$" + name;
  if (!BinaryenGetFunction(w_.m, internal.c_str())) {
    std::vector<WType> params(args.size(), t_f64());
    BinaryenAddFunctionImport(w_.m, internal.c_str(), "dx", name.c_str(), t_tuple(params), t_f64());
  }
  return w_.call(internal, std::move(args), t_f64());
}

Ex CodeGen::arith(const std::string& op, Ex a, Ex b) {
  if (op == "+") return w_.bin(BinaryenAddFloat64(), a, b);
  if (op == "-") return w_.bin(BinaryenSubFloat64(), a, b);
  if (op == "*") return w_.bin(BinaryenMulFloat64(), a, b);
  if (op == "/") return w_.bin(BinaryenDivFloat64(), a, b);
  if (op == "%") return w_.call(rt["dx_num_rem"], {a, b}, t_f64());
  if (op == "**") return host_math("pow", {a, b});
  // Bitwise: on the operands' ToInt32 (a shift counts modulo 32, as wasm's shifts do); `>>>` is unsigned.
  BinaryenOp i = op == "&" ? BinaryenAndInt32() : op == "|" ? BinaryenOrInt32() : op == "^" ? BinaryenXorInt32()
               : op == "<<" ? BinaryenShlInt32() : op == ">>" ? BinaryenShrSInt32() : BinaryenShrUInt32();
  return w_.un(op == ">>>" ? BinaryenConvertUInt32ToFloat64() : BinaryenConvertSInt32ToFloat64(),
               w_.bin(i, int32_of(a), int32_of(b)));
}

// A new array of `len` elements, element i the value `fill(i)` gives (i an i32 local).
static Ex fill_loop(W& w, uint32_t out, uint32_t len, uint32_t i, TypeId et, const Types& T, const std::function<Ex()>& value,
                    const std::string& brk, const std::string& top) {
  uint32_t size = T.wasm(et) == WasmType::F64 ? 8 : 4;
  Ex addr = w.add32(w.ld32(w.get(out, t_i32()), 16), w.mul32(w.get(i, t_i32()), w.u32(size)));
  Ex store = size == 8 ? w.st64(addr, 0, value()) : w.st32(addr, 0, value());
  Ex body = w.seq({w.br(brk, w.geu32(w.get(i, t_i32()), w.get(len, t_i32()))), store, w.set(i, w.add32(w.get(i, t_i32()), w.i32(1))), w.br(top)},
                  t_none());
  return w.seq({w.set(i, w.i32(0)), w.named(brk, {w.loop(top, body)}, t_none())}, t_none());
}

Ex CodeGen::array_from(Fn& f, NodeId n, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  TypeId rt_t = type_of(f, n), et = T.info(rt_t).elem;
  const Node& src = node(f.module, args[0]);
  if (src.kind != NodeKind::ObjectLit || T.kind(type_of(f, args[0])) != TypeKind::Number) {  // from an array (or a collection's)
    if (args.size() == 1) return w_.call(rt["dx_array_slice"], {expr(f, args[0]), w_.f64(0), w_.f64(kInf)}, t_i32());
    return array_loop(f, n, "map", expr(f, args[0]), iterable_type(f, args[0]), args[1], et);
  }
  uint32_t len = f.add_var(t_i32()), out = f.add_var(t_i32()), i = f.add_var(t_i32());
  Ex length = w_.call(rt["dx_array_length_of"], {expr(f, node(f.module, src.kids[0]).kid(0)), w_.i32(0)}, t_i32());
  auto value = [&] {
    return inline_callback(f, args[1], {{nullish_const(T.with_nullable(T.number(), kOrUndefined), false), T.with_nullable(T.number(), kOrUndefined)},
                                        {w_.u32_to_f64(w_.get(i, t_i32())), T.number()}},
                           et);
  };
  return w_.seq({w_.set(len, length), w_.set(out, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(et)), w_.get(len, t_i32())}, t_i32())),
                 fill_loop(w_, out, len, i, et, T, value, label("brk"), label("top")), w_.get(out, t_i32())},
                t_i32());
}

Ex CodeGen::array_filled(Fn& f, NodeId n, NodeId ctor_call, NodeId value) {
  auto& T = p_.types;
  TypeId et = T.info(type_of(f, n)).elem;
  const Node& ctor = node(f.module, ctor_call);
  uint32_t len = f.add_var(t_i32()), out = f.add_var(t_i32()), i = f.add_var(t_i32()), v = f.add_var(wtype(et));
  return w_.seq({w_.set(len, w_.call(rt["dx_array_length_of"], {expr(f, ctor.kids[2]), w_.i32(1)}, t_i32())),
                 w_.set(v, expr_as(f, value, et)),
                 w_.set(out, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(et)), w_.get(len, t_i32())}, t_i32())),
                 fill_loop(w_, out, len, i, et, T, [&] { return w_.get(v, wtype(et)); }, label("brk"), label("top")),
                 w_.get(out, t_i32())},
                t_i32());
}

Ex CodeGen::math(Fn& f, NodeId n, const std::string& name, const std::vector<NodeId>& args) {
  auto one = [&]() { return expr(f, args[0]); };
  if (name == "random") return w_.call(rt["dx_math_random"], {}, t_f64());
  size_t arity = 0;
  if (is_host_math(name, &arity)) {
    std::vector<Ex> xs;
    for (NodeId a : args) xs.push_back(expr(f, a));
    return host_math(name, std::move(xs));
  }
  if (name == "fround") return w_.un(BinaryenPromoteFloat32(), w_.un(BinaryenDemoteFloat64(), one()));
  if (name == "clz32") return w_.un(BinaryenConvertUInt32ToFloat64(), w_.un(BinaryenClzInt32(), int32_of(one())));
  if (name == "imul")
    return w_.un(BinaryenConvertSInt32ToFloat64(), w_.bin(BinaryenMulInt32(), int32_of(expr(f, args[0])), int32_of(expr(f, args[1]))));
  if (name == "floor") return w_.un(BinaryenFloorFloat64(), one());
  if (name == "ceil") return w_.un(BinaryenCeilFloat64(), one());
  if (name == "abs") return w_.un(BinaryenAbsFloat64(), one());
  if (name == "sqrt") return w_.un(BinaryenSqrtFloat64(), one());
  if (name == "trunc") return w_.un(BinaryenTruncFloat64(), one());
  if (name == "min" || name == "max") {  // wasm's f64.min/max are JS's: NaN wins, -0 < +0
    BinaryenOp op = name == "min" ? BinaryenMinFloat64() : BinaryenMaxFloat64();
    uint32_t acc = f.add_var(t_f64());
    bool spread0 = !args.empty() && node(f.module, args[0]).kind == NodeKind::Spread;
    std::vector<Ex> xs{w_.set(acc, spread0 ? w_.f64(name == "min" ? kInf : -kInf) : expr(f, args[0]))};  // Math.max() is -Infinity
    for (size_t k = spread0 ? 0 : 1; k < args.size(); ++k) {
      NodeId a = args[k];
      const Node& an = node(f.module, a);
      if (an.kind != NodeKind::Spread) {
        xs.push_back(w_.set(acc, w_.bin(op, w_.get(acc, t_f64()), expr(f, a))));
        continue;
      }
      uint32_t arr = f.add_var(t_i32()), i = f.add_var(t_i32());
      std::string top = label("mm"), brk = label("mmx");
      xs.push_back(w_.set(arr, expr(f, an.kid(0))));
      xs.push_back(w_.set(i, w_.i32(0)));
      Ex step = w_.seq({w_.br(brk, w_.geu32(w_.get(i, t_i32()), w_.ld32(w_.get(arr, t_i32()), 8))),
                        w_.set(acc, w_.bin(op, w_.get(acc, t_f64()),
                                           w_.ld64(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(8))), 0))),
                        w_.set(i, w_.add32(w_.get(i, t_i32()), w_.i32(1))), w_.br(top)},
                       t_none());
      xs.push_back(w_.named(brk, {w_.loop(top, step)}, t_none()));
    }
    xs.push_back(w_.get(acc, t_f64()));
    return w_.seq(xs, t_f64());
  }
  uint32_t x = f.add_var(t_f64()), r = f.add_var(t_f64());
  if (name == "sign") {  // NaN, +0 and -0 are returned as they are
    return w_.seq({w_.set(x, one()),
                   w_.if_(w_.and_(w_.bin(BinaryenNeFloat64(), w_.get(x, t_f64()), w_.f64(0)), w_.bin(BinaryenEqFloat64(), w_.get(x, t_f64()), w_.get(x, t_f64()))),
                          w_.bin(BinaryenCopySignFloat64(), w_.f64(1), w_.get(x, t_f64())), w_.get(x, t_f64()))},
                  t_f64());
  }
  // round: floor(x), plus one when the fraction is ≥ .5; keeps the sign of x for results of 0 (-0.3 → -0).
  return w_.seq({w_.set(x, one()), w_.set(r, w_.un(BinaryenFloorFloat64(), w_.get(x, t_f64()))),
                 w_.if_(w_.bin(BinaryenGeFloat64(), w_.bin(BinaryenSubFloat64(), w_.get(x, t_f64()), w_.get(r, t_f64())), w_.f64(0.5)),
                        w_.set(r, w_.bin(BinaryenAddFloat64(), w_.get(r, t_f64()), w_.f64(1)))),
                 w_.if_(w_.bin(BinaryenEqFloat64(), w_.get(r, t_f64()), w_.f64(0)),
                        w_.set(r, w_.bin(BinaryenCopySignFloat64(), w_.get(r, t_f64()), w_.get(x, t_f64())))),
                 w_.get(r, t_f64())},
                t_f64());
}

// A global function's call (builtins.h GlobalFn; Number.parseFloat / parseInt come here too).
Ex CodeGen::global_call(Fn& f, GlobalFn g, const std::vector<NodeId>& args) {
  TypeId at = type_of(f, args[0]);
  Ex a = expr(f, args[0]);
  switch (g) {
    case GlobalFn::IsNaN: return number_predicate(f, "isNaN", a);
    case GlobalFn::IsFinite: return number_predicate(f, "isFinite", a);
    case GlobalFn::String: return to_str(f, a, at);
    case GlobalFn::Number: return to_number(f, a, at);
    case GlobalFn::ParseFloat: return w_.call(rt["dx_parse_float"], {a}, t_f64());
    case GlobalFn::EncodeUriComponent: return w_.call(rt["dx_encode_uri_component"], {a}, t_i32());
    case GlobalFn::DecodeUriComponent: return w_.call(rt["dx_decode_uri_component"], {a}, t_i32());
    case GlobalFn::SetTimeout: case GlobalFn::SetInterval: {  // owned by the block instance whose code sets it
      return w_.call(rt["dx_timer_set"], {a, args.size() > 1 ? expr(f, args[1]) : w_.f64(0), w_.i32(g == GlobalFn::SetInterval),
                                          current_instance(f, args[0])}, t_f64());
    }
    case GlobalFn::ClearTimeout: case GlobalFn::ClearInterval: return w_.call(rt["dx_timer_clear"], {a}, t_none());
    default: return w_.call(rt["dx_parse_int"], {a, args.size() > 1 ? expr(f, args[1]) : w_.f64(0)}, t_f64());
  }
}

Ex CodeGen::call(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  NodeId callee = x.kid(0);
  const Node& cn = node(f.module, callee);
  std::vector<NodeId> args = call_args(x);
  if (x.flags & kOptional) {  // f?.(args): out of the chain (undefined) when the function value is null or undefined
    auto& T = p_.types;
    TypeId ft = type_of(f, callee);
    if (!p_.modules[f.module]->chain_links.count(n)) return closure_call(f, expr(f, callee), args, ft);
    uint32_t fn;
    Ex check = chain_check(f, callee, ft, &fn);
    Ex call = closure_call(f, w_.get(fn, t_i32()), args, T.non_null(ft));
    return w_.seq({check, call});
  }
  if (cn.kind == NodeKind::Member) return member_call(f, n);
  if (cn.kind != NodeKind::Identifier) return closure_call(f, expr(f, callee), args, type_of(f, callee));  // fs[i](…)
  SymId s = p_.ref_of(f.module, callee);
  if (s == kNoId && find_global_function(std::string(cn.text)) != GlobalFn::None)
    return global_call(f, find_global_function(std::string(cn.text)), args);
  if (s == kNoId) return internal_error(n, f.module, "unresolved call");
  const Symbol& sym = p_.symbols[s];
  switch (sym.kind) {
    case SymKind::Signal: return load_typed(env_of(f, sym.block, n), sym.offset, sym.type);
    case SymKind::Memo: return w_.call(memo_name(s), {env_of(f, sym.block, n)}, wtype(sym.type));
    case SymKind::Accessor: return expr(f, sym.init);  // <Show when={x}>{(v) => …}: v() is x again
    case SymKind::Setter: return set_signal(f, s, args[0], n);
    case SymKind::Selector: {
      TypeId st = p_.symbols[sym.signal].type;
      return equal(f, read_symbol(f, n, sym.signal), expr(f, args[0]), st);
    }
    case SymKind::Builtin:
      if (sym.builtin == Builtin::Batch || sym.builtin == Builtin::Untrack) return inline_callback(f, args[0], {}, type_of(f, x.kid(0)));
      if (sym.builtin == Builtin::OnCleanup)  // runs when the current block's instance is destroyed (timers.cpp)
        return w_.call(rt["dx_on_cleanup"], {expr(f, args[0]), current_instance(f, n)}, t_none());
      if (sym.builtin == Builtin::UseParams)  // a new record of the route params (runtime-wasm/src/params.cpp)
        return w_.call(rt["dx_params_record"], {w_.u32(p_.types.info(type_of(f, n)).shape)}, t_i32());
      if (sym.builtin == Builtin::UseSearchParams || sym.builtin == Builtin::UseFormData)  // the same, of the URL's
        // query or of a POSTed form (params.cpp)
        return w_.call(rt[sym.builtin == Builtin::UseFormData ? "dx_form_record" : "dx_search_record"],
                       {w_.u32(p_.types.info(type_of(f, n)).shape)}, t_i32());
      return internal_error(n, f.module, "cannot call '" + sym.name + "'");
    case SymKind::Function: return direct_call(f, sym.func, call_values(f, n, args, p_.funcs[sym.func].type), n);
    case SymKind::Local: case SymKind::Field: case SymKind::Global:
      if (p_.modules[f.module]->rest_calls.count(n))  // a const bound to an arrow with a rest parameter
        return closure_call_values(f, read_symbol(f, callee, s), call_values(f, n, args, sym.type), sym.type);
      return closure_call(f, read_symbol(f, callee, s), args, sym.type);
    default: return internal_error(n, f.module, "cannot call '" + sym.name + "'");
  }
}

bool CodeGen::is_location(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto global = [&](NodeId k, const char* name) {
    return node(f.module, k).kind == NodeKind::Identifier && node(f.module, k).text == name && p_.ref_of(f.module, k) == kNoId;
  };
  return global(n, "location") || (x.kind == NodeKind::Member && x.text == "location" && global(x.kid(0), "window"));
}

Ex CodeGen::member_call(Fn& f, NodeId n) {
  const Node& cn = node(f.module, node(f.module, n).kid(0));
  TypeId ot = type_of(f, cn.kid(0));
  if (!p_.modules[f.module]->chain_links.count(n)) return member_call_on(f, n);
  // x?.m(args): the object once, into a local the call then reads; out of the chain when it is null or undefined.
  uint32_t obj;
  Ex check = chain_check(f, cn.kid(0), ot, &obj);
  f.bound[cn.kid(0)] = obj;
  Ex call = member_call_on(f, n);
  f.bound.erase(cn.kid(0));
  return w_.seq({check, call});
}

Ex CodeGen::member_call_on(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  const Node& cn = node(f.module, x.kid(0));
  std::vector<NodeId> args = call_args(x);
  std::string method(cn.text);
  const Node& on = node(f.module, cn.kid(0));
  TypeId ot = type_of(f, cn.kid(0));
  if (on.kind == NodeKind::Identifier && on.text == "Math" && p_.ref_of(f.module, cn.kid(0)) == kNoId) return math(f, n, method, args);
  if (on.kind == NodeKind::Identifier && on.text == "Array" && method == "from" && p_.ref_of(f.module, cn.kid(0)) == kNoId)
    return array_from(f, n, args);
  if (on.kind == NodeKind::Identifier && on.text == "Object" && p_.ref_of(f.module, cn.kid(0)) == kNoId)
    return object_call(f, n, method, args);  // Object.keys(dict), … (codegen_collections.cpp)
  if (on.kind == NodeKind::Identifier && on.text == "Number" && (method == "parseFloat" || method == "parseInt") &&
      p_.ref_of(f.module, cn.kid(0)) == kNoId)
    return global_call(f, method == "parseFloat" ? GlobalFn::ParseFloat : GlobalFn::ParseInt, args);
  if (on.kind == NodeKind::Identifier && on.text == "String" && (method == "fromCharCode" || method == "fromCodePoint") &&
      p_.ref_of(f.module, cn.kid(0)) == kNoId) {
    Ex s = args.empty() ? str_const("") : nullptr;
    for (NodeId a : args) {
      Ex one = w_.call(rt[method == "fromCharCode" ? "dx_str_from_char_code" : "dx_str_from_code_point"], {expr(f, a)}, t_i32());
      s = s ? w_.call(rt["dx_str_concat"], {s, one}, t_i32()) : one;
    }
    return s;
  }
  if (T.kind(ot) == TypeKind::String && method == "at") return w_.call(rt["dx_str_at"], {expr(f, cn.kid(0)), expr(f, args[0])}, t_i32());
  if (T.kind(ot) == TypeKind::String && method == "codePointAt")
    return w_.call(rt["dx_str_code_point_at"], {expr(f, cn.kid(0)), expr(f, args[0])}, t_f64());
  if (T.kind(ot) == TypeKind::String && method == "split") {  // split(sep, limit): the first ToUint32(limit) parts
    Ex parts = w_.call(rt["dx_str_split"], {expr(f, cn.kid(0)), expr(f, args[0])}, t_i32());
    if (args.size() < 2) return parts;
    Ex limit = w_.un(BinaryenConvertUInt32ToFloat64(), int32_of(expr(f, args[1])));
    return w_.call(rt["dx_array_slice"], {parts, w_.f64(0), limit}, t_i32());
  }
  if (T.kind(ot) == TypeKind::Array && (method == "flat" || method == "flatMap")) {
    TypeId rt_t = type_of(f, n);
    Ex src = method == "flat" ? expr(f, cn.kid(0)) : array_loop(f, n, "map", expr(f, cn.kid(0)), ot, args[0], T.info(p_.type_of(f.module, args[0])).ret);
    TypeId inner = method == "flat" ? T.info(ot).elem : T.info(p_.type_of(f.module, args[0])).ret;
    if (T.kind(inner) != TypeKind::Array) return method == "flat" ? w_.call(rt["dx_array_slice"], {src, w_.f64(0), w_.f64(kInf)}, t_i32()) : src;
    return w_.call(rt["dx_array_flat"], {src, w_.u32(T.elem_kind(T.info(rt_t).elem))}, t_i32());
  }
  if (method == "fill" && (on.kind == NodeKind::New || on.kind == NodeKind::Call) && node(f.module, on.kid(0)).kind == NodeKind::Identifier &&
      node(f.module, on.kid(0)).text == "Array" && p_.ref_of(f.module, on.kid(0)) == kNoId)
    return array_filled(f, n, cn.kid(0), args[0]);
  if (on.kind == NodeKind::Identifier && on.text == "Number" && p_.ref_of(f.module, cn.kid(0)) == kNoId && is_number_predicate(method))
    return number_predicate(f, method, expr(f, args[0]));
  if (on.kind == NodeKind::Identifier && (on.text == "Date" || on.text == "performance") && method == "now" &&
      p_.ref_of(f.module, cn.kid(0)) == kNoId)
    return w_.call(rt[on.text == "Date" ? "dx_date_now" : "dx_performance_now"], {}, t_f64());
  FieldOrder order = [this](ShapeId s) { return literal_order(p_, s); };
  std::set<TypeId> refused;  // one DX0265 per type and call
  auto descriptor = [&](NodeId a) {  // analyze accepted the type: "" means DX0265
    TypeId t = type_of(f, a);
    std::string d = inspect_descriptor(T, t, order);
    if (d.empty() && refused.insert(t).second)
      d_.error("DX0265", node(f.module, a).span,
               "'" + T.name(t) + "' is built by object literals that write its fields in different orders (or after another "
               "record's spread, or with numeric keys): JS would print them in each object's own order; write them in one "
               "order to print or stringify it");
    return d;
  };
  if (on.kind == NodeKind::Identifier && on.text == "console" && p_.ref_of(f.module, cn.kid(0)) == kNoId) {
    // The arguments are evaluated first, then each is formatted as util.inspect does (console.cpp), joined by
    // spaces and sent as one CONSOLE op.
    std::vector<Ex> xs;
    Ex text = nullptr;
    for (NodeId a : args) {
      TypeId at = type_of(f, a);
      uint32_t v = f.add_var(wtype(at));
      xs.push_back(w_.set(v, expr(f, a)));
      Ex s = T.kind(at) != TypeKind::Number ? w_.call(rt["dx_inspect"], {w_.get(v, t_i32()), str_const(descriptor(a))}, t_i32())
             : T.nullable(at) ? unless_nullish(f, w_.get(v, t_f64()), at, [&](Ex n) { return w_.call(rt["dx_inspect_num"], {n}, t_i32()); },
                                               [&](bool null) { return str_const(null ? "null" : "undefined"); })
                              : w_.call(rt["dx_inspect_num"], {w_.get(v, t_f64())}, t_i32());
      text = text ? w_.call(rt["dx_str_concat"], {w_.call(rt["dx_str_concat"], {text, str_const(" ")}, t_i32()), s}, t_i32()) : s;
    }
    uint32_t level = method == "log" ? 0 : method == "warn" ? 1 : 2;
    xs.push_back(w_.call(rt["dx_console"], {w_.u32(level), text ? text : str_const("")}, t_none()));
    return w_.seq(xs, t_none());
  }
  if (on.kind == NodeKind::Identifier && on.text == "localStorage" && p_.ref_of(f.module, cn.kid(0)) == kNoId) {  // storage.cpp
    if (method == "getItem") return w_.call(rt["dx_storage_get"], {expr(f, args[0])}, t_i32());
    if (method == "removeItem") return w_.call(rt["dx_storage_remove"], {expr(f, args[0])}, t_none());
    return w_.call(rt["dx_storage_set"], {expr(f, args[0]), expr(f, args[1])}, t_none());
  }
  if (on.kind == NodeKind::Identifier && on.text == "JSON" && p_.ref_of(f.module, cn.kid(0)) == kNoId && method == "parse") {
    TypeId t = type_of(f, n);  // the target type (json_parse.cpp checks the value against it)
    const Module& mod = *p_.modules[f.module];
    LineCol lc = p_.sources->line_col(mod.file, x.span.start);
    Ex where = str_const(mod.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col));
    std::vector<Ex> ops{expr(f, args[0]), str_const(json_parse_descriptor(T, t)), where};
    return T.kind(t) == TypeKind::Number ? w_.call(rt["dx_json_parse_num"], ops, t_f64()) : w_.call(rt["dx_json_parse"], ops, t_i32());
  }
  if (on.kind == NodeKind::Identifier && on.text == "JSON" && p_.ref_of(f.module, cn.kid(0)) == kNoId) {  // stringify (json.cpp)
    TypeId at = type_of(f, args[0]);
    if (T.kind(at) == TypeKind::Number && T.nullable(at))  // JSON.stringify(undefined) is undefined (the Ref 0)
      return unless_nullish(f, expr(f, args[0]), at, [&](Ex n) { return w_.call(rt["dx_json_num"], {n}, t_i32()); },
                            [&](bool null) { return null ? str_const("null") : w_.i32(0); });
    if (T.kind(at) == TypeKind::Number) return w_.call(rt["dx_json_num"], {expr(f, args[0])}, t_i32());
    return w_.call(rt["dx_json"], {expr(f, args[0]), str_const(descriptor(args[0]))}, t_i32());
  }
  if (T.kind(ot) == TypeKind::Map || T.kind(ot) == TypeKind::Set)
    return collection_call(f, n, expr(f, cn.kid(0)), T.non_null(ot), method, args);
  if (T.kind(ot) == TypeKind::Array && method == "push") {
    TypeId et = T.info(ot).elem;
    uint32_t arr = f.add_var(t_i32());
    std::vector<Ex> xs{w_.set(arr, expr(f, cn.kid(0)))};
    for (NodeId a : args)
      xs.push_back(T.wasm(et) == WasmType::F64 ? w_.call(rt["dx_array_push_f64"], {w_.get(arr, t_i32()), expr(f, a)}, t_none())
                                               : w_.call(rt["dx_array_push_i32"], {w_.get(arr, t_i32()), expr(f, a)}, t_none()));
    xs.push_back(w_.u32_to_f64(w_.ld32(w_.get(arr, t_i32()), 8)));
    return w_.seq(xs, t_f64());
  }
  if (T.kind(ot) == TypeKind::Array) {
    TypeId et = T.info(ot).elem;
    bool f64 = T.wasm(et) == WasmType::F64;
    // `(number | null)[]`, `(boolean | undefined)[]`: search, join and sort that know the payloads (a nullable
    // boolean's 2 / 3 are distinct i32s already, so its search is the plain one).
    bool nullable = !T.is_ref(et) && T.nullable(et);
    auto arg = [&](size_t i, Ex fallback) { return i < args.size() ? expr(f, args[i]) : fallback; };
    if (method == "toSorted" || method == "toReversed" || method == "toSpliced" || method == "with" || method == "fill" ||
        method == "lastIndexOf")
      return array_copying(f, n, method, cn.kid(0), args);  // codegen_arrays.cpp
    if (method == "slice") return w_.call(rt["dx_array_slice"], {expr(f, cn.kid(0)), arg(0, w_.f64(0)), arg(1, w_.f64(kInf))}, t_i32());
    if (method == "reverse") return w_.call(rt["dx_array_reverse"], {expr(f, cn.kid(0))}, t_i32());
    if (method == "concat") return w_.call(rt["dx_array_concat"], {expr(f, cn.kid(0)), expr(f, args[0])}, t_i32());
    if (method == "indexOf" || method == "includes") {
      const char* fn = method == "indexOf" ? (!f64 ? "dx_array_index_of_i32" : nullable ? "dx_array_index_of_nullable" : "dx_array_index_of_f64")
                                           : (!f64 ? "dx_array_includes_i32" : nullable ? "dx_array_includes_nullable" : "dx_array_includes_f64");
      return w_.call(rt[fn], {expr(f, cn.kid(0)), expr_as(f, args[0], et), arg(1, w_.f64(0))}, method == "indexOf" ? t_f64() : t_i32());
    }
    if (method == "sort") return w_.call(rt[nullable ? "dx_array_sort_nullable" : "dx_array_sort"], {expr(f, cn.kid(0)), arg(0, w_.i32(0))}, t_i32());
    if (method == "pop" || method == "shift") {
      // The f64 forms return undefined's payload for an empty array, the i32 forms 0 (a Ref's undefined); a
      // boolean's undefined is 2, tested here.
      std::string fn = std::string(method == "pop" ? "dx_array_pop" : "dx_array_shift") + (f64 ? "_f64" : "_i32");
      TypeId rt_type = type_of(f, n);
      if (wtype(rt_type) == t_none()) return w_.drop(w_.call(rt[fn], {expr(f, cn.kid(0))}, f64 ? t_f64() : t_i32()));
      if (T.kind(et) != TypeKind::Boolean) return w_.call(rt[fn], {expr(f, cn.kid(0))}, f64 ? t_f64() : t_i32());
      uint32_t arr = f.add_var(t_i32());
      return w_.seq({w_.set(arr, expr(f, cn.kid(0))),
                     w_.if_(w_.eqz(w_.ld32(w_.get(arr, t_i32()), 8)), nullish_const(rt_type, false),
                            w_.call(rt[fn], {w_.get(arr, t_i32())}, t_i32()))},
                    t_i32());
    }
    if (method == "unshift" || method == "splice") {  // the inserted items travel as one array (0: none)
      Ex items = items_array(f, args, method == "unshift" ? 0 : 2, et);
      if (method == "unshift") return w_.call(rt["dx_array_unshift"], {expr(f, cn.kid(0)), items}, t_f64());
      return w_.call(rt["dx_array_splice"], {expr(f, cn.kid(0)), arg(0, w_.f64(0)), arg(1, w_.f64(kInf)), items}, t_i32());
    }
    if (method == "some" || method == "every" || method == "find" || method == "findIndex" || method == "forEach" || method == "reduce" ||
        method == "findLast" || method == "findLastIndex" || method == "reduceRight")
      return array_scan(f, n, method, expr(f, cn.kid(0)), ot, args);
    if (method == "at") {  // ToIntegerOrInfinity(i) (NaN → 0), from the end when negative; undefined outside
      TypeId et = T.info(ot).elem, rt_t = type_of(f, n);
      uint32_t arr = f.add_var(t_i32()), k = f.add_var(t_f64());
      uint32_t esize = T.wasm(et) == WasmType::F64 ? 8 : 4;
      auto kv = [&] { return w_.get(k, t_f64()); };
      Ex fix = index_from_end(k, expr(f, args[0]), w_.u32_to_f64(w_.ld32(w_.get(arr, t_i32()), 8)));
      Ex in_range = w_.and_(w_.bin(BinaryenGeFloat64(), kv(), w_.f64(0)),
                            w_.bin(BinaryenLtFloat64(), kv(), w_.u32_to_f64(w_.ld32(w_.get(arr, t_i32()), 8))));
      Ex load = load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.un(BinaryenTruncSatUFloat64ToInt32(), kv()), w_.u32(esize))), 0, et);
      return w_.seq({w_.set(arr, expr(f, cn.kid(0))), fix,
                     w_.if_(in_range, load, nullish_const(rt_t, false))},
                    wtype(rt_t));
    }
  }
  if (T.kind(ot) == TypeKind::Array && (method == "join" || method == "toString"))  // toString(): join()
    return array_join(f, expr(f, cn.kid(0)), ot, args.empty() ? str_const(",") : expr(f, args[0]));
  if (T.kind(ot) == TypeKind::Array) return array_loop(f, n, method, expr(f, cn.kid(0)), ot, args[0]);
  if (T.kind(ot) == TypeKind::String || T.kind(ot) == TypeKind::Number) {
    const LibMethod* lm = T.kind(ot) == TypeKind::Number ? find_number_method(method) : find_string_method(method);
    std::vector<Ex> ops{expr(f, cn.kid(0))};
    for (int i = 0; i < lm->arg_count; ++i) {
      if (size_t(i) < args.size()) ops.push_back(expr(f, args[i]));
      else if (lm->args[i].type == LibType::Number) ops.push_back(w_.f64(lm->args[i].default_number));
      else ops.push_back(str_const(lm->args[i].default_string ? lm->args[i].default_string : ""));
    }
    return w_.call(rt[lm->runtime], ops, lm->result == LibType::Number ? t_f64() : t_i32());
  }
  if (T.kind(ot) == TypeKind::Event) return w_.nop();  // preventDefault: dx.js does it (handler flag)
  // A function-valued field or prop.
  return closure_call(f, expr(f, x.kid(0)), args, type_of(f, x.kid(0)));
}

}  // namespace dxc::emit
