// console.cpp — console.log / warn / error (ABI.md; the CONSOLE op, schemas/ops.md). Generated code formats
// each argument with dx_inspect / dx_inspect_num, joins them with spaces and calls dx_console. The format is
// node's util.inspect with its defaults (depth 2, breakLength 80, compact 3, maxArrayLength 100) for the
// types dxc passes: numbers (-0 as "-0"), booleans, strings (raw at the top level, quoted and escaped inside
// arrays and records), null, undefined, arrays and records of them (nested). Widths count UTF-16 code units (node counts
// terminal columns: the same for text without wide or combining characters).
// A value's type is a descriptor (inspect.h).
#include "inspect.h"

#include "arena.h"
#include "collections.h"
#include "objects.h"
#include "ops.h"
#include "str.h"
#include "str_ops.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

namespace {

constexpr uint32_t kBreakLength = 80, kMaxArrayLength = 100, kDepth = 2;

struct Ctx {
  uint32_t indent = 0;  // util.inspect's indentationLvl
};

void put(StrBuf& b, const char* s) {
  while (*s) b.push(uint8_t(*s++));
}
void put(StrBuf& b, Ref s) { b.append(s, 0, str_len(s)); }
void spaces(StrBuf& b, uint32_t n) {
  while (n--) b.push(' ');
}
Ref cstr(const char* s) {
  StrBuf b;
  put(b, s);
  return b.finish();
}

Ref inspect_num(double v) {
  if (v == 0 && __builtin_signbit(v)) return cstr("-0");
  return dx_num_to_str(v);
}

Ref inspect_nnum(double v) {  // a `number | null | undefined`
  Nullish k = num_nullish(v);
  return k == Nullish::No ? inspect_num(v) : cstr(k == Nullish::Null ? "null" : "undefined");
}

bool contains(Ref s, uint32_t from, uint32_t to, uint32_t unit) {
  for (uint32_t i = from; i < to; ++i)
    if (str_unit(s, i) == unit) return true;
  return false;
}

// util.inspect's strEscape of s[from, to): the quote that needs no escaping (' then " then `), control
// characters, backslash and lone surrogates escaped.
void quote(StrBuf& b, Ref s, uint32_t from, uint32_t to) {
  uint32_t q = '\'';
  if (contains(s, from, to, '\'')) {
    bool dollar_brace = false;
    for (uint32_t i = from; i + 1 < to; ++i) dollar_brace |= str_unit(s, i) == '$' && str_unit(s, i + 1) == '{';
    if (!contains(s, from, to, '"')) q = '"';
    else if (!contains(s, from, to, '`') && !dollar_brace) q = '`';
  }
  static const char kHex[] = "0123456789ABCDEF";
  b.push(q);
  for (uint32_t i = from; i < to; ++i) {
    uint32_t u = str_unit(s, i);
    if (u == q || u == '\\' || u < 32 || (u > 126 && u < 160)) {
      b.push('\\');
      const char* named = u == '\b' ? "b" : u == '\t' ? "t" : u == '\n' ? "n" : u == '\f' ? "f" : u == '\r' ? "r" : nullptr;
      if (named) put(b, named);
      else if (u == q || u == '\\') b.push(u);
      else { b.push('x'); b.push(uint8_t(kHex[u >> 4])); b.push(uint8_t(kHex[u & 15])); }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      if (u <= 0xDBFF && i + 1 < to && str_unit(s, i + 1) >= 0xDC00 && str_unit(s, i + 1) <= 0xDFFF) {
        b.push(u);
        b.push(str_unit(s, ++i));
        continue;
      }
      put(b, "\\u");
      for (int sh = 12; sh >= 0; sh -= 4) b.push(uint8_t("0123456789abcdef"[(u >> sh) & 15]));
    } else {
      b.push(u);
    }
  }
  b.push(q);
}

// A string inside an array: quoted; a long one with line breaks is split after each '\n' into quoted
// pieces joined by " +\n" (formatPrimitive).
Ref inspect_str(const Ctx& c, Ref s) {
  uint32_t n = str_len(s);
  StrBuf b;
  if (n > 16 && n + c.indent + 4 > kBreakLength) {
    uint32_t from = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if (str_unit(s, i) != '\n' || i + 1 == n) continue;
      quote(b, s, from, i + 1);
      put(b, " +\n");
      spaces(b, c.indent + 2);
      from = i + 1;
    }
    quote(b, s, from, n);
  } else {
    quote(b, s, 0, n);
  }
  return b.finish();
}

