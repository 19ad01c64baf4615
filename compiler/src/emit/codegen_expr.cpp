// Expressions → wasm, with JavaScript's semantics for the subset analyze accepted.
#include <cmath>

#include "analyze/builtins.h"
#include "emit/codegen.h"

namespace dxc::emit {

std::string fn_name(FuncId f) { return "fn$" + std::to_string(f); }
std::string create_name(BlockId b) { return "create$" + std::to_string(b); }
std::string update_name(BlockId b) { return "update$" + std::to_string(b); }
std::string handler_name(uint32_t h) { return "handler$" + std::to_string(h); }
std::string memo_name(SymId s) { return "memo$" + std::to_string(s); }

CodeGen::CodeGen(Program& p, const LoweredProgram& lp, BinaryenModuleRef m, StaticData& data, Diagnostics& d)
    : p_(p), lp_(lp), w_{m}, data_(data), d_(d) {}

WType CodeGen::wtype(TypeId t) const {
  switch (p_.types.wasm(t)) {
    case WasmType::F64: return t_f64();
    case WasmType::I32: return t_i32();
    default: return t_none();
  }
}

Ex CodeGen::internal_error(NodeId at, ModuleId m, const std::string& what) {
  d_.error("DX0401", node(m, at).span, "internal compiler error: " + what);
  return w_.unreachable();
}

uint32_t CodeGen::local_of(Fn& f, SymId s) {
  auto it = f.locals.find(s);
  if (it != f.locals.end()) return it->second;
  uint32_t idx = f.add_var(wtype(p_.symbols[s].type));
  f.locals[s] = idx;
  return idx;
}

// The instance of block `target`, reached from the current function's environment: first past the env
// records of the functions this one is nested in, then up the block instances' parent chain.
Ex CodeGen::env_of(Fn& f, BlockId target, NodeId at) {
  Ex ptr = w_.get(0, t_i32());
  for (FuncId F = f.fid == kNoId ? kNoId : p_.funcs[f.fid].outer; F != kNoId; F = p_.funcs[F].outer)
    if (!p_.funcs[F].captured.empty()) ptr = w_.ld32(ptr, p_.funcs[F].parent_offset);
  BlockId b = f.env_block;
  while (b != target) {
    if (b == kNoId) return internal_error(at, f.module, "no environment reaches the block of this variable");
    ptr = w_.ld32(ptr, 12);  // instance prefix: parent
    b = p_.blocks[b].parent;
  }
  return ptr;
}

// Local 0 of a function is the environment it was created in: its outer function's record if that has one,
// else the outer function's own environment, and so on down to a block instance.
Ex CodeGen::frame_of(Fn& f, FuncId owner, NodeId at) {
  if (f.fid == owner && f.record_local != kNoId) return w_.get(f.record_local, t_i32());
  Ex ptr = w_.get(0, t_i32());
  for (FuncId F = f.fid == kNoId ? kNoId : p_.funcs[f.fid].outer; F != kNoId; F = p_.funcs[F].outer) {
    if (p_.funcs[F].captured.empty()) continue;
    if (F == owner) return ptr;
    ptr = w_.ld32(ptr, p_.funcs[F].parent_offset);
  }
  return internal_error(at, f.module, "a captured variable's function does not enclose this code");
}

Ex CodeGen::set_local(Fn& f, SymId s, Ex v) {
  const Symbol& sym = p_.symbols[s];
  if (!sym.captured) return w_.set(local_of(f, s), v);
  return store_typed(frame_of(f, sym.owner, sym.decl), frame_of(f, sym.owner, sym.decl), sym.offset, v, sym.type, false);
}

// On entry: the env record (when nested closures capture locals), then parameter by parameter the default
// of an omitted one (evaluated in order, so it may read the parameters before it) and the move of a
// captured one into the record.
Ex CodeGen::prologue(Fn& f, FuncId fid) {
  const FuncInfo& fi = p_.funcs[fid];
  f.fid = fid;
  const Node& fnn = node(fi.module, fi.node);
  bool fn_node = fnn.kind == NodeKind::Function || fnn.kind == NodeKind::Arrow || fnn.kind == NodeKind::FunctionExpr;
  const Node* ps_node = fn_node ? &node(fi.module, fnn.kid(0)) : nullptr;
  std::vector<Ex> xs;
  auto rec = [&] { return w_.get(f.record_local, t_i32()); };
  if (!fi.captured.empty()) {
    f.record_local = f.add_var(t_i32());
    xs.push_back(w_.set(f.record_local, w_.call(rt["dx_new_record"], {w_.u32(fi.record_shape)}, t_i32())));
    xs.push_back(w_.st32(rec(), fi.parent_offset, w_.get(0, t_i32())));
  }
  for (size_t i = 0; i < fi.params.size(); ++i) {
    const Symbol& ps = p_.symbols[fi.params[i]];
    NodeId def = ps_node && i < ps_node->kids.size() ? node(fi.module, ps_node->kids[i]).kid(1) : kNoNode;
    NodeId pattern = ps_node && i < ps_node->kids.size() ? node(fi.module, ps_node->kids[i]).kid(2) : kNoNode;
    if (def == kNoNode && !ps.captured && pattern == kNoNode) continue;
    uint32_t local = f.locals.at(fi.params[i]);
    WType wt = wtype(ps.type);
    if (def != kNoNode) {  // omitted (or `undefined` for a reference): the missing value of builtins.h
      Ex v = w_.get(local, wt);
      Ex missing = wt == t_f64() ? w_.bin(BinaryenEqInt64(), w_.un(BinaryenReinterpretFloat64(), v),
                                           BinaryenConst(w_.m, BinaryenLiteralInt64(int64_t(kMissingNumberBits))))
                   : p_.types.kind(ps.type) == TypeKind::Boolean ? w_.eq32(v, w_.u32(kMissingBool))
                                                                 : w_.eqz(v);
      xs.push_back(w_.if_(missing, w_.set(local, expr(f, def))));
    }
    if (ps.captured) xs.push_back(store_typed(rec(), rec(), ps.offset, w_.get(local, wt), ps.type, true));
    if (pattern != kNoNode) xs.push_back(bind_pattern(f, pattern, local));  // f({ a, b }: Props)
  }
  return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
}

Ex CodeGen::load_typed(Ex ptr, uint32_t off, TypeId t) {
  return p_.types.wasm(t) == WasmType::F64 ? w_.ld64(ptr, off) : w_.ld32(ptr, off);
}

// Stores into an object field. References go through the runtime's write barrier unless the object was
// just allocated in this expression (`fresh`: nothing can have logged it yet, and it lives in the arena).
Ex CodeGen::store_typed(Ex holder, Ex ptr, uint32_t off, Ex v, TypeId t, bool fresh) {
  if (p_.types.wasm(t) == WasmType::F64) return w_.st64(ptr, off, v);
  if (!p_.types.is_ref(t) || fresh) return w_.st32(ptr, off, v);
  return w_.call(rt["dx_write_ref"], {holder, w_.add32(ptr, w_.u32(off)), v}, t_none());
}

Ex CodeGen::str_const(const std::string& s) { return w_.u32(data_.string(s)); }

Ex CodeGen::truthy(Fn& f, Ex v, TypeId t) {
  // A nullable number's null and undefined are NaNs (falsy by the number rule); a boolean's are 2 and 3.
  if (p_.types.nullable(t) && p_.types.kind(t) == TypeKind::Boolean) return w_.eq32(v, w_.i32(1));
  if (p_.types.nullable(t) && p_.types.is_ref(t)) {  // null (1) and undefined (0) are falsy; then the value's own rule
    uint32_t tmp = f.add_var(t_i32());
    return w_.if_(w_.bin(BinaryenGtUInt32(), w_.tee(tmp, v, t_i32()), w_.i32(1)),
                  truthy(f, w_.get(tmp, t_i32()), p_.types.non_null(t)), w_.i32(0));
  }
  switch (p_.types.kind(t)) {
    case TypeKind::Boolean: return v;
    case TypeKind::Number: {
      uint32_t tmp = f.add_var(t_f64());
      // x != 0 && x === x  (0, -0 and NaN are falsy)
      return w_.and_(w_.bin(BinaryenNeFloat64(), w_.tee(tmp, v, t_f64()), w_.f64(0)),
                     w_.bin(BinaryenEqFloat64(), w_.get(tmp, t_f64()), w_.get(tmp, t_f64())));
    }
    case TypeKind::String: return w_.ne32(w_.ld32(v, 8), w_.i32(0));
    default: return w_.seq({w_.drop(v), w_.i32(1)}, t_i32());
  }
}

Ex CodeGen::to_str(Fn& f, Ex v, TypeId t) {
  if (p_.types.nullable(t) && !p_.types.is_ref(t))
    return unless_nullish(f, v, t, [&](Ex x) { return to_str(f, x, p_.types.non_null(t)); },
                          [&](bool null) { return str_const(null ? "null" : "undefined"); });
  if (p_.types.nullable(t)) {
    uint32_t tmp = f.add_var(t_i32());
    return w_.if_(w_.bin(BinaryenGtUInt32(), w_.tee(tmp, v, t_i32()), w_.i32(1)), to_str(f, w_.get(tmp, t_i32()), p_.types.non_null(t)),
                  w_.select(w_.get(tmp, t_i32()), str_const("null"), str_const("undefined"), t_i32()));
  }
  switch (p_.types.kind(t)) {
    case TypeKind::Null: return w_.seq({w_.drop(v), str_const("null")}, t_i32());
    case TypeKind::Undefined: return w_.seq({w_.drop(v), str_const("undefined")}, t_i32());
    case TypeKind::String: return v;
    case TypeKind::Number: return w_.call(rt["dx_num_to_str"], {v}, t_i32());
    case TypeKind::Boolean: return w_.select(v, str_const("true"), str_const("false"), t_i32());
    case TypeKind::Array: return array_join(f, v, t, str_const(","));  // Array.prototype.toString: join(",")
    case TypeKind::Tuple: return tuple_str(f, v, t);
    default: return w_.seq({w_.drop(v), str_const("")}, t_i32());
  }
}

// JS ToNumber for the primitive types of the subset.
Ex CodeGen::to_number(Fn& f, Ex v, TypeId t) {
  if (p_.types.nullable(t) && !p_.types.is_ref(t))  // Number(null) is 0, Number(undefined) a plain NaN
    return unless_nullish(f, v, t, [&](Ex x) { return to_number(f, x, p_.types.non_null(t)); },
                          [&](bool null) { return w_.f64(null ? 0.0 : std::nan("")); });
  switch (p_.types.kind(t)) {
    case TypeKind::String: return w_.call(rt["dx_str_to_num"], {v}, t_f64());
    case TypeKind::Boolean: return w_.u32_to_f64(v);
    default: return v;
  }
}

Ex CodeGen::equal(Fn& f, Ex a, Ex b, TypeId t) {
  switch (p_.types.kind(t)) {
    case TypeKind::Number:
      if (p_.types.nullable(t)) {  // f64.eq is false for the NaN payloads: null === null compares their bits
        uint32_t x = f.add_var(t_f64()), y = f.add_var(t_f64());
        auto bits = [&](uint32_t l) { return w_.un(BinaryenReinterpretFloat64(), w_.get(l, t_f64())); };
        return w_.seq({w_.set(x, a), w_.set(y, b),
                       w_.or_(w_.bin(BinaryenEqFloat64(), w_.get(x, t_f64()), w_.get(y, t_f64())),
                              w_.and_(w_.bin(BinaryenEqInt64(), bits(x), bits(y)), is_nullish(w_.get(x, t_f64()), t)))},
                      t_i32());
      }
      return w_.bin(BinaryenEqFloat64(), a, b);
    case TypeKind::String:
      if (p_.types.nullable(t)) {  // null/undefined compare as themselves, strings by content
        uint32_t x = f.add_var(t_i32()), y = f.add_var(t_i32());
        return w_.seq({w_.set(x, a), w_.set(y, b),
                       w_.if_(w_.or_(w_.bin(BinaryenLeUInt32(), w_.get(x, t_i32()), w_.i32(1)), w_.bin(BinaryenLeUInt32(), w_.get(y, t_i32()), w_.i32(1))),
                              w_.eq32(w_.get(x, t_i32()), w_.get(y, t_i32())),
                              w_.call(rt["dx_str_eq"], {w_.get(x, t_i32()), w_.get(y, t_i32())}, t_i32()))},
                      t_i32());
      }
      return w_.call(rt["dx_str_eq"], {a, b}, t_i32());
    default: return w_.eq32(a, b);
  }
}

Ex CodeGen::read_symbol(Fn& f, NodeId at, SymId s) {
  const Symbol& sym = p_.symbols[s];
  switch (sym.kind) {
    case SymKind::Const: {
      const Node& lit = p_.modules[sym.module]->ast[sym.init];
      if (lit.kind == NodeKind::NumberLit) return w_.f64(lit.number);
      if (lit.kind == NodeKind::StringLit) return str_const(std::string(lit.text));
      return w_.i32(lit.flags & kTrue ? 1 : 0);
    }
    case SymKind::Local:
      if (sym.captured) return load_typed(frame_of(f, sym.owner, at), sym.offset, sym.type);
      return w_.get(local_of(f, s), wtype(sym.type));
    case SymKind::Field: case SymKind::Signal:
      if (sym.kind == SymKind::Field && sym.init != kNoNode) {  // a prop taken apart with a default: { size = 10 }
        WType wt = wtype(sym.type);
        uint32_t v = f.add_var(wt);
        return w_.if_(is_null(w_.tee(v, load_typed(env_of(f, sym.block, at), sym.offset, sym.type), wt), sym.type, false),
                      expr_as(f, sym.init, sym.type), w_.get(v, wt));
      }
      return load_typed(env_of(f, sym.block, at), sym.offset, sym.type);
    case SymKind::Global: return load_typed(globals(), sym.offset, sym.type);
    case SymKind::Memo: return w_.call(memo_name(s), {env_of(f, sym.block, at)}, wtype(sym.type));
    case SymKind::Function: return closure_value(f, sym.func);
    default: return internal_error(at, f.module, "cannot read symbol '" + sym.name + "' as a value");
  }
}

Ex CodeGen::expr(Fn& f, NodeId n) {
  TypeId t = type_of(f, n);
  if (auto b = f.bound.find(n); b != f.bound.end()) return w_.get(b->second, wtype(t));
  if (auto c = p_.modules[f.module]->coll_arrays.find(n); c != p_.modules[f.module]->coll_arrays.end())
    return collection_array(f, n, c->second);  // [...set], Array.from(map.keys()) (codegen_collections.cpp)
  if (!p_.modules[f.module]->chain_roots.count(n)) return expr_node(f, n);
  std::string lbl = label("chain");  // an optional chain: its `?.`s break out to here (chain_check)
  f.chain_exits.push_back({lbl, t});
  Ex body = expr_node(f, n);
  f.chain_exits.pop_back();
  return w_.named(lbl, {body}, wtype(t));
}

// The value of expression `n` itself (expr() has looked at locals it is bound to and at optional chains).
Ex CodeGen::expr_node(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  TypeId t = type_of(f, n);
  switch (x.kind) {
    case NodeKind::NumberLit: return w_.f64(x.number);
    case NodeKind::StringLit: return str_const(std::string(x.text));
    case NodeKind::BoolLit: return w_.i32(x.flags & kTrue ? 1 : 0);
    case NodeKind::TemplateLit: return template_lit(f, n);
    case NodeKind::NullLit: case NodeKind::Identifier:
      if (x.kind == NodeKind::NullLit || (p_.ref_of(f.module, n) == kNoId && x.text == "undefined")) {
        auto as = p_.modules[f.module]->nullish_as.find(n);  // runtime-wasm/ABI.md: null is 1, undefined is 0
        return nullish_const(as == p_.modules[f.module]->nullish_as.end() ? T.null_() : as->second, x.kind == NodeKind::NullLit);
      }
      if (double v; p_.ref_of(f.module, n) == kNoId && global_number("", x.text, &v)) return w_.f64(v);
      return read_symbol(f, n, p_.ref_of(f.module, n));
    case NodeKind::Call: return call(f, n);
    case NodeKind::New: return new_collection(f, n);  // analyze accepts only new Map / new Set as values
    case NodeKind::Member: {
      NodeId on = x.kid(0);
      if (double v; node(f.module, on).kind == NodeKind::Identifier && p_.ref_of(f.module, on) == kNoId &&
                    global_number(node(f.module, on).text, x.text, &v))
        return w_.f64(v);
      if (is_location(f, on)) return w_.call(rt["dx_location_hash"], {}, t_i32());  // analyze allows only .hash
      if (auto e = p_.modules[f.module]->enum_reads.find(n); e != p_.modules[f.module]->enum_reads.end())
        return e->second.is_string ? str_const(e->second.text) : w_.f64(e->second.number);  // Color.Red
      SymId os = node(f.module, on).kind == NodeKind::Identifier ? p_.ref_of(f.module, on) : kNoId;
      if (os != kNoId && p_.symbols[os].kind == SymKind::Props) {
        const BlockInfo& b = p_.blocks[p_.symbols[os].block];
        if (x.text == "params" && b.params_shape != kNoId)  // a page's route params (runtime-wasm/src/params.cpp)
          return w_.call(rt["dx_params_record"], {w_.u32(b.params_shape)}, t_i32());
        for (auto& [name, off] : b.prop_offsets)
          if (name == x.text) return load_typed(env_of(f, p_.symbols[os].block, n), off, t);
        return internal_error(n, f.module, "unknown prop");
      }
      TypeId ot = type_of(f, on);
      Ex check = nullptr;
      Ex o;
      if (p_.modules[f.module]->chain_links.count(n)) {  // o?.f: out of the chain when o is null or undefined
        uint32_t tmp;
        check = chain_check(f, on, ot, &tmp);
        o = w_.get(tmp, t_i32());
      } else {
        o = expr(f, on);
      }
      auto after = [&](Ex v) { return check ? w_.seq({check, v}, wtype(t)) : v; };
      switch (T.kind(ot)) {
        case TypeKind::Array: case TypeKind::String: return after(w_.u32_to_f64(w_.ld32(o, 8)));
        case TypeKind::Map: case TypeKind::Set: return after(w_.u32_to_f64(w_.call(rt["dx_coll_size"], {o}, t_i32())));  // .size
        case TypeKind::Tuple: return after(w_.seq({w_.drop(o), w_.f64(double(T.info(ot).params.size()))}, t_f64()));  // .length
        case TypeKind::Dict: return after(coll_get(f, o, str_const(std::string(x.text)), T.non_null(ot), t));  // d.name
        case TypeKind::Union: return after(union_field(f, o, T.non_null(ot), std::string(x.text)));
        case TypeKind::Record: {
          const Field* fl = T.shape_info(T.info(ot).shape).find(std::string(x.text));
          return after(load_typed(o, fl->offset, fl->type));
        }
        case TypeKind::Event:
          if (x.text == "key") return w_.ld32(o, 4);
          return o;  // currentTarget / target: the same record
        case TypeKind::EventTarget:
          return x.text == "value" ? w_.ld32(o, 0) : w_.ld32(o, 8);
        default: return internal_error(n, f.module, "member of unexpected type");
      }
    }
    case NodeKind::NonNull: {  // x!: JS carries a null on; dx stops there with a TypeError (its types say it cannot be)
      TypeId ot = type_of(f, x.kid(0));
      if (!T.can_be_nullable(ot) || !T.nullable(ot)) return expr(f, x.kid(0));
      WType wt = wtype(ot);
      uint32_t v = f.add_var(wt);
      return w_.seq({w_.set(v, expr(f, x.kid(0))),
                     w_.if_(is_nullish(w_.get(v, wt), ot),
                            w_.seq({w_.call(rt["dx_throw_null"], {is_null(w_.get(v, wt), ot, true)}, t_none()), w_.unreachable()}, t_none())),
                     w_.get(v, wt)},
                    wt);
    }
    case NodeKind::Index: {
      if (auto e = p_.modules[f.module]->enum_reads.find(n); e != p_.modules[f.module]->enum_reads.end())
        return e->second.is_string ? str_const(e->second.text) : w_.f64(e->second.number);  // Color["Red"]
      if (auto e = p_.modules[f.module]->enum_names.find(n); e != p_.modules[f.module]->enum_names.end()) {
        // Color[n]: the last member declared with the value n (JS's key String(n): -0 is 0), else undefined
        uint32_t v = f.add_var(t_f64());
        Ex name = w_.i32(0);
        for (const EnumValue& m : e->second)
          name = w_.if_(w_.bin(BinaryenEqFloat64(), w_.get(v, t_f64()), w_.f64(m.number)), str_const(m.name), name);
        return w_.seq({w_.set(v, expr(f, x.kid(1))), name}, t_i32());
      }
      TypeId ot = type_of(f, x.kid(0));
      Ex check = w_.nop();
      uint32_t obj = kNoId;
      if (p_.modules[f.module]->chain_links.count(n)) {  // xs?.[i]: out of the chain when xs is null or undefined
        check = chain_check(f, x.kid(0), ot, &obj);
        f.bound[x.kid(0)] = obj;
      }
      Ex read;
      if (T.kind(T.non_null(ot)) == TypeKind::Record) {
        read = record_by_key(f, n);
      } else if (T.kind(T.non_null(ot)) == TypeKind::String) {  // s[i]: the unit's string, or 0 (undefined)
        Ex str = expr(f, x.kid(0));
        read = w_.call(rt["dx_str_index"], {str, expr(f, x.kid(1))}, t_i32());
      } else if (T.kind(T.non_null(ot)) == TypeKind::Dict) {  // d[key]: the entry or undefined
        Ex d = expr(f, x.kid(0));
        read = coll_get(f, d, dict_key_of(f, x.kid(1)), T.non_null(ot), type_of(f, n));
      } else if (T.kind(T.non_null(ot)) == TypeKind::Tuple) {  // t[0]: the field "0" (analyze checked the constant)
        const Field* fl = T.shape_info(T.info(T.non_null(ot)).shape).find(std::to_string(size_t(node(f.module, x.kid(1)).number)));
        read = load_typed(expr(f, x.kid(0)), fl->offset, fl->type);
      } else {
        TypeId et = T.info(ot).elem;
        ElementRef e = element(f, n, et);
        read = w_.seq({e.setup, load_typed(e.addr, 0, et)}, wtype(et));
      }
      if (obj != kNoId) f.bound.erase(x.kid(0));
      return w_.seq({check, read}, wtype(type_of(f, n)));
    }
    case NodeKind::Unary: {
      std::string op(x.text);
      TypeId ot = type_of(f, x.kid(0));
      if (op == "!") return w_.eqz(truthy(f, expr(f, x.kid(0)), ot));
      if (op == "typeof") return typeof_str(f, expr(f, x.kid(0)), ot);
      if (op == "delete") {  // delete d[key]: true, as JS's delete of a configurable property (or none)
        const Node& target = node(f.module, x.kid(0));
        Ex d = expr(f, target.kid(0));
        Ex key = dict_key(f, x.kid(0));
        return w_.seq({w_.drop(w_.call(rt["dx_coll_delete_i32"], {d, key}, t_i32())), w_.i32(1)}, t_i32());
      }
      if (op == "-") return w_.un(BinaryenNegFloat64(), expr(f, x.kid(0)));
      if (op == "~") return w_.un(BinaryenConvertSInt32ToFloat64(), w_.bin(BinaryenXorInt32(), int32_of(expr(f, x.kid(0))), w_.u32(0xFFFFFFFFu)));
      return to_number(f, expr(f, x.kid(0)), ot);  // unary +
    }
    case NodeKind::Update: return update_expr(f, n);
    case NodeKind::Binary: return binary(f, n);
    case NodeKind::Assign: return assign(f, n);
    case NodeKind::Conditional: {
      TypeId ct = type_of(f, x.kid(0));
      return w_.if_(truthy(f, expr(f, x.kid(0)), ct), expr_as(f, x.kid(1), t), expr_as(f, x.kid(2), t));
    }
    case NodeKind::Arrow: case NodeKind::FunctionExpr: {
      auto it = p_.modules[f.module]->funcs.find(n);
      if (it == p_.modules[f.module]->funcs.end()) return internal_error(n, f.module, "function was not analyzed");
      return closure_value(f, it->second);
    }
    case NodeKind::As: return expr(f, x.kid(0));
    case NodeKind::Sequence: {  // a, b: the values before the last one dropped
      std::vector<Ex> xs;
      for (size_t i = 0; i + 1 < x.kids.size(); ++i) {
        Ex e = expr(f, x.kids[i]);
        xs.push_back(wtype(type_of(f, x.kids[i])) == t_none() ? e : w_.drop(e));
      }
      xs.push_back(expr(f, x.kids.back()));
      return w_.seq(xs, wtype(t));
    }
    case NodeKind::ArrayLit: return array_lit(f, n);
    case NodeKind::ObjectLit: return object_lit(f, n);
    default: return internal_error(n, f.module, std::string("cannot compile ") + node_kind_name(x.kind));
  }
}

Ex CodeGen::template_lit(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  Ex acc = nullptr;
  for (size_t i = 0; i < x.kids.size(); ++i) {
    Ex part;
    if (i % 2 == 0) {
      std::string s(node(f.module, x.kids[i]).text);
      if (s.empty()) continue;
      part = str_const(s);
    } else {
      part = to_str(f, expr(f, x.kids[i]), type_of(f, x.kids[i]));
    }
    acc = acc ? w_.call(rt["dx_str_concat"], {acc, part}, t_i32()) : part;
  }
  return acc ? acc : str_const("");
}

// `array[index]`: evaluates both once, checks the index, and gives the element's address. JS yields undefined
// outside the array; the subset has no undefined yet, so an index that is not an integer in [0, length) traps.
// rec[key] for a record whose fields share one type: the field whose name equals the key (a missing key traps,
// as an array index out of range does; TypeScript allows only the record's keys there).
Ex CodeGen::record_by_key(Fn& f, NodeId n) {
  auto& T = p_.types;
  const Node& x = node(f.module, n);
  TypeId ot = T.non_null(type_of(f, x.kid(0))), vt = type_of(f, n);
  uint32_t rec = f.add_var(t_i32()), key = f.add_var(t_i32());
  Ex setup = w_.seq({w_.set(rec, expr(f, x.kid(0))), w_.set(key, expr(f, x.kid(1)))}, t_none());
  Ex chain = w_.seq({w_.unreachable()}, wtype(vt));
  const std::vector<Field>& fields = T.shape_info(T.info(ot).shape).fields;
  for (auto it = fields.rbegin(); it != fields.rend(); ++it)
    chain = w_.if_(w_.call(rt["dx_str_eq"], {w_.get(key, t_i32()), str_const(it->name)}, t_i32()),
                   load_typed(w_.get(rec, t_i32()), it->offset, vt), chain);
  return w_.seq({setup, chain}, wtype(vt));
}

CodeGen::ElementRef CodeGen::element(Fn& f, NodeId index_expr, TypeId elem) {
  const Node& x = node(f.module, index_expr);
  uint32_t arr = f.add_var(t_i32()), idx = f.add_var(t_f64());
  uint32_t size = p_.types.wasm(elem) == WasmType::F64 ? 8 : 4;
  auto i = [&] { return w_.get(idx, t_f64()); };
  Ex ok = w_.and_(w_.and_(w_.bin(BinaryenGeFloat64(), i(), w_.f64(0)), w_.bin(BinaryenEqFloat64(), w_.un(BinaryenFloorFloat64(), i()), i())),
                  w_.bin(BinaryenLtFloat64(), i(), w_.u32_to_f64(w_.ld32(w_.get(arr, t_i32()), 8))));
  Ex addr = w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.un(BinaryenTruncSatUFloat64ToInt32(), i()), w_.u32(size)));
  Ex setup = w_.seq({w_.set(arr, expr(f, x.kid(0))), w_.set(idx, expr(f, x.kid(1))), w_.if_(w_.eqz(ok), w_.unreachable())}, t_none());
  return {setup, addr, arr};
}

