// Statements: locals, if/else, throw, return (a real return in functions, a break out of inline callbacks), and
// the declarations of a block body (signals, memos, block-level variables stored in the instance).
#include "emit/codegen.h"

namespace dxc::emit {

Ex CodeGen::stmt(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  switch (x.kind) {
    case NodeKind::Block: {
      std::vector<Ex> xs;
      for (NodeId s : x.kids) xs.push_back(stmt(f, s));
      return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
    }
    case NodeKind::ExprStmt: {
      Ex e = expr(f, x.kid(0));
      return wtype(type_of(f, x.kid(0))) == t_none() ? e : w_.drop(e);
    }
    case NodeKind::VarDecl: {
      std::vector<Ex> xs;
      for (NodeId dk : x.kids) {
        const Node& d = node(f.module, dk);
        SymId s = p_.ref_of(f.module, d.kid(0));
        if (s == kNoId) return internal_error(dk, f.module, "declaration without a symbol");
        xs.push_back(set_local(f, s, expr(f, d.kid(2))));
      }
      return w_.seq(xs, t_none());
    }
    case NodeKind::Throw: {  // `throw new Error(message?)`: the runtime keeps the report, then a trap aborts
      const Node& e = node(f.module, x.kid(0));
      const Module& mod = *p_.modules[f.module];
      LineCol lc = p_.sources->line_col(mod.file, x.span.start);
      std::string at = mod.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col);
      Ex msg = e.kids.size() == 3 ? expr(f, e.kids[2]) : w_.i32(0);
      return w_.seq({w_.call(rt["dx_throw"], {msg, str_const(at)}, t_none()), w_.unreachable()}, t_none());
    }
    case NodeKind::If: {
      TypeId ct = type_of(f, x.kid(0));
      return w_.if_(truthy(f, expr(f, x.kid(0)), ct), stmt(f, x.kid(1)), x.kid(2) == kNoNode ? nullptr : stmt(f, x.kid(2)));
    }
    case NodeKind::Return: {
      TypeId want = !f.inline_rets.empty() ? f.inline_rets.back().ret
                    : f.fid != kNoId && p_.funcs[f.fid].type ? p_.types.info(p_.funcs[f.fid].type).ret : 0;
      Ex v = x.kid(0) == kNoNode ? nullptr : expr_as(f, x.kid(0), want);
      if (!f.inline_rets.empty()) {
        const Fn::InlineRet& r = f.inline_rets.back();
        if (v && r.type != t_none()) return w_.seq({w_.set(r.result, v), w_.br(r.label)}, t_none());
        if (v) return w_.seq({w_.drop(v), w_.br(r.label)}, t_none());
        return w_.br(r.label);
      }
      if (v && wtype(type_of(f, x.kid(0))) == t_none()) return w_.seq({v, w_.ret()}, t_none());
      return w_.ret(v);
    }
    case NodeKind::Empty: return w_.nop();
    case NodeKind::Switch: return switch_stmt(f, n);
    case NodeKind::While: case NodeKind::DoWhile: case NodeKind::For: case NodeKind::ForOf: return loop(f, n, "");
    case NodeKind::Labeled: {
      const Node& body = node(f.module, x.kid(0));
      if (body.kind == NodeKind::While || body.kind == NodeKind::DoWhile || body.kind == NodeKind::For || body.kind == NodeKind::ForOf)
        return loop(f, x.kid(0), std::string(x.text));
      std::string brk = label("brk");
      f.targets.push_back({std::string(x.text), brk, "", false, false});
      Ex b = stmt(f, x.kid(0));
      f.targets.pop_back();
      return w_.named(brk, {b}, t_none());
    }
    case NodeKind::Break: case NodeKind::Continue: {
      bool is_break = x.kind == NodeKind::Break;
      for (auto it = f.targets.rbegin(); it != f.targets.rend(); ++it) {
        if (!x.text.empty() ? it->user != x.text : !(is_break ? it->breakable : it->loop)) continue;
        return w_.br(is_break ? it->brk : it->cont);
      }
      return internal_error(n, f.module, "break/continue without a target");
    }
    default: return internal_error(n, f.module, std::string("cannot compile statement ") + node_kind_name(x.kind));
  }
}

