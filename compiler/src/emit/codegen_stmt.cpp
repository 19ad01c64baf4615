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
    case NodeKind::Throw: return throw_stmt(f, n);
    case NodeKind::Try: return try_stmt(f, n);
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
        if (v && r.type != t_none()) return w_.seq({w_.set(r.result, v), leave_through(f, r.finallies, w_.br(r.label))}, t_none());
        if (v) return w_.seq({w_.drop(v), leave_through(f, r.finallies, w_.br(r.label))}, t_none());
        return leave_through(f, r.finallies, w_.br(r.label));
      }
      if (v && wtype(type_of(f, x.kid(0))) == t_none()) return w_.seq({v, leave_through(f, 0, w_.ret())}, t_none());
      if (v && !f.finallies.empty()) {  // the value first, then the finally bodies, then the return
        WType wt = wtype(want ? want : type_of(f, x.kid(0)));
        uint32_t tmp = f.add_var(wt);
        return w_.seq({w_.set(tmp, v), leave_through(f, 0, w_.ret(w_.get(tmp, wt)))}, t_none());
      }
      return leave_through(f, 0, w_.ret(v));
    }
    case NodeKind::Empty: return w_.nop();
    case NodeKind::Switch: return switch_stmt(f, n);
    case NodeKind::While: case NodeKind::DoWhile: case NodeKind::For: case NodeKind::ForOf: return loop(f, n, "");
    case NodeKind::Labeled: {
      const Node& body = node(f.module, x.kid(0));
      if (body.kind == NodeKind::While || body.kind == NodeKind::DoWhile || body.kind == NodeKind::For || body.kind == NodeKind::ForOf)
        return loop(f, x.kid(0), std::string(x.text));
      std::string brk = label("brk");
      f.targets.push_back({std::string(x.text), brk, "", false, false, f.finallies.size()});
      Ex b = stmt(f, x.kid(0));
      f.targets.pop_back();
      return w_.named(brk, {b}, t_none());
    }
    case NodeKind::Break: case NodeKind::Continue: {
      bool is_break = x.kind == NodeKind::Break;
      for (auto it = f.targets.rbegin(); it != f.targets.rend(); ++it) {
        if (!x.text.empty() ? it->user != x.text : !(is_break ? it->breakable : it->loop)) continue;
        return leave_through(f, it->finallies, w_.br(is_break ? it->brk : it->cont));
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
  f.targets.push_back({user_label, brk, cont, true, true, f.finallies.size()});
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
  f.targets.push_back({"", brk, "", false, true, f.finallies.size()});
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

// `throw new Error(message?)`, or `throw e` of a caught error. The runtime keeps the report (what an uncaught
// error prints: runtime-wasm/src/throw.h); then an app with try/catch throws the Error record as the wasm
// exception dx_exc, and one without traps, which aborts the call the same way.
Ex CodeGen::throw_stmt(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  const Node& e = node(f.module, x.kid(0));
  const Module& mod = *p_.modules[f.module];
  LineCol lc = p_.sources->line_col(mod.file, x.span.start);
  Ex at = str_const(mod.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col));
  std::vector<Ex> xs;
  uint32_t err = f.add_var(t_i32());
  if (e.kind == NodeKind::New) {  // new Error(message?)
    uint32_t msg = f.add_var(t_i32());
    xs.push_back(w_.set(msg, e.kids.size() == 3 ? expr(f, e.kids[2]) : str_const("")));
    xs.push_back(w_.call(rt["dx_throw"], {w_.get(msg, t_i32()), at}, t_none()));
    if (!p_.uses_try) return w_.seq({xs[0], xs[1], w_.unreachable()}, t_none());
    xs.push_back(w_.set(err, w_.call("error$new", {str_const("Error"), w_.get(msg, t_i32())}, t_i32())));
  } else {  // a caught error again: the report names it as it is
    const Shape& sh = p_.types.shape_info(p_.types.info(type_of(f, x.kid(0))).shape);
    xs.push_back(w_.set(err, expr(f, x.kid(0))));
    xs.push_back(w_.call(rt["dx_throw_named"], {w_.ld32(w_.get(err, t_i32()), sh.find("name")->offset),
                                                 w_.ld32(w_.get(err, t_i32()), sh.find("message")->offset), at}, t_none()));
    if (!p_.uses_try) return w_.seq({xs[0], xs[1], w_.unreachable()}, t_none());
  }
  Ex value = w_.get(err, t_i32());
  xs.push_back(BinaryenThrow(w_.m, "dx_exc", &value, 1));
  return w_.seq(xs, t_none());
}

// try { A } catch (e) { B } finally { C } as wasm exception handling (the legacy try/catch form, which
// Chromium, node and wasm2c run): A inside a try whose catch of dx_exc binds e (dx_caught: nothing to report
// any more) and runs B; with a finally, all of that inside a try whose catch_all runs C and rethrows, and C
// again after it for the paths that end normally; a return, break or continue out of A or B runs C on its
// way (leave_through). A trap is not an exception: no catch sees it.
Ex CodeGen::try_stmt(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  if (x.kid(3) != kNoNode) f.finallies.push_back(x.kid(3));
  Ex body = stmt(f, x.kid(0));
  if (x.kid(2) != kNoNode) {
    Ex caught = BinaryenPop(w_.m, t_i32());
    Ex bind = x.kid(1) != kNoNode ? set_local(f, p_.ref_of(f.module, x.kid(1)), caught) : w_.drop(caught);
    Ex handler = w_.seq({bind, w_.call(rt["dx_caught"], {}, t_none()), stmt(f, x.kid(2))}, t_none());
    const char* tags[] = {"dx_exc"};
    std::string name = label("try$");
    body = BinaryenTry(w_.m, name.c_str(), body, tags, 1, &handler, 1, nullptr);
  }
  if (x.kid(3) == kNoNode) return body;
  f.finallies.pop_back();
  std::string name = label("finally$");
  Ex again = w_.seq({stmt(f, x.kid(3)), BinaryenRethrow(w_.m, name.c_str())}, t_none());
  Ex guarded = BinaryenTry(w_.m, name.c_str(), body, nullptr, 0, &again, 1, nullptr);  // catch_all
  return w_.seq({guarded, stmt(f, x.kid(3))}, t_none());
}

// A return, break or continue that leaves the try statements above `keep` in f.finallies: their finally
// bodies, innermost first (each compiled as if that try were already left: a jump inside one stops there),
// then the jump.
Ex CodeGen::leave_through(Fn& f, size_t keep, Ex jump) {
  if (f.finallies.size() <= keep) return jump;
  std::vector<NodeId> all = f.finallies;
  std::vector<Ex> xs;
  for (size_t i = all.size(); i-- > keep;) {
    f.finallies.resize(i);
    xs.push_back(stmt(f, all[i]));
  }
  f.finallies = all;
  xs.push_back(jump);
  return w_.seq(xs, t_none());
}

// error$new(name, message): the Error record a throw carries (its shape: Program::error_shape), for `throw
// new Error(…)` and the runtime's errors (dxgen_raise).
void CodeGen::gen_error_new() {
  auto& T = p_.types;
  ShapeId s = p_.error_shape;
  const Shape& sh = T.shape_info(s);
  Fn g;
  g.params = {t_i32(), t_i32()};
  uint32_t rec = g.add_var(t_i32());
  auto r = [&] { return w_.get(rec, t_i32()); };
  add_function("error$new", g, t_i32(),
               w_.seq({w_.set(rec, w_.call(rt["dx_new_record"], {w_.u32(s)}, t_i32())),
                       store_typed(r(), r(), sh.find("name")->offset, w_.get(0, t_i32()), T.string(), true),
                       store_typed(r(), r(), sh.find("message")->offset, w_.get(1, t_i32()), T.string(), true), r()},
                      t_i32()));
}

}  // namespace dxc::emit