Ex CodeGen::binary(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  std::string op(x.text);
  TypeId at = type_of(f, x.kid(0)), bt = type_of(f, x.kid(1));
  if (op == "in") {  // key in dict: the key first, as JS evaluates it
    uint32_t key = f.add_var(t_i32());
    return w_.seq({w_.set(key, dict_key_of(f, x.kid(0))),
                   w_.bin(BinaryenGeSInt32(), w_.call(rt["dx_coll_find_i32"], {expr(f, x.kid(1)), w_.get(key, t_i32())}, t_i32()), w_.i32(0))},
                  t_i32());
  }
  if (op == "??") {
    WType wt = wtype(at);
    uint32_t tmp = f.add_var(wt);
    return w_.if_(is_nullish(w_.tee(tmp, expr(f, x.kid(0)), wt), at), expr_as(f, x.kid(1), type_of(f, n)), w_.get(tmp, wt));
  }
  auto is_lit = [&](TypeId t) { return T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined; };
  if ((op == "===" || op == "!==" || op == "==" || op == "!=") && (is_lit(at) || is_lit(bt))) {
    bool negate = op[0] == '!', loose = op.size() == 2;
    NodeId other = is_lit(at) ? x.kid(1) : x.kid(0);
    TypeId lit = is_lit(at) ? at : bt;
    Ex v = expr(f, other);
    TypeId ot = type_of(f, other);
    Ex test = is_lit(at) && is_lit(bt) ? w_.seq({w_.drop(v), w_.i32(loose || at == bt ? 1 : 0)}, t_i32())
              : !T.nullable(ot) && !T.is_ref(ot) ? w_.seq({w_.drop(v), w_.i32(0)}, t_i32())  // a plain number or boolean
              : loose ? is_nullish(v, ot)
                      : is_null(v, ot, T.kind(lit) == TypeKind::Null);
    return negate ? w_.eqz(test) : test;
  }
  if (op == "&&" || op == "||") {
    TypeId t = type_of(f, n);
    if (t == T.void_()) {  // ok && run(): a statement (analyze: a void right side)
      Ex cond = truthy(f, expr(f, x.kid(0)), at);
      return w_.if_(op == "&&" ? cond : w_.eqz(cond), expr(f, x.kid(1)), w_.nop());
    }
    uint32_t tmp = f.add_var(wtype(t));
    Ex a = w_.tee(tmp, expr(f, x.kid(0)), wtype(t));
    Ex cond = truthy(f, a, at);
    Ex keep = w_.get(tmp, wtype(t));
    Ex other = expr_as(f, x.kid(1), t);
    return op == "&&" ? w_.if_(cond, other, keep) : w_.if_(cond, keep, other);
  }
  Ex a = expr(f, x.kid(0));
  Ex b = expr(f, x.kid(1));
  if (op == "+" && (T.kind(at) == TypeKind::String || T.kind(bt) == TypeKind::String))
    return w_.call(rt["dx_str_concat"], {to_str(f, a, at), to_str(f, b, bt)}, t_i32());
  if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%" || op == "**" || is_bitwise(op)) return arith(op, a, b);
  TypeId eq_t = T.can_be_nullable(at) && T.nullable(bt) ? bt : at;  // compare as the more nullable side
  if ((op == "==" || op == "!=") && !T.is_ref(at) && T.nullable(eq_t)) {  // null == undefined; else as ===
    WType wt = wtype(eq_t);
    uint32_t x = f.add_var(wt), y = f.add_var(wt);
    Ex eq = w_.seq({w_.set(x, a), w_.set(y, b),
                    w_.or_(w_.and_(is_nullish(w_.get(x, wt), eq_t), is_nullish(w_.get(y, wt), eq_t)),
                           equal(f, w_.get(x, wt), w_.get(y, wt), eq_t))}, t_i32());
    return op == "==" ? eq : w_.eqz(eq);
  }
  if ((op == "==" || op == "!=") && T.is_ref(at) && (T.nullable(at) || T.nullable(bt))) {
    // Loose equality: null == undefined. Both nullish → equal; otherwise as ===.
    uint32_t x = f.add_var(t_i32()), y = f.add_var(t_i32());
    Ex both_nullish = w_.and_(w_.bin(BinaryenLeUInt32(), w_.get(x, t_i32()), w_.i32(1)), w_.bin(BinaryenLeUInt32(), w_.get(y, t_i32()), w_.i32(1)));
    Ex eq = w_.seq({w_.set(x, a), w_.set(y, b),
                    w_.if_(both_nullish, w_.i32(1), equal(f, w_.get(x, t_i32()), w_.get(y, t_i32()), eq_t))}, t_i32());
    return op == "==" ? eq : w_.eqz(eq);
  }
  if (op == "===" || op == "==") return equal(f, a, b, eq_t);
  if (op == "!==" || op == "!=") return w_.eqz(equal(f, a, b, eq_t));
  if (at == T.string()) {
    Ex c = w_.call(rt["dx_str_cmp"], {a, b}, t_i32());
    if (op == "<") return w_.bin(BinaryenLtSInt32(), c, w_.i32(0));
    if (op == "<=") return w_.bin(BinaryenLeSInt32(), c, w_.i32(0));
    if (op == ">") return w_.bin(BinaryenGtSInt32(), c, w_.i32(0));
    return w_.bin(BinaryenGeSInt32(), c, w_.i32(0));
  }
  if (op == "<") return w_.bin(BinaryenLtFloat64(), a, b);
  if (op == "<=") return w_.bin(BinaryenLeFloat64(), a, b);
  if (op == ">") return w_.bin(BinaryenGtFloat64(), a, b);
  if (op == ">=") return w_.bin(BinaryenGeFloat64(), a, b);
  return internal_error(n, f.module, "operator " + op);
}

