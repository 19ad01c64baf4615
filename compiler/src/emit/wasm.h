// A thin layer over Binaryen's C API (binaryen-c.h, Binaryen 108): short names for the expressions codegen
// builds, nothing more. Loads and stores are little-endian wasm32 with natural alignment.
#pragma once
#include <binaryen-c.h>

#include <string>
#include <vector>

namespace dxc::emit {

using Ex = BinaryenExpressionRef;
using WType = BinaryenType;

inline WType t_i32() { return BinaryenTypeInt32(); }
inline WType t_f64() { return BinaryenTypeFloat64(); }
inline WType t_none() { return BinaryenTypeNone(); }
inline WType t_auto() { return BinaryenTypeAuto(); }
inline WType t_tuple(std::vector<WType> ts) { return ts.empty() ? t_none() : BinaryenTypeCreate(ts.data(), BinaryenIndex(ts.size())); }

struct W {
  BinaryenModuleRef m;
  Ex i32(int32_t v) const { return BinaryenConst(m, BinaryenLiteralInt32(v)); }
  Ex u32(uint32_t v) const { return i32(int32_t(v)); }
  Ex f64(double v) const { return BinaryenConst(m, BinaryenLiteralFloat64(v)); }
  Ex get(uint32_t idx, WType t) const { return BinaryenLocalGet(m, idx, t); }
  Ex set(uint32_t idx, Ex v) const { return BinaryenLocalSet(m, idx, v); }
  Ex tee(uint32_t idx, Ex v, WType t) const { return BinaryenLocalTee(m, idx, v, t); }
  Ex global_get(const char* name, WType t) const { return BinaryenGlobalGet(m, name, t); }
  Ex global_set(const char* name, Ex v) const { return BinaryenGlobalSet(m, name, v); }
  Ex ld32(Ex p, uint32_t off) const { return BinaryenLoad(m, 4, false, off, 4, t_i32(), p); }
  Ex ld64(Ex p, uint32_t off) const { return BinaryenLoad(m, 8, false, off, 8, t_f64(), p); }
  Ex st32(Ex p, uint32_t off, Ex v) const { return BinaryenStore(m, 4, off, 4, p, v, t_i32()); }
  Ex st64(Ex p, uint32_t off, Ex v) const { return BinaryenStore(m, 8, off, 8, p, v, t_f64()); }
  Ex bin(BinaryenOp op, Ex a, Ex b) const { return BinaryenBinary(m, op, a, b); }
  Ex un(BinaryenOp op, Ex a) const { return BinaryenUnary(m, op, a); }
  Ex call(const std::string& f, std::vector<Ex> args, WType ret) const {
    return BinaryenCall(m, f.c_str(), args.data(), BinaryenIndex(args.size()), ret);
  }
  Ex seq(std::vector<Ex> xs, WType t = BinaryenTypeAuto()) const {
    return BinaryenBlock(m, nullptr, xs.data(), BinaryenIndex(xs.size()), t);
  }
  Ex named(const std::string& name, std::vector<Ex> xs, WType t = BinaryenTypeAuto()) const {
    return BinaryenBlock(m, name.c_str(), xs.data(), BinaryenIndex(xs.size()), t);
  }
  Ex if_(Ex c, Ex a, Ex b = nullptr) const { return BinaryenIf(m, c, a, b); }
  Ex loop(const std::string& name, Ex body) const { return BinaryenLoop(m, name.c_str(), body); }
  Ex br(const std::string& name, Ex cond = nullptr, Ex value = nullptr) const { return BinaryenBreak(m, name.c_str(), cond, value); }
  Ex drop(Ex v) const { return BinaryenDrop(m, v); }
  Ex ret(Ex v = nullptr) const { return BinaryenReturn(m, v); }
  Ex nop() const { return BinaryenNop(m); }
  Ex unreachable() const { return BinaryenUnreachable(m); }
  Ex select(Ex c, Ex a, Ex b, WType t) const { return BinaryenSelect(m, c, a, b, t); }
  // i32 booleans
  Ex eqz(Ex a) const { return un(BinaryenEqZInt32(), a); }
  Ex and_(Ex a, Ex b) const { return bin(BinaryenAndInt32(), a, b); }
  Ex or_(Ex a, Ex b) const { return bin(BinaryenOrInt32(), a, b); }
  Ex ne32(Ex a, Ex b) const { return bin(BinaryenNeInt32(), a, b); }
  Ex eq32(Ex a, Ex b) const { return bin(BinaryenEqInt32(), a, b); }
  Ex add32(Ex a, Ex b) const { return bin(BinaryenAddInt32(), a, b); }
  Ex mul32(Ex a, Ex b) const { return bin(BinaryenMulInt32(), a, b); }
  Ex geu32(Ex a, Ex b) const { return bin(BinaryenGeUInt32(), a, b); }
  Ex u32_to_f64(Ex a) const { return un(BinaryenConvertUInt32ToFloat64(), a); }
};

}  // namespace dxc::emit
