// Method calls: Math.*, the string and array library (inline loops or runtime functions, per
// analyze/builtins.h), event methods, and calls of function-valued fields and props.
#include "analyze/builtins.h"
#include "analyze/checker.h"
#include "dx/schema/dxb.h"

namespace dxc::analyze {

// JSON.parse(text): typed by its target (`const xs: T = JSON.parse(s)`, `JSON.parse(s) as T`, an argument or
// return of a declared type), which the runtime checks the parsed value against (json_parse.cpp).
TypeId Checker::check_json_parse(Ctx& c, NodeId n, const std::vector<NodeId>& args, TypeId expected) {
  auto& T = p_.types;
  if (args.size() != 1) {
    error(n, "DX0222", "JSON.parse takes one string here (a reviver is not supported)");
    return T.error();
  }
  TypeId at = check_expr(c, args[0], T.string());
  if (at != T.string() && at != T.error()) {
    error(args[0], "DX0234", "JSON.parse takes a string, not '" + T.name(at) + "' (check for null first)");
    return T.error();
  }
  if (expected == 0 || T.kind(expected) == TypeKind::Error) {
    if (expected == 0)
      error(n, "DX0266", "JSON.parse needs a target type: `const xs: Todo[] = JSON.parse(text)` or `JSON.parse(text) as Todo[]`");
    return T.error();
  }
  if (json_parse_descriptor(T, expected).empty()) {
    error(n, "DX0266", "JSON.parse into a '" + T.name(expected) +
                           "' is not supported (numbers, booleans, strings, arrays and records of them, nullable ones too)");
    return T.error();
  }
  set_type(node(n).kid(0), T.void_());
  return expected;
}

Checker::CallParts Checker::call_parts(NodeId n) const {
  const Node& x = node(n);
  return {x.kid(0), std::vector<NodeId>(x.kids.size() > 2 ? x.kids.begin() + 2 : x.kids.end(), x.kids.end()),
          std::string(node(x.kid(0)).text)};
}

TypeId Checker::check_member_call(Ctx& c, NodeId n, TypeId expected) {
  auto& T = p_.types;
  auto [callee, args, method] = call_parts(n);
  const Node& cn = node(callee);
  const Node& on = node(cn.kid(0));
  if (on.kind == NodeKind::Identifier && on.text == "Math" && lookup(c.scope, "Math") == kNoId) {
    static const char* kUnary[] = {"floor", "ceil", "abs", "sqrt", "trunc", "round", "sign", "fround", "clz32"};
    bool unary = false;
    for (const char* u : kUnary) unary |= method == u;
    size_t arity = 0;
    if (is_host_math(method, &arity) || method == "imul") {
      if (method == "imul") arity = 2;
      if (args.size() != arity) {
        error(n, "DX0222", "Math." + method + (arity == 1 ? " takes one argument" : " takes two arguments here"));
        return T.error();
      }
      unary = arity == 1;
    }
    if (unary || arity || method == "min" || method == "max") {
      if (unary && args.size() != 1) { error(n, "DX0222", "Math." + method + " takes one argument"); return T.error(); }
      for (NodeId a : args) {
        if (node(a).kind == NodeKind::Spread) {  // Math.max(...xs): every element (none: -Infinity, as JS gives)
          TypeId at = check_expr(c, node(a).kid(0), T.array_of(T.number()));
          if (at != T.array_of(T.number()) && at != T.error()) error(a, "DX0234", "Math." + method + " spreads an array of numbers, not '" + T.name(at) + "'");
          set_type(a, at);
          continue;
        }
        TypeId at = check_expr(c, a, T.number());
        if (at != T.number() && at != T.error()) error(a, "DX0234", "Math." + method + " takes numbers");
      }
      set_type(callee, T.number());
      return T.number();
    }
    if (method == "random") {
      if (!args.empty()) error(n, "DX0222", "Math.random takes no arguments");
      set_type(callee, T.number());
      return T.number();
    }
    error(callee, "DX0235", "Math." + method + " is not supported yet");
    return T.error();
  }
  // Arrays made from a length: Array.from({ length: n }, (_, i) => …), Array(n).fill(v), new Array(n).fill(v);
  // and Array.from(array, (x, i) => …?), a copy or a map (codegen_call.cpp: array_from).
  if (on.kind == NodeKind::Identifier && on.text == "Object" && lookup(c.scope, "Object") == kNoId) {
    TypeId t = check_object_call(c, n, method, args);  // Object.keys(dict), … (collections.cpp)
    if (t != T.error()) set_type(callee, t);
    return t;
  }
  if (on.kind == NodeKind::Identifier && on.text == "Array" && lookup(c.scope, "Array") == kNoId && method == "from") {
    if (args.empty() || args.size() > 2) { error(n, "DX0222", "Array.from takes an array or { length: n }, then optionally a callback"); return T.error(); }
    const Node& src = node(args[0]);
    bool by_length = src.kind == NodeKind::ObjectLit && src.kids.size() == 1 && node(src.kids[0]).kind == NodeKind::Prop &&
                     node(src.kids[0]).text == "length";
    if (args.size() == 2 && node(args[1]).kind != NodeKind::Arrow && node(args[1]).kind != NodeKind::FunctionExpr) {
      error(args[1], "DX0243", "pass an arrow function literal to Array.from (e.g. Array.from({ length: n }, (_, i) => i))");
      return T.error();
    }
    if (by_length) {
      TypeId lt = check_expr(c, node(src.kids[0]).kid(0), T.number());
      if (lt != T.number()) { if (lt != T.error()) error(src.kids[0], "DX0234", "the length must be a number"); return T.error(); }
      if (args.size() != 2) { error(n, "DX0235", "Array.from({ length: n }) without a callback makes undefined elements: give it one, (_, i) => …"); return T.error(); }
      TypeId want = T.kind(expected) == TypeKind::Array ? T.info(expected).elem : 0;
      // The first parameter is the missing element (undefined): typed number | undefined, which it always is.
      TypeId r = check_inline_callback(c, args[1], {T.with_nullable(T.number(), kOrUndefined), T.number()}, want);
      if (r == T.error()) return r;
      if (T.wasm(r) == WasmType::None) { error(args[1], "DX0234", "the callback must return a value"); return T.error(); }
      set_type(args[0], T.number());
      return T.array_of(r);
    }
    TypeId at = check_iterable(c, args[0], 0, "Array.from");  // an array, a Set, map.keys(), …
    if (T.kind(at) == TypeKind::Error) return at;
    if (args.size() == 1) return at;
    TypeId want = T.kind(expected) == TypeKind::Array ? T.info(expected).elem : 0;
    TypeId r = check_inline_callback(c, args[1], {T.info(at).elem, T.number()}, want);
    if (r == T.error()) return r;
    if (T.wasm(r) == WasmType::None) { error(args[1], "DX0234", "the callback must return a value"); return T.error(); }
    return T.array_of(r);
  }
  if (method == "fill" && (on.kind == NodeKind::New || on.kind == NodeKind::Call) && node(on.kid(0)).kind == NodeKind::Identifier &&
      node(on.kid(0)).text == "Array" && lookup(c.scope, "Array") == kNoId) {
    std::vector<NodeId> ctor(on.kids.size() > 2 ? on.kids.begin() + 2 : on.kids.end(), on.kids.end());
    if (ctor.size() != 1 || args.size() != 1) { error(n, "DX0222", "write `new Array(length).fill(value)`"); return T.error(); }
    TypeId lt = check_expr(c, ctor[0], T.number());
    if (lt != T.number()) { if (lt != T.error()) error(ctor[0], "DX0234", "the length must be a number"); return T.error(); }
    TypeId want = T.kind(expected) == TypeKind::Array ? T.info(expected).elem : 0;
    TypeId vt = check_expr(c, args[0], want);
    if (want && !assignable(vt, want)) { error(args[0], "DX0234", "cannot fill a '" + T.name(expected) + "' with '" + T.name(vt) + "'"); return T.error(); }
    TypeId et = want ? want : vt;
    if (T.kind(et) == TypeKind::Error) return et;
    if (T.wasm(et) == WasmType::None || T.kind(et) == TypeKind::Null || T.kind(et) == TypeKind::Undefined) {
      error(args[0], "DX0236", "give the array a type: e.g. `const xs: (number | null)[] = new Array(3).fill(null)`");
      return T.error();
    }
    set_type(cn.kid(0), T.array_of(et));
    return T.array_of(et);
  }
  if (on.kind == NodeKind::Identifier && on.text == "String" && (method == "fromCharCode" || method == "fromCodePoint") &&
      lookup(c.scope, "String") == kNoId) {
    for (NodeId a : args) {  // each a UTF-16 code unit (ToUint16) / a code point (RangeError outside); none gives ""
      TypeId at = check_expr(c, a, T.number());
      if (at != T.number() && at != T.error()) error(a, "DX0234", "String." + method + " takes numbers");
    }
    set_type(callee, T.string());
    return T.string();
  }
  if (on.kind == NodeKind::Identifier && on.text == "Number" && lookup(c.scope, "Number") == kNoId &&
      (method == "parseFloat" || method == "parseInt")) {  // the global functions themselves
    set_type(callee, T.number());
    return check_global_call(c, n, method == "parseInt" ? GlobalFn::ParseInt : GlobalFn::ParseFloat, "Number." + method, args);
  }
  if (on.kind == NodeKind::Identifier && on.text == "Number" && lookup(c.scope, "Number") == kNoId && is_number_predicate(method)) {
    if (args.size() != 1) { error(n, "DX0222", "Number." + method + " takes one argument"); return T.error(); }
    TypeId at = check_expr(c, args[0], T.number());
    if (at != T.number() && at != T.error())
      error(args[0], "DX0234", "Number." + method + " of a '" + T.name(at) + "' is always false: give it a number");
    set_type(callee, T.boolean());
    return T.boolean();
  }
  if (on.kind == NodeKind::Identifier && ((on.text == "Date" && method == "now") || (on.text == "performance" && method == "now")) &&
      lookup(c.scope, std::string(on.text)) == kNoId) {
    if (!args.empty()) error(n, "DX0222", std::string(on.text) + ".now takes no arguments");
    set_type(callee, T.number());
    return T.number();
  }
  if (on.kind == NodeKind::Identifier && on.text == "console" && lookup(c.scope, "console") == kNoId) {
    if (method != "log" && method != "warn" && method != "error") {
      error(callee, "DX0235", "console." + method + " is not supported (log, warn and error are)");
      return T.error();
    }
    for (size_t i = 0; i < args.size(); ++i) {
      TypeId at = check_expr(c, args[i], 0);
      if (at == T.error()) continue;
      if (p_.uses_try && at == error_type()) {  // JS prints an Error's stack, which wasm has no form of
        error(args[i], "DX0264", "console." + method + " of a caught error is not supported: log `e.message` (or `${e.name}: ${e.message}`)");
      } else if (inspect_descriptor(T, at).empty()) {
        error(args[i], "DX0264", "console." + method + " of a '" + T.name(at) +
                                     "' is not supported yet (numbers, strings, booleans, null, undefined, arrays and records of them are)");
      } else if (i == 0 && args.size() > 1 && T.kind(at) == TypeKind::String &&
                 (node(args[0]).kind != NodeKind::StringLit || node(args[0]).text.find('%') != std::string_view::npos)) {
        error(args[0], "DX0264", "a string before more arguments is a format string in JS (%s, %d…): start with a string "
                                 "literal without '%', or pass one string");
      }
    }
    set_type(callee, T.void_());
    return T.void_();
  }
  if (on.kind == NodeKind::Identifier && on.text == "localStorage" && lookup(c.scope, "localStorage") == kNoId) {
    size_t want = method == "setItem" ? 2 : method == "getItem" || method == "removeItem" ? 1 : 0;
    if (!want) {
      error(callee, "DX0235", "localStorage." + method + " is not supported (getItem, setItem and removeItem are)");
      return T.error();
    }
    if (args.size() != want) {
      error(n, "DX0222", "localStorage." + method + " takes " + (want == 1 ? "one string" : "two strings"));
      return T.error();
    }
    for (NodeId a : args) {
      TypeId at = check_expr(c, a, T.string());
      if (at != T.string() && at != T.error())
        error(a, "DX0234", "localStorage keys and values are strings here, not '" + T.name(at) + "'");
    }
    set_type(callee, T.void_());
    return method == "getItem" ? T.with_nullable(T.string(), kOrNull) : T.void_();
  }
  if (on.kind == NodeKind::Identifier && on.text == "window" && lookup(c.scope, "window") == kNoId) {
    if (method == "addEventListener")
      error(n, "DX0267", "window.addEventListener is supported as a statement of a component body or as the body of its "
                         "onMount (the listener lives as long as the component)");
    else
      error(callee, "DX0235", "window." + method + " is not supported yet");
    return T.error();
  }
  if (on.kind == NodeKind::Identifier && on.text == "JSON" && lookup(c.scope, "JSON") == kNoId && method == "parse")
    return check_json_parse(c, n, args, expected);
  if (on.kind == NodeKind::Identifier && on.text == "JSON" && lookup(c.scope, "JSON") == kNoId) {
    if (method != "stringify" || args.size() != 1) {
      error(callee, "DX0235", "only JSON.stringify(value) and JSON.parse(text) are supported (no reviver, replacer or indentation yet)");
      return T.error();
    }
    TypeId at = check_expr(c, args[0], 0);
    if (at == T.error()) return at;
    if (p_.uses_try && at == error_type()) {  // an Error's fields are not enumerable: JS gives "{}"
      error(args[0], "DX0264", "JSON.stringify of a caught error is \"{}\" in JS (its fields are not enumerable): stringify `e.message`");
      return T.error();
    }
    if (inspect_descriptor(T, at).empty()) {
      error(args[0], "DX0264", "JSON.stringify of a '" + T.name(at) +
                                   "' is not supported yet (numbers, strings, booleans, null, arrays and records of them are)");
      return T.error();
    }
    set_type(callee, T.string());
    // JSON.stringify(undefined) is undefined.
    bool maybe_undefined = T.kind(at) == TypeKind::Undefined || (T.can_be_nullable(at) && (T.nullable(at) & kOrUndefined));
    return maybe_undefined ? T.with_nullable(T.string(), kOrUndefined) : T.string();
  }
  bool on_props = on.kind == NodeKind::Identifier && lookup(c.scope, std::string(on.text)) != kNoId &&
                  p_.symbols[lookup(c.scope, std::string(on.text))].kind == SymKind::Props;
  TypeId ot = on_props ? T.error() : check_expr(c, cn.kid(0));
  TypeKind ok = on_props ? TypeKind::Record : T.kind(ot);
  if (ok == TypeKind::Error) return ot;
  if ((cn.flags & kOptional) && !on_props && T.can_be_nullable(ot) && T.nullable(ot)) {
    // x?.m(args): the call on x without null and undefined (codegen evaluates x once, member_call); the
    // chain is undefined when x is null or undefined (chain.cpp).
    chain_link(n);
    return check_method_on(c, n, expected, T.non_null(ot), on_props);
  }
  if (!on_props && ok != TypeKind::Record && !require_non_null(cn.kid(0), ot)) return T.error();
  return check_method_on(c, n, expected, ot, on_props);
}

// The method call `n` on an object of type `ot` (not null; props when `on_props`).
TypeId Checker::check_method_on(Ctx& c, NodeId n, TypeId expected, TypeId ot, bool on_props) {
  auto& T = p_.types;
  auto [callee, args, method] = call_parts(n);
  TypeKind ok = on_props ? TypeKind::Record : T.kind(ot);
  if (ok == TypeKind::Map || ok == TypeKind::Set) return check_collection_method(c, n, expected, ot);  // collections.cpp
  if (ok == TypeKind::Dict) {
    error(callee, "DX0235", "a dictionary's entries are values, not methods: call d[key]?.(…) on a Record<string, () => …>, or use Object.keys(d)");
    return T.error();
  }
  if (ok == TypeKind::Array) {
    TypeId elem = T.info(ot).elem;
    if (method == "push") {
      if (args.empty()) { error(n, "DX0222", "push needs at least one argument"); return T.error(); }
      for (NodeId a : args) {
        TypeId at = check_expr(c, a, elem);
        if (!assignable(at, elem)) error(a, "DX0234", "cannot push a '" + T.name(at) + "' onto a '" + T.name(ot) + "'");
      }
      return T.number();
    }
    if (method == "filter" && args.size() == 1 && node(args[0]).kind == NodeKind::Identifier && node(args[0]).text == "Boolean" &&
        lookup(c.scope, "Boolean") == kNoId)
      return ot;  // filter(Boolean): the truthy elements (codegen: array_loop without a callback)
    if (method == "toString" && args.empty()) method = "join";  // xs.toString() is xs.join()
    if (method == "filter" || method == "map") {
      if (args.size() != 1) { error(n, "DX0222", method + " takes one callback"); return T.error(); }
      TypeId want = method == "map" && T.kind(expected) == TypeKind::Array ? T.info(expected).elem : 0;
      TypeId r = check_inline_callback(c, args[0], {elem, T.number()}, want);
      if (r == T.error()) return r;
      if (method == "filter") return ot;
      if (T.wasm(r) == WasmType::None) { error(args[0], "DX0234", "the map callback must return a value"); return T.error(); }
      return T.array_of(r);
    }
    if (method == "slice" || method == "reverse" || method == "concat" || method == "indexOf" || method == "includes") {
      // slice(start?, end?) / reverse() / concat(other) / indexOf(v, from?) / includes(v, from?)
      std::vector<TypeId> want;
      if (method == "slice") want = {T.number(), T.number()};
      else if (method == "concat") want = {ot};
      else if (method == "indexOf" || method == "includes") want = {elem, T.number()};
      size_t required = method == "concat" ? 1 : (method == "indexOf" || method == "includes") ? 1 : 0;
      if (args.size() < required || args.size() > want.size()) {
        error(n, "DX0222", method + " takes " + std::to_string(required) + (want.size() > required ? " to " + std::to_string(want.size()) : "") + " argument(s)");
        return T.error();
      }
      for (size_t i = 0; i < args.size(); ++i) {
        TypeId at = check_expr(c, args[i], want[i]);
        if (!assignable(at, want[i])) { error(args[i], "DX0234", method + " expects a '" + T.name(want[i]) + "' here, not '" + T.name(at) + "'"); return T.error(); }
      }
      return method == "indexOf" ? T.number() : method == "includes" ? T.boolean() : ot;
    }
    // The copying forms (ES2023): toSorted(cmp?), toReversed(), toSpliced(start?, count?, ...items), with(i, v);
    // and fill(v, start?, end?), lastIndexOf(v, from?) (emit/codegen_arrays.cpp)
    if (method == "toSorted" || method == "toReversed" || method == "toSpliced" || method == "with" || method == "fill" ||
        method == "lastIndexOf") {
      std::vector<TypeId> want;
      size_t required = 0;
      if (method == "toSorted") want = {T.function({elem, elem}, T.number())};
      else if (method == "with") want = {T.number(), elem}, required = 2;
      else if (method == "fill") want = {elem, T.number(), T.number()}, required = 1;
      else if (method == "lastIndexOf") want = {elem, T.number()}, required = 1;
      else if (method == "toSpliced") want = {T.number(), T.number()};
      bool variadic = method == "toSpliced";
      if (args.size() < required || (!variadic && args.size() > want.size())) {
        error(n, "DX0222", method + " takes " + std::to_string(required) + (want.size() > required ? " to " + std::to_string(want.size()) : "") + " argument(s)");
        return T.error();
      }
      if (method == "toSorted" && args.empty() && T.kind(elem) == TypeKind::Function) {
        error(n, "DX0235", "toSorted() of functions needs a comparator");
        return T.error();
      }
      for (size_t i = 0; i < args.size(); ++i) {
        TypeId w = i < want.size() ? want[i] : elem;  // toSpliced's items
        TypeId at = check_expr(c, args[i], w);
        if (!assignable(at, w)) { error(args[i], "DX0234", method + " expects a '" + T.name(w) + "' here, not '" + T.name(at) + "'"); return T.error(); }
      }
      return method == "lastIndexOf" ? T.number() : ot;
    }
    if (method == "pop" || method == "shift") {
      if (!args.empty()) { error(n, "DX0222", method + " takes no arguments"); return T.error(); }
      if (!T.is_ref(elem) && discarded_.count(n)) return T.void_();  // `xs.pop();`: nothing to test
      // undefined when empty: a Ref's 0, a number's or boolean's undefined (types.h Nullable; every element
      // type can be nullable)
      return T.with_nullable(elem, T.nullable(elem) | kOrUndefined);
    }
    if (method == "unshift") {
      for (NodeId a : args) {
        TypeId at = check_expr(c, a, elem);
        if (!assignable(at, elem)) { error(a, "DX0234", "cannot unshift a '" + T.name(at) + "' onto a '" + T.name(ot) + "'"); return T.error(); }
      }
      return T.number();
    }
    if (method == "splice") {
      if (args.empty()) { error(n, "DX0222", "splice takes a start index, then optionally a count and items"); return T.error(); }
      for (size_t i = 0; i < args.size(); ++i) {
        TypeId want = i < 2 ? T.number() : elem;
        TypeId at = check_expr(c, args[i], want);
        if (!assignable(at, want)) { error(args[i], "DX0234", "splice expects a '" + T.name(want) + "' here, not '" + T.name(at) + "'"); return T.error(); }
      }
      return ot;
    }
    if (method == "sort") {
      if (args.size() > 1) { error(n, "DX0222", "sort takes at most one argument, the comparator"); return T.error(); }
      if (!args.empty()) {
        TypeId cmp = T.function({elem, elem}, T.number());
        TypeId at = check_expr(c, args[0], cmp);
        if (!assignable(at, cmp)) { error(args[0], "DX0234", "the comparator is '(a, b) => number', not '" + T.name(at) + "'"); return T.error(); }
      } else if (T.kind(elem) == TypeKind::Function) {
        error(n, "DX0235", "sort() of functions needs a comparator");
        return T.error();
      }
      return ot;
    }
    if (method == "flat" || method == "flatMap") {  // one level: an array of arrays' elements (the depth 1 of JS's default)
      if (method == "flat" && (args.size() > 1 || (args.size() == 1 && !(node(args[0]).kind == NodeKind::NumberLit && node(args[0]).number == 1)))) {
        error(n, "DX0235", "flat() flattens one level; other depths are not supported yet");
        return T.error();
      }
      TypeId inner = elem;
      if (method == "flatMap") {
        if (args.size() != 1 || (node(args[0]).kind != NodeKind::Arrow && node(args[0]).kind != NodeKind::FunctionExpr)) {
          error(n, "DX0243", "pass an arrow function literal to flatMap (e.g. flatMap((x) => [x, x]))");
          return T.error();
        }
        inner = check_inline_callback(c, args[0], {elem, T.number()}, 0);
        if (inner == T.error()) return inner;
        if (T.wasm(inner) == WasmType::None) { error(args[0], "DX0234", "the flatMap callback must return a value"); return T.error(); }
      }
      if (T.kind(inner) == TypeKind::Array && T.nullable(inner)) {
        error(n, "DX0235", method + " of '" + T.name(inner) + "' elements is not supported (null elements are not flattened)");
        return T.error();
      }
      return T.kind(inner) == TypeKind::Array ? inner : T.array_of(inner);
    }
    if (method == "at") {  // at(i): from the end for a negative i; undefined outside
      if (args.size() != 1) { error(n, "DX0222", "at takes one argument, the index"); return T.error(); }
      TypeId at = check_expr(c, args[0], T.number());
      if (at != T.number() && at != T.error()) { error(args[0], "DX0234", "at takes a number"); return T.error(); }
      return T.with_nullable(elem, T.nullable(elem) | kOrUndefined);
    }
    if (method == "some" || method == "every" || method == "find" || method == "findIndex" || method == "forEach" ||
        method == "findLast" || method == "findLastIndex") {
      if (args.size() != 1) { error(n, "DX0222", method + " takes one callback"); return T.error(); }
      TypeId r = check_inline_callback(c, args[0], {elem, T.number()}, 0);
      if (r == T.error()) return r;
      if (method == "forEach") return T.void_();
      if (T.wasm(r) == WasmType::None) { error(args[0], "DX0234", "the " + method + " callback must return a value"); return T.error(); }
      if (method == "find" || method == "findLast") return T.with_nullable(elem, T.nullable(elem) | kOrUndefined);
      return method == "findIndex" || method == "findLastIndex" ? T.number() : T.boolean();
    }
    if (method == "reduce" || method == "reduceRight") {
      if (args.empty() || args.size() > 2) { error(n, "DX0222", method + " takes a callback and an initial value (" + method + "((acc, x) => …, initial))"); return T.error(); }
      const Node& cb = node(args[0]);
      if (cb.kind != NodeKind::Arrow && cb.kind != NodeKind::FunctionExpr) {
        error(args[0], "DX0243", "pass an arrow function literal to " + method);
        return T.error();
      }
      // reduce<R>(fn, init): the accumulator's type given; without an initial value it is the first element
      // (an empty array throws V8's TypeError: CodeGen::array_scan)
      const Node& call = node(n);
      const Node* ta = call.kid(1) != kNoNode && node(call.kid(1)).kids.size() == 1 ? &node(call.kid(1)) : nullptr;
      TypeId given = ta ? resolve_type(mod_, ta->kids[0]) : 0;
      if (ta && given == T.error()) return given;  // (reported; T.error() is 0 too, so test ta first)
      TypeId acc = args.size() == 1 ? elem : check_expr(c, args[1], given ? given : expected);
      if (T.kind(acc) == TypeKind::Error) return acc;
      if (given && !assignable(acc, given)) {
        error(args.size() == 1 ? n : args[1], "DX0234", "the initial value is '" + T.name(acc) + "', the accumulator '" + T.name(given) + "'");
        return T.error();
      }
      if (given) acc = given;
      if (T.wasm(acc) == WasmType::None) { error(args.size() == 1 ? n : args[1], "DX0234", "the initial value must be a value"); return T.error(); }
      module().inline_fns[args[0]] = true;
      TypeId r = check_inline_callback(c, args[0], {acc, elem, T.number()}, acc);
      if (r == T.error()) return r;
      if (!assignable(r, acc)) { error(args[0], "DX0234", "the reducer returns '" + T.name(r) + "' but the accumulator is '" + T.name(acc) + "'"); return T.error(); }
      return acc;
    }
    if (method == "join") {
      if (!stringable_array(T, ot)) {  // (inner arrays join with ",", records are "[object Object]", as in JS)
        error(callee, "DX0235", "join of a '" + T.name(ot) + "' is not supported yet (arrays of numbers, strings, booleans, "
                                "records or such arrays)");
        return T.error();
      }
      if (args.size() > 1) { error(n, "DX0222", "join takes at most one argument"); return T.error(); }
      if (!args.empty()) {
        TypeId at = check_expr(c, args[0], T.string());
        if (at != T.string() && at != T.error()) error(args[0], "DX0234", "the separator must be a string");
      }
      return T.string();
    }
    error(callee, "DX0235", "Array method '" + method + "' is not supported yet (supported: push, pop, shift, unshift, splice, filter, map, some, every, find, findIndex, findLast, findLastIndex, forEach, reduce, reduceRight, at, flat, flatMap, slice, concat, indexOf, lastIndexOf, includes, reverse, sort, toSorted, toReversed, toSpliced, with, fill, join, length)");
    return T.error();
  }
  if (ok == TypeKind::String || (ok == TypeKind::Number && T.non_null(ot) == T.number())) {
    bool number = ok == TypeKind::Number;
    if (!number && method == "codePointAt") {  // number | undefined
      if (args.size() != 1) { error(n, "DX0222", "codePointAt takes one argument, the index"); return T.error(); }
      TypeId at = check_expr(c, args[0], T.number());
      if (at != T.number() && at != T.error()) error(args[0], "DX0234", "codePointAt takes a number");
      return T.with_nullable(T.number(), kOrUndefined);
    }
    if (!number && method == "at") {  // s.at(i): string | undefined
      if (args.size() != 1) { error(n, "DX0222", "at takes one argument, the index"); return T.error(); }
      TypeId at = check_expr(c, args[0], T.number());
      if (at != T.number() && at != T.error()) error(args[0], "DX0234", "at takes a number");
      return T.with_nullable(T.string(), kOrUndefined);
    }
    if (number && method == "toPrecision" && args.empty()) {
      error(n, "DX0222", "toPrecision() without a precision is String(n): write that");
      return T.error();
    }
    const LibMethod* lm = number ? find_number_method(method) : find_string_method(method);
    if (!lm) {
      std::string hint = number ? " (supported: toFixed, toPrecision, toString)"
                         : method == "match" || method == "search" || method == "matchAll" ? ": regular expressions are not supported"
                         : method == "toLocaleUpperCase" || method == "toLocaleLowerCase" ? ": toUpperCase/toLowerCase are"
                         : "";
      error(callee, "DX0235", std::string(number ? "Number" : "String") + " method '" + method + "' is not supported yet" + hint);
      return T.error();
    }
    int required = 0;
    for (int i = 0; i < lm->arg_count; ++i) required += !lm->args[i].optional;
    if (int(args.size()) < required || int(args.size()) > lm->arg_count) {
      error(n, "DX0222", method + " takes " + (required == lm->arg_count ? std::to_string(required) : std::to_string(required) + " to " + std::to_string(lm->arg_count)) + " argument(s)");
      return T.error();
    }
    for (size_t i = 0; i < args.size(); ++i) {
      TypeId want = lm->args[i].type == LibType::Number ? T.number() : T.string();
      TypeId at = check_expr(c, args[i], want);
      if (at != want && at != T.error()) error(args[i], "DX0234", method + " expects a " + T.name(want) + " here, not '" + T.name(at) + "'");
    }
    switch (lm->result) {
      case LibType::Number: return T.number();
      case LibType::Boolean: return T.boolean();
      case LibType::StringArray: return T.array_of(T.string());
      default: return T.string();
    }
  }
  if (ok == TypeKind::Event) {
    if (method == "preventDefault" && args.empty()) {
      if (c.fn != kNoId) p_.funcs[c.fn].event_flags |= dx::schema::kPreventDefault;
      return T.void_();
    }
    error(callee, "DX0235", "event method '" + method + "' is not supported yet (supported: preventDefault())");
    return T.error();
  }
  // A function-valued field or prop: a closure call.
  TypeId ft = check_member(c, callee);
  if (T.kind(ft) == TypeKind::Error || !require_non_null(callee, ft)) return T.error();
  if (T.kind(ft) != TypeKind::Function) {
    error(callee, "DX0235", "method '" + method + "' of '" + T.name(ot) + "' is not supported yet");
    return T.error();
  }
  check_args(c, n, args, T.info(ft).params);
  return T.info(ft).ret;
}

}  // namespace dxc::analyze