// Stores `value` into an assignable target; the stored value is left in `result_local`.
Ex CodeGen::write_target(Fn& f, NodeId target, Ex value, TypeId t, uint32_t result_local) {
  const Node& x = node(f.module, target);
  auto& T = p_.types;
  WType wt = wtype(t);
  Ex v = w_.tee(result_local, value, wt);
  if (x.kind == NodeKind::Identifier) {
    SymId s = p_.ref_of(f.module, target);
    const Symbol& sym = p_.symbols[s];
    if (sym.kind == SymKind::Local) return set_local(f, s, v);
    if (sym.kind == SymKind::Field) {
      uint32_t env = f.add_var(t_i32());
      return w_.seq({w_.set(env, env_of(f, sym.block, target)),
                     store_typed(w_.get(env, t_i32()), w_.get(env, t_i32()), sym.offset, v, t, false)});
    }
    if (sym.kind == SymKind::Global) return store_typed(globals(), globals(), sym.offset, v, t, false);
    return internal_error(target, f.module, "cannot assign to '" + sym.name + "'");
  }
  if ((x.kind == NodeKind::Member || x.kind == NodeKind::Index) && T.kind(type_of(f, x.kid(0))) == TypeKind::Dict) {  // d[key] = v
    Ex d = expr(f, x.kid(0));
    Ex key = dict_key(f, target);
    return coll_put(f, d, key, v, T.non_null(type_of(f, x.kid(0))));
  }
  if (x.kind == NodeKind::Member) {
    TypeId ot = type_of(f, x.kid(0));
    const Field* fl = T.shape_info(T.info(ot).shape).find(std::string(x.text));
    uint32_t obj = f.add_var(t_i32());
    return w_.seq({w_.set(obj, expr(f, x.kid(0))), store_typed(w_.get(obj, t_i32()), w_.get(obj, t_i32()), fl->offset, v, t, false)});
  }
  if (x.kind == NodeKind::Index && T.kind(T.non_null(type_of(f, x.kid(0)))) == TypeKind::Tuple) {  // t[0] = v: the field "0"
    const Field* fl = T.shape_info(T.info(T.non_null(type_of(f, x.kid(0)))).shape).find(std::to_string(size_t(node(f.module, x.kid(1)).number)));
    uint32_t obj = f.add_var(t_i32());
    return w_.seq({w_.set(obj, expr(f, x.kid(0))), store_typed(w_.get(obj, t_i32()), w_.get(obj, t_i32()), fl->offset, v, t, false)});
  }
  if (x.kind == NodeKind::Index) {
    ElementRef e = element(f, target, t);
    return w_.seq({e.setup, store_typed(w_.get(e.array, t_i32()), e.addr, 0, v, t, false)});
  }
  return internal_error(target, f.module, "cannot assign to this expression");
}

