// json_parse.cpp — JSON.parse(text) typed by its target (`const xs: Todo[] = JSON.parse(s)`, `JSON.parse(s)
// as T`). The text is parsed by ECMA-404's grammar exactly as JSON.parse does (whitespace, escapes,
// numbers as Number(s), a duplicate key's last value wins) straight into the target's layout, which the
// descriptor gives (the parse descriptor, compiler/src/analyze/builtins.h: json_parse_descriptor):
//   'n' number, 'b' boolean, 's' string, '[' element, '{' <shape id> ':' fields… '}' with the fields of
//   inspect.h (`<name length> <name><offset> <descriptor>`); a '?' before a descriptor lets the value be
//   null, a '~' lets a record field be missing (undefined); for 'n' and 'b' those are the nullable
//   representations of inspect.h (kNumNullBits, kBoolNull, …).
// A syntax error throws "SyntaxError: …"; a well-formed value of another shape than the target (a string
// where a number is declared, a missing field) throws "TypeError: …" — JS would return the value and let the
// program fail later; dx has to lay it out, so it checks here. Keys the target does not declare are skipped.
// Both abort the call as a `throw` does (throw.h), reported with the call's source location.
#include "arena.h"
#include "collections.h"
#include "inspect.h"
#include "objects.h"
#include "str.h"
#include "str_ops.h"
#include "throw.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {
double str_to_num(Ref s);  // num_parse.cpp

namespace {

void put(StrBuf& b, const char* s) {
  while (*s) b.push(uint8_t(*s++));
}

struct Parser {
  Ref text;
  uint32_t i = 0, n = 0;
  Ref where;  // the call's "file:line:col"

  // Throws "<kind>: <a><b> at position <i>".
  [[noreturn]] void fail(const char* kind, const char* a, Ref b = 0) {
    StrBuf m;
    put(m, a);
    if (b) m.append(b, 0, str_len(b));
    put(m, " at position ");
    Ref pos = dx_num_to_str(double(i));
    m.append(pos, 0, str_len(pos));
    throw_error(kind, m.finish(), where);
  }
  [[noreturn]] void syntax() { fail("SyntaxError", i < n ? "Unexpected token in JSON" : "Unexpected end of JSON input"); }
  // A value of another shape: a TypeError — unless the text is not JSON at all, which JSON.parse reports
  // first, as a SyntaxError, whatever the target (the whole text is checked from its start).
  [[noreturn]] void mistyped(const char* a, Ref b = 0) {
    Parser check{text, 0, n, where};
    check.skip();
    check.ws();
    if (check.i < check.n) check.syntax();
    fail("TypeError", a, b);
  }
  [[noreturn]] void shape(const char* want) { mistyped(want); }

  uint32_t peek() const { return i < n ? str_unit(text, i) : 0; }
  void ws() {
    while (i < n) {
      uint32_t u = str_unit(text, i);
      if (u != ' ' && u != '\t' && u != '\n' && u != '\r') break;
      ++i;
    }
  }
  void expect(uint32_t u) {
    if (peek() != u || i >= n) syntax();
    ++i;
  }
  bool literal(const char* lit) {  // true/false/null after its first letter matched
    uint32_t k = 0;
    for (; lit[k]; ++k)
      if (i + k >= n || str_unit(text, i + k) != uint8_t(lit[k])) { i += k; syntax(); }
    i += k;
    return true;
  }

  Ref string() {
    expect('"');
    StrBuf b;
    for (;;) {
      if (i >= n) syntax();
      uint32_t u = str_unit(text, i);
      if (u == '"') { ++i; break; }
      if (u < 0x20) syntax();
      if (u != '\\') { b.push(u); ++i; continue; }
      if (++i >= n) syntax();
      u = str_unit(text, i++);
      switch (u) {
        case '"': case '\\': case '/': b.push(u); break;
        case 'b': b.push('\b'); break;
        case 'f': b.push('\f'); break;
        case 'n': b.push('\n'); break;
        case 'r': b.push('\r'); break;
        case 't': b.push('\t'); break;
        case 'u': {
          uint32_t v = 0;
          for (int k = 0; k < 4; ++k) {
            uint32_t h = peek(), d = h >= '0' && h <= '9' ? h - '0' : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : 99;
            if (d == 99 || i >= n) syntax();
            v = v * 16 + d;
            ++i;
          }
          b.push(v);
          break;
        }
        default: --i; syntax();
      }
    }
    return b.finish();
  }

  double number() {
    uint32_t start = i;
    if (peek() == '-') ++i;
    if (peek() == '0') ++i;
    else if (peek() >= '1' && peek() <= '9') while (peek() >= '0' && peek() <= '9') ++i;
    else syntax();
    if (peek() == '.') {
      ++i;
      if (!(peek() >= '0' && peek() <= '9')) syntax();
      while (peek() >= '0' && peek() <= '9') ++i;
    }
    if ((peek() | 32) == 'e') {
      ++i;
      if (peek() == '+' || peek() == '-') ++i;
      if (!(peek() >= '0' && peek() <= '9')) syntax();
      while (peek() >= '0' && peek() <= '9') ++i;
    }
    return str_to_num(str_slice(text, start, i));
  }

