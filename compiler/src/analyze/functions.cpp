// Functions: closures, handlers and module functions (check_closure: parameters with their defaults,
// optional and destructured forms, the return type), callbacks compiled inline into array methods
// (check_inline_callback), and the on-demand checking of hoisted functions and module-level variables.
#include "analyze/builtins.h"
#include "analyze/checker.h"

namespace dxc::analyze {

TypeId Checker::check_inline_callback(Ctx& c, NodeId arrow, std::vector<TypeId> params, TypeId expected_ret) {
  const Node& a = node(arrow);
  auto& T = p_.types;
  if (a.kind != NodeKind::Arrow && a.kind != NodeKind::FunctionExpr) return check_callback_value(c, arrow, params);
  module().inline_fns[arrow] = true;
  if (a.flags & kAsync) { error(arrow, "DX0240", "async callbacks are not supported in client code"); return T.error(); }
  Ctx ic = c;
  ic.scope = new_scope(c.scope);
  ic.inline_cb = true;
  ic.in_block_body = false;
  ic.ret = expected_ret;
  const Node& ps = node(a.kid(0));
  if (ps.kids.size() > params.size()) {
    error(a.kid(0), "DX0244", "this callback takes at most " + std::to_string(params.size()) + " parameter(s)");
    return T.error();
  }
  for (size_t i = 0; i < ps.kids.size(); ++i) {
    const Node& pn = node(ps.kids[i]);
    bool pattern = pn.text.empty() && pn.kid(2) != kNoNode;
    if ((pn.text.empty() && !pattern) || pn.kid(1) != kNoNode || (pn.flags & kRest)) {
      error(ps.kids[i], "DX0235", "default values and rest parameters are not supported in callbacks yet");
      return T.error();
    }
    if (pn.kid(0) != kNoNode) {
      TypeId ann = resolve_type(mod_, pn.kid(0));
      if (ann != params[i] && ann != T.error()) error(ps.kids[i], "DX0234", "this parameter is '" + T.name(params[i]) + "', not '" + T.name(ann) + "'");
    }
    // `({ id, name }) => …`: the argument in a local of its own, taken apart into the names.
    declare_local(ic, ps.kids[i], pattern ? "#" + std::to_string(i) : std::string(pn.text), params[i], false);
    if (pattern) bind_pattern(ic, pn.kid(2), params[i], false);
  }
  TypeId r;
  if (a.flags & kExprBody) {
    r = check_expr(ic, a.kid(1), expected_ret);
  } else {
    check_stmt(ic, a.kid(1));
    r = ic.ret ? ic.ret : T.void_();
  }
  set_type(arrow, T.kind(r) == TypeKind::Error ? r : T.function(params, r));
  return r;
}

// A callback given as a function value — `xs.map(format)`, `items.filter(props.keep)`, `xs.map(String)` —
// called as JS calls it: with as many of `params` (the element, its index, …) as the function declares (an
// optional parameter gets the index too, as JS gives it; codegen: CodeGen::call_value).
TypeId Checker::check_callback_value(Ctx& c, NodeId v, const std::vector<TypeId>& params) {
  auto& T = p_.types;
  const Node& x = node(v);
  if (x.kind == NodeKind::Identifier && lookup(c.scope, std::string(x.text)) == kNoId &&
      (x.text == "Number" || x.text == "String")) {  // xs.map(Number), xs.map(String)
    TypeKind k = params.empty() ? TypeKind::Error : T.kind(params[0]);
    if (k != TypeKind::Number && k != TypeKind::String && k != TypeKind::Boolean) {
      error(v, "DX0234", std::string(x.text) + " as a callback takes numbers, strings or booleans here");
      return T.error();
    }
    TypeId r = x.text == "Number" ? T.number() : T.string();
    set_type(v, T.function({params[0]}, r));
    return r;
  }
  TypeId ft = check_expr(c, v);
  if (T.kind(ft) == TypeKind::Error) return ft;
  if (T.kind(ft) != TypeKind::Function || T.nullable(ft)) {
    error(v, "DX0243", "pass a function here: an arrow function ((x) => …) or a function's name");
    return T.error();
  }
  const TypeInfo& fi = T.info(ft);
  if (fi.params.size() > params.size()) {
    error(v, "DX0244", "this callback is called with " + std::to_string(params.size()) + " argument(s); the function takes " +
                           std::to_string(fi.params.size()));
    return T.error();
  }
  for (size_t i = 0; i < fi.params.size(); ++i)
    if (!assignable(params[i], fi.params[i])) {
      error(v, "DX0234", "the callback's argument " + std::to_string(i + 1) + " is '" + T.name(params[i]) + "', the function takes '" +
                             T.name(fi.params[i]) + "'");
      return T.error();
    }
  return fi.ret;
}

void Checker::check_void_callback(Ctx& c, NodeId v, const std::string& what, const std::string& example) {
  auto& T = p_.types;
  TypeId ft = check_expr(c, v, T.function({}, T.void_()));
  if (T.kind(ft) != TypeKind::Error && (T.kind(ft) != TypeKind::Function || T.nullable(ft) || !T.info(ft).params.empty() ||
                                        T.info(ft).ret != T.void_()))
    error(v, "DX0234", what + " takes a function of no arguments that returns nothing" + example);
}

FuncId Checker::check_closure(Ctx& c, NodeId fn_node, TypeId expected, FuncRole role, FuncId existing) {
  auto& T = p_.types;
  const Node& fnn = node(fn_node);
  FuncId id = existing;
  if (id == kNoId) {
    FuncInfo f;
    f.module = mod_;
    f.node = fn_node;
    f.role = role;
    f.env_block = c.env_block;
    f.outer = c.fn;
    f.name = role == FuncRole::Handler ? "handler" : "closure";
    id = p_.add_func(f);
  }
  module().funcs[fn_node] = id;
  pending_.erase(id);
  in_progress_.insert(id);
  if (fnn.flags & (kAsync | kGenerator)) error(fn_node, "DX0240", "async and generator functions are not supported in client code");
  if (!fnn.text2.empty() && !type_bindings_.count(mod_))
    error(fn_node, "DX0276", "generic functions are supported at module level only: move this one out of the component, "
                             "or give its parameters concrete types");
  Ctx fc;
  fc.fn = id;
  fc.env_block = p_.funcs[id].env_block;
  fc.scope = new_scope(c.scope);
  fc.in_effect = c.in_effect;
  const Node& ps = node(fnn.kid(0));
  const TypeInfo* want = T.kind(expected) == TypeKind::Function ? &T.info(expected) : nullptr;
  std::vector<TypeId> params;
  bool ok = true;
  for (size_t i = 0; i < ps.kids.size(); ++i) {
    const Node& pn = node(ps.kids[i]);
    bool has_default = pn.kid(1) != kNoNode, optional = pn.flags & kOptional;
    bool pattern = pn.text.empty() && pn.kid(2) != kNoNode;  // function f({ a, b }: Props)
    // `function f(a, ...xs: T[])`: the last parameter of a named function (called by name only): a function
    // declaration, a const arrow at module or component level (`existing`: a function symbol's), or one bound
    // to a const in a function body (named_closures_, rest_local)
    bool named = fnn.kind == NodeKind::Function || existing != kNoId || named_closures_.count(fn_node);
    bool rest = (pn.flags & kRest) && !pn.text.empty() && i + 1 == ps.kids.size() && named &&
                role != FuncRole::Handler && pn.kid(1) == kNoNode && !(pn.flags & kOptional);
    if (rest) {
      TypeId pt = pn.kid(0) != kNoNode ? resolve_type(mod_, pn.kid(0)) : 0;
      if (pt && T.kind(pt) == TypeKind::Array && !T.nullable(pt)) {
        params.push_back(pt);
        p_.funcs[id].params.push_back(declare_local(fc, ps.kids[i], std::string(pn.text), pt, true));
        p_.funcs[id].rest = true;
        continue;
      }
      if (pn.kid(0) == kNoNode || pt != T.error())  // (a refused annotation was reported)
        error(ps.kids[i], "DX0230", "a rest parameter is an array: `...xs: number[]`");
      declare_failed(fc, ps.kids[i]);
      ok = false;
      continue;
    }
    if ((pn.text.empty() && !pattern) || (pn.flags & kRest)) {
      error(ps.kids[i], "DX0235", "rest parameters are supported on named functions (`function f(...xs: number[])`, "
                                  "`const f = (...xs: number[]) => …`): here, take an array, `(xs: number[])`, and pass `[a, b]`");
      if (!pn.text.empty()) declare_failed(fc, ps.kids[i]);  // its uses report nothing more
      ok = false;
      continue;
    }
    if (pattern && (role == FuncRole::Handler || optional)) {
      error(ps.kids[i], "DX0235", role == FuncRole::Handler ? "an event handler's parameter is the event: take it apart inside"
                                                            : "an optional parameter cannot be taken apart (give it a default)");
      ok = false;
      continue;
    }
    if ((has_default || optional) && role == FuncRole::Handler) {
      error(ps.kids[i], "DX0235", "an event handler's parameter cannot be optional or have a default value");
      ok = false;
      continue;
    }
    TypeId pt = pn.kid(0) != kNoNode ? resolve_type(mod_, pn.kid(0)) : 0;
    if (has_default) {  // evaluated in the callee's scope on entry, after the parameters before it
      TypeId dt = check_expr(fc, pn.kid(1), pt);
      if (!pt) pt = T.non_null(dt);
      else if (!assignable(dt, pt)) error(pn.kid(1), "DX0234", "the default value is '" + T.name(dt) + "', the parameter '" + T.name(pt) + "'");
    }
    if (optional && pt && pt != T.error()) {
      if (!T.can_be_nullable(pt)) {
        error(ps.kids[i], "DX0262", "a '" + T.name(pt) + "' parameter cannot be optional (it has no undefined)");
        ok = false;
        continue;
      }
      pt = T.with_nullable(pt, T.nullable(pt) | kOrUndefined);
    }
    if (optional && i + 1 < ps.kids.size()) {  // TypeScript's rule (TS1016): no required parameter after an optional one
      const Node& next = node(ps.kids[i + 1]);
      if (!(next.flags & kOptional) && next.kid(1) == kNoNode && !(next.flags & kRest))
        error(ps.kids[i + 1], "DX0262", "a required parameter cannot follow the optional parameter '" + std::string(pn.text) + "'");
    }
    if (role == FuncRole::Handler && i == 0) {
      if (pt && pt != T.event() && pt != T.error()) error(ps.kids[i], "DX0234", "an event handler's parameter is the event (e.g. e: Event)");
      pt = T.event();
    }
    if (!pt && want && i < want->params.size()) pt = want->params[i];
    if (!pt) {  // no annotation, or one resolve_type refused (and reported)
      if (pn.kid(0) == kNoNode || !d_.has_errors())
        error(ps.kids[i], "DX0230", (pattern ? std::string("this parameter") : "parameter '" + std::string(pn.text) + "'") +
                                        " needs a type annotation");
      if (pattern) bind_pattern(fc, pn.kid(2), T.error(), true);  // its uses report nothing more
      else declare_local(fc, ps.kids[i], std::string(pn.text), T.error(), true);
      ok = false;
      continue;
    }
    if (role == FuncRole::Handler && i > 0) {
      error(ps.kids[i], "DX0235", "an event handler takes at most one parameter, the event");
      ok = false;
    }
    // Callers may pass `undefined` for a reference parameter with a default (it reads as omitted).
    params.push_back(has_default && T.is_ref(pt) ? T.with_nullable(pt, T.nullable(pt) | kOrUndefined) : pt);
    SymId ps_id = declare_local(fc, ps.kids[i], pattern ? "#" + std::to_string(i) : std::string(pn.text), pt, true);
    p_.funcs[id].params.push_back(ps_id);
    if (pattern) bind_pattern(fc, pn.kid(2), pt, true);  // the names, from the parameter on entry (codegen: prologue)
    if (role == FuncRole::Handler && i == 0) p_.funcs[id].event_param = ps_id;
  }
  TypeId ret = fnn.kid(2) != kNoNode ? resolve_type(mod_, fnn.kid(2)) : (want ? want->ret : 0);
  if (ret && ret != T.error() && ok && fnn.kid(2) != kNoNode) p_.funcs[id].type = T.function(params, ret);  // recursion
  fc.ret = ret;
  if (fnn.flags & kExprBody) {
    TypeId r = check_expr(fc, fnn.kid(1), ret);
    if (!ret || ret == T.void_()) ret = ret == T.void_() ? ret : r;
    else if (!assignable(r, ret)) error(fnn.kid(1), "DX0234", "returns '" + T.name(r) + "', declared '" + T.name(ret) + "'");
  } else {
    size_t errors_before = d_.error_count();
    check_stmt(fc, fnn.kid(1));
    // No return value seen: void, unless the body had errors (a `return x` whose x failed leaves no type, and
    // calling the function as void would report more errors about the same mistake).
    ret = fc.ret ? fc.ret : d_.error_count() > errors_before ? T.error() : T.void_();
  }
  in_progress_.erase(id);
  if (ok && ret != T.error()) p_.funcs[id].type = T.function(params, ret);
  return id;
}

void Checker::ensure_global(SymId g) {
  if (p_.symbols[g].type || globals_in_progress_.count(g) || globals_done_.count(g)) return;
  auto& T = p_.types;
  globals_in_progress_.insert(g);
  ModuleId saved = mod_;
  mod_ = p_.symbols[g].module;
  Ctx c;  // module level: no function, no block
  NodeId decl = p_.symbols[g].decl, init = p_.symbols[g].init;
  NodeId ann_node = node(decl).kid(1);
  TypeId ann = ann_node != kNoNode ? resolve_type(mod_, ann_node) : 0;
  p_.symbols[g].type = ann;  // an annotated global may be read by what its initializer calls
  TypeId it = check_init(c, init, ann_node, ann);
  TypeId t = ann_node != kNoNode ? ann : it;  // (a refused annotation keeps the error type)
  if (ann && !assignable(it, ann)) error(init, "DX0234", "cannot initialize a '" + T.name(ann) + "' with a '" + T.name(it) + "'");
  if (T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined) {
    error(decl, "DX0236", "give this variable a type: e.g. `let x: string | null = null`");
    t = T.error();
  } else if (T.kind(t) != TypeKind::Error && T.wasm(t) == WasmType::None) {
    error(decl, "DX0234", "a variable cannot hold '" + T.name(t) + "'");
    t = T.error();
  }
  p_.symbols[g].type = t;
  if (T.kind(t) != TypeKind::Error) p_.globals.push_back(g);
  mod_ = saved;
  globals_in_progress_.erase(g);
  globals_done_.insert(g);
}

void Checker::ensure_checked(FuncId f) {
  if (p_.funcs[f].type || in_progress_.count(f)) return;
  auto it = pending_.find(f);
  if (it == pending_.end()) return;
  Ctx c = it->second;
  ModuleId saved = mod_;
  mod_ = p_.funcs[f].module;
  check_closure(c, p_.funcs[f].node, 0, p_.funcs[f].role, f);
  mod_ = saved;
}

}  // namespace dxc::analyze