// A target that is read and then written (`a[i] += v`, `o.n++`, `d[k] ??= v`): its object, and its key, are
// evaluated once, in JS's order, into locals that expr() reads while the read and the write are compiled
// (f.bound): `xs[i++] += 1` and `next().n++` touch one place, as in JS. Names and literals need no local: the
// write evaluates its object and key before the value (write_target), so `xs[i] += (i = 2)` writes xs[0].
struct CodeGen::HeldTarget {
  std::vector<Ex> setup;
  std::vector<NodeId> held;
};

CodeGen::HeldTarget CodeGen::hold_target(Fn& f, NodeId target) {
  HeldTarget h;
  const Node& x = node(f.module, target);
  if (x.kind != NodeKind::Member && x.kind != NodeKind::Index) return h;
  auto hold = [&](NodeId k) {
    NodeKind kind = node(f.module, k).kind;
    if (kind == NodeKind::Identifier || kind == NodeKind::NumberLit || kind == NodeKind::StringLit || f.bound.count(k)) return;
    WType wt = wtype(type_of(f, k));
    uint32_t local = f.add_var(wt);
    h.setup.push_back(w_.set(local, expr(f, k)));
    f.bound[k] = local;
    h.held.push_back(k);
  };
  hold(x.kid(0));
  if (x.kind == NodeKind::Index) hold(x.kid(1));
  return h;
}