// Loops: `block $brk { loop $top { <test> ; block $cont { body } ; <step> ; br $top } }` — `continue` leaves
// the body's block, so the step (for) or the test (do…while) runs next.
Ex CodeGen::loop(Fn& f, NodeId n, const std::string& user_label) {
  const Node& x = node(f.module, n);
  auto& T = p_.types;
  std::string brk = label("brk"), top = label("top"), cont = label("cont");
  f.targets.push_back({user_label, brk, cont, true, true});
  auto exit_unless = [&](NodeId cond) { return w_.br(brk, w_.eqz(truthy(f, expr(f, cond), type_of(f, cond)))); };
  std::vector<Ex> pre, iter;
  switch (x.kind) {
    case NodeKind::While:
      iter = {exit_unless(x.kid(0)), w_.named(cont, {stmt(f, x.kid(1))}, t_none())};
      break;
    case NodeKind::DoWhile:
      iter = {w_.named(cont, {stmt(f, x.kid(0))}, t_none()), exit_unless(x.kid(1))};
      break;
    case NodeKind::For:
      if (x.kid(0) != kNoNode) pre.push_back(stmt(f, x.kid(0)));
      if (x.kid(1) != kNoNode) iter.push_back(exit_unless(x.kid(1)));
      iter.push_back(w_.named(cont, {stmt(f, x.kid(3))}, t_none()));
      if (x.kid(2) != kNoNode) {
        Ex step = expr(f, x.kid(2));
        iter.push_back(wtype(type_of(f, x.kid(2))) == t_none() ? step : w_.drop(step));
      }
      break;
    case NodeKind::ForOf: {  // like the array iterator: the length is read again before each step
      TypeId at = type_of(f, x.kid(1));
      TypeId et = T.info(at).elem;
      uint32_t arr = f.add_var(t_i32()), i = f.add_var(t_i32());
      SymId var = p_.ref_of(f.module, node(f.module, node(f.module, x.kid(0)).kids[0]).kid(0));
      uint32_t size = T.wasm(et) == WasmType::F64 ? 8 : 4;
      pre = {w_.set(arr, expr(f, x.kid(1))), w_.set(i, w_.i32(0))};
      iter = {w_.br(brk, w_.geu32(w_.get(i, t_i32()), w_.ld32(w_.get(arr, t_i32()), 8))),
              w_.set(local_of(f, var), load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(size))), 0, et)),
              w_.named(cont, {stmt(f, x.kid(2))}, t_none()), w_.set(i, w_.add32(w_.get(i, t_i32()), w_.i32(1)))};
      break;
    }
    default: break;
  }
  f.targets.pop_back();
  iter.push_back(w_.br(top));
  pre.push_back(w_.named(brk, {w_.loop(top, w_.seq(iter, t_none()))}, t_none()));
  return w_.seq(pre, t_none());
}

// switch: the discriminant once, then the case tests in order (===); a match branches to the start of its
// clause's statements, which fall through into the next clause's as in JS:
//   block $brk { block $Ln-1 { … block $L0 { tests: br $Li | br $Ldefault | br $brk } clause 0 } … clause n-1 }
Ex CodeGen::switch_stmt(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  TypeId dt = type_of(f, x.kid(0));
  uint32_t d = f.add_var(wtype(dt));
  std::string brk = label("brk");
  std::vector<std::string> labels;
  for (size_t i = 1; i < x.kids.size(); ++i) labels.push_back(label("clause"));
  std::vector<Ex> tests{w_.set(d, expr(f, x.kid(0)))};
  std::string fallback = brk;
  for (size_t i = 1; i < x.kids.size(); ++i) {
    const Node& cs = node(f.module, x.kids[i]);
    if (cs.kid(0) == kNoNode) { fallback = labels[i - 1]; continue; }
    tests.push_back(w_.br(labels[i - 1], equal(f, w_.get(d, wtype(dt)), expr(f, cs.kid(0)), dt)));
  }
  tests.push_back(w_.br(fallback));
  f.targets.push_back({"", brk, "", false, true});
  Ex inner = w_.seq(tests, t_none());
  for (size_t i = 1; i < x.kids.size(); ++i) {
    const Node& cs = node(f.module, x.kids[i]);
    std::vector<Ex> body{w_.named(labels[i - 1], {inner}, t_none())};
    for (size_t k = 1; k < cs.kids.size(); ++k) body.push_back(stmt(f, cs.kids[k]));
    inner = w_.seq(body, t_none());
  }
  f.targets.pop_back();
  return w_.named(brk, {inner}, t_none());
}

// A declaration at the top level of a component or row body, run once by the block's create function.
Ex CodeGen::block_decl(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  std::vector<Ex> xs;
  for (NodeId dk : x.kids) {
    const Node& d = node(f.module, dk);
    const Node& target = node(f.module, d.kid(0));
    if (target.kind == NodeKind::ArrayPattern) {  // const [v, setV] = createSignal(init)
      SymId s = p_.ref_of(f.module, target.kids[0]);
      if (s == kNoId) continue;
      const Symbol& sig = p_.symbols[s];
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sig.offset, expr(f, sig.init), sig.type, false));
      continue;
    }
    SymId s = p_.ref_of(f.module, d.kid(0));
    if (s == kNoId) continue;
    const Symbol& sym = p_.symbols[s];
    if (sym.kind == SymKind::Memo) {
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sym.offset, w_.call(fn_name(sym.func), {w_.get(0, t_i32())}, wtype(sym.type)),
                               sym.type, false));
    } else if (sym.kind == SymKind::Field) {
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sym.offset, expr(f, sym.init), sym.type, false));
    }
    // Functions declared in the body have no runtime code here.
  }
  return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
}

}  // namespace dxc::emit
