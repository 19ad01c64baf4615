// Expressions: name resolution and type inference for the TS subset (JS semantics are emit's business).
#include "analyze/builtins.h"
#include "analyze/checker.h"
#include "dx/schema/dxb.h"

namespace dxc::analyze {

TypeId Checker::check_expr(Ctx& c, NodeId n, TypeId expected) {
  const Node& x = node(n);
  auto& T = p_.types;
  TypeId t = T.error();
  switch (x.kind) {
    case NodeKind::NumberLit: t = T.number(); break;
    case NodeKind::StringLit: t = T.string(); break;
    case NodeKind::BoolLit: t = T.boolean(); break;
    case NodeKind::TemplateLit:
      for (size_t i = 1; i < x.kids.size(); i += 2) {
        TypeId k = check_expr(c, x.kids[i]);
        TypeKind kk = T.kind(k);
        if (kk != TypeKind::Number && kk != TypeKind::String && kk != TypeKind::Boolean && kk != TypeKind::Error &&
            !stringable_array(T, k) && !stringable_tuple(T, k))
          error(x.kids[i], "DX0251", "cannot put a value of type '" + T.name(k) + "' in a template literal yet");
      }
      t = T.string();
      break;
    case NodeKind::NullLit: t = T.null_(); break;
    case NodeKind::Identifier: {
      std::string name(x.text);
      SymId sid = lookup(c.scope, name);
      if (name == "undefined" && sid == kNoId) { t = T.undefined(); break; }
      if (double v; sid == kNoId && global_number("", name, &v)) { t = T.number(); break; }  // Infinity, NaN
      if (sid == kNoId) { error(n, "DX0220", "cannot find name '" + name + "'"); break; }
      set_ref(n, sid);
      Symbol& s = p_.symbols[sid];
      switch (s.kind) {
        case SymKind::Const: t = node_kind_type(s); break;
        case SymKind::Local:
          if (s.owner != c.fn && !capture(c, n, sid)) break;
          if (rest_local(sid) != kNoId && !callees_.count(n)) {
            error(n, "DX0276", "'" + name + "' has a rest parameter, so it can only be called: to pass it, wrap it in an "
                               "arrow function, e.g. (xs: number[]) => " + name + "(...xs)");
            break;
          }
          t = s.type;
          break;
        case SymKind::Field: t = s.type; break;
        case SymKind::Global:
          ensure_global(sid);
          if (!p_.symbols[sid].type && !globals_done_.count(sid))  // (done with the error type: reported already)
            error(n, "DX0261", "the type of '" + name + "' depends on itself (its initializer reads it): annotate its type");
          t = p_.symbols[sid].type ? p_.symbols[sid].type : T.error();
          break;
        case SymKind::Function:
          if (is_generic(sid)) {
            error(n, "DX0276", "the generic function '" + name + "' can only be called: to pass it, wrap it in an arrow "
                               "function with the types, e.g. (x: number) => " + name + "(x)");
            break;
          }
          ensure_checked(s.func);
          if (p_.funcs[s.func].rest) {
            error(n, "DX0276", "'" + name + "' has a rest parameter, so it can only be called: to pass it, wrap it in an "
                               "arrow function, e.g. (xs: number[]) => " + name + "(...xs)");
            break;
          }
          t = p_.funcs[s.func].type ? p_.funcs[s.func].type : T.error();
          break;
        case SymKind::Signal: case SymKind::Memo:
          error(n, "DX0210", "'" + name + "' is read by calling it: " + name + "()");
          break;
        case SymKind::Setter:
          error(n, "DX0210", "a signal setter can only be called here (" + name + "(value)), not passed as a value yet");
          break;
        case SymKind::Props: error(n, "DX0213", "use the props fields (props.x) one by one; props itself is not a value"); break;
        case SymKind::Component: error(n, "DX0221", "'" + name + "' is a component: render it as <" + name + " />"); break;
        case SymKind::Builtin: error(n, "DX0210", "'" + name + "' cannot be used as a value"); break;
        case SymKind::Selector: error(n, "DX0210", "'" + name + "' is a selector: call it with a key, " + name + "(key)"); break;
        case SymKind::Accessor: error(n, "DX0210", "'" + name + "' is an accessor: read it as " + name + "()"); break;
        case SymKind::TypeName:
          if (is_enum(sid))
            error(n, "DX0220", "the enum '" + name + "' is read by member (" + name + ".X), or by value (" + name + "[value]: the name)");
          else
            error(n, "DX0220", "'" + name + "' is a type, not a value");
          break;
      }
      if (auto nw = c.narrow.find("s" + std::to_string(sid)); nw != c.narrow.end() && t != T.error()) t = nw->second;
      break;
    }
    case NodeKind::Call: case NodeKind::Member: case NodeKind::Index: t = check_chain(c, n, expected); break;
    case NodeKind::Unary: {
      std::string op(x.text);
      TypeId o = check_expr(c, x.kid(0));
      if (op == "!") t = T.boolean();
      else if (op == "typeof") t = T.kind(o) == TypeKind::Error ? o : T.string();  // codegen: typeof_str
      else if (op == "delete") t = check_delete(c, n);  // collections.cpp
      else if (op == "-" || op == "+" || op == "~") {
        if (T.kind(o) == TypeKind::Error) break;
        if (o != T.number() && !(op == "+" && (o == T.string() || o == T.boolean())))
          error(n, "DX0234", "unary " + op + " needs a number, not '" + T.name(o) + "'");
        else t = T.number();
      } else error(n, "DX0235", "the '" + op + "' operator is not supported yet");
      break;
    }
    case NodeKind::Update: {
      const Node& target = node(x.kid(0));
      TypeId o = check_expr(c, x.kid(0));
      if (target.kind != NodeKind::Identifier && target.kind != NodeKind::Member && target.kind != NodeKind::Index) {
        error(n, "DX0215", "cannot increment this expression");
        break;
      }
      if (target.kind == NodeKind::Identifier) {
        SymId sid = module().ref[x.kid(0)];
        if (sid != kNoId && !p_.symbols[sid].is_mutable) { error(n, "DX0215", "cannot assign to '" + std::string(target.text) + "' because it is a constant"); break; }
      }
      if (T.kind(o) == TypeKind::Error) break;
      TypeKind ok = target.kind == NodeKind::Identifier ? TypeKind::Error : T.kind(T.non_null(p_.type_of(mod_, target.kid(0))));
      if (target.kind == NodeKind::Index && ok != TypeKind::Array && ok != TypeKind::Tuple && ok != TypeKind::Dict) {
        error(n, "DX0215", ok == TypeKind::String ? "a string's characters cannot be assigned" : "cannot increment this expression");
        break;
      }
      // d[k]++ on a missing entry is NaN, as in JS (undefined + 1)
      if (o != T.number() && !(ok == TypeKind::Dict && T.non_null(o) == T.number())) { error(n, "DX0234", x.text.empty() ? "++ needs a number" : std::string(x.text) + " needs a number"); break; }
      t = T.number();
      break;
    }
    case NodeKind::Binary: t = check_binary(c, n); break;
    case NodeKind::Assign: t = check_assign(c, n); break;
    case NodeKind::Conditional: {
      check_expr(c, x.kid(0));
      if (is_jsx(node(x.kid(1))) || is_jsx(node(x.kid(2)))) {
        error(n, "DX0250", "a JSX ternary is a child of an element ({c ? <a/> : <b/>}), not a value");
        break;
      }
      Ctx tc = c, fc = c;
      apply(tc, narrowing(c, x.kid(0), true));
      apply(fc, narrowing(c, x.kid(0), false));
      TypeId a = check_expr(tc, x.kid(1), expected);
      TypeId b = check_expr(fc, x.kid(2), expected ? expected : a);
      if (T.kind(a) == TypeKind::Error || T.kind(b) == TypeKind::Error) break;
      TypeId u = expected && assignable(a, expected) && assignable(b, expected) ? expected : unify(a, b);  // (variants of a union)
      if (!u) { error(n, "DX0234", "the branches have different types ('" + T.name(a) + "' and '" + T.name(b) + "'); unions are not supported yet"); break; }
      if (expected && assignable(u, expected)) u = expected;
      t = u;
      break;
    }
    case NodeKind::Arrow: case NodeKind::FunctionExpr: {
      FuncId f = check_closure(c, n, expected, FuncRole::Closure);
      t = p_.funcs[f].type ? p_.funcs[f].type : T.error();
      break;
    }
    case NodeKind::As: {
      if (const Node& tn = node(x.kid(1)); tn.kind == NodeKind::OtherType && tn.text == "const") {
        t = check_expr(c, x.kid(0), expected);  // `as const`: literal types are their primitive types here
        break;
      }
      TypeId want = resolve_type(mod_, x.kid(1));
      TypeId got = check_expr(c, x.kid(0), want);
      if (want != T.error() && got != T.error() && got != want)
        error(n, "DX0234", "cannot convert '" + T.name(got) + "' to '" + T.name(want) + "'");
      t = want;
      break;
    }
    case NodeKind::NonNull: {  // x!: the value without null and undefined, checked (codegen: a TypeError if it is)
      TypeId o = check_expr(c, x.kid(0), expected);
      if (T.kind(o) == TypeKind::Null || T.kind(o) == TypeKind::Undefined) error(n, "DX0236", "this is always " + T.name(o));
      else t = T.can_be_nullable(o) ? T.non_null(o) : o;
      break;
    }
    case NodeKind::ArrayLit: t = check_array(c, n, expected); break;
    case NodeKind::ObjectLit: t = check_object(c, n, expected); break;
    case NodeKind::JsxElement: case NodeKind::JsxFragment:
      error(n, "DX0250", "JSX here is not supported yet: JSX may be returned by a component or a <For> row, be a child, or a <Show> fallback");
      break;
    case NodeKind::New: {  // name the class, and what to write instead
      const Node& cls = node(x.kid(0));
      std::string name = cls.kind == NodeKind::Identifier ? std::string(cls.text) : "";
      if ((name == "Map" || name == "Set") && lookup(c.scope, name) == kNoId) {  // collections.cpp
        t = check_new_collection(c, n, name == "Map", expected);
        break;
      }
      std::string hint = name == "WeakMap" || name == "WeakSet" ? ": use a Map or a Set"
                         : name == "Date" ? ": Date.now() gives the time in milliseconds"
                         : name == "Array" ? ": write new Array(n).fill(value), Array.from({ length: n }, (_, i) => …) or [a, b]"
                         : name == "Error" ? ": throw new Error(message) is supported as a throw statement"
                         : name == "Promise" ? ": client code is synchronous"
                         : "";
      error(n, "DX0235", (name.empty() ? std::string("'new'") : "new " + name) + " is not supported yet" + hint);
      break;
    }
    case NodeKind::Await: error(n, "DX0240", "await is not supported in client code"); break;
    case NodeKind::Sequence: {  // a, b (for (…; …; i++, j--)): each in order, the value is the last one's
      bool ok = true;
      for (size_t i = 0; i + 1 < x.kids.size(); ++i) {
        discarded_.insert(x.kids[i]);
        ok &= T.kind(check_expr(c, x.kids[i])) != TypeKind::Error;
      }
      if (discarded_.count(n)) discarded_.insert(x.kids.back());
      TypeId last = check_expr(c, x.kids.back(), expected);
      t = ok ? last : T.error();
      break;
    }
    default:
      error(n, "DX0235", std::string("this expression (") + (x.kind == NodeKind::Other ? std::string(x.text) : node_kind_name(x.kind)) +
                             ") is not supported in dx client code yet");
      break;
  }
  if ((T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined) &&
      (T.kind(expected) == TypeKind::Number || T.kind(expected) == TypeKind::Boolean))
    module().nullish_as[n] = expected;
  set_type(n, t);
  return t;
}

// A closure reads or writes a local of a function it is nested in: the local moves to that function's env
// record. Locals of block code (not a function) and per-iteration bindings cannot be captured yet.
bool Checker::capture(Ctx& c, NodeId at, SymId sid) {
  Symbol& s = p_.symbols[sid];
  if (s.type == p_.types.error()) return false;  // a refused declaration: reported already, nothing to capture
  bool enclosing = false;
  for (FuncId f = c.fn; f != kNoId && !enclosing; f = p_.funcs[f].outer) enclosing = p_.funcs[f].outer == s.owner && s.owner != kNoId;
  if (!enclosing) {
    error(at, "DX0241", "'" + s.name + "' is a local of the code around this function; closures over those are not supported yet (declare it in the component body or the function)");
    return false;
  }
  if (s.per_iteration) {
    error(at, "DX0241", "'" + s.name + "' is a new binding in each loop iteration or callback call; closures that capture those are not supported yet");
    return false;
  }
  if (!s.captured) {
    s.captured = true;
    p_.funcs[s.owner].captured.push_back(sid);
  }
  return true;
}

void Checker::finish() {
  auto& T = p_.types;
  if (!p_.globals.empty()) {  // one record for every module-level variable
    std::vector<std::pair<std::string, TypeId>> fields;
    for (SymId g : p_.globals) fields.push_back({p_.symbols[g].name + "$" + std::to_string(g), p_.symbols[g].type});
    p_.globals_shape = T.shape("module$globals", fields);
    const Shape& sh = T.shape_info(p_.globals_shape);
    for (SymId g : p_.globals) p_.symbols[g].offset = sh.find(p_.symbols[g].name + "$" + std::to_string(g))->offset;
  }
  TypeId any_env = T.record(T.shape("$env", {}));  // the parent: a record or a block instance (traced, never counted)
  for (FuncInfo& f : p_.funcs) {
    if (f.captured.empty()) continue;
    std::vector<std::pair<std::string, TypeId>> fields{{"$parent", any_env}};
    for (SymId s : f.captured) fields.push_back({p_.symbols[s].name + "$" + std::to_string(s), p_.symbols[s].type});
    f.record_shape = T.shape("env$" + f.name, fields);
    const Shape& sh = T.shape_info(f.record_shape);
    f.parent_offset = sh.find("$parent")->offset;
    for (SymId s : f.captured) p_.symbols[s].offset = sh.find(p_.symbols[s].name + "$" + std::to_string(s))->offset;
  }
}

TypeId Checker::node_kind_type(const Symbol& s) {
  switch (p_.modules[s.module]->ast[s.init].kind) {
    case NodeKind::NumberLit: return p_.types.number();
    case NodeKind::StringLit: return p_.types.string();
    default: return p_.types.boolean();
  }
}

// A call of a function whose last parameter is `...xs: T[]`: the arguments before it as usual (a spread there
// is refused), the others as the elements of an array literal of T[] (`...ys` spreads an array into it).
// The function a `const` in a function body is bound to, when it has a rest parameter (named_closures_); else kNoId.
FuncId Checker::rest_local(SymId sid) {
  const Symbol& s = p_.symbols[sid];
  if (s.kind != SymKind::Local || s.is_mutable || s.init == kNoNode) return kNoId;
  const auto& funcs = p_.modules[s.module]->funcs;
  auto it = funcs.find(s.init);
  return it != funcs.end() && p_.funcs[it->second].rest ? it->second : kNoId;
}

bool Checker::check_rest_call(Ctx& c, NodeId call, const std::vector<NodeId>& args, TypeId ft) {
  auto& T = p_.types;
  const std::vector<TypeId>& params = T.info(ft).params;
  size_t own = params.size() - 1;
  if (args.size() < own) {
    error(call, "DX0222", "expected at least " + std::to_string(own) + " argument(s), got " + std::to_string(args.size()));
    return false;
  }
  for (size_t i = 0; i < own; ++i)
    if (node(args[i]).kind == NodeKind::Spread) {
      error(args[i], "DX0235", "a spread passes the rest parameter's values only: put it after the first " + std::to_string(own) + " argument(s)");
      return false;
    }
  bool ok = check_args(c, call, std::vector<NodeId>(args.begin(), args.begin() + long(own)),
                       std::vector<TypeId>(params.begin(), params.end() - 1));
  TypeId at = params.back(), et = T.info(at).elem;
  for (size_t i = own; i < args.size(); ++i) {
    const Node& a = node(args[i]);
    bool spread = a.kind == NodeKind::Spread;
    TypeId t = check_expr(c, spread ? a.kid(0) : args[i], spread ? at : et);
    if (spread ? !assignable(t, at) : !assignable(t, et)) {
      error(args[i], "DX0234", std::string(spread ? "spread of '" : "argument of type '") + T.name(t) + "' is not assignable to '" +
                                   T.name(spread ? at : et) + "'");
      ok = false;
    }
  }
  module().rest_calls[call] = uint32_t(own);
  return ok;
}

bool Checker::check_args(Ctx& c, NodeId call, const std::vector<NodeId>& args, const std::vector<TypeId>& params) {
  auto& T = p_.types;
  if (args.size() != params.size()) {
    error(call, "DX0222", "expected " + std::to_string(params.size()) + " argument(s), got " + std::to_string(args.size()));
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < args.size(); ++i) {
    TypeId a = check_expr(c, args[i], params[i]);
    if (!assignable(a, params[i])) {
      error(args[i], "DX0234", "argument of type '" + T.name(a) + "' is not assignable to '" + T.name(params[i]) + "'").help =
          wider_record_help(a, params[i]);
      ok = false;
    }
  }
  return ok;
}

// The type of function `f`, called at `call` under `name`; 0 (reported) while it is still being checked (a
// recursive call without a return type) or when checking it failed.
TypeId Checker::called_type(FuncId f, NodeId call, const std::string& name) {
  TypeId ft = p_.funcs[f].type;
  if (!ft && (in_progress_.count(f) || !d_.has_errors()))
    error(call, "DX0245", "'" + name + "' is called before its return type is known: annotate its return type");
  return ft;
}

// A call of a global function (builtins.h GlobalFn), written `name` (Number.parseFloat is parseFloat too).
TypeId Checker::check_global_call(Ctx& c, NodeId n, GlobalFn g, const std::string& name, const std::vector<NodeId>& args) {
  auto& T = p_.types;
  if (g == GlobalFn::IsNaN || g == GlobalFn::IsFinite) {  // of a number (JS would convert anything first)
    if (args.size() != 1) { error(n, "DX0222", name + " takes one argument"); return T.error(); }
    TypeId at = check_expr(c, args[0], T.number());
    if (at != T.number() && at != T.error()) error(args[0], "DX0234", name + "() takes a number here, not '" + T.name(at) + "'");
    return T.boolean();
  }
  if (g == GlobalFn::SetTimeout || g == GlobalFn::SetInterval) {  // (fn, delay?) → the timer's id
    if (args.empty() || args.size() > 2) { error(n, "DX0222", name + " takes a function and a delay in ms"); return T.error(); }
    check_void_callback(c, args[0], name, ": " + name + "(() => { … }, ms)");
    if (args.size() == 2) {
      TypeId dt = check_expr(c, args[1], T.number());
      if (dt != T.number() && dt != T.error()) error(args[1], "DX0234", "the delay is a number of milliseconds");
    }
    return T.number();
  }
  if (g == GlobalFn::ClearTimeout || g == GlobalFn::ClearInterval) {  // (id): an id from setTimeout / setInterval
    if (args.size() != 1) { error(n, "DX0222", name + " takes a timer id"); return T.error(); }
    TypeId it = check_expr(c, args[0], T.number());
    if (T.kind(it) != TypeKind::Number && T.kind(it) != TypeKind::Error)
      error(args[0], "DX0234", name + " takes the number " + (g == GlobalFn::ClearTimeout ? "setTimeout" : "setInterval") + " returned");
    return T.void_();
  }
  size_t max_args = g == GlobalFn::ParseInt ? 2 : 1;
  if (args.empty() || args.size() > max_args) {
    error(n, "DX0222", name + (max_args == 2 ? " takes one or two arguments" : " takes one argument"));
    return T.error();
  }
  TypeId at = check_expr(c, args[0], 0);
  TypeKind k = T.kind(at);
  bool ok_arg = g == GlobalFn::String ? (k == TypeKind::Number || k == TypeKind::String || k == TypeKind::Boolean || stringable_array(T, at) || stringable_tuple(T, at))
              : g == GlobalFn::Number ? (k == TypeKind::Number || k == TypeKind::String || k == TypeKind::Boolean)
                                      : k == TypeKind::String;
  if (!ok_arg && k != TypeKind::Error) error(args[0], "DX0234", name + "() of a '" + T.name(at) + "' is not supported");
  else if ((g == GlobalFn::EncodeUriComponent || g == GlobalFn::DecodeUriComponent) && !require_non_null(args[0], at)) return T.error();
  if (args.size() == 2) {
    TypeId rt_ = check_expr(c, args[1], T.number());
    if (rt_ != T.number() && rt_ != T.error()) error(args[1], "DX0234", "the radix must be a number");
  }
  return g == GlobalFn::String || g == GlobalFn::EncodeUriComponent || g == GlobalFn::DecodeUriComponent ? T.string() : T.number();
}

TypeId Checker::check_call(Ctx& c, NodeId n, TypeId expected) {
  const Node& x = node(n);
  auto& T = p_.types;
  NodeId callee = x.kid(0);
  const Node& cn = node(callee);
  std::vector<NodeId> args(x.kids.size() > 2 ? x.kids.begin() + 2 : x.kids.end(), x.kids.end());
  if (x.flags & kOptional) {  // f?.(args): a function value that may be null or undefined (an optional callback prop)
    for (NodeId a : args)
      if (node(a).kind == NodeKind::Spread) { error(a, "DX0235", "spread arguments are not supported yet"); return T.error(); }
    TypeId ft = cn.kind == NodeKind::Member ? check_member(c, callee) : check_expr(c, callee);
    if (T.kind(ft) == TypeKind::Error) return ft;
    if (T.kind(ft) != TypeKind::Function) { error(callee, "DX0222", "this is not a function ('" + T.name(ft) + "')"); return T.error(); }
    set_type(callee, ft);
    if (!check_args(c, n, args, T.info(ft).params)) return T.error();
    if (T.nullable(ft)) chain_link(n);  // undefined when there is no function (chain.cpp)
    return T.info(ft).ret;
  }
  const bool min_max = cn.kind == NodeKind::Member && (cn.text == "min" || cn.text == "max") &&
                       node(cn.kid(0)).kind == NodeKind::Identifier && node(cn.kid(0)).text == "Math" && lookup(c.scope, "Math") == kNoId;
  SymId named = cn.kind == NodeKind::Identifier ? lookup(c.scope, std::string(cn.text)) : kNoId;
  bool to_rest = false;
  if (named != kNoId && p_.symbols[named].kind == SymKind::Function && !is_generic(named) && p_.symbols[named].func != kNoId) {
    ensure_checked(p_.symbols[named].func);
    to_rest = p_.funcs[p_.symbols[named].func].rest;
  }
  if (named != kNoId && rest_local(named) != kNoId) to_rest = true;
  for (NodeId a : args)
    if (node(a).kind == NodeKind::Spread && !min_max && !to_rest) {  // Math.max(...xs) is (methods.cpp); f(...xs) into a rest
      error(a, "DX0235", "spread arguments are not supported yet (Math.min and Math.max take them, and a function's rest parameter)");
      return T.error();
    }
  if (cn.kind == NodeKind::Member) return check_member_call(c, n, expected);
  if (cn.kind != NodeKind::Identifier) {  // fs[i](…), pair[1](…), make()(…): a function value
    if (!args.empty() && node(args[0]).kind == NodeKind::Spread) { error(args[0], "DX0235", "spread arguments are not supported here"); return T.error(); }
    TypeId ft = check_expr(c, callee);
    if (T.kind(ft) == TypeKind::Error) return ft;
    if (T.kind(ft) != TypeKind::Function) { error(callee, "DX0222", "this is not a function ('" + T.name(ft) + "')"); return T.error(); }
    if (!require_non_null(callee, ft)) return T.error();
    if (!check_args(c, n, args, T.info(ft).params)) return T.error();
    return T.info(ft).ret;
  }
  std::string name(cn.text);
  SymId sid = lookup(c.scope, name);
  if (sid == kNoId && find_global_function(name) != GlobalFn::None) return check_global_call(c, n, find_global_function(name), name, args);
  if (sid == kNoId) { error(callee, "DX0220", "cannot find name '" + name + "'"); return T.error(); }
  set_ref(callee, sid);
  Symbol& s = p_.symbols[sid];
  switch (s.kind) {
    case SymKind::Signal: case SymKind::Memo: case SymKind::Accessor:
      if (!args.empty()) error(n, "DX0222", "'" + name + "()' takes no arguments (set a signal with its setter)");
      set_type(callee, s.type);
      return s.type;
    case SymKind::Selector: {  // isSelected(key): source() === key
      TypeId st = p_.symbols[s.signal].type;
      if (args.size() != 1) { error(n, "DX0222", "'" + name + "(key)' takes one argument"); return T.boolean(); }
      TypeId kt = check_expr(c, args[0], st);
      if (!assignable(kt, st) && T.kind(kt) != TypeKind::Error)
        error(args[0], "DX0234", "a '" + T.name(kt) + "' key cannot equal the selector's '" + T.name(st) + "'");
      return T.boolean();
    }
    case SymKind::Setter: {
      TypeId st = p_.symbols[s.signal].type;
      if (args.size() != 1) { error(n, "DX0222", "a signal setter takes one argument"); return T.void_(); }
      const Node& a = node(args[0]);
      if ((a.kind == NodeKind::Arrow || a.kind == NodeKind::FunctionExpr) && T.kind(st) != TypeKind::Function) {
        TypeId r = check_inline_callback(c, args[0], {st}, st);
        if (r != T.error() && !assignable(r, st)) error(args[0], "DX0234", "the updater returns '" + T.name(r) + "', the signal holds '" + T.name(st) + "'");
      } else {
        TypeId v = check_expr(c, args[0], st);
        if (!assignable(v, st)) error(args[0], "DX0234", "cannot set a signal of type '" + T.name(st) + "' to '" + T.name(v) + "'");
      }
      return T.void_();
    }
    case SymKind::Function: {
      if (is_generic(sid)) return check_generic_call(c, n, sid);
      ensure_checked(s.func);
      TypeId ft = called_type(s.func, n, name);
      if (!ft) return T.error();
      if (p_.funcs[s.func].rest) return check_rest_call(c, n, args, ft) ? T.info(ft).ret : T.error();
      check_args(c, n, args, passed_params(p_, sid, args.size(), T.info(ft).params));
      return T.info(ft).ret;
    }
    case SymKind::Local: case SymKind::Field: case SymKind::Global: {
      callees_.insert(callee);  // (a local with a rest parameter is read here, to be called)
      TypeId ft = check_expr(c, callee);
      if (FuncId rf = rest_local(sid); rf != kNoId && T.kind(ft) == TypeKind::Function)
        return check_rest_call(c, n, args, ft) ? T.info(ft).ret : T.error();
      if (T.kind(ft) == TypeKind::Error || !require_non_null(callee, ft)) return T.error();
      if (T.kind(ft) != TypeKind::Function) { error(callee, "DX0222", "'" + name + "' is not a function"); return T.error(); }
      check_args(c, n, args, passed_params(p_, sid, args.size(), T.info(ft).params));
      return T.info(ft).ret;
    }
    case SymKind::Builtin:
      if (s.builtin == Builtin::UseParams || s.builtin == Builtin::UseSearchParams || s.builtin == Builtin::UseFormData) {
        // useParams<{ slug: string }>(): the route params; useSearchParams<{ q: string }>(): the URL's query
        // (a GET form's fields); useFormData<{ name: string }>(): a POSTed form's fields. Both of the last make
        // the page one dx-server renders per request (params.cpp); a form page takes POSTs too.
        bool search = s.builtin == Builtin::UseSearchParams, form = s.builtin == Builtin::UseFormData;
        const std::string fn = form ? "useFormData" : search ? "useSearchParams" : "useParams",
                          example = form ? "<{ name: string }>()" : search ? "<{ q: string }>()" : "<{ slug: string }>()";
        set_ref(callee, sid);
        if (!args.empty()) error(args[0], "DX0275", fn + " takes no arguments: " + fn + example);
        const Node* ta = x.kid(1) != kNoNode ? &node(x.kid(1)) : nullptr;
        TypeId t = ta && ta->kids.size() == 1 ? resolve_type(mod_, ta->kids[0]) : 0;
        if (!t) {
          error(n, "DX0275", "give " + fn + " the params' type: " + fn + example);
          return T.error();
        }
        if (params_shape(n, t, nullptr, form ? "form field" : search ? "search param" : "route param") == kNoId) return T.error();
        if (search) p_.modules[mod_]->uses_search_params = true;
        if (form) p_.modules[mod_]->uses_form_data = true;
        set_type(callee, t);
        return t;
      }
      if (s.builtin == Builtin::Batch || s.builtin == Builtin::Untrack) {
        // batch(fn): updates already flush once per event, so fn just runs; untrack(fn): fn runs, and what it
        // reads is no dependency of the memo, effect or binding around it (deps_of skips it)
        const char* fn = s.builtin == Builtin::Batch ? "batch" : "untrack";
        if (args.size() != 1 || node(args[0]).kind != NodeKind::Arrow || !node(node(args[0]).kid(0)).kids.empty()) {
          error(n, "DX0222", std::string("write `") + fn + "(() => …)`");
          return T.error();
        }
        TypeId r = check_inline_callback(c, args[0], {}, s.builtin == Builtin::Untrack ? expected : 0);
        set_type(callee, r);
        return r;
      }
      if (s.builtin == Builtin::OnCleanup) {  // onCleanup(fn): fn runs when this block's instance is destroyed
        if (c.in_effect) {
          error(n, "DX0211", "onCleanup inside createEffect is not supported yet: call it in the component body or its onMount");
          return T.error();
        }
        if (args.size() != 1) { error(n, "DX0222", "write `onCleanup(() => { … })`"); return T.error(); }
        check_void_callback(c, args[0], "onCleanup");
        set_type(callee, T.void_());
        return T.void_();
      }
      if (s.builtin == Builtin::CreateSignal || s.builtin == Builtin::CreateMemo || s.builtin == Builtin::CreateSelector)
        error(n, "DX0211", "'" + name + "' must initialize a `const` at the top level of a component body");
      else if (s.builtin == Builtin::CreateEffect || s.builtin == Builtin::OnMount)
        error(n, "DX0211", "'" + name + "' must be called at the top level of a component body");
      else
        error(n, "DX0222", "'" + name + "' is a component: render it as <" + name + ">");
      return T.error();
    case SymKind::Component:
      error(n, "DX0221", "components are rendered with JSX (<" + name + " />), not called");
      return T.error();
    default:
      error(callee, "DX0222", "'" + name + "' is not callable");
      return T.error();
  }
}

TypeId Checker::check_member(Ctx& c, NodeId n) {
  if (TypeId w = check_window_member(c, n); w != kNoId) return w;  // window.cpp
  const Node& x = node(n);
  auto& T = p_.types;
  std::string name(x.text);
  TypeId t = T.error();
  const Node& on = node(x.kid(0));
  TypeId ot;
  bool optional = x.flags & kOptional;
  if (double v; on.kind == NodeKind::Identifier && lookup(c.scope, std::string(on.text)) == kNoId &&
                global_number(on.text, name, &v)) {  // Math.PI, Number.MAX_SAFE_INTEGER, …
    set_type(n, T.number());
    return T.number();
  }
  if (on.kind == NodeKind::Identifier) {
    SymId sid = lookup(c.scope, std::string(on.text));
    if (sid != kNoId && is_enum(sid))
      return check_enum_member(n, sid);  // Color.Red (enums.cpp)
    if (sid != kNoId && p_.symbols[sid].kind == SymKind::Props) {
      set_ref(x.kid(0), sid);
      ot = p_.symbols[sid].type;
      set_type(x.kid(0), ot);
      if (auto nw = c.narrow.find("s" + std::to_string(sid) + "." + name); nw != c.narrow.end()) {
        set_type(n, nw->second);
        return nw->second;
      }
    } else {
      ot = check_expr(c, x.kid(0));
    }
  } else {
    ot = check_expr(c, x.kid(0));
  }
  if (on.kind == NodeKind::Identifier && !optional) {  // `if (p.boss) p.boss.name`: a narrowed property path
    if (SymId sid = p_.ref_of(mod_, x.kid(0)); sid != kNoId)
      if (auto nw = c.narrow.find("s" + std::to_string(sid) + "." + name); nw != c.narrow.end()) {
        set_type(n, nw->second);
        return nw->second;
      }
  }
  if (optional && T.can_be_nullable(ot) && T.nullable(ot)) { chain_link(n); ot = T.non_null(ot); }  // x?.f (chain.cpp)
  else if (T.kind(ot) != TypeKind::Error && !require_non_null(x.kid(0), ot)) { set_type(n, t); return t; }
  switch (T.kind(ot)) {
    case TypeKind::Error: break;
    case TypeKind::Array: case TypeKind::String:
      if (name == "length") t = T.number();
      else error(n, "DX0235", "property '" + name + "' of '" + T.name(ot) + "' is not supported yet");
      break;
    case TypeKind::Union: t = union_field(n, ot, name); break;  // a field of every variant (unions.cpp)
    case TypeKind::Dict:  // d.name: the entry, undefined when there is none
      t = T.with_nullable(T.info(ot).elem, T.nullable(T.info(ot).elem) | kOrUndefined);
      break;
    case TypeKind::Tuple:
      if (name == "length") t = T.number();
      else error(n, "DX0235", "property '" + name + "' of a tuple is not supported yet (length, and t[0], t[1], … are)");
      break;
    case TypeKind::Map: case TypeKind::Set:
      if (name == "size") t = T.number();
      else error(n, "DX0233", "property '" + name + "' does not exist on type '" + T.name(ot) + "' (it has size, and methods)");
      break;
    case TypeKind::Record: {
      const Field* f = T.shape_info(T.info(ot).shape).find(name);
      if (!f) error(n, "DX0233", "property '" + name + "' does not exist on type '" + T.name(ot) + "'");
      else t = f->type;
      break;
    }
    case TypeKind::Event:
      if (name == "currentTarget" || name == "target") t = T.event_target();
      else if (name == "key") {
        t = T.string();
        if (c.fn != kNoId) p_.funcs[c.fn].event_flags |= dx::schema::kNeedsKey;
      } else error(n, "DX0235", "event property '" + name + "' is not supported yet (supported: currentTarget.value, currentTarget.checked, key, preventDefault())");
      break;
    case TypeKind::EventTarget:
      if (name == "value") {
        t = T.string();
        if (c.fn != kNoId) p_.funcs[c.fn].event_flags |= dx::schema::kNeedsValue;
      } else if (name == "checked") {
        t = T.boolean();
        if (c.fn != kNoId) p_.funcs[c.fn].event_flags |= dx::schema::kNeedsChecked;
      } else error(n, "DX0235", "element property '" + name + "' is not supported yet (supported: value, checked)");
      break;
    default:
      error(n, "DX0233", "property '" + name + "' does not exist on type '" + T.name(ot) + "'");
      break;
  }
  set_type(n, t);
  return t;
}

TypeId Checker::check_binary(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  std::string op(x.text);
  if (op == "??") return check_nullish(c, n);
  if (op == "in") return check_in(c, n);  // key in dict (collections.cpp)
  if (op == "instanceof") {
    error(n, "DX0235", "the '" + op + "' operator is not supported yet");
    return T.error();
  }
  TypeId a = check_expr(c, x.kid(0));
  Ctx rc = c;  // x && x.f: the right side sees what the left one proved
  if (op == "&&" || op == "||") apply(rc, narrowing(c, x.kid(0), op == "&&"));
  TypeId b = check_expr(rc, x.kid(1), op == "||" ? T.non_null(a) : a);  // || never yields null or undefined from a
  if (T.kind(a) == TypeKind::Error || T.kind(b) == TypeKind::Error) return T.error();
  auto bad = [&](const std::string& why) {
    error(n, "DX0234", "operator '" + op + "' " + why + " ('" + T.name(a) + "' and '" + T.name(b) + "')");
    return T.error();
  };
  if (op == "&&" || op == "||") {
    // `ok && run()` with a void right side, as a statement or a handler's body (`(e) => e.key === "Enter" &&
    // submit()`): run() when the left side is truthy (falsy for ||), the whole a void expression.
    if (b == T.void_() && a != T.void_()) return T.void_();
    // x || fallback: null and undefined never get past ||, so a non-nullable fallback makes it non-nullable.
    TypeId u = op == "||" && !T.nullable(b) ? unify(T.non_null(a), b) : unify(a, b);
    if (!u) return bad("needs operands of one type here; unions are not supported yet");
    return u;
  }
  if (op == "===" || op == "!==" || op == "==" || op == "!=") {
    auto lit = [&](TypeId t) { return T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined; };
    if ((lit(a) && (T.can_be_nullable(b) || lit(b))) || (lit(b) && T.can_be_nullable(a))) return T.boolean();
    if (T.can_be_nullable(a) && T.can_be_nullable(b) && T.non_null(a) == T.non_null(b)) return T.boolean();
  }
  if (op == "+") {
    bool sa = T.kind(a) == TypeKind::String, sb = T.kind(b) == TypeKind::String;
    auto prim = [&](TypeId t) { return T.kind(t) == TypeKind::String || T.non_null(t) == T.number() || T.non_null(t) == T.boolean(); };
    if ((sa || sb) && prim(a) && prim(b)) return T.string();  // "n: " + null is "n: null", as String() gives
    if (a == T.number() && b == T.number()) return T.number();
    return bad("cannot add these types");
  }
  if (op == "-" || op == "*" || op == "/" || op == "%" || op == "**" || is_bitwise(op)) {
    if (a == T.number() && b == T.number()) return T.number();  // not `number | null`: that needs a check first
    return bad("needs numbers");
  }
  if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    if (a == b && (a == T.number() || a == T.string())) return T.boolean();
    return bad("compares numbers with numbers or strings with strings");
  }
  if (op == "===" || op == "!==" || op == "==" || op == "!=") {
    if (a != b) return bad("compares values of different types (always " + std::string(op[0] == '!' ? "true" : "false") + ")");
    return T.boolean();
  }
  error(n, "DX0235", "the '" + op + "' operator is not supported yet");
  return T.error();
}