Ex CodeGen::release_target(Fn& f, HeldTarget& h, Ex body, WType wt) {
  for (NodeId k : h.held) f.bound.erase(k);
  if (h.setup.empty()) return body;
  h.setup.push_back(body);
  return w_.seq(h.setup, wt);
}

Ex CodeGen::assign(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  TypeId t = type_of(f, x.kid(0));
  std::string op(x.text);
  Ex value;
  if (op == "||=" || op == "&&=" || op == "?\?=") {  // the target is written only when the test says so
    WType wt = wtype(t);
    HeldTarget h = hold_target(f, x.kid(0));
    uint32_t cur = f.add_var(wt), res = f.add_var(wt);
    Ex v = w_.tee(cur, expr(f, x.kid(0)), wt);
    Ex keep = op == "?\?=" ? w_.eqz(is_nullish(v, t)) : op == "||=" ? truthy(f, v, t) : w_.eqz(truthy(f, v, t));
    return release_target(f, h, w_.if_(keep, w_.get(cur, wt),
                                       w_.seq({write_target(f, x.kid(0), expr_as(f, x.kid(1), t), t, res), w_.get(res, wt)}, wt)), wt);
  }
  if (op == "=") {
    value = expr(f, x.kid(1));
    uint32_t res = f.add_var(wtype(t));
    return w_.seq({write_target(f, x.kid(0), value, t, res), w_.get(res, wtype(t))}, wtype(t));
  }
  HeldTarget h = hold_target(f, x.kid(0));
  Ex cur = expr(f, x.kid(0));
  Ex rhs = expr(f, x.kid(1));
  TypeId rt_ = type_of(f, x.kid(1));
  if (op == "+=" && t == T.string()) value = w_.call(rt["dx_str_concat"], {cur, to_str(f, rhs, rt_)}, t_i32());
  else value = arith(op.substr(0, op.size() - 1), cur, rhs);  // `**=` → `**`
  uint32_t res = f.add_var(wtype(t));
  return release_target(f, h, w_.seq({write_target(f, x.kid(0), value, t, res), w_.get(res, wtype(t))}, wtype(t)), wtype(t));
}

