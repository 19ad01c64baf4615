// Statements: locals, if/else, throw, return (a real return in functions, a break out of inline callbacks), and
// the declarations of a block body (signals, memos, block-level variables stored in the instance).
#include "analyze/builtins.h"
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
        if (node(f.module, d.kid(0)).kind != NodeKind::Identifier) {  // const { a, b } = record
          xs.push_back(destructure(f, d.kid(0), expr(f, d.kid(2))));
          continue;
        }
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
    case NodeKind::While: case NodeKind::DoWhile: case NodeKind::For: case NodeKind::ForOf: case NodeKind::ForIn: return loop(f, n, "");
    case NodeKind::Labeled: {
      const Node& body = node(f.module, x.kid(0));
      if (body.kind == NodeKind::While || body.kind == NodeKind::DoWhile || body.kind == NodeKind::For || body.kind == NodeKind::ForOf || body.kind == NodeKind::ForIn)
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
    case NodeKind::ForIn: {  // for (const k in dict): Object.keys when the loop starts, each skipped once deleted
      uint32_t d = f.add_var(t_i32()), keys = f.add_var(t_i32()), i = f.add_var(t_i32()), key = f.add_var(t_i32());
      NodeId target = node(f.module, node(f.module, x.kid(0)).kids[0]).kid(0);
      auto get = [&](uint32_t l) { return w_.get(l, t_i32()); };
      pre = {w_.set(d, expr(f, x.kid(1))), w_.set(keys, w_.call(rt["dx_dict_array"], {get(d), w_.u32(0)}, t_i32())), w_.set(i, w_.i32(0))};
      Ex live = w_.bin(BinaryenGeSInt32(), w_.call(rt["dx_coll_find_i32"], {get(d), get(key)}, t_i32()), w_.i32(0));
      iter = {w_.br(brk, w_.geu32(get(i), w_.ld32(get(keys), 8))),
              w_.set(key, w_.ld32(w_.add32(w_.ld32(get(keys), 16), w_.mul32(get(i), w_.u32(4))), 0)),
              w_.if_(live, w_.seq({set_local(f, p_.ref_of(f.module, target), get(key)), w_.named(cont, {stmt(f, x.kid(2))}, t_none())}, t_none())),
              w_.set(i, w_.add32(get(i), w_.i32(1)))};
      break;
    }
    case NodeKind::ForOf: {  // like the array iterator: the length is read again before each step
      TypeId at = type_of(f, x.kid(1));
      if (T.kind(at) == TypeKind::Map || T.kind(at) == TypeKind::Set) {  // over a collection's live entries
        char which = p_.modules[f.module]->for_iterators.at(n);
        NodeId of = which >= 'a' ? node(f.module, node(f.module, x.kid(1)).kid(0)).kid(0) : x.kid(1);
        CollLoop l = collection_loop(f, expr(f, of), T.non_null(at));
        NodeId target = node(f.module, node(f.module, x.kid(0)).kids[0]).kid(0);
        const Node& tn = node(f.module, target);
        Ex bind;
        if ((which | 0x20) == 'e' && tn.kind == NodeKind::Identifier) {  // the entry as a new [key, value] tuple
          bind = set_local(f, p_.ref_of(f.module, target), make_tuple(f, p_.symbols[p_.ref_of(f.module, target)].type, {l.key, l.value}));
        } else if ((which | 0x20) == 'e') {
          bind = bind_pair(f, tn, l.key, l.value);
        } else {
          Ex v = (which | 0x20) == 'k' ? l.key : l.value;
          bind = tn.kind == NodeKind::Identifier ? w_.set(local_of(f, p_.ref_of(f.module, target)), v) : destructure(f, target, v);
        }
        pre = l.pre;
        iter = {w_.br(brk, l.done), w_.if_(w_.eqz(l.hole), w_.seq({bind, w_.named(cont, {stmt(f, x.kid(2))}, t_none())}, t_none())), l.next};
        break;
      }
      TypeId et = T.info(at).elem;
      uint32_t arr = f.add_var(t_i32()), i = f.add_var(t_i32());
      NodeId target = node(f.module, node(f.module, x.kid(0)).kids[0]).kid(0);
      uint32_t size = T.wasm(et) == WasmType::F64 ? 8 : 4;
      auto iterator = p_.modules[f.module]->for_iterators.find(n);  // xs.entries() / keys() / values(): over xs
      NodeId of = iterator == p_.modules[f.module]->for_iterators.end() ? x.kid(1)
                                                                       : node(f.module, node(f.module, x.kid(1)).kid(0)).kid(0);
      pre = {w_.set(arr, expr(f, of)), w_.set(i, w_.i32(0))};
      Ex element = load_typed(w_.add32(w_.ld32(w_.get(arr, t_i32()), 16), w_.mul32(w_.get(i, t_i32()), w_.u32(size))), 0, et);
      Ex index = w_.u32_to_f64(w_.get(i, t_i32()));
      Ex bind;
      if (iterator != p_.modules[f.module]->for_iterators.end() && iterator->second != 'v') {
        bind = iterator->second == 'k' ? w_.set(local_of(f, p_.ref_of(f.module, target)), index)
                                       : bind_pair(f, node(f.module, target), index, element);
      } else if (node(f.module, target).kind == NodeKind::Identifier) {
        bind = w_.set(local_of(f, p_.ref_of(f.module, target)), element);
      } else {  // for (const { id, name } of items)
        bind = destructure(f, target, element);
      }
      iter = {w_.br(brk, w_.geu32(w_.get(i, t_i32()), w_.ld32(w_.get(arr, t_i32()), 8))), bind,
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

// `[a, b]` of a for…of over entries (names or holes: analyze/stmt.cpp declare_pair): a = first, b = second.
Ex CodeGen::bind_pair(Fn& f, const Node& pattern, Ex first, Ex second) {
  std::vector<Ex> binds;
  for (size_t k = 0; k < pattern.kids.size(); ++k)
    if (node(f.module, pattern.kids[k]).kind == NodeKind::Identifier)
      binds.push_back(w_.set(local_of(f, p_.ref_of(f.module, pattern.kids[k])), k == 0 ? first : second));
  return binds.empty() ? w_.nop() : w_.seq(binds, t_none());
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
    SymId first = target.kind == NodeKind::ArrayPattern && !target.kids.empty() ? p_.ref_of(f.module, target.kids[0]) : kNoId;
    if (first != kNoId && p_.symbols[first].kind == SymKind::Signal) {  // const [v, setV] = createSignal(init)
      const Symbol& sig = p_.symbols[first];
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sig.offset, expr(f, sig.init), sig.type, false));
      continue;
    }
    if (target.kind == NodeKind::ObjectPattern && d.kid(2) != kNoNode && node(f.module, d.kid(2)).kind == NodeKind::Identifier) {
      SymId from = p_.ref_of(f.module, d.kid(2));
      if (from != kNoId && p_.symbols[from].kind == SymKind::Props) continue;  // const { a } = props: each name reads its prop
    }
    if (target.kind == NodeKind::ObjectPattern || target.kind == NodeKind::ArrayPattern) {  // const { a, b } = record
      xs.push_back(destructure(f, d.kid(0), expr(f, d.kid(2))));
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

// `value` (of the pattern's type) into a local, taken apart into the pattern's names.
Ex CodeGen::destructure(Fn& f, NodeId pattern, Ex value) {
  uint32_t src = f.add_var(wtype(type_of(f, pattern)));
  return w_.seq({w_.set(src, value), bind_pattern(f, pattern, src)}, t_none());
}

// A binding pattern (analyze/stmt.cpp: bind_pattern; each pattern node typed with the value it takes apart):
// a record's fields by offset, an array's elements by index — past the end the default, or a trap as
// `arr[i]` does — and `...rest` as a slice. A default replaces undefined.
Ex CodeGen::bind_pattern(Fn& f, NodeId pn, uint32_t src) {
  auto& T = p_.types;
  const Node& x = node(f.module, pn);
  TypeId t = type_of(f, pn);
  if (x.kind == NodeKind::Identifier) {
    SymId s = p_.ref_of(f.module, pn);
    if (s == kNoId) return internal_error(pn, f.module, "pattern name without a symbol");
    const Symbol& sym = p_.symbols[s];
    if (sym.kind == SymKind::Field)  // a block body's: the instance is the create function's first local
      return store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sym.offset, w_.get(src, wtype(t)), sym.type, false);
    return set_local(f, s, w_.get(src, wtype(t)));
  }
  std::vector<Ex> xs;
  // One part: its value into a local of its own, then its target (a name or a nested pattern).
  auto part = [&](NodeId target, Ex value, TypeId vt) {
    uint32_t v = f.add_var(wtype(vt));
    xs.push_back(w_.set(v, value));
    xs.push_back(bind_pattern(f, target, v));
  };
  if (x.kind == NodeKind::ObjectPattern) {
    const Shape& sh = T.shape_info(T.info(t).shape);
    for (NodeId k : x.kids) {
      const Node& kn = node(f.module, k);
      if (kn.kind == NodeKind::Spread) {  // `...rest`: a new record of the other fields (analyze gave its shape)
        part(kn.kid(0), copy_fields(f, w_.get(src, t_i32()), t, type_of(f, k)), type_of(f, k));
        continue;
      }
      const Field* fd = sh.find(std::string(kn.text));
      if (!fd) return internal_error(k, f.module, "pattern field not in the record");
      Ex value = load_typed(w_.get(src, t_i32()), fd->offset, fd->type);
      if (kn.kid(1) != kNoNode && T.can_be_nullable(fd->type) && (T.nullable(fd->type) & kOrUndefined)) {
        uint32_t v = f.add_var(wtype(fd->type));
        value = w_.if_(is_null(w_.tee(v, value, wtype(fd->type)), fd->type, false), expr_as(f, kn.kid(1), type_of(f, k)),
                       w_.get(v, wtype(fd->type)));
      }
      part(kn.kid(0), value, type_of(f, k));
    }
    return w_.seq(xs, t_none());
  }
  if (T.kind(t) == TypeKind::Tuple) {  // const [a, b] = pair: its fields "0", "1", …
    const Shape& sh = T.shape_info(T.info(t).shape);
    for (size_t i = 0; i < x.kids.size(); ++i) {
      NodeId k = x.kids[i];
      const Node& kn = node(f.module, k);
      if (kn.kind == NodeKind::Hole) continue;
      const Field* fd = sh.find(std::to_string(i));
      if (!fd) return internal_error(k, f.module, "tuple pattern past the tuple");
      Ex value = load_typed(w_.get(src, t_i32()), fd->offset, fd->type);
      NodeId target = kn.kind == NodeKind::PatternProp ? kn.kid(0) : k;
      if (kn.kind == NodeKind::PatternProp && kn.kid(1) != kNoNode && T.can_be_nullable(fd->type) && (T.nullable(fd->type) & kOrUndefined)) {
        uint32_t v = f.add_var(wtype(fd->type));
        value = w_.if_(is_null(w_.tee(v, value, wtype(fd->type)), fd->type, false), expr_as(f, kn.kid(1), type_of(f, k)),
                       w_.get(v, wtype(fd->type)));
      }
      part(target, value, type_of(f, k));
    }
    return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
  }
  TypeId et = T.info(t).elem;
  uint32_t size = T.wasm(et) == WasmType::F64 ? 8 : 4;
  auto len = [&] { return w_.ld32(w_.get(src, t_i32()), 8); };
  for (size_t i = 0; i < x.kids.size(); ++i) {
    NodeId k = x.kids[i];
    const Node& kn = node(f.module, k);
    if (kn.kind == NodeKind::Hole) continue;
    if (kn.kind == NodeKind::Spread) {
      part(kn.kid(0), w_.call(rt["dx_array_slice"], {w_.get(src, t_i32()), w_.f64(double(i)), w_.f64(kInf)}, t_i32()), t);
      continue;
    }
    Ex in_range = w_.bin(BinaryenLtUInt32(), w_.u32(uint32_t(i)), len());
    Ex value = load_typed(w_.add32(w_.ld32(w_.get(src, t_i32()), 16), w_.u32(uint32_t(i) * size)), 0, et);
    NodeId dflt = kn.kind == NodeKind::PatternProp ? kn.kid(1) : kNoNode;
    value = dflt != kNoNode ? w_.if_(in_range, value, expr_as(f, dflt, type_of(f, k)))
                            : w_.seq({w_.if_(w_.eqz(in_range), w_.unreachable()), value}, wtype(et));
    part(kn.kind == NodeKind::PatternProp ? kn.kid(0) : k, value, type_of(f, k));
  }
  return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
}

}  // namespace dxc::emit