Ref inspect(Ctx& c, uint32_t v, const uint8_t* d, uint32_t level);
Ref inspect_record(Ctx& c, Ref rec, const uint8_t* d, uint32_t level);

// The value stored at `at` with descriptor `d`, inside a container at `level`.
Ref element(Ctx& c, Ref at, const uint8_t* d, uint32_t level) {
  if (*d == 'N') return inspect_nnum(ldf64(at));
  if (*d == 'n') return inspect_num(ldf64(at));
  return inspect(c, ld32(at), d, level + 1);
}

// groupArrayElements: more than six entries are laid out in columns when they are short enough.
// `out` holds `count` entries (plus a "... more items" entry when `more`); returns the new count.
uint32_t group(const Ctx& c, Ref* out, uint32_t count, bool more, bool numbers) {
  uint32_t n = more ? count - 1 : count;
  uint32_t total = 0, max_len = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t len = str_len(out[i]);
    total += len + 2;
    if (len > max_len) max_len = len;
  }
  uint32_t actual_max = max_len + 2;
  if (!(actual_max * 3 + c.indent < kBreakLength && (double(total) / actual_max > 5 || max_len <= 6))) return count;
  double bias = __builtin_sqrt(actual_max - double(total) / count);
  double biased_max = actual_max - 3 - bias > 1 ? actual_max - 3 - bias : 1;
  double ideal = __builtin_floor(__builtin_sqrt(2.5 * biased_max * n) / biased_max + 0.5);
  uint32_t columns = uint32_t(ideal);
  uint32_t fit = (kBreakLength - c.indent) / actual_max;
  if (fit < columns) columns = fit;
  if (columns > 12) columns = 12;  // compact (3) × 4; the cap of 15 is above it
  if (columns <= 1) return count;
  uint32_t widths[12];
  for (uint32_t i = 0; i < columns; ++i) {
    uint32_t w = 0;
    for (uint32_t j = i; j < n; j += columns)
      if (str_len(out[j]) > w) w = str_len(out[j]);
    widths[i] = w + 2;
  }
  uint32_t rows = 0;
  for (uint32_t i = 0; i < n; i += columns) {
    uint32_t end = i + columns < n ? i + columns : n;
    StrBuf b;
    for (uint32_t j = i; j < end; ++j) {
      uint32_t len = str_len(out[j]) + (j + 1 < end ? 2 : 0), w = widths[j - i] - (j + 1 < end ? 0 : 2);
      if (numbers && w > len) spaces(b, w - len);
      put(b, out[j]);
      if (j + 1 < end) put(b, ", ");
      if (!numbers && j + 1 < end && w > len) spaces(b, w - len);
    }
    out[rows++] = b.finish();
  }
  if (more) out[rows++] = out[count - 1];
  return rows;
}

// reduceToSingleString: `{ a, b }` on one line when nothing was grouped (`may_join`) and it fits in
// breakLength, else one entry (or row) per line.
// `open` is braces[0] ("[", "{", "Map(2) {").
Ref reduce(const Ctx& c, const Ref* entries, uint32_t rows, bool may_join, const char* open, uint8_t close) {
  uint32_t open_len = 0;
  while (open[open_len]) ++open_len;
  if (may_join) {
    uint32_t total = rows + rows + c.indent + open_len + 10;
    bool fits = total + rows <= kBreakLength;
    for (uint32_t i = 0; fits && i < rows; ++i) {
      total += str_len(entries[i]);
      fits = total <= kBreakLength && !contains(entries[i], 0, str_len(entries[i]), '\n');
    }
    if (fits) {
      StrBuf b;
      put(b, open);
      b.push(' ');
      for (uint32_t i = 0; i < rows; ++i) {
        if (i) put(b, ", ");
        put(b, entries[i]);
      }
      b.push(' ');
      b.push(close);
      return b.finish();
    }
  }
  StrBuf b;
  put(b, open);
  for (uint32_t i = 0; i < rows; ++i) {
    if (i) b.push(',');
    b.push('\n');
    spaces(b, c.indent + 2);
    put(b, entries[i]);
  }
  b.push('\n');
  spaces(b, c.indent);
  b.push(close);
  return b.finish();
}

