// str_ops.h — JavaScript's String.prototype methods and Array.prototype.join (str_ops.cpp), case mapping
// (str_case.cpp) and string → number conversions (num_parse.cpp). Contracts: ABI.md, "Runtime functions".
#pragma once
#include "object.h"

namespace dx::rt {

// V8's String::kMaxLength on 64-bit hosts: longer results are a RangeError ("Invalid string length").
inline constexpr uint32_t kMaxStrLen = (1u << 29) - 24;

// ToIntegerOrInfinity of a number: NaN → 0, otherwise truncated toward zero (±Infinity kept).
double to_integer(double d);
// JS WhiteSpace or LineTerminator (what trim removes and Number() skips).
bool is_js_space(uint32_t unit);

// The code units [from, to) of s as a string (s itself when that is all of it).
Ref str_sub(Ref s, uint32_t from, uint32_t to);

// A growable arena buffer of UTF-16 units; `finish` makes a Latin-1 string when every unit fits.
struct StrBuf {
  Ref data = 0;
  uint32_t len = 0, cap = 0, max = 0;
  void push(uint32_t unit);
  void append(Ref s, uint32_t from, uint32_t to);
  void grow(uint64_t need);  // RangeError beyond kMaxStrLen
  Ref finish();
};

Ref str_char_at(Ref s, double pos);  // the empty string when out of range
Ref str_index(Ref s, double i);       // s[i]: 0 (undefined) unless i is an integer index in range
double str_char_code_at(Ref s, double pos);
Ref str_slice(Ref s, double start, double end);
Ref str_substring(Ref s, double start, double end);
double str_index_of(Ref s, Ref t, double pos);
double str_last_index_of(Ref s, Ref t, double pos);
bool str_starts_with(Ref s, Ref t, double pos);
bool str_ends_with(Ref s, Ref t, double end_pos);
Ref str_trim(Ref s, bool start, bool end);
Ref str_repeat(Ref s, double count);
Ref str_pad(Ref s, double max_length, Ref fill, bool at_start);
Ref str_replace(Ref s, Ref pattern, Ref replacement, bool all);
Ref str_split(Ref s, Ref sep);
Ref array_join(Ref arr, Ref sep);
Ref str_to_upper(Ref s);
// Array.prototype methods (array_ops.cpp).
Ref array_slice(Ref a, double start, double end);
double array_index_of_f64(Ref a, double v, double from, bool same_value_zero);
double array_index_of_u32(Ref a, uint32_t v, double from);
Ref array_reverse(Ref a);
double array_pop_f64(Ref a);
uint32_t array_pop_u32(Ref a);
double array_shift_f64(Ref a);
uint32_t array_shift_u32(Ref a);
Ref array_splice(Ref a, double start, double delete_count, Ref items);
double array_unshift(Ref a, Ref items);
Ref array_sort(Ref a, Ref cmp);
Ref str_to_lower(Ref s);

}  // namespace dx::rt
