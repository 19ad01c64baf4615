// str_ops.cpp — JavaScript's String.prototype methods on runtime strings (ABI.md, "Runtime functions"):
// charAt, charCodeAt, slice, substring, indexOf, lastIndexOf, includes, startsWith, endsWith, trim*, repeat,
// padStart/padEnd, replace/replaceAll with a string pattern, split, and Array.prototype.join.
//
// Everything is in UTF-16 code units, as in JS. Index arguments arrive as f64 and are converted with
// ToIntegerOrInfinity (NaN → 0, truncation, ±Infinity kept) and clamped exactly as ECMA-262 says. Results are
// arena strings (or one of the inputs when JS returns an equal string). A RangeError is `fatal` (a trap in
// wasm: the dispatch aborts), as documented in ABI.md.
#include "str_ops.h"

#include "arena.h"
#include "inspect.h"
#include "objects.h"
#include "str.h"
#include "throw.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

double to_integer(double d) {
  if (d != d) return 0;
  return __builtin_trunc(d);
}

namespace {

// ToIntegerOrInfinity, then clamped to [0, len].
uint32_t clamp_index(double d, uint32_t len) {
  double r = to_integer(d);
  if (r <= 0) return 0;
  return r >= double(len) ? len : uint32_t(r);
}

// A relative index (slice): negative counts from the end.
uint32_t rel_index(double d, uint32_t len) {
  double r = to_integer(d);
  if (r < 0) {
    r += double(len);
    return r <= 0 ? 0 : uint32_t(r);
  }
  return r >= double(len) ? len : uint32_t(r);
}

bool match_at(Ref s, uint32_t at, Ref t, uint32_t tlen) {
  for (uint32_t i = 0; i < tlen; ++i)
    if (str_unit(s, at + i) != str_unit(t, i)) return false;
  return true;
}

// First k >= from with s[k..k+tlen) == t, or -1.
int64_t find(Ref s, Ref t, uint32_t from) {
  uint32_t len = str_len(s), tlen = str_len(t);
  if (tlen > len) return -1;
  for (uint32_t k = from; k + tlen <= len; ++k)
    if (match_at(s, k, t, tlen)) return k;
  return -1;
}

// A RangeError as V8 words it, thrown as app code would throw it (throw.h: catchable in an app with try).
[[noreturn]] void range_error(Ref message) { throw_error("RangeError", message, 0); }
[[noreturn]] void range_error(const char* message) { range_error(str_from_latin1(message)); }

// "Invalid count value: <count>", the count as String(count) prints it (-2.5, -Infinity).
[[noreturn]] void count_error(double count) { range_error(str_concat(str_from_latin1("Invalid count value: "), dx_num_to_str(count))); }

}  // namespace

Ref str_sub(Ref s, uint32_t from, uint32_t to) {
  uint32_t len = str_len(s);
  if (from == 0 && to == len && s) return s;
  if (from >= to) return str_empty();
  if (to - from == 1 && str_unit(s, from) <= 0xFF) return str_single(str_unit(s, from));
  bool wide = str_wide(s);
  Ref r = str_alloc(to - from, wide);
  mem_copy(r + kStrChars, s + kStrChars + (wide ? 2 * from : from), wide ? 2 * (to - from) : to - from);
  return r;
}

// --- StrBuf: an arena buffer of UTF-16 units, made into a Latin-1 string when every unit fits ------------

void StrBuf::push(uint32_t u) {
  if (len == cap) grow(len + 1);
  st16(data + 2 * len++, uint16_t(u));
  max |= u;
}

void StrBuf::grow(uint64_t need) {
  if (need > kMaxStrLen) range_error("Invalid string length");
  uint32_t want = cap < 16 ? 16 : cap * 2;
  if (want > kMaxStrLen) want = kMaxStrLen;
  if (want < need) want = uint32_t(need);
  Ref d = arena_alloc(2 * want);
  mem_copy(d, data, 2 * len);
  data = d;
  cap = want;
}

void StrBuf::append(Ref s, uint32_t from, uint32_t to) {
  if (from >= to) return;
  if (uint64_t(len) + (to - from) > cap) grow(uint64_t(len) + (to - from));
  for (uint32_t i = from; i < to; ++i) {
    uint32_t u = str_unit(s, i);
    st16(data + 2 * len++, uint16_t(u));
    max |= u;
  }
}

Ref StrBuf::finish() {
  if (len == 0) return str_empty();
  bool wide = max > 0xFF;
  Ref r = str_alloc(len, wide);
  if (wide) mem_copy(r + kStrChars, data, 2 * len);
  else for (uint32_t i = 0; i < len; ++i) st8(r + kStrChars + i, uint8_t(ld16(data + 2 * i)));
  return r;
}