TypeId Checker::check_assign(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  std::string op(x.text);
  const Node& target = node(x.kid(0));
  const std::string arith = op.size() > 1 ? op.substr(0, op.size() - 1) : "";  // `**=` → `**`
  const bool logical = op == "||=" || op == "&&=" || op == "?\?=";
  if (op != "=" && op != "+=" && op != "-=" && op != "*=" && op != "/=" && op != "%=" && arith != "**" && !is_bitwise(arith) && !logical) {
    error(n, "DX0235", "the '" + op + "' operator is not supported yet");
    return T.error();
  }
  TypeId tt = T.error();
  if (target.kind == NodeKind::Identifier) {
    SymId sid = lookup(c.scope, std::string(target.text));
    if (sid != kNoId) {
      const Symbol& s = p_.symbols[sid];
      if (s.kind == SymKind::Signal || s.kind == SymKind::Memo) {
        error(n, "DX0214", "'" + s.name + "' is a signal: set it with its setter");
        return T.error();
      }
      if ((s.kind == SymKind::Local || s.kind == SymKind::Field || s.kind == SymKind::Global) && !s.is_mutable) {
        error(n, "DX0215", "cannot assign to '" + s.name + "' because it is a constant");
        return T.error();
      }
    }
    tt = check_expr(c, x.kid(0));
  } else if (target.kind == NodeKind::Member && (is_location(c, target.kid(0)) || is_global(c, target.kid(0), "window"))) {
    error(n, "DX0235", "assigning window or location properties is not supported yet (a link with href=\"#/…\" sets location.hash)");
    return T.error();
  } else if (target.kind == NodeKind::Member || target.kind == NodeKind::Index) {
    const Node& obj = node(target.kid(0));
    if (obj.kind == NodeKind::Identifier) {
      SymId sid = lookup(c.scope, std::string(obj.text));
      if (sid != kNoId && p_.symbols[sid].kind == SymKind::Props) {
        error(n, "DX0215", "props are read-only");
        return T.error();
      }
    }
    tt = check_expr(c, x.kid(0));
    if (target.kind == NodeKind::Index && T.kind(p_.type_of(mod_, target.kid(0))) == TypeKind::Record) {
      error(n, "DX0235", "writing a record's field by a computed key is not supported yet: write rec.field = …, build a new record, or keep a Map<string, V>");
      return T.error();
    }
    TypeId ot = T.kind(p_.type_of(mod_, target.kid(0))) == TypeKind::Error ? T.error() : T.non_null(p_.type_of(mod_, target.kid(0)));
    if (T.kind(ot) == TypeKind::Dict && T.kind(tt) != TypeKind::Error) {  // d[key] = v, d.name = v (a read of it is V | undefined)
      TypeId vt = T.info(ot).elem;
      if (op == "=") {
        tt = vt;
      } else if (logical) {  // d[k] ??= v: v must be a V; the result is one
        TypeId v = check_expr(c, x.kid(1), vt);
        if (T.kind(v) == TypeKind::Error) return T.error();
        if (!assignable(v, vt)) { error(n, "DX0234", "cannot assign '" + T.name(v) + "' to '" + T.name(vt) + "'"); return T.error(); }
        return vt;
      } else if (vt != T.number()) {  // a missing entry reads as undefined: "undefined" + s in JS
        error(n, "DX0235", "'" + op + "' on a dictionary entry of '" + T.name(vt) + "' is not supported: write d[k] = (d[k] ?? …) " + arith + " …");
        return T.error();
      } else {
        tt = vt;  // a missing entry is undefined: NaN after the arithmetic, as in JS
      }
    } else if (target.kind == NodeKind::Member) {
      TypeKind ok = T.kind(p_.type_of(mod_, target.kid(0)));
      if (ok != TypeKind::Record && ok != TypeKind::Error) { error(n, "DX0215", "only record fields can be assigned"); return T.error(); }
    }
  } else {
    error(n, "DX0215", "cannot assign to this expression");
    return T.error();
  }
  TypeId v = check_expr(c, x.kid(1), tt);
  if (std::string key = narrow_key(x.kid(0)); !key.empty()) {  // the narrowed types no longer hold
    c.narrow.erase(key);
    for (auto it = c.narrow.begin(); it != c.narrow.end();)
      it = it->first.rfind(key + ".", 0) == 0 ? c.narrow.erase(it) : std::next(it);
    if (target.kind == NodeKind::Identifier) tt = p_.symbols[p_.ref_of(mod_, x.kid(0))].type;
  }
  if (T.kind(tt) == TypeKind::Error || T.kind(v) == TypeKind::Error) return T.error();
  if (op == "=" || logical) {  // a ||= b, a &&= b, a ??= b: assigned only when a is falsy / truthy / nullish
    if (!assignable(v, tt)) { error(n, "DX0234", "cannot assign '" + T.name(v) + "' to '" + T.name(tt) + "'"); return T.error(); }
  } else if (op == "+=") {
    if (!((tt == T.number() && v == T.number()) ||
          (tt == T.string() && (T.non_null(v) == T.string() || v == T.number() || v == T.boolean())))) {  // s += t[i]: "undefined" as JS
      error(n, "DX0234", "cannot use += with '" + T.name(tt) + "' and '" + T.name(v) + "'");
      return T.error();
    }
  } else if (tt != T.number() || v != T.number()) {
    error(n, "DX0234", "operator '" + op + "' needs numbers");
    return T.error();
  }
  return tt;
}

}  // namespace dxc::analyze
