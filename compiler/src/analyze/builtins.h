// Library methods of the TS subset that map one-to-one onto runtime functions (runtime-wasm/ABI.md): the
// table gives each method's runtime function, its arguments with the value JS uses when one is omitted,
// and its result. Shared by analyze (types) and emit (calls).
#pragma once
#include <cmath>
#include <limits>
#include <string>

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
inline constexpr LibArg kStrReq{LibType::String, false, 0, nullptr};

inline constexpr LibMethod kStringMethods[] = {
    {"charAt", "dx_str_char_at", LibType::String, 1, {kNum0}},
    {"charCodeAt", "dx_str_char_code_at", LibType::Number, 1, {kNum0}},
    {"slice", "dx_str_slice", LibType::String, 2, {kNum0, kNumInf}},
    {"substring", "dx_str_substring", LibType::String, 2, {kNum0, kNumInf}},
    {"indexOf", "dx_str_index_of", LibType::Number, 2, {kStrReq, kNum0}},
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
    {"split", "dx_str_split", LibType::StringArray, 1, {kStrReq}},
};

inline const LibMethod* find_string_method(const std::string& name) {
  for (const LibMethod& m : kStringMethods)
    if (name == m.name) return &m;
  return nullptr;
}

// Global functions: Number(x), String(x), parseInt(s, radix?), parseFloat(s).
enum class GlobalFn : uint8_t { None, Number, String, ParseInt, ParseFloat };
inline GlobalFn find_global_function(const std::string& name) {
  if (name == "Number") return GlobalFn::Number;
  if (name == "String") return GlobalFn::String;
  if (name == "parseInt") return GlobalFn::ParseInt;
  if (name == "parseFloat") return GlobalFn::ParseFloat;
  return GlobalFn::None;
}

}  // namespace dxc