// --- whitespace -----------------------------------------------------------------------------------------

bool is_js_space(uint32_t u) {  // WhiteSpace (incl. Zs) and LineTerminator
  if (u < 0x80) return u == 0x20 || (u >= 0x09 && u <= 0x0D);
  return u == 0xA0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 ||
         u == 0x202F || u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

Ref str_trim(Ref s, bool start, bool end) {
  uint32_t a = 0, b = str_len(s);
  if (start) while (a < b && is_js_space(str_unit(s, a))) ++a;
  if (end) while (b > a && is_js_space(str_unit(s, b - 1))) --b;
  return str_sub(s, a, b);
}

// --- the exports' bodies --------------------------------------------------------------------------------

Ref str_char_at(Ref s, double pos) {
  double p = to_integer(pos);
  if (p < 0 || p >= double(str_len(s))) return str_empty();  // "" (not the Ref 0, which is undefined where that is observable)
  uint32_t i = uint32_t(p);
  return str_sub(s, i, i + 1);
}

Ref str_index(Ref s, double i) {
  if (!(i >= 0 && i < double(str_len(s))) || i != __builtin_trunc(i)) return 0;  // NaN fails the first test
  uint32_t k = uint32_t(i);
  return str_sub(s, k, k + 1);
}

double str_char_code_at(Ref s, double pos) {
  double p = to_integer(pos);
  if (p < 0 || p >= double(str_len(s))) return __builtin_nan("");
  return double(str_unit(s, uint32_t(p)));
}

Ref str_slice(Ref s, double start, double end) {
  uint32_t len = str_len(s), from = rel_index(start, len), to = rel_index(end, len);
  return str_sub(s, from, to);
}

Ref str_substring(Ref s, double start, double end) {
  uint32_t len = str_len(s), a = clamp_index(start, len), b = clamp_index(end, len);
  return a < b ? str_sub(s, a, b) : str_sub(s, b, a);
}

double str_index_of(Ref s, Ref t, double pos) {
  return double(find(s, t, clamp_index(pos, str_len(s))));
}

double str_last_index_of(Ref s, Ref t, double pos) {
  uint32_t len = str_len(s), tlen = str_len(t);
  uint32_t start = pos != pos ? len : clamp_index(pos, len);  // NaN (or omitted) → +Infinity
  if (tlen > len) return -1;
  uint32_t k = start < len - tlen ? start : len - tlen;
  for (;; --k) {
    if (match_at(s, k, t, tlen)) return double(k);
    if (k == 0) return -1;
  }
}

bool str_starts_with(Ref s, Ref t, double pos) {
  uint32_t len = str_len(s), tlen = str_len(t), start = clamp_index(pos, len);
  if (uint64_t(start) + tlen > len) return false;
  return match_at(s, start, t, tlen);
}

bool str_ends_with(Ref s, Ref t, double end_pos) {
  uint32_t len = str_len(s), tlen = str_len(t), end = clamp_index(end_pos, len);
  if (tlen > end) return false;
  return match_at(s, end - tlen, t, tlen);
}

Ref str_repeat(Ref s, double count) {
  double n = to_integer(count);
  if (n < 0 || n == __builtin_inf()) count_error(count);
  uint32_t len = str_len(s);
  if (n == 0 || len == 0) return str_empty();
  if (n * double(len) > double(kMaxStrLen)) range_error("Invalid string length");
  uint32_t times = uint32_t(n), total = times * len;
  bool wide = str_wide(s);
  uint32_t esz = wide ? 2 : 1;
  Ref r = str_alloc(total, wide);
  mem_copy(r + kStrChars, s + kStrChars, len * esz);
  for (uint32_t done = len; done < total;) {  // doubling copies
    uint32_t chunk = done < total - done ? done : total - done;
    mem_copy(r + kStrChars + done * esz, r + kStrChars, chunk * esz);
    done += chunk;
  }
  return r;
}

Ref str_pad(Ref s, double max_length, Ref fill, bool at_start) {
  uint32_t len = str_len(s), flen = str_len(fill);
  double target = to_integer(max_length);
  if (target <= double(len) || flen == 0) return s ? s : str_empty();
  if (target > double(kMaxStrLen)) range_error("Invalid string length");
  uint32_t pad = uint32_t(target) - len;
  StrBuf b;
  b.grow(uint32_t(target));
  if (!at_start) b.append(s, 0, len);
  for (uint32_t done = 0; done < pad;) {
    uint32_t chunk = flen < pad - done ? flen : pad - done;
    b.append(fill, 0, chunk);
    done += chunk;
  }
  if (at_start) b.append(s, 0, len);
  return b.finish();
}

namespace {

// GetSubstitution for a string pattern (no captures): $$, $&, $`, $' are replaced; anything else is kept.
void substitute(StrBuf& b, Ref s, uint32_t pos, uint32_t mlen, Ref rep) {
  uint32_t rlen = str_len(rep), len = str_len(s);
  for (uint32_t i = 0; i < rlen; ++i) {
    uint32_t u = str_unit(rep, i);
    if (u == '$' && i + 1 < rlen) {
      uint32_t c = str_unit(rep, i + 1);
      if (c == '$') { b.push('$'); ++i; continue; }
      if (c == '&') { b.append(s, pos, pos + mlen); ++i; continue; }
      if (c == '`') { b.append(s, 0, pos); ++i; continue; }
      if (c == '\'') { b.append(s, pos + mlen < len ? pos + mlen : len, len); ++i; continue; }
    }
    b.push(u);
  }
}

}  // namespace

Ref str_replace(Ref s, Ref pattern, Ref rep, bool all) {
  uint32_t len = str_len(s), plen = str_len(pattern);
  int64_t pos = find(s, pattern, 0);
  if (pos < 0) return s ? s : str_empty();
  StrBuf b;
  uint32_t end_last = 0;
  while (pos >= 0) {
    b.append(s, end_last, uint32_t(pos));
    substitute(b, s, uint32_t(pos), plen, rep);
    end_last = uint32_t(pos) + plen;
    if (!all) break;
    uint32_t next = uint32_t(pos) + (plen ? plen : 1);
    pos = next > len ? -1 : find(s, pattern, next);
  }
  b.append(s, end_last, len);
  return b.finish();
}

Ref str_split(Ref s, Ref sep) {
  uint32_t len = str_len(s), slen = str_len(sep);
  Ref out = array_new(kElemString, 0);
  if (slen == 0) {
    for (uint32_t i = 0; i < len; ++i) array_push_u32(out, str_sub(s, i, i + 1));
    return out;
  }
  if (len == 0) {
    array_push_u32(out, str_empty());
    return out;
  }
  uint32_t p = 0;
  for (int64_t q = find(s, sep, 0); q >= 0; q = find(s, sep, uint32_t(q) + slen)) {
    array_push_u32(out, str_sub(s, p, uint32_t(q)));
    p = uint32_t(q) + slen;
  }
  array_push_u32(out, str_sub(s, p, len));
  return out;
}

Ref array_join(Ref arr, Ref sep) {
  uint32_t n = array_len(arr);
  if (n == 0) return str_empty();
  uint32_t kind = array_kind(arr), slen = str_len(sep);
  if (kind == kElemClosure) fatal("dx_array_join: an array of functions");
  StrBuf b;
  Ref d = array_data(arr);
  for (uint32_t i = 0; i < n; ++i) {
    if (i) b.append(sep, 0, slen);
    Ref e;
    if (kind == kElemNumber) e = dx_num_to_str(ldf64(d + 8 * i));
    else if (kind == kElemString) e = ld32(d + 4 * i);
    else if (kind == kElemU32) e = str_from_latin1(ld32(d + 4 * i) ? "true" : "false");
    else if (kind == kElemArray) e = array_join(ld32(d + 4 * i), str_from_latin1(","));  // String(inner)
    else e = str_from_latin1("[object Object]");
    b.append(e, 0, str_len(e));
  }
  return b.finish();
}

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_str_char_at") uint32_t dx_str_char_at(uint32_t s, double i) { return str_char_at(s, i); }
// s.at(i): negative counts from the end; undefined (the Ref 0) outside.
DX_EXPORT("dx_str_at") uint32_t dx_str_at(uint32_t s, double pos) {
  double p = to_integer(pos), len = double(str_len(s));
  if (p < 0) p += len;
  if (p < 0 || p >= len) return 0;
  uint32_t i = uint32_t(p);
  return str_sub(s, i, i + 1);
}
// s.codePointAt(i): the code point starting at unit i (a surrogate pair read whole, a lone surrogate as
// itself); undefined (its NaN payload, inspect.h) outside.
DX_EXPORT("dx_str_code_point_at") double dx_str_code_point_at(uint32_t s, double pos) {
  double p = to_integer(pos);
  uint32_t len = str_len(s);
  if (p < 0 || p >= double(len)) return __builtin_bit_cast(double, kNumUndefinedBits);
  uint32_t i = uint32_t(p), c = str_unit(s, i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
    uint32_t d = str_unit(s, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return double(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00));
  }
  return double(c);
}
// String.fromCodePoint(cp): one code point (two units above U+FFFF); RangeError "Invalid code point <cp>"
// for anything but an integer in [0, 0x10FFFF].
DX_EXPORT("dx_str_from_code_point") uint32_t dx_str_from_code_point(double cp) {
  if (!(cp >= 0 && cp <= 1114111) || __builtin_trunc(cp) != cp)
    range_error(str_concat(str_from_latin1("Invalid code point "), dx_num_to_str(cp)));
  uint32_t c = uint32_t(cp);
  if (c < 256) return str_single(c);
  Ref r = str_alloc(c >= 0x10000 ? 2 : 1, true);
  if (c >= 0x10000) {
    st16(r + kStrChars, uint16_t(0xD800 + ((c - 0x10000) >> 10)));
    st16(r + kStrChars + 2, uint16_t(0xDC00 + ((c - 0x10000) & 0x3FF)));
  } else {
    st16(r + kStrChars, uint16_t(c));
  }
  return r;
}
// String.fromCharCode(code): the UTF-16 unit ToUint16(code).
extern "C" int32_t dx_to_int32(double x);
DX_EXPORT("dx_str_from_char_code") uint32_t dx_str_from_char_code(double code) {
  uint32_t unit = uint32_t(dx_to_int32(code)) & 0xFFFF;
  if (unit < 256) return str_single(unit);  // the static one-unit Latin-1 strings
  Ref s = str_alloc(1, true);
  st16(s + kStrChars, uint16_t(unit));
  return s;
}
DX_EXPORT("dx_str_index") uint32_t dx_str_index(uint32_t s, double i) { return str_index(s, i); }
DX_EXPORT("dx_str_char_code_at") double dx_str_char_code_at(uint32_t s, double i) { return str_char_code_at(s, i); }
DX_EXPORT("dx_str_slice") uint32_t dx_str_slice(uint32_t s, double a, double b) { return str_slice(s, a, b); }
DX_EXPORT("dx_str_substring") uint32_t dx_str_substring(uint32_t s, double a, double b) {
  return str_substring(s, a, b);
}
DX_EXPORT("dx_str_index_of") double dx_str_index_of(uint32_t s, uint32_t t, double from) {
  return str_index_of(s, t, from);
}
DX_EXPORT("dx_str_last_index_of") double dx_str_last_index_of(uint32_t s, uint32_t t, double from) {
  return str_last_index_of(s, t, from);
}
DX_EXPORT("dx_str_includes") uint32_t dx_str_includes(uint32_t s, uint32_t t, double from) {
  return str_index_of(s, t, from) >= 0 ? 1 : 0;
}
DX_EXPORT("dx_str_starts_with") uint32_t dx_str_starts_with(uint32_t s, uint32_t t, double pos) {
  return str_starts_with(s, t, pos) ? 1 : 0;
}
DX_EXPORT("dx_str_ends_with") uint32_t dx_str_ends_with(uint32_t s, uint32_t t, double end) {
  return str_ends_with(s, t, end) ? 1 : 0;
}
DX_EXPORT("dx_str_trim") uint32_t dx_str_trim(uint32_t s) { return str_trim(s, true, true); }
DX_EXPORT("dx_str_trim_start") uint32_t dx_str_trim_start(uint32_t s) { return str_trim(s, true, false); }
DX_EXPORT("dx_str_trim_end") uint32_t dx_str_trim_end(uint32_t s) { return str_trim(s, false, true); }
DX_EXPORT("dx_str_repeat") uint32_t dx_str_repeat(uint32_t s, double n) { return str_repeat(s, n); }
DX_EXPORT("dx_str_pad_start") uint32_t dx_str_pad_start(uint32_t s, double len, uint32_t fill) {
  return str_pad(s, len, fill, true);
}
DX_EXPORT("dx_str_pad_end") uint32_t dx_str_pad_end(uint32_t s, double len, uint32_t fill) {
  return str_pad(s, len, fill, false);
}
DX_EXPORT("dx_str_replace") uint32_t dx_str_replace(uint32_t s, uint32_t pattern, uint32_t rep) {
  return str_replace(s, pattern, rep, false);
}
DX_EXPORT("dx_str_replace_all") uint32_t dx_str_replace_all(uint32_t s, uint32_t pattern, uint32_t rep) {
  return str_replace(s, pattern, rep, true);
}
DX_EXPORT("dx_str_split") uint32_t dx_str_split(uint32_t s, uint32_t sep) { return str_split(s, sep); }
DX_EXPORT("dx_array_join") uint32_t dx_array_join(uint32_t arr, uint32_t sep) { return array_join(arr, sep); }