Ex CodeGen::update_expr(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  bool prefix = x.flags & kPrefix;
  HeldTarget h = hold_target(f, x.kid(0));
  uint32_t old = f.add_var(t_f64()), res = f.add_var(t_f64());
  Ex next = w_.bin(x.text == "++" ? BinaryenAddFloat64() : BinaryenSubFloat64(), w_.tee(old, expr_as(f, x.kid(0), p_.types.number()), t_f64()), w_.f64(1));
  return release_target(f, h, w_.seq({write_target(f, x.kid(0), next, p_.types.number(), res), w_.get(prefix ? res : old, t_f64())}, t_f64()), t_f64());
}

Ex CodeGen::array_lit(Fn& f, NodeId n) {
  auto& T = p_.types;
  TypeId t = type_of(f, n);
  if (T.kind(t) != TypeKind::Tuple) return array_of(f, node(f.module, n).kids, t);
  // [a, b] as a tuple: the elements first, in order, then the record
  const std::vector<NodeId>& kids = node(f.module, n).kids;
  std::vector<Ex> xs, vals;
  for (size_t i = 0; i < kids.size(); ++i) {
    TypeId et = T.info(t).params[i];
    uint32_t v = f.add_var(wtype(et));
    xs.push_back(w_.set(v, expr_as(f, kids[i], et)));
    vals.push_back(w_.get(v, wtype(et)));
  }
  xs.push_back(make_tuple(f, t, vals));
  return w_.seq(xs, t_i32());
}