Ref inspect_array(Ctx& c, Ref arr, const uint8_t* elem, uint32_t level) {
  uint32_t len = ld32(arr + kArrLen);
  if (len == 0) return cstr("[]");
  if (level > kDepth) return cstr("[Array]");
  uint32_t shown = len < kMaxArrayLength ? len : kMaxArrayLength;
  bool more = len > shown;
  uint32_t count = shown + (more ? 1 : 0);
  Ref out = arena_alloc(4 * count);
  Ref data = ld32(arr + kArrData);
  c.indent += 2;
  bool numbers = desc_f64(elem);  // node pads numbers at the start, unless one is null or undefined
  for (uint32_t i = 0; i < shown; ++i) {
    if (*elem == 'N' && num_nullish(ldf64(data + 8 * i)) != Nullish::No) numbers = false;
    st32(out + 4 * i, element(c, data + (desc_f64(elem) ? 8 : 4) * i, elem, level));
  }
  c.indent -= 2;
  if (more) {
    StrBuf b;
    put(b, "... ");
    put(b, dx_num_to_str(len - shown));
    put(b, len - shown > 1 ? " more items" : " more item");
    st32(out + 4 * shown, b.finish());
  }
  Ref* entries = reinterpret_cast<Ref*>(mem(out));
  uint32_t rows = count > 6 ? group(c, entries, count, more, numbers) : count;
  return reduce(c, entries, rows, rows == count, "[", ']');
}

// node's keyStrRegExp, /^[a-zA-Z_][a-zA-Z_0-9]*$/, on n units read by `unit(i)`.
template <class Unit>
bool is_identifier(uint32_t n, Unit unit) {
  if (n == 0 || (unit(0) >= '0' && unit(0) <= '9')) return false;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ch = unit(i);
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  }
  return true;
}

// A plain object: `{ key: value, … }`, keys quoted unless they are identifiers (formatProperty).
Ref inspect_record(Ctx& c, Ref rec, const uint8_t* d, uint32_t level) {
  if (*d == '}') return cstr("{}");
  if (level > kDepth) return cstr("[Object]");
  uint32_t count = 0;
  DescField f;
  for (const uint8_t* p = d; desc_field(p, &f);) ++count;
  Ref out = arena_alloc(4 * count);
  c.indent += 2;
  for (uint32_t i = 0; desc_field(d, &f); ++i) {
    StrBuf b;
    if (is_identifier(f.name_len, [&](uint32_t i) { return uint32_t(f.name[i]); })) {
      for (uint32_t k = 0; k < f.name_len; ++k) b.push(f.name[k]);
    } else {
      StrBuf name;
      for (uint32_t k = 0; k < f.name_len; ++k) name.push(f.name[k]);
      Ref n = name.finish();
      quote(b, n, 0, str_len(n));
    }
    put(b, ": ");
    put(b, element(c, rec + f.offset, f.desc, level));
    st32(out + 4 * i, b.finish());
  }
  c.indent -= 2;
  return reduce(c, reinterpret_cast<Ref*>(mem(out)), count, true, "{", '}');
}


// A tuple: an array of its elements.
Ref inspect_tuple(Ctx& c, Ref rec, const uint8_t* d, uint32_t level) {
  if (level > kDepth) return cstr("[Array]");
  uint32_t count = 0;
  bool numbers = true;  // node pads columns at the start only when every element is a number
  DescField f;
  for (const uint8_t* p = d; desc_field(p, &f);) {
    ++count;
    numbers &= *f.desc == 'n' || (*f.desc == 'N' && num_nullish(ldf64(rec + f.offset)) == Nullish::No);
  }
  Ref out = arena_alloc(4 * count);
  c.indent += 2;
  for (uint32_t i = 0; desc_field(d, &f); ++i) st32(out + 4 * i, element(c, rec + f.offset, f.desc, level));
  c.indent -= 2;
  Ref* entries = reinterpret_cast<Ref*>(mem(out));
  uint32_t rows = count > 6 ? group(c, entries, count, false, numbers) : count;
  return reduce(c, entries, rows, rows == count, "[", ']');
}