  // Skips any value (under a key the target does not declare), iteratively: a deeply nested value there must
  // not exhaust the wasm stack. `closers` holds the closing bracket of each container we are inside.
  void skip() {
    uint32_t cap = 64, depth = 0;
    Ref closers = arena_alloc(cap);
    for (;;) {
      ws();
      uint32_t u = peek();
      if (u == '[' || u == '{') {
        ++i;
        if (depth == cap) {
          Ref grown = arena_alloc(cap * 2);
          for (uint32_t k = 0; k < cap; ++k) st8(grown + k, ld8(closers + k));
          closers = grown, cap *= 2;
        }
        st8(closers + depth++, u == '[' ? ']' : '}');
        ws();
        if (peek() != ld8(closers + depth - 1)) {
          if (u == '{') member_key();
          continue;  // the container's first value
        }
        ++i, --depth;  // empty
      } else if (u == '"') {
        string();
      } else if (u == 't' || u == 'f' || u == 'n') {
        literal(u == 't' ? "true" : u == 'f' ? "false" : "null");
      } else {
        number();
      }
      // After a value: close containers until one continues with ','.
      for (;;) {
        if (!depth) return;
        ws();
        uint8_t close = ld8(closers + depth - 1);
        if (peek() == ',') {
          ++i;
          if (close == '}') member_key();
          break;
        }
        expect(close);
        --depth;
      }
    }
  }
  void member_key() {  // `"key" :` inside an object
    ws();
    string();
    ws();
    expect(':');
  }

  // At `u`, an array or object must open (`open`): another value is JSON of the wrong shape, anything else bad JSON.
  void opens(uint32_t u, uint32_t open) {
    if (u == open) return;
    bool value_start = u == '"' || u == 't' || u == 'f' || u == '-' || (u >= '0' && u <= '9') || u == '[' || u == '{';
    if (value_start) shape(open == '{' ? "JSON.parse: expected an object" : "JSON.parse: expected an array");
    syntax();
  }

  // The "<shape id>:" after a record's, tuple's or dictionary's letter; `p` moves past it.
  static uint32_t shape_id(const uint8_t*& p) {
    uint32_t sh = 0;
    while (*p >= '0' && *p <= '9') sh = sh * 10 + (*p++ - '0');
    ++p;  // ':'
    return sh;
  }

  // The runtime element kind of values of descriptor `d` (after its marks).
  static uint32_t elem_kind(const uint8_t* d) {
    while (*d == '?' || *d == '~') ++d;
    return *d == 'n' ? 0 : *d == 'b' ? 1 : *d == 's' ? 2 : *d == '[' ? 3 : 4;
  }

  // The members of an object whose '{' has been read, through the closing '}': `member(key)` parses each value.
  template <class F>
  void members(F member) {
    ws();
    if (peek() != '}') {
      for (;;) {
        ws();
        if (peek() != '"') syntax();
        Ref key = string();
        ws();
        expect(':');
        member(key);
        ws();
        if (peek() == ',') { ++i; continue; }
        break;
      }
    }
    expect('}');
  }