// Field `name` of a discriminated union's value `rec` (analyze/unions.cpp): at one offset in every variant, a
// plain load; else the offset chosen by the record's shape id (its header's kind data).
Ex CodeGen::union_field(Fn& f, Ex rec, TypeId u, const std::string& name) {
  auto& T = p_.types;
  const std::vector<TypeId>& vs = T.union_info(u).variants;
  const Field* first = T.shape_info(T.info(vs[0]).shape).find(name);
  bool one_offset = true;
  for (TypeId v : vs) one_offset &= T.shape_info(T.info(v).shape).find(name)->offset == first->offset;
  if (one_offset) return load_typed(rec, first->offset, first->type);
  uint32_t r = f.add_var(t_i32()), off = f.add_var(t_i32());
  Ex shape = w_.bin(BinaryenShrUInt32(), w_.ld32(w_.get(r, t_i32()), 4), w_.u32(8));
  Ex pick = w_.u32(first->offset);
  for (size_t i = 1; i < vs.size(); ++i) {
    Ex is = w_.eq32(shape, w_.u32(T.info(vs[i]).shape));
    pick = w_.if_(is, w_.u32(T.shape_info(T.info(vs[i]).shape).find(name)->offset), pick);
    if (i + 1 < vs.size()) shape = w_.bin(BinaryenShrUInt32(), w_.ld32(w_.get(r, t_i32()), 4), w_.u32(8));
  }
  return w_.seq({w_.set(r, rec), w_.set(off, pick), load_typed(w_.add32(w_.get(r, t_i32()), w_.get(off, t_i32())), 0, first->type)},
                wtype(first->type));
}

