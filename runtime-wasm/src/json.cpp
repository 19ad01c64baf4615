// json.cpp — JSON.stringify(value) for the types of inspect.h (ECMA-262 SerializeJSONProperty and
// QuoteJSONString): numbers as String(n) (-0 → "0"), NaN and ±Infinity as null, strings quoted with the
// well-formed escapes (a lone surrogate as \udxxx, as V8), arrays and records without spaces (a record's
// undefined fields left out, its keys in the descriptor's order), undefined and null elements as null (nullable
// numbers and booleans alike). A
// top-level undefined gives undefined (the Ref 0).
#include "collections.h"
#include "inspect.h"
#include "objects.h"
#include "str.h"
#include "str_ops.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

namespace {

void put(StrBuf& b, const char* s) {
  while (*s) b.push(uint8_t(*s++));
}

void hex4(StrBuf& b, uint32_t u) {
  put(b, "\\u");
  for (int sh = 12; sh >= 0; sh -= 4) b.push(uint8_t("0123456789abcdef"[(u >> sh) & 15]));
}

void number(StrBuf& b, double v) {
  if (v - v != 0) { put(b, "null"); return; }  // NaN, ±Infinity
  Ref s = dx_num_to_str(v);
  b.append(s, 0, str_len(s));
}

void quote(StrBuf& b, Ref s) {
  uint32_t n = str_len(s);
  b.push('"');
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t u = str_unit(s, i);
    const char* named = u == '\b' ? "\\b" : u == '\t' ? "\\t" : u == '\n' ? "\\n" : u == '\f' ? "\\f" : u == '\r' ? "\\r"
                        : u == '"' ? "\\\"" : u == '\\' ? "\\\\" : nullptr;
    if (named) {
      put(b, named);
    } else if (u < 0x20) {
      hex4(b, u);
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      uint32_t next = i + 1 < n ? str_unit(s, i + 1) : 0;
      if (u <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        b.push(u);
        b.push(next);
        ++i;
      } else {
        hex4(b, u);
      }
    } else {
      b.push(u);
    }
  }
  b.push('"');
}

// A `number | null | undefined` (inspect.h): undefined inside an array is null, as JS writes it.
void nnumber(StrBuf& b, double v) {
  if (num_nullish(v) != Nullish::No) put(b, "null");
  else number(b, v);
}

void value(StrBuf& b, uint32_t v, const uint8_t* d) {
  if (*d == 'B' && bool_nullish(v) != Nullish::No) { put(b, "null"); return; }
  if (*d == 'b' || *d == 'B') { put(b, v ? "true" : "false"); return; }
  if (v <= 1) { put(b, "null"); return; }  // null, or undefined inside an array
  if (*d == 's') { quote(b, v); return; }
  if (*d == 'M' || *d == 'S') { put(b, "{}"); return; }  // a Map's or Set's entries are no properties
  if (*d == '(') {  // a tuple: an array of its elements (undefined ones as null)
    b.push('[');
    DescField f;
    bool first = true;
    for (const uint8_t* p = d + 1; desc_field(p, &f); first = false) {
      if (!first) b.push(',');
      if (desc_f64(f.desc)) nnumber(b, ldf64(v + f.offset));
      else value(b, ld32(v + f.offset), f.desc);
    }
    b.push(']');
    return;
  }
  if (*d == 'D') {  // a dictionary: its entries in property order, undefined values left out
    const uint8_t* vd = d + 1;
    Ref keys = coll_keys(v), vals = coll_values(v), order = dict_order(v);
    bool first = true;
    b.push('{');
    for (uint32_t j = 0, n = coll_count(v); j < n; ++j) {
      uint32_t i = ld32(order + 4 * j);
      Ref at = array_data(vals) + (desc_f64(vd) ? 8 : 4) * i;
      if (desc_f64(vd) ? *vd == 'N' && num_nullish(ldf64(at)) == Nullish::Undefined
                       : (*vd == 'B' ? bool_nullish(ld32(at)) == Nullish::Undefined : *vd != 'b' && ld32(at) == 0))
        continue;
      if (!first) b.push(',');
      first = false;
      quote(b, ld32(array_data(keys) + 4 * i));
      b.push(':');
      if (desc_f64(vd)) nnumber(b, ldf64(at));
      else value(b, ld32(at), vd);
    }
    b.push('}');
    return;
  }
  if (*d == '{') {  // fields in key order; an undefined one is left out
    b.push('{');
    bool first = true;
    DescField f;
    for (const uint8_t* p = d + 1; desc_field(p, &f);) {
      uint32_t fv = desc_f64(f.desc) ? 0 : ld32(v + f.offset);
      if (!desc_f64(f.desc) && *f.desc != 'b' && *f.desc != 'B' && fv == 0) continue;
      if (*f.desc == 'B' && bool_nullish(fv) == Nullish::Undefined) continue;
      if (*f.desc == 'N' && num_nullish(ldf64(v + f.offset)) == Nullish::Undefined) continue;
      if (!first) b.push(',');
      first = false;
      StrBuf name;
      for (uint32_t k = 0; k < f.name_len; ++k) name.push(f.name[k]);
      quote(b, name.finish());
      b.push(':');
      if (desc_f64(f.desc)) nnumber(b, ldf64(v + f.offset));
      else value(b, fv, f.desc);
    }
    b.push('}');
    return;
  }
  uint32_t len = ld32(v + kArrLen);
  Ref data = ld32(v + kArrData);
  b.push('[');
  for (uint32_t i = 0; i < len; ++i) {
    if (i) b.push(',');
    if (desc_f64(d + 1)) nnumber(b, ldf64(data + 8 * i));
    else value(b, ld32(data + 4 * i), d + 1);
  }
  b.push(']');
}

}  // namespace

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_json") uint32_t dx_json(uint32_t v, uint32_t desc) {
  const uint8_t* d = type_desc(desc);
  if ((v == 0 && *d != 'b' && *d != 'B') || (*d == 'B' && bool_nullish(v) == Nullish::Undefined))
    return 0;  // JSON.stringify(undefined) is undefined
  StrBuf b;
  value(b, v, d);
  return b.finish();
}
DX_EXPORT("dx_json_num") uint32_t dx_json_num(double v) {
  StrBuf b;
  number(b, v);
  return b.finish();
}