void key(StrBuf& b, Ref k) {  // a property key: as is when an identifier, else quoted
  uint32_t n = str_len(k);
  if (is_identifier(n, [&](uint32_t i) { return str_unit(k, i); })) b.append(k, 0, n);
  else quote(b, k, 0, n);
}

// A dictionary: `{ key: value, 'other key': value }` in property order; a Map: `Map(2) { 'a' => 1, … }`;
// a Set: `Set(2) { 'a', 'b' }` (`d`: the value's descriptor; a Map's key descriptor is `kd`).
Ref inspect_collection(Ctx& c, Ref coll, char kind, const uint8_t* kd, const uint8_t* d, uint32_t level) {
  uint32_t n = coll_count(coll);
  char open[24] = "{";  // braces[0]: "{", "Map(2) {", "Set(0) {"
  if (kind != 'D') {
    char digits[12];
    uint32_t nd = 0, at = 0;
    for (uint32_t v = n; nd == 0 || v; v /= 10) digits[nd++] = char('0' + v % 10);
    for (const char* p = kind == 'M' ? "Map(" : "Set("; *p;) open[at++] = *p++;
    while (nd) open[at++] = digits[--nd];
    for (const char* p = ") {"; *p;) open[at++] = *p++;
    open[at] = 0;
  }
  if (n == 0) {
    StrBuf b;
    put(b, open);
    b.push('}');
    return b.finish();
  }
  if (level > kDepth) return cstr(kind == 'D' ? "[Object]" : kind == 'M' ? "[Map]" : "[Set]");
  Ref keys = coll_keys(coll), vals = coll_values(coll), order = kind == 'D' ? dict_order(coll) : 0;
  Ref out = arena_alloc(4 * n);
  c.indent += 2;
  for (uint32_t i = 0, j = 0; j < n; ++i) {
    uint32_t at = order ? ld32(order + 4 * j) : i;
    if (!order && coll_hole(keys, at)) continue;
    StrBuf b;
    Ref k = array_data(keys) + elem_size(array_kind(keys)) * at;
    if (kind == 'D') {
      key(b, ld32(k));
      put(b, ": ");
    } else if (kind == 'M') {
      put(b, element(c, k, kd, level));
      put(b, " => ");
    }
    put(b, element(c, kind == 'S' ? k : array_data(vals) + elem_size(array_kind(vals)) * at, d, level));
    st32(out + 4 * j++, b.finish());
  }
  c.indent -= 2;
  return reduce(c, reinterpret_cast<Ref*>(mem(out)), n, true, open, '}');
}

Ref inspect(Ctx& c, uint32_t v, const uint8_t* d, uint32_t level) {
  if (*d == 'B' && bool_nullish(v) != Nullish::No) return cstr(bool_nullish(v) == Nullish::Null ? "null" : "undefined");
  if (*d == 'b' || *d == 'B') return cstr(v ? "true" : "false");
  if (v == 0) return cstr("undefined");
  if (v == 1) return cstr("null");
  if (*d == '[') return inspect_array(c, v, d + 1, level);
  if (*d == '{') return inspect_record(c, v, d + 1, level);
  if (*d == '(') return inspect_tuple(c, v, d + 1, level);
  if (*d == 'D' || *d == 'S') return inspect_collection(c, v, char(*d), nullptr, d + 1, level);
  if (*d == 'M') return inspect_collection(c, v, 'M', d + 1, desc_end(d + 1), level);
  return level == 0 ? Ref(v) : inspect_str(c, v);
}

}  // namespace

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_inspect") uint32_t dx_inspect(uint32_t value, uint32_t desc) {
  Ctx c;
  return inspect(c, value, type_desc(desc), 0);
}
DX_EXPORT("dx_inspect_num") uint32_t dx_inspect_num(double v) { return inspect_num(v); }
DX_EXPORT("dx_console") void dx_console(uint32_t level, uint32_t text) {
  emit(dx::schema::kOpConsole, level, op_str(text));
}
