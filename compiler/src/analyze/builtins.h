// Library methods of the TS subset that map one-to-one onto runtime functions (runtime-wasm/ABI.md): the
// table gives each method's runtime function, its arguments with the value JS uses when one is omitted,
// and its result. Shared by analyze (types) and emit (calls).
#pragma once
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "analyze/program.h"

namespace dxc {

enum class LibType : uint8_t { Number, String, Boolean, StringArray };

struct LibArg {
  LibType type;
  bool optional;
  double default_number;       // when omitted (Number)
  const char* default_string;  // when omitted (String)
};

struct LibMethod {
  const char* name;
  const char* runtime;  // export name of the runtime function; its first argument is the receiver
  LibType result;
  int arg_count;
  LibArg args[3];
};

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline constexpr LibArg kNum0{LibType::Number, true, 0, nullptr};
inline constexpr LibArg kNumInf{LibType::Number, true, kInf, nullptr};
inline constexpr LibArg kNumReq{LibType::Number, false, 0, nullptr};
inline constexpr LibArg kNum10{LibType::Number, true, 10, nullptr};
inline constexpr LibArg kStrReq{LibType::String, false, 0, nullptr};

inline constexpr LibMethod kStringMethods[] = {
    {"charAt", "dx_str_char_at", LibType::String, 1, {kNum0}},
    {"charCodeAt", "dx_str_char_code_at", LibType::Number, 1, {kNum0}},
    {"slice", "dx_str_slice", LibType::String, 2, {kNum0, kNumInf}},
    {"substring", "dx_str_substring", LibType::String, 2, {kNum0, kNumInf}},
    {"indexOf", "dx_str_index_of", LibType::Number, 2, {kStrReq, kNum0}},
    {"localeCompare", "dx_str_locale_compare", LibType::Number, 1, {kStrReq}},  // the page's collation (storage.cpp)
    {"lastIndexOf", "dx_str_last_index_of", LibType::Number, 2, {kStrReq, {LibType::Number, true, kNaN, nullptr}}},
    {"includes", "dx_str_includes", LibType::Boolean, 2, {kStrReq, kNum0}},
    {"startsWith", "dx_str_starts_with", LibType::Boolean, 2, {kStrReq, kNum0}},
    {"endsWith", "dx_str_ends_with", LibType::Boolean, 2, {kStrReq, kNumInf}},
    {"trim", "dx_str_trim", LibType::String, 0, {}},
    {"trimStart", "dx_str_trim_start", LibType::String, 0, {}},
    {"trimEnd", "dx_str_trim_end", LibType::String, 0, {}},
    {"toUpperCase", "dx_str_to_upper", LibType::String, 0, {}},
    {"toLowerCase", "dx_str_to_lower", LibType::String, 0, {}},
    {"repeat", "dx_str_repeat", LibType::String, 1, {kNumReq}},
    {"padStart", "dx_str_pad_start", LibType::String, 2, {kNumReq, {LibType::String, true, 0, " "}}},
    {"padEnd", "dx_str_pad_end", LibType::String, 2, {kNumReq, {LibType::String, true, 0, " "}}},
    {"replace", "dx_str_replace", LibType::String, 2, {kStrReq, kStrReq}},
    {"replaceAll", "dx_str_replace_all", LibType::String, 2, {kStrReq, kStrReq}},
    {"split", "dx_str_split", LibType::StringArray, 2, {kStrReq, kNumInf}},  // the limit: codegen slices (codegen_call.cpp)
};

inline const LibMethod* find_string_method(const std::string& name) {
  for (const LibMethod& m : kStringMethods)
    if (name == m.name) return &m;
  return nullptr;
}

// Methods of numbers (runtime-wasm/src/num_format.cpp). toPrecision() without an argument is String(x):
// its runtime function takes NaN for "absent" only through this table's required argument, so the
// analyzer gives the no-argument form to toString instead (methods.cpp).
inline constexpr LibMethod kNumberMethods[] = {
    {"toFixed", "dx_num_to_fixed", LibType::String, 1, {kNum0}},
    {"toPrecision", "dx_num_to_precision", LibType::String, 1, {kNumReq}},
    {"toString", "dx_num_to_radix", LibType::String, 1, {kNum10}},  // toString(radix?): 10 is String(x)
};

inline const LibMethod* find_number_method(const std::string& name) {
  for (const LibMethod& m : kNumberMethods)
    if (name == m.name) return &m;
  return nullptr;
}

// Global functions: Number(x), String(x), parseInt(s, radix?), parseFloat(s), isNaN(n), isFinite(n).
enum class GlobalFn : uint8_t {
  None, Number, String, ParseInt, ParseFloat, IsNaN, IsFinite, EncodeUriComponent, DecodeUriComponent,
  SetTimeout, SetInterval, ClearTimeout, ClearInterval,  // runtime-wasm/src/timers.cpp
};
inline GlobalFn find_global_function(const std::string& name) {
  if (name == "Number") return GlobalFn::Number;
  if (name == "String") return GlobalFn::String;
  if (name == "parseInt") return GlobalFn::ParseInt;
  if (name == "parseFloat") return GlobalFn::ParseFloat;
  if (name == "isNaN") return GlobalFn::IsNaN;
  if (name == "isFinite") return GlobalFn::IsFinite;
  if (name == "encodeURIComponent") return GlobalFn::EncodeUriComponent;  // runtime-wasm/src/uri.cpp
  if (name == "decodeURIComponent") return GlobalFn::DecodeUriComponent;
  if (name == "setTimeout") return GlobalFn::SetTimeout;
  if (name == "setInterval") return GlobalFn::SetInterval;
  if (name == "clearTimeout") return GlobalFn::ClearTimeout;
  if (name == "clearInterval") return GlobalFn::ClearInterval;
  return GlobalFn::None;
}

// Math functions whose result dx takes from the page's own Math (imports `dx.<name>`, runtime-wasm/ABI.md):
// V8 computes them with its own fdlibm port, so the browser's are the exact results; `**` is `pow`.
// On the server (app.so) they come from the C library's libm (dx_app_glue.c), whose last bit may differ.
inline bool is_host_math(const std::string& name, size_t* arity) {
  static const char* kUnary[] = {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
                                 "acosh", "atanh", "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt"};
  static const char* kBinary[] = {"pow", "atan2", "hypot"};
  for (const char* u : kUnary)
    if (name == u) return *arity = 1, true;
  for (const char* b : kBinary)
    if (name == b) return *arity = 2, true;
  return false;
}

// The JS operators on int32 values (ToInt32 of each operand, exact in wasm's i32 arithmetic).
inline bool is_bitwise(const std::string& op) {
  return op == "&" || op == "|" || op == "^" || op == "<<" || op == ">>" || op == ">>>";
}

// The number constants of the global object (`object` ""), Math and Number: Infinity, NaN, Math.PI, …,
// Number.MAX_SAFE_INTEGER, … False for any other name.
inline bool global_number(std::string_view object, std::string_view name, double* value) {
  struct Constant { const char* object; const char* name; double value; };
  static constexpr Constant kConstants[] = {
      {"", "Infinity", __builtin_inf()}, {"", "NaN", __builtin_nan("")},
      {"Math", "PI", 3.141592653589793}, {"Math", "E", 2.718281828459045}, {"Math", "LN2", 0.6931471805599453},
      {"Math", "LN10", 2.302585092994046}, {"Math", "LOG2E", 1.4426950408889634}, {"Math", "LOG10E", 0.4342944819032518},
      {"Math", "SQRT2", 1.4142135623730951}, {"Math", "SQRT1_2", 0.7071067811865476},
      {"Number", "MAX_SAFE_INTEGER", 9007199254740991.0}, {"Number", "MIN_SAFE_INTEGER", -9007199254740991.0},
      {"Number", "EPSILON", 2.220446049250313e-16}, {"Number", "MAX_VALUE", 1.7976931348623157e308},
      {"Number", "MIN_VALUE", 5e-324}, {"Number", "POSITIVE_INFINITY", __builtin_inf()},
      {"Number", "NEGATIVE_INFINITY", -__builtin_inf()}, {"Number", "NaN", __builtin_nan("")}};
  for (const Constant& c : kConstants)
    if (object == c.object && name == c.name) {
      *value = c.value;
      return true;
    }
  return false;
}

// Whether String(array) / `${array}` (its elements joined with ",", as Array.prototype.toString does) can be
// compiled for an array type: elements that are numbers, booleans, strings (null and undefined ones print as
// ""), records ("[object Object]") or such arrays; nullable numbers and booleans only at the top level.
// A tuple converts as the array it is in JS: its elements joined with "" for null and undefined (String(t),
// `${t}`, and the elements of a joined array of tuples: CodeGen::tuple_str).
inline bool stringable_array(const Types& T, TypeId t, bool top = true);
inline bool stringable_tuple(const Types& T, TypeId t) {
  if (T.kind(t) != TypeKind::Tuple) return false;
  for (TypeId e : T.info(t).params) {
    TypeKind k = T.kind(e);
    if (k != TypeKind::Number && k != TypeKind::Boolean && k != TypeKind::String && k != TypeKind::Record &&
        !(k == TypeKind::Array && stringable_array(T, e, false)))
      return false;
  }
  return true;
}
inline bool stringable_array(const Types& T, TypeId t, bool top) {
  if (T.kind(t) != TypeKind::Array) return false;
  TypeId e = T.info(t).elem;
  switch (T.kind(e)) {
    case TypeKind::Number: case TypeKind::Boolean: return top || !T.nullable(e);
    case TypeKind::String: case TypeKind::Record: return true;
    case TypeKind::Array: return stringable_array(T, e, false);
    case TypeKind::Tuple: return top && stringable_tuple(T, e);  // (compiled: the runtime's join sees records)
    default: return false;
  }
}

// Number.isInteger, isFinite, isNaN, isSafeInteger (of a number; other values are never numbers here).
inline bool is_number_predicate(std::string_view name) {
  return name == "isInteger" || name == "isFinite" || name == "isNaN" || name == "isSafeInteger";
}

// Default and optional parameters (`b = 2`, `sep = ", "`, `b?: string`). A call may omit the trailing
// arguments of the function a symbol names directly: a function declaration, or a `const` bound to an
// arrow or function expression (analyze records it as the symbol's `init`). The callee gets an omitted
// argument as the "missing" value of its type (ref: 0 = undefined; boolean: kMissingBool; number: the
// signalling NaN kMissingNumberBits, which no arithmetic produces) and evaluates the default on entry,
// as JS does at call time. The Params node of that function, or kNoNode.
// The same values are `undefined` of `number | undefined` and `boolean | undefined`; null is the next payload
// and 3 (types.h Nullable, runtime-wasm/ABI.md "Nullable numbers and booleans").
inline constexpr uint64_t kMissingNumberBits = 0x7FF00000DEAD0001ull;
inline constexpr uint64_t kNullNumberBits = 0x7FF00000DEAD0002ull;
inline constexpr uint32_t kMissingBool = 2;
inline constexpr uint32_t kNullBool = 3;

// What `typeof` gives for a value of a non-nullable type (null is "object", undefined "undefined").
inline std::string typeof_name(const Types& T, TypeId t) {
  switch (T.kind(t)) {
    case TypeKind::Number: return "number";
    case TypeKind::Boolean: return "boolean";
    case TypeKind::String: return "string";
    case TypeKind::Function: return "function";
    case TypeKind::Undefined: case TypeKind::Void: return "undefined";
    default: return "object";
  }
}


inline NodeId declared_params(const Program& p, SymId s) {
  if (s == kNoId) return kNoNode;
  const Symbol& sym = p.symbols[s];
  NodeId fn = sym.kind == SymKind::Function ? p.funcs[sym.func].node
              : sym.kind == SymKind::Local && !sym.is_mutable ? sym.init : kNoNode;
  if (fn == kNoNode) return kNoNode;
  const Node& n = p.node(sym.module, fn);
  if (n.kind != NodeKind::Function && n.kind != NodeKind::Arrow && n.kind != NodeKind::FunctionExpr) return kNoNode;
  return n.kid(0);
}

// How many leading parameters a call must pass: up to the last one without a default or `?`.
inline size_t required_params(const Program& p, ModuleId m, NodeId params) {
  const Node& ps = p.node(m, params);
  size_t required = 0;
  for (size_t i = 0; i < ps.kids.size(); ++i) {
    const Node& pn = p.node(m, ps.kids[i]);
    if (pn.kid(1) == kNoNode && !(pn.flags & kOptional)) required = i + 1;
  }
  return required;
}

// The parameters a call with `argc` arguments passes: all of them, or fewer when the function the symbol
// names declares defaults or optional parameters for the rest (declared_params).
inline std::vector<TypeId> passed_params(const Program& p, SymId callee, size_t argc, const std::vector<TypeId>& params) {
  NodeId ps = declared_params(p, callee);
  if (ps == kNoNode || argc >= params.size() || argc < required_params(p, p.symbols[callee].module, ps)) return params;
  return std::vector<TypeId>(params.begin(), params.begin() + long(argc));
}

// The type descriptor of a console.log / JSON.stringify argument (runtime-wasm/src/inspect.h): 'n' number,
// 'b' boolean, 'N' / 'B' a number / boolean that may be null or undefined (types.h Nullable), 's' string (null and undefined too: the Refs 1 / 0), '[' + the element's descriptor, and for a
// record '{' + per field `<name length> <name><offset> <descriptor>` + '}' (a tuple: '(' + its elements as such
// fields + '}'; a dictionary 'D' + the value's descriptor, a Set 'S' + the element's, a Map 'M' + the key's + the
// value's), its fields in the order `order`
// gives (JS prints insertion order; emit passes the order the program's object literals write; analyze, which
// only checks support, none: by name). "" when not supported (functions, recursive or non-ASCII-keyed records,
// a shape `order` refuses).
using FieldOrder = std::function<std::vector<std::string>(ShapeId)>;
inline std::string inspect_descriptor(const Types& T, TypeId t, const FieldOrder& order = {}, int depth = 0) {
  if (depth > 16) return "";  // a recursive record type
  switch (T.kind(t)) {
    case TypeKind::Number: return T.nullable(t) ? "N" : "n";
    case TypeKind::Boolean: return T.nullable(t) ? "B" : "b";
    case TypeKind::String: case TypeKind::Null: case TypeKind::Undefined: return "s";
    case TypeKind::Array: {
      std::string e = inspect_descriptor(T, T.info(t).elem, order, depth + 1);
      return e.empty() ? e : "[" + e;
    }
    case TypeKind::Record: {
      const Shape& sh = T.shape_info(T.info(t).shape);
      if (sh.recursive) return "";
      std::vector<std::string> names;
      if (order) names = order(T.info(t).shape);
      else for (const Field& f : sh.fields) names.push_back(f.name);
      if (names.size() != sh.fields.size()) return "";
      std::string d = "{";
      for (const std::string& n : names) {
        const Field* f = sh.find(n);
        if (!f) return "";
        for (char ch : n) if ((unsigned char)ch >= 0x80) return "";
        std::string fd = inspect_descriptor(T, f->type, order, depth + 1);
        if (fd.empty()) return "";
        d += std::to_string(n.size()) + " " + n + std::to_string(f->offset) + " " + fd;
      }
      return d + "}";
    }
    case TypeKind::Tuple: {  // '(' then its elements as fields "0", "1", … (in order), then '}'
      const Shape& sh = T.shape_info(T.info(t).shape);
      std::string d = "(";
      for (size_t i = 0; i < T.info(t).params.size(); ++i) {
        std::string name = std::to_string(i);
        std::string fd = inspect_descriptor(T, sh.find(name)->type, order, depth + 1);
        if (fd.empty()) return "";
        d += std::to_string(name.size()) + " " + name + std::to_string(sh.find(name)->offset) + " " + fd;
      }
      return d + "}";
    }
    case TypeKind::Dict: case TypeKind::Set: {  // 'D' / 'S' then the value's or element's descriptor
      std::string e = inspect_descriptor(T, T.info(t).elem, order, depth + 1);
      return e.empty() ? e : (T.kind(t) == TypeKind::Dict ? "D" : "S") + e;
    }
    case TypeKind::Map: {  // 'M', the key's descriptor, the value's
      std::string k = inspect_descriptor(T, T.info(t).elem, order, depth + 1), v = inspect_descriptor(T, T.info(t).ret, order, depth + 1);
      return k.empty() || v.empty() ? "" : "M" + k + v;
    }
    default: return "";
  }
}

// The descriptor JSON.parse(text) parses into (runtime-wasm/src/json_parse.cpp): inspect_descriptor's letters,
// a record as '{' <shape id> ':' then its fields by name '}', and before a descriptor '?' when null is
// allowed and '~' (record fields) when the key may be missing. "" when the type cannot come from JSON
// (functions, undefined alone, recursive or non-ASCII-keyed records).
inline std::string json_parse_descriptor(const Types& T, TypeId t, int depth = 0) {
  if (depth > 16) return "";
  std::string marks;
  if (T.can_be_nullable(t) && (T.nullable(t) & kOrNull)) marks += '?';
  switch (T.kind(t)) {
    case TypeKind::Number: return marks + "n";
    case TypeKind::Boolean: return marks + "b";
    case TypeKind::String: return marks + "s";
    case TypeKind::Array: {
      std::string e = json_parse_descriptor(T, T.info(t).elem, depth + 1);
      return e.empty() ? e : marks + "[" + e;
    }
    case TypeKind::Record: {
      ShapeId s = T.info(t).shape;
      if (T.shape_info(s).recursive) return "";
      std::string d = marks + "{" + std::to_string(s) + ":";
      for (const Field& f : T.shape_info(s).fields) {
        for (char ch : f.name) if ((unsigned char)ch >= 0x80) return "";
        std::string fd = json_parse_descriptor(T, f.type, depth + 1);
        if (fd.empty()) return "";
        if (T.can_be_nullable(f.type) && (T.nullable(f.type) & kOrUndefined)) fd = (fd[0] == '?' ? "?~" : "~") + fd.substr(fd[0] == '?');
        d += std::to_string(f.name.size()) + " " + f.name + std::to_string(f.offset) + " " + fd;
      }
      return d + "}";
    }
    case TypeKind::Tuple: {  // '(' shape ':' its elements as fields "0", "1", … in order '}'
      ShapeId s = T.info(t).shape;
      std::string d = marks + "(" + std::to_string(s) + ":";
      for (size_t i = 0; i < T.info(t).params.size(); ++i) {
        const Field* f = T.shape_info(s).find(std::to_string(i));
        std::string fd = json_parse_descriptor(T, f->type, depth + 1);
        if (fd.empty()) return "";
        d += std::to_string(f->name.size()) + " " + f->name + std::to_string(f->offset) + " " + fd;
      }
      return d + "}";
    }
    case TypeKind::Dict: {  // 'D' shape ':' the value's descriptor
      std::string v = json_parse_descriptor(T, T.info(t).elem, depth + 1);
      return v.empty() ? v : marks + "D" + std::to_string(T.info(t).shape) + ":" + v;
    }
    default: return "";
  }
}
}  // namespace dxc
