// JSX control flow written as JS expressions in a JSX child position — as Solid and React code writes it as
// often as with the components:
//   {cond && <p/>}                                      → <Show when={cond}><p/></Show>
//   {c ? <a/> : <b/>}, {c ? <a/> : null}, {c ? null : <b/>} → <Show when={c} fallback={<b/>}><a/></Show>
//   {xs.map((x, i) => <li/>)}                           → <For each={xs}>{(x) => <li/>}</For>, `i` the row's
//                                                          index as a number (kept up to date as rows move)
// Each is checked as the block it stands for, keyed by the expression node in Module::blocks (and
// Module::fallbacks); lower/ takes the condition or the array from Module::control_exprs. Nesting works
// (`a ? <A/> : b ? <B/> : null`, `ok && xs.map(…)`). The branches see what the condition proves
// (`{user && <p>{user.name}</p>}`). A number before `&&` is refused: JSX renders a falsy 0 or NaN as text,
// which a <Show> would not.
#include "analyze/checker.h"

namespace dxc::analyze {

namespace {
bool is_nullish_lit(const Node& x) { return x.kind == NodeKind::NullLit || (x.kind == NodeKind::Identifier && x.text == "undefined"); }
}  // namespace

// `xs.map(fn)` whose function returns JSX: fn, else kNoNode.
static NodeId jsx_map_fn(const Ast& ast, const Node& x) {
  if (x.kind != NodeKind::Call || x.kids.size() != 3 || x.flags & kOptional) return kNoNode;
  const Node& callee = ast[x.kid(0)];
  if (callee.kind != NodeKind::Member || callee.text != "map" || (callee.flags & kOptional)) return kNoNode;
  const Node& fn = ast[x.kids[2]];
  if (fn.kind != NodeKind::Arrow && fn.kind != NodeKind::FunctionExpr) return kNoNode;
  const Node& body = ast[fn.kid(1)];
  if (fn.flags & kExprBody) return is_jsx(body) ? x.kids[2] : kNoNode;
  if (body.kids.empty()) return kNoNode;
  const Node& last = ast[body.kids.back()];
  return last.kind == NodeKind::Return && last.kid(0) != kNoNode && is_jsx(ast[last.kid(0)]) ? x.kids[2] : kNoNode;
}

bool Checker::is_jsx_value(NodeId e) {
  const Node& x = node(e);
  if (is_jsx(x)) return true;
  if (x.kind == NodeKind::Binary && x.text == "&&") return is_jsx_value(x.kid(1));
  if (x.kind == NodeKind::Conditional) return is_jsx_value(x.kid(1)) || is_jsx_value(x.kid(2));
  return jsx_map_fn(module().ast, x) != kNoNode;
}

bool Checker::check_jsx_value(Ctx& c, NodeId e) {
  const Node& x = node(e);
  auto& T = p_.types;
  if (!is_jsx_value(e) || is_jsx(x)) return false;
  if (x.kind == NodeKind::Binary) {  // cond && <JSX>
    TypeId t = check_expr(c, x.kid(0));
    if (T.kind(t) == TypeKind::Number) {
      error(x.kid(0), "DX0250", "JSX renders a number before && as text when it is 0 or NaN: compare it (n > 0 && …) or use <Show when={…}>");
      return true;
    }
    if (T.kind(t) == TypeKind::Error) return true;
    Ctx bc = c;
    apply(bc, narrowing(c, x.kid(0), true));
    module().control_exprs[e] = x.kid(0);
    module().blocks[e] = branch_block(bc, "/show", {x.kid(1)});
    return true;
  }
  if (x.kind == NodeKind::Conditional) {  // c ? <A/> : <B/> (either may be null or undefined)
    for (NodeId k : {x.kid(1), x.kid(2)})
      if (!is_jsx_value(k) && !is_nullish_lit(node(k))) {
        error(k, "DX0250", "both branches of a JSX ternary are JSX (or null): write text as <>{…}</>");
        return true;
      }
    if (T.kind(check_expr(c, x.kid(0))) == TypeKind::Error) return true;
    Ctx tc = c, fc = c;
    apply(tc, narrowing(c, x.kid(0), true));
    apply(fc, narrowing(c, x.kid(0), false));
    module().control_exprs[e] = x.kid(0);
    module().blocks[e] = branch_block(tc, "/show", is_nullish_lit(node(x.kid(1))) ? std::vector<NodeId>{} : std::vector<NodeId>{x.kid(1)});
    if (!is_nullish_lit(node(x.kid(2)))) module().fallbacks[e] = branch_block(fc, "/fallback", {x.kid(2)});
    return true;
  }
  // xs.map((x, i) => <JSX>): a <For> keyed by item identity
  NodeId fn = jsx_map_fn(module().ast, x);
  NodeId arr = node(x.kid(0)).kid(0);
  TypeId at = check_expr(c, arr);
  if (T.kind(at) == TypeKind::Error) return true;
  if (T.kind(at) != TypeKind::Array || T.nullable(at)) {
    error(arr, "DX0256", ".map to JSX needs an array, not '" + T.name(at) + "'");
    return true;
  }
  const Node& ps = node(node(fn).kid(0));
  bool named = !ps.kids.empty() && ps.kids.size() <= 2;
  for (NodeId pk : ps.kids) named &= plain_param(pk) || (pk == ps.kids[0] && row_pattern(pk));
  if (!named) {
    error(node(fn).kid(0), "DX0257", "a .map rendering JSX takes the item and optionally its index, as plain names: xs.map((x, i) => <li>{x}</li>)");
    return true;
  }
  module().control_exprs[e] = arr;
  keyed_row(c, e, fn, T.info(at).elem, false, SymKind::Field);
  return true;
}

}  // namespace dxc::analyze
