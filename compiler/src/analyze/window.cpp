// The window APIs component code may use: `window.location.hash` (also `location.hash`), read as a string
// (runtime-wasm/src/host.cpp: dx_location_hash), and `window.addEventListener(type, handler)` as a statement
// of a component body or the whole body of its onMount: the handler is registered when the component is
// created and runs, like an element's handlers, in the component's instance, for as long as the component is
// in the document (dxb handler flag kWindowEvent; dx.js listens on window). Anywhere else it is refused
// (DX0267): dx has no removeEventListener/onCleanup yet, so a listener added by a handler could not be owned.
#include "analyze/builtins.h"
#include "analyze/checker.h"
#include "dx/schema/dxb.h"

namespace dxc::analyze {

bool Checker::is_global(Ctx& c, NodeId n, const char* name) {
  const Node& x = node(n);
  return x.kind == NodeKind::Identifier && x.text == name && lookup(c.scope, name) == kNoId;
}

// `window.location` / `location` (not shadowed).
bool Checker::is_location(Ctx& c, NodeId n) {
  const Node& x = node(n);
  if (is_global(c, n, "location")) return true;
  return x.kind == NodeKind::Member && x.text == "location" && !(x.flags & kOptional) && is_global(c, x.kid(0), "window");
}

// A member of window or location other than location.hash; kNoId when `n` is not one.
TypeId Checker::check_window_member(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  if (x.kind != NodeKind::Member) return kNoId;
  if (is_location(c, x.kid(0))) {
    if (x.text == "hash" && !(x.flags & kOptional)) {
      set_type(n, T.string());
      return T.string();
    }
    error(n, "DX0235", "location." + std::string(x.text) + " is not supported yet (location.hash is)");
    return T.error();
  }
  if (is_global(c, x.kid(0), "window")) {
    error(n, "DX0235", "window." + std::string(x.text) + " is not supported yet (window.location.hash and window.addEventListener are)");
    return T.error();
  }
  return kNoId;
}

// `window.addEventListener(…)` as a statement of block `b`'s body (or the body of its onMount: `s` may be an
// expression or a block of one statement). False when `s` is something else.
bool Checker::window_listener(Ctx& c, NodeId s, BlockId b) {
  const Node* st = &node(s);
  if (st->kind == NodeKind::Block && st->kids.size() == 1) st = &node(st->kids[0]);
  NodeId e = st->kind == NodeKind::ExprStmt ? st->kid(0) : st->kind == NodeKind::Block ? kNoNode : s;
  if (e == kNoNode || node(e).kind != NodeKind::Call) return false;
  const Node& call = node(e);
  const Node& callee = node(call.kid(0));
  if (callee.kind != NodeKind::Member || callee.text != "addEventListener" || !is_global(c, callee.kid(0), "window")) return false;
  std::vector<NodeId> args(call.kids.size() > 2 ? call.kids.begin() + 2 : call.kids.end(), call.kids.end());
  if (p_.blocks[b].kind != dx::schema::kBlockComponent) {
    error(e, "DX0267", "window.addEventListener is supported in a component body, not in a <For> row or <Show> branch");
    return true;
  }
  if (args.size() != 2 || node(args[0]).kind != NodeKind::StringLit || node(args[0]).text.empty()) {
    error(e, "DX0267", "write `window.addEventListener(\"type\", (e) => { … })` (no options argument)");
    return true;
  }
  std::string type(node(args[0]).text);
  Ctx hc = c;
  hc.in_block_body = false;
  check_handler(hc, args[1], type);
  p_.blocks[b].window_handlers.push_back({type, args[1]});
  return true;
}

}  // namespace dxc::analyze