// A new tuple of type `tt` (a record with fields "0", "1", …) holding `values` (evaluated after the record is
// made: locals or loads).
Ex CodeGen::make_tuple(Fn& f, TypeId tt, const std::vector<Ex>& values) {
  auto& T = p_.types;
  const Shape& sh = T.shape_info(T.info(tt).shape);
  uint32_t rec = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(rec, w_.call(rt["dx_new_record"], {w_.u32(T.info(tt).shape)}, t_i32()))};
  for (size_t i = 0; i < values.size(); ++i) {
    const Field* fl = sh.find(std::to_string(i));
    xs.push_back(store_typed(w_.get(rec, t_i32()), w_.get(rec, t_i32()), fl->offset, values[i], fl->type, true));
  }
  xs.push_back(w_.get(rec, t_i32()));
  return w_.seq(xs, t_i32());
}

// A new array of type `t` holding the values of `elems` (`...xs` among them appends xs's elements).
Ex CodeGen::array_of(Fn& f, const std::vector<NodeId>& elems, TypeId t) {
  auto& T = p_.types;
  TypeId et = T.info(t).elem;
  uint32_t arr = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(arr, w_.call(rt["dx_new_array"], {w_.u32(T.elem_kind(et)), w_.i32(0)}, t_i32()))};
  for (NodeId k : elems) {
    const Node& kn = node(f.module, k);
    if (kn.kind == NodeKind::Spread)
      xs.push_back(w_.set(arr, w_.call(rt["dx_array_concat"], {w_.get(arr, t_i32()), expr(f, kn.kid(0))}, t_i32())));
    else if (T.wasm(et) == WasmType::F64)
      xs.push_back(w_.call(rt["dx_array_push_f64"], {w_.get(arr, t_i32()), expr_as(f, k, et)}, t_none()));
    else
      xs.push_back(w_.call(rt["dx_array_push_i32"], {w_.get(arr, t_i32()), expr(f, k)}, t_none()));
  }
  xs.push_back(w_.get(arr, t_i32()));
  return w_.seq(xs, t_i32());
}

// A new record of type `to` holding the fields of `from` (a record of type `from_t`) that `to` has.
Ex CodeGen::copy_fields(Fn& f, Ex from, TypeId from_t, TypeId to) {
  auto& T = p_.types;
  uint32_t rec = f.add_var(t_i32()), src = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(src, from), w_.set(rec, w_.call(rt["dx_new_record"], {w_.u32(T.info(to).shape)}, t_i32()))};
  xs.push_back(store_fields(f, rec, to, src, from_t));
  xs.push_back(w_.get(rec, t_i32()));
  return w_.seq(xs, t_i32());
}

// Stores into the record in local `rec` (of type `to`) every field the record in local `src` (of type
// `from_t`) shares with it.
Ex CodeGen::store_fields(Fn& f, uint32_t rec, TypeId to, uint32_t src, TypeId from_t) {
  auto& T = p_.types;
  const Shape& shape = T.shape_info(T.info(to).shape);
  std::vector<Ex> xs;
  for (const Field& sf : T.shape_info(T.info(from_t).shape).fields) {
    const Field* df = shape.find(sf.name);
    if (!df || T.non_null(df->type) != T.non_null(sf.type)) continue;  // same representation (types.h)
    xs.push_back(store_typed(w_.get(rec, t_i32()), w_.get(rec, t_i32()), df->offset, load_typed(w_.get(src, t_i32()), sf.offset, sf.type), sf.type, true));
  }
  return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
}

Ex CodeGen::object_lit(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  TypeId t = type_of(f, n);
  if (T.kind(t) == TypeKind::Dict) return dict_literal(f, n);  // codegen_collections.cpp
  if (T.kind(t) == TypeKind::Union) t = T.union_info(t).variants[0];  // a union's variant (analyze/unions.cpp)
  const Shape& shape = T.shape_info(T.info(t).shape);
  uint32_t rec = f.add_var(t_i32());
  std::vector<Ex> xs{w_.set(rec, w_.call(rt["dx_new_record"], {w_.u32(T.info(t).shape)}, t_i32()))};
  for (NodeId k : x.kids) {
    const Node& kn = node(f.module, k);
    if (kn.kind == NodeKind::Spread) {
      uint32_t src = f.add_var(t_i32());
      xs.push_back(w_.set(src, expr(f, kn.kid(0))));
      xs.push_back(store_fields(f, rec, t, src, type_of(f, kn.kid(0))));
    } else {
      const Field* df = shape.find(std::string(kn.text));
      xs.push_back(store_typed(w_.get(rec, t_i32()), w_.get(rec, t_i32()), df->offset, expr_as(f, kn.kid(0), df->type), df->type, true));
    }
  }
  for (const Field& df : shape.fields) {  // an omitted optional number or boolean is undefined, not a zeroed 0/false
    if (T.is_ref(df.type) || !(T.nullable(df.type) & kOrUndefined)) continue;
    bool written = false;
    for (NodeId k : x.kids) {
      const Node& kn = node(f.module, k);
      if (kn.kind == NodeKind::Spread) written |= T.shape_info(T.info(type_of(f, kn.kid(0))).shape).find(df.name) != nullptr;
      else written |= kn.text == df.name;
    }
    if (!written) xs.insert(xs.begin() + 1, store_typed(w_.get(rec, t_i32()), w_.get(rec, t_i32()), df.offset, nullish_const(df.type, false), df.type, true));
  }
  xs.push_back(w_.get(rec, t_i32()));
  return w_.seq(xs, t_i32());
}

}  // namespace dxc::emit