  // Parses one value of descriptor `d` into `slot` (8 bytes for 'n', else 4).
  void value(const uint8_t* d, Ref slot) {
    bool may_null = false;
    while (*d == '?' || *d == '~') may_null |= *d++ == '?';
    ws();
    uint32_t u = peek();
    if (u == 'n' && i + 1 < n && str_unit(text, i + 1) == 'u') {
      if (!may_null) shape(*d == 'n' ? "JSON.parse: expected a number" : *d == 'b' ? "JSON.parse: expected a boolean" : *d == 's' ? "JSON.parse: expected a string" : *d == '[' ? "JSON.parse: expected an array" : "JSON.parse: expected an object");
      literal("null");
      if (*d == 'n') stf64(slot, __builtin_bit_cast(double, kNumNullBits));  // inspect.h: a nullable number's null
      else st32(slot, *d == 'b' ? kBoolNull : 1);
      return;
    }
    switch (*d) {
      case 'n':
        if (u != '-' && !(u >= '0' && u <= '9')) { if (u == '"' || u == 't' || u == 'f' || u == '[' || u == '{') shape("JSON.parse: expected a number"); syntax(); }
        stf64(slot, number());
        return;
      case 'b':
        if (u == 't') { literal("true"); st32(slot, 1); return; }
        if (u == 'f') { literal("false"); st32(slot, 0); return; }
        if (u == '"' || u == '-' || (u >= '0' && u <= '9') || u == '[' || u == '{') shape("JSON.parse: expected a boolean");
        syntax();
      case 's':
        if (u != '"') { if (u == 't' || u == 'f' || u == '-' || (u >= '0' && u <= '9') || u == '[' || u == '{') shape("JSON.parse: expected a string"); syntax(); }
        st32(slot, string());
        return;
      case '[': {
        opens(u, '[');
        ++i;
        uint32_t kind = elem_kind(d + 1);
        Ref arr = array_new(kind, 0);
        Ref tmp = arena_alloc(8);
        ws();
        if (peek() == ']') { ++i; st32(slot, arr); return; }
        for (;;) {
          value(d + 1, tmp);
          if (kind == 0) array_push_f64(arr, ldf64(tmp));
          else array_push_u32(arr, ld32(tmp));
          ws();
          if (peek() == ',') { ++i; continue; }
          expect(']');
          break;
        }
        st32(slot, arr);
        return;
      }
      case 'D': {  // a dictionary: 'D' shape ':' the value's descriptor; every member becomes an entry
        opens(u, '{');
        ++i;
        const uint8_t* p = d + 1;
        uint32_t sh = shape_id(p);
        Ref dict = coll_new(sh, kElemString, elem_kind(p));
        Ref tmp = arena_alloc(8);
        members([&](Ref key) {
          value(p, tmp);
          dict_put(dict, key, tmp);  // a repeated key keeps its place and takes the later value, as JS
        });
        st32(slot, dict);
        return;
      }
      case '(': {  // a tuple: '(' shape ':' its elements as fields "0", "1", … '}', from an array of exactly as many
        opens(u, '[');
        ++i;
        const uint8_t* p = d + 1;
        Ref rec = record_new(shape_id(p));
        DescField f;
        uint32_t k = 0;
        ws();
        for (const uint8_t* q = p; desc_field(q, &f); ++k) {
          if (k) {
            ws();
            if (peek() != ',') shape("JSON.parse: the array is shorter than the tuple");
            ++i;
          }
          ws();
          if (peek() == ']') shape("JSON.parse: the array is shorter than the tuple");
          value(f.desc, rec + f.offset);
        }
        ws();
        if (peek() == ',') shape("JSON.parse: the array is longer than the tuple");
        expect(']');
        st32(slot, rec);
        return;
      }
      default: {  // '{' shape ':' fields '}'
        opens(u, '{');
        ++i;
        const uint8_t* p = d + 1;
        Ref rec = record_new(shape_id(p));
        uint32_t fields = 0;
        DescField f;
        for (const uint8_t* q = p; desc_field(q, &f);) ++fields;
        Ref seen = arena_alloc(fields ? fields : 1);  // byte k: field k was present
        members([&](Ref key) {
          uint32_t k = 0;
          bool found = false;
          for (const uint8_t* q = p; desc_field(q, &f); ++k) {
            if (f.name_len != str_len(key)) continue;
            uint32_t j = 0;
            while (j < f.name_len && str_unit(key, j) == f.name[j]) ++j;
            if (j == f.name_len) { found = true; break; }
          }
          if (found) {
            value(f.desc, rec + f.offset);
            st8(seen + k, 1);
          } else {
            skip();
          }
        });
        uint32_t k = 0;
        for (const uint8_t* q = p; desc_field(q, &f); ++k) {
          if (ld8(seen + k)) continue;
          if (f.desc[0] == '~' || (f.desc[0] == '?' && f.desc[1] == '~')) {  // optional: undefined (a Ref stays 0)
            const uint8_t* e = f.desc;
            while (*e == '?' || *e == '~') ++e;
            if (*e == 'n') stf64(rec + f.offset, __builtin_bit_cast(double, kNumUndefinedBits));
            else if (*e == 'b') st32(rec + f.offset, kBoolUndefined);
            continue;
          }
          StrBuf name;
          for (uint32_t j = 0; j < f.name_len; ++j) name.push(f.name[j]);
          --i;  // at the closing brace
          mistyped("JSON.parse: missing field ", name.finish());
        }
        st32(slot, rec);
        return;
      }
    }
  }
};

}  // namespace

}  // namespace dx::rt

using namespace dx::rt;

namespace {
Ref parse(Ref text, Ref desc, Ref where, Ref slot) {
  const uint8_t* d = type_desc(desc);
  Parser p{text, 0, str_len(text), where};
  p.value(d, slot);
  p.ws();
  if (p.i < p.n) p.syntax();
  return slot;
}
}  // namespace

// JSON.parse(text) as a Ref-typed or boolean target (a boolean is 0/1).
DX_EXPORT("dx_json_parse") uint32_t dx_json_parse(uint32_t text, uint32_t desc, uint32_t where) {
  return ld32(parse(text, desc, where, arena_alloc(8)));
}
// JSON.parse(text) as a number.
DX_EXPORT("dx_json_parse_num") double dx_json_parse_num(uint32_t text, uint32_t desc, uint32_t where) {
  return ldf64(parse(text, desc, where, arena_alloc(8)));
}
