// Nullable values (types.h Nullable): a Ref's null/undefined are 1/0, a number's two NaN payloads no arithmetic
// produces (kNullNumberBits, kMissingNumberBits), a boolean's 3/2. These helpers test and produce them for
// every kind, so the JS operators in codegen_expr.cpp treat `number | null` like `string | null`.
#include "analyze/builtins.h"
#include "emit/codegen.h"

namespace dxc::emit {

namespace {
Ex i64c(const W& w, uint64_t v) { return BinaryenConst(w.m, BinaryenLiteralInt64(int64_t(v))); }
}  // namespace

// null (is_null) or undefined of type t's kind.
Ex CodeGen::nullish_const(TypeId t, bool is_null) {
  switch (p_.types.kind(t)) {
    case TypeKind::Number: return BinaryenConst(w_.m, BinaryenLiteralFloat64Bits(int64_t(is_null ? kNullNumberBits : kMissingNumberBits)));
    case TypeKind::Boolean: return w_.u32(is_null ? kNullBool : kMissingBool);
    default: return w_.i32(is_null ? 1 : 0);
  }
}

// v (evaluated once) is null or undefined / is null / is undefined, for a value of t's kind.
Ex CodeGen::is_nullish(Ex v, TypeId t) {
  switch (p_.types.kind(t)) {
    case TypeKind::Number:  // the two payloads are adjacent: bits - undefined ≤ 1 (unsigned)
      return w_.bin(BinaryenLeUInt64(), w_.bin(BinaryenSubInt64(), w_.un(BinaryenReinterpretFloat64(), v), i64c(w_, kMissingNumberBits)), i64c(w_, 1));
    case TypeKind::Boolean: return w_.geu32(v, w_.u32(kMissingBool));
    default: return w_.bin(BinaryenLeUInt32(), v, w_.i32(1));
  }
}

Ex CodeGen::chain_check(Fn& f, NodeId object, TypeId ot, uint32_t* local) {
  WType wt = wtype(ot);
  *local = f.add_var(wt);
  const Fn::ChainExit& exit = f.chain_exits.back();  // expr() pushed it at the chain's root
  Ex undefined = wtype(exit.type) == t_none() ? nullptr : nullish_const(exit.type, false);
  return w_.if_(is_nullish(w_.tee(*local, expr(f, object), wt), ot), w_.br(exit.label, nullptr, undefined));
}

Ex CodeGen::is_null(Ex v, TypeId t, bool want_null) {
  if (p_.types.kind(t) == TypeKind::Number)
    return w_.bin(BinaryenEqInt64(), w_.un(BinaryenReinterpretFloat64(), v), i64c(w_, want_null ? kNullNumberBits : kMissingNumberBits));
  return w_.eq32(v, nullish_const(t, want_null));
}

// A `null` / `undefined` literal where a value of type `want` is expected is that type's null / undefined
// (analyze records most uses in nullish_as; ternary branches and returns are typed here).
Ex CodeGen::expr_as(Fn& f, NodeId n, TypeId want) {
  TypeKind k = p_.types.kind(type_of(f, n)), wk = p_.types.kind(want);
  if ((k == TypeKind::Null || k == TypeKind::Undefined) && (wk == TypeKind::Number || wk == TypeKind::Boolean))
    return nullish_const(want, k == TypeKind::Null);
  return expr(f, n);
}

// `nonnull(local)` when the value (of nullable type t, in a fresh local) is neither null nor undefined, else
// `nullish(is_null)`.
Ex CodeGen::unless_nullish(Fn& f, Ex v, TypeId t, const std::function<Ex(Ex)>& nonnull, const std::function<Ex(bool)>& nullish) {
  WType wt = wtype(t);
  uint32_t tmp = f.add_var(wt);
  auto get = [&] { return w_.get(tmp, wt); };
  Ex null_or_undef = (p_.types.nullable(t) & (kOrNull | kOrUndefined)) == (kOrNull | kOrUndefined)
                         ? w_.if_(is_null(get(), t, true), nullish(true), nullish(false))
                         : nullish(p_.types.nullable(t) & kOrNull);
  return w_.seq({w_.set(tmp, v), w_.if_(is_nullish(get(), t), null_or_undef, nonnull(get()))});
}

// `typeof v`: static except for nullable values (null is "object").
Ex CodeGen::typeof_str(Fn& f, Ex v, TypeId t) {
  auto& T = p_.types;
  std::string base = typeof_name(T, T.non_null(t));
  if (!T.nullable(t)) return w_.seq({wtype(t) == t_none() ? v : w_.drop(v), str_const(base)}, t_i32());
  return unless_nullish(f, v, t, [&](Ex x) { return w_.seq({w_.drop(x), str_const(base)}, t_i32()); },
                        [&](bool null) { return str_const(null ? "object" : "undefined"); });
}

}  // namespace dxc::emit
