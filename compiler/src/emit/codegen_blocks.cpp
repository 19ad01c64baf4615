// Blocks, handlers, memos and the dxgen_* hooks the runtime calls (runtime-wasm/ABI.md).
//
// create$B(inst): runs the block body (signals, memos, variables), clones the template, fills every binding,
//                 creates child blocks (rows, branches, components) and mounts them before their anchors.
// update$B(inst, mask): recomputes memos and exactly the bindings whose dependencies intersect the mask.
#include "emit/codegen.h"

#include "dx/schema/dxb.h"

namespace dxc::emit {

BinaryenFunctionRef CodeGen::add_function(const std::string& name, Fn& f, WType results, Ex body) {
  return BinaryenAddFunction(w_.m, name.c_str(), t_tuple(f.params), results, f.vars.data(), BinaryenIndex(f.vars.size()), body);
}

Ex CodeGen::dispatch(Ex sel, std::vector<Ex> cases) {
  if (cases.empty()) return w_.drop(sel);
  std::string def = label("default");
  std::vector<std::string> names;
  for (size_t i = 0; i < cases.size(); ++i) names.push_back(label("case"));
  std::vector<const char*> cn;
  for (auto& s : names) cn.push_back(s.c_str());
  Ex inner = BinaryenSwitch(w_.m, cn.data(), BinaryenIndex(cn.size()), def.c_str(), sel, nullptr);
  for (size_t i = 0; i < cases.size(); ++i) inner = w_.seq({w_.named(names[i], {inner}, t_none()), cases[i], w_.br(def)}, t_none());
  return w_.named(def, {inner}, t_none());
}

Ex CodeGen::node_id(Fn& f, BlockId b, uint32_t k) { return w_.ld32(w_.get(0, t_i32()), lp_.blocks[b].ids_offset + 4 * k); }

void CodeGen::gen_function(FuncId fid) {
  const FuncInfo& fi = p_.funcs[fid];
  Fn f;
  f.module = fi.module;
  f.env_block = fi.env_block;
  f.params.push_back(t_i32());
  const TypeInfo& ti = p_.types.info(fi.type);
  for (size_t i = 0; i < fi.params.size(); ++i) {
    f.params.push_back(wtype(ti.params[i]));
    f.locals[fi.params[i]] = uint32_t(1 + i);
  }
  const Node& fn = node(fi.module, fi.node);
  WType ret = wtype(ti.ret);
  Ex pro = prologue(f, fid);
  Ex body;
  if (fn.flags & kExprBody) {
    body = expr(f, fn.kid(1));
    if (ret == t_none() && wtype(type_of(f, fn.kid(1))) != t_none()) body = w_.drop(body);
    else if (ret != t_none()) body = w_.seq({pro, body}, ret);
  } else {
    body = stmt(f, fn.kid(1));
    if (ret != t_none()) body = w_.seq({body, w_.unreachable()});
  }
  if (ret == t_none() || !(fn.flags & kExprBody)) body = w_.seq({pro, body});
  add_function(fn_name(fid), f, ret, body);
}

void CodeGen::gen_memo_getter(SymId memo) {
  const Symbol& s = p_.symbols[memo];
  uint32_t deps = 0;
  for (auto& [mm, d] : lp_.blocks[s.block].memo_deps) if (mm == memo) deps = d;
  Fn f;
  f.module = s.module;
  f.env_block = s.block;
  f.params.push_back(t_i32());
  WType wt = wtype(s.type);
  uint32_t v = f.add_var(wt);
  auto inst = [&] { return w_.get(0, t_i32()); };
  // Read in a handler after a write, before the flush: recompute now, as Solid does.
  Ex refresh = w_.seq({w_.set(v, w_.call(fn_name(s.func), {inst()}, wt)),
                       w_.if_(w_.eqz(equal(f, w_.get(v, wt), load_typed(inst(), s.offset, s.type), s.type)),
                              w_.seq({store_typed(inst(), inst(), s.offset, w_.get(v, wt), s.type, false),
                                      w_.call(rt["dx_invalidate"], {inst(), w_.u32(s.bit)}, t_none())}))},
                      t_none());
  Ex body = w_.seq({w_.if_(w_.and_(w_.ld32(inst(), 16), w_.u32(deps)), refresh), load_typed(inst(), s.offset, s.type)}, wt);
  add_function(memo_name(memo), f, wt, body);
}

Ex CodeGen::create_child(Fn& f, BlockId owner, BlockId child, const BindingIR& x, Ex anchor) {
  uint32_t c = f.add_var(t_i32());
  auto inst = [&] { return w_.get(0, t_i32()); };
  std::vector<Ex> xs{w_.set(c, w_.call(rt["dx_new_instance"], {w_.u32(shape_index_of_block(child)), w_.u32(child), inst()}, t_i32())),
                     w_.st32(inst(), x.field, w_.get(c, t_i32()))};
  if (x.kind == BindKind::Component && p_.blocks[child].children_instance) {  // who renders {props.children}
    const BlockInfo& cb = p_.blocks[child];
    xs.push_back(w_.st32(w_.get(c, t_i32()), cb.children_offset, w_.u32(x.children == kNoId ? 0xFFFFFFFFu : x.children)));
    xs.push_back(w_.st32(w_.get(c, t_i32()), cb.children_offset + 4, inst()));
  }
  if (x.kind == BindKind::Component)
    for (const PropIR& pr : x.props) {
      Ex v = pr.expr == kNoNode ? w_.i32(1) : expr_as(f, pr.expr, pr.type);
      xs.push_back(store_typed(w_.get(c, t_i32()), w_.get(c, t_i32()), pr.offset, v, pr.type, false));
    }
  if (x.kind == BindKind::Component && p_.blocks[child].props != kNoId &&
      p_.types.kind(p_.symbols[p_.blocks[child].props].type) == TypeKind::Record) {  // an omitted optional number/boolean prop is undefined
    const Types& T = p_.types;
    const Shape& sh = T.shape_info(T.info(p_.symbols[p_.blocks[child].props].type).shape);
    for (auto& [name, off] : p_.blocks[child].prop_offsets) {
      const Field* fl = sh.find(name);
      bool given = false;
      for (const PropIR& pr : x.props) given |= pr.name == name;
      if (fl && !given && !T.is_ref(fl->type) && (T.nullable(fl->type) & kOrUndefined))
        xs.push_back(store_typed(w_.get(c, t_i32()), w_.get(c, t_i32()), off, nullish_const(fl->type, false), fl->type, false));
    }
  }
  xs.push_back(w_.call(create_name(child), {w_.get(c, t_i32())}, t_none()));
  xs.push_back(w_.call(rt["dx_mount"], {w_.get(c, t_i32()), w_.i32(0), anchor}, t_none()));
  return w_.seq(xs, t_none());
}

// Show / Switch / Dynamic: one of `cases` (the instance in x.field; which one in x.field2, 1-based, 0 for
// none) sits at the anchor. Create: show the case `which()` picks. Update: when what the choice reads changed
// and it picks another case, destroy the shown one and create the new one; then pass the mask on to the
// shown case when it reads something that changed.
Ex CodeGen::choose_branch(Fn& f, const BindingIR& x, BlockId b, bool initial, const std::vector<BlockId>& cases,
                          const std::function<Ex()>& which) {
  uint32_t sel = f.add_var(t_i32());
  auto inst = [&] { return w_.get(0, t_i32()); };
  auto m = [&] { return w_.get(f.mask_local, t_i32()); };
  auto make = [&]() {
    Ex e = nullptr;
    for (size_t k = cases.size(); k-- > 0;)
      e = w_.if_(w_.eq32(w_.get(sel, t_i32()), w_.u32(uint32_t(k + 1))), create_child(f, b, cases[k], x, node_id(f, b, x.node)), e);
    return e ? e : w_.nop();
  };
  if (initial) return w_.seq({w_.set(sel, which()), w_.st32(inst(), x.field2, w_.get(sel, t_i32())), make()}, t_none());
  uint32_t cur = f.add_var(t_i32());
  Ex switch_branch = w_.if_(
      w_.and_(m(), w_.u32(x.deps)),
      w_.seq({w_.set(sel, which()),
              w_.if_(w_.ne32(w_.get(sel, t_i32()), w_.ld32(inst(), x.field2)),
                     w_.seq({w_.set(cur, w_.ld32(inst(), x.field)),
                             w_.if_(w_.get(cur, t_i32()), w_.call(rt["dx_destroy"], {w_.get(cur, t_i32())}, t_none())),
                             w_.st32(inst(), x.field, w_.i32(0)), w_.st32(inst(), x.field2, w_.get(sel, t_i32())), make()}))}));
  Ex update = nullptr;
  for (size_t k = cases.size(); k-- > 0;)
    update = w_.if_(w_.eq32(w_.ld32(inst(), x.field2), w_.u32(uint32_t(k + 1))),
                    w_.call(update_name(cases[k]), {w_.get(cur, t_i32()), m()}, t_none()), update);
  if (!update) return switch_branch;
  Ex update_branch = w_.if_(w_.and_(m(), w_.u32(x.child_deps)), w_.seq({w_.set(cur, w_.ld32(inst(), x.field)), update}));
  return w_.seq({switch_branch, update_branch}, t_none());
}

// Which case of a <Dynamic> its component expression picks: conditionals evaluated, leaves numbered by analyze.
Ex CodeGen::dynamic_case(Fn& f, NodeId e) {
  const Node& x = node(f.module, e);
  if (x.kind == NodeKind::Conditional)
    return w_.if_(truthy(f, expr(f, x.kid(0)), type_of(f, x.kid(0))), dynamic_case(f, x.kid(1)), dynamic_case(f, x.kid(2)));
  const auto& leaves = p_.modules[f.module]->dynamic_leaves;
  auto it = leaves.find(e);
  return w_.u32(it == leaves.end() ? 0 : it->second);
}

// style={{ color: c(), "font-size": size }}: the declarations as the browser's cssText writes them,
// "color: red; font-size: 12px;"; a null or undefined value leaves its property out, as Solid does.
Ex CodeGen::style_text(Fn& f, NodeId obj) {
  auto& T = p_.types;
  uint32_t acc = f.add_var(t_i32());
  auto cat = [&](Ex a, Ex b) { return w_.call(rt["dx_str_concat"], {a, b}, t_i32()); };
  std::vector<Ex> xs{w_.set(acc, str_const(""))};
  for (NodeId k : node(f.module, obj).kids) {
    const Node& kn = node(f.module, k);
    TypeId vt = type_of(f, kn.kid(0));
    auto add = [&](Ex text) {  // acc = (acc ? acc + " " : "") + "name: " + text + ";"
      Ex sep = w_.if_(w_.ld32(w_.get(acc, t_i32()), 8), cat(w_.get(acc, t_i32()), str_const(" ")), w_.get(acc, t_i32()));
      return w_.set(acc, cat(cat(sep, str_const(std::string(kn.text) + ": ")), cat(text, str_const(";"))));
    };
    if (!T.nullable(vt)) { xs.push_back(add(to_str(f, expr(f, kn.kid(0)), vt))); continue; }
    WType wt = wtype(vt);
    uint32_t v = f.add_var(wt);
    xs.push_back(w_.if_(w_.eqz(is_nullish(w_.tee(v, expr(f, kn.kid(0)), wt), vt)), add(to_str(f, w_.get(v, wt), T.non_null(vt)))));
  }
  xs.push_back(w_.get(acc, t_i32()));
  return w_.seq(xs, t_i32());
}

// A nullable string for the DOM: "" for null and undefined.
Ex CodeGen::or_empty(Fn& f, Ex v, TypeId t) {
  if (!p_.types.is_ref(t))
    return unless_nullish(f, v, t, [&](Ex x) { return to_str(f, x, p_.types.non_null(t)); }, [&](bool) { return str_const(""); });
  uint32_t tmp = f.add_var(t_i32());
  return w_.if_(w_.bin(BinaryenGtUInt32(), w_.tee(tmp, v, t_i32()), w_.i32(1)), to_str(f, w_.get(tmp, t_i32()), p_.types.non_null(t)), str_const(""));
}

// class={c ? "on" : undefined}: a null or undefined class removes the attribute, as Solid does (a string, ""
// too, sets it). A cached binding keeps the value as it is (0 undefined, 1 null) and sends an op only when it
// changes: from one string to another, or between a string and none.
Ex CodeGen::nullable_class(Fn& f, const BindingIR& x, BlockId b, bool initial) {
  auto& T = p_.types;
  TypeId vt = p_.type_of(p_.blocks[b].module, x.expr);
  uint32_t v = f.add_var(t_i32());
  auto cur = [&] { return w_.get(v, t_i32()); };
  auto inst = [&] { return w_.get(0, t_i32()); };
  Ex is_str = w_.bin(BinaryenGtUInt32(), cur(), w_.i32(1));
  // (the template element has no class: at creation, none needs no op)
  Ex remove = initial ? w_.nop() : w_.call(rt["dx_attr_remove"], {node_id(f, b, x.node), str_const("class")}, t_none());
  Ex send = w_.if_(is_str, w_.call(rt["dx_class"], {node_id(f, b, x.node), to_str(f, cur(), T.non_null(vt))}, t_none()), remove);
  if (!x.cache) return w_.seq({w_.set(v, expr(f, x.expr)), send}, t_none());
  Ex store = store_typed(inst(), inst(), x.cache, cur(), vt, false);
  if (initial) return w_.seq({w_.set(v, expr(f, x.expr)), store, send}, t_none());
  uint32_t old = f.add_var(t_i32());
  auto prev = [&] { return w_.get(old, t_i32()); };
  Ex both_str = w_.bin(BinaryenAndInt32(), w_.bin(BinaryenGtUInt32(), cur(), w_.i32(1)), w_.bin(BinaryenGtUInt32(), prev(), w_.i32(1)));
  Ex same = w_.if_(w_.eq32(cur(), prev()), w_.i32(1),
                   w_.if_(both_str, w_.call(rt["dx_str_eq"], {cur(), prev()}, t_i32()), w_.i32(0)));
  return w_.seq({w_.set(v, expr(f, x.expr)), w_.set(old, w_.ld32(inst(), x.cache)), w_.if_(w_.eqz(same), w_.seq({store, send}, t_none()))},
                t_none());
}

Ex CodeGen::binding_value(Fn& f, const BindingIR& x, BlockId b, bool initial) {
  auto& T = p_.types;
  Ex nid = node_id(f, b, x.node);
  auto inst = [&] { return w_.get(0, t_i32()); };
  auto name = [&]() { return str_const(x.name); };
  auto value = [&]() { return expr(f, x.expr); };
  TypeId vt = x.expr == kNoNode ? 0 : p_.type_of(p_.blocks[b].module, x.expr);
  // The DOM op `fn(args…, v)`; a cached binding (BindingIR::cache) keeps v and, on update, sends the op only
  // when v differs from the last value (strings by content, `flag` values as u32).
  auto op = [&](const char* fn, std::vector<Ex> args, Ex v, bool flag) -> Ex {
    if (!x.cache) {
      args.push_back(v);
      return w_.call(rt[fn], args, t_none());
    }
    uint32_t tmp = f.add_var(t_i32());
    auto cur = [&] { return w_.get(tmp, t_i32()); };
    args.push_back(cur());
    Ex store = flag ? w_.st32(inst(), x.cache, cur()) : store_typed(inst(), inst(), x.cache, cur(), T.string(), false);
    Ex call = w_.call(rt[fn], args, t_none());
    if (initial && x.kind == BindKind::Class)  // the template element has no class: "" needs no op
      return w_.seq({w_.set(tmp, v), store, w_.if_(w_.ld32(cur(), 8), call)}, t_none());
    Ex send = w_.seq({store, call}, t_none());
    if (initial) return w_.seq({w_.set(tmp, v), send}, t_none());
    Ex same = flag ? w_.eq32(cur(), w_.ld32(inst(), x.cache))
                   : w_.if_(w_.eq32(cur(), w_.ld32(inst(), x.cache)), w_.i32(1),
                            w_.call(rt["dx_str_eq"], {cur(), w_.ld32(inst(), x.cache)}, t_i32()));
    return w_.seq({w_.set(tmp, v), w_.if_(w_.eqz(same), send)}, t_none());
  };
  switch (x.kind) {
    case BindKind::Text: {
      if (x.number) {  // one number: TEXT_NUM, cached as the f64 (String(x) differs where x does, but for ±0)
        auto num = [&] { return expr(f, x.parts[0].expr); };
        if (!x.cache) return w_.call(rt["dx_text_num"], {nid, num()}, t_none());
        uint32_t v = f.add_var(t_f64()), last = f.add_var(t_f64());
        auto cur = [&] { return w_.get(v, t_f64()); };
        auto old = [&] { return w_.get(last, t_f64()); };
        Ex send = w_.seq({w_.st64(inst(), x.cache, cur()), w_.call(rt["dx_text_num"], {nid, cur()}, t_none())}, t_none());
        if (initial) return w_.seq({w_.set(v, num()), send}, t_none());
        Ex same = w_.or_(w_.bin(BinaryenEqFloat64(), cur(), old()),  // equal, or both NaN
                         w_.and_(w_.bin(BinaryenNeFloat64(), cur(), cur()), w_.bin(BinaryenNeFloat64(), old(), old())));
        return w_.seq({w_.set(v, num()), w_.set(last, w_.ld64(inst(), x.cache)), w_.if_(w_.eqz(same), send)}, t_none());
      }
      Ex acc = nullptr;
      for (const TextPart& part : x.parts) {
        Ex s;
        if (!part.is_expr) s = str_const(part.text);
        else {
          TypeId pt = type_of(f, part.expr);
          // JSX renders true/false, null and undefined as nothing.
          s = T.kind(pt) == TypeKind::Boolean ? w_.seq({w_.drop(expr(f, part.expr)), str_const("")}, t_i32())
              : T.nullable(pt)                ? or_empty(f, expr(f, part.expr), pt)
                                              : to_str(f, expr(f, part.expr), pt);
        }
        acc = acc ? w_.call(rt["dx_str_concat"], {acc, s}, t_i32()) : s;
      }
      return op("dx_text", {nid}, acc, false);
    }
    case BindKind::Attr:
      if (node(p_.blocks[b].module, x.expr).kind == NodeKind::ObjectLit)  // style={{ … }}
        return op("dx_attr", {nid, name()}, style_text(f, x.expr), false);
      if (T.nullable(vt) && !T.is_ref(vt))
        return unless_nullish(f, value(), vt, [&](Ex v) { return w_.call(rt["dx_attr"], {nid, name(), to_str(f, v, T.non_null(vt))}, t_none()); },
                              [&](bool) { return w_.call(rt["dx_attr_remove"], {node_id(f, b, x.node), name()}, t_none()); });
      if (T.nullable(vt)) {  // an attribute set to null or undefined is removed, as Solid does
        uint32_t v = f.add_var(t_i32());
        return w_.if_(w_.bin(BinaryenGtUInt32(), w_.tee(v, value(), t_i32()), w_.i32(1)),
                      w_.call(rt["dx_attr"], {nid, name(), to_str(f, w_.get(v, t_i32()), T.non_null(vt))}, t_none()),
                      w_.call(rt["dx_attr_remove"], {node_id(f, b, x.node), name()}, t_none()));
      }
      return w_.call(rt["dx_attr"], {nid, name(), to_str(f, value(), vt)}, t_none());
    case BindKind::BoolAttr:
      return w_.if_(truthy(f, value(), vt), w_.call(rt["dx_attr"], {nid, name(), str_const("")}, t_none()),
                    initial ? nullptr : w_.call(rt["dx_attr_remove"], {node_id(f, b, x.node), name()}, t_none()));
    case BindKind::Class:
      if (T.nullable(vt) && T.is_ref(vt)) return nullable_class(f, x, b, initial);
      return op("dx_class", {nid}, T.nullable(vt) ? or_empty(f, value(), vt) : to_str(f, value(), vt), false);
    case BindKind::ClassToggle: return op("dx_class_toggle", {nid, name()}, truthy(f, value(), vt), true);
    case BindKind::Prop: return op("dx_prop_str", {nid, name()}, T.nullable(vt) ? or_empty(f, value(), vt) : to_str(f, value(), vt), false);
    case BindKind::PropBool: return op("dx_prop_bool", {nid, name()}, truthy(f, value(), vt), true);
    case BindKind::Event: return initial ? w_.call(rt["dx_listen"], {nid, w_.u32(x.handler)}, t_none()) : w_.nop();
    case BindKind::Focus: return initial ? w_.call(rt["dx_focus"], {nid}, t_none()) : w_.nop();
    case BindKind::For: {
      Ex parent = x.has_anchor ? w_.i32(0) : nid;
      Ex anchor = x.has_anchor ? node_id(f, b, x.node) : w_.i32(0);
      Ex mask = initial ? w_.i32(0)
                        : w_.select(w_.and_(w_.get(f.mask_local, t_i32()), w_.u32(x.child_deps)),
                                    w_.get(f.mask_local, t_i32()), w_.i32(0), t_i32());
      Ex index = w_.u32(p_.blocks[x.child].index_offset);  // (item, i) => …: where the row keeps i(), else 0
      if (x.key == kNoNode)  // rows matched by item identity
        return w_.call(rt["dx_for"], {inst(), w_.u32(x.field), value(), w_.i32(0), w_.u32(x.child), parent, anchor, mask, index}, t_none());
      uint32_t items = f.add_var(t_i32());
      TypeId key_t = p_.types.info(type_of(f, x.key)).ret;
      Ex keys = array_loop(f, kNoNode, "map", w_.get(items, t_i32()), vt, x.key, key_t);
      return w_.seq({w_.set(items, value()),
                     w_.call(rt["dx_for"], {inst(), w_.u32(x.field), w_.get(items, t_i32()), keys, w_.u32(x.child), parent, anchor, mask, index},
                             t_none())},
                    t_none());
    }
    case BindKind::Index: {  // a list matched by position (dx_index)
      Ex parent = x.has_anchor ? w_.i32(0) : nid;
      Ex anchor = x.has_anchor ? node_id(f, b, x.node) : w_.i32(0);
      Ex mask = initial ? w_.i32(0)
                        : w_.select(w_.and_(w_.get(f.mask_local, t_i32()), w_.u32(x.child_deps)),
                                    w_.get(f.mask_local, t_i32()), w_.i32(0), t_i32());
      return w_.call(rt["dx_index"], {inst(), w_.u32(x.field), value(), w_.u32(x.child), parent, anchor, mask}, t_none());
    }
    case BindKind::Show: {
      if (x.child == kNoId)  // <For fallback> (lower.cpp): the fallback while the array is empty
        return choose_branch(f, x, b, initial, {x.fallback}, [&] { return w_.eqz(w_.ld32(value(), 8)); });
      std::vector<BlockId> cases{x.child};
      if (x.fallback != kNoId) cases.push_back(x.fallback);
      return choose_branch(f, x, b, initial, cases, [&] {
        return w_.select(truthy(f, value(), vt), w_.i32(1), w_.u32(x.fallback != kNoId ? 2 : 0), t_i32());
      });
    }
    case BindKind::Switch: {  // the first truthy `when`, else the fallback (the last case), else nothing
      std::vector<BlockId> cases = x.cases;
      if (x.fallback != kNoId) cases.push_back(x.fallback);
      return choose_branch(f, x, b, initial, cases, [&] {
        Ex e = w_.u32(x.fallback != kNoId ? uint32_t(cases.size()) : 0);
        for (size_t i = x.whens.size(); i-- > 0;)
          e = w_.if_(truthy(f, expr(f, x.whens[i]), type_of(f, x.whens[i])), w_.u32(uint32_t(i + 1)), e);
        return e;
      });
    }
    case BindKind::Dynamic: return choose_branch(f, x, b, initial, x.cases, [&] { return dynamic_case(f, x.expr); });
    case BindKind::Suspense: {  // its state: set by dx_suspense_open at creation, flipped by dx_suspense_release
      std::vector<BlockId> cases{x.child};
      if (x.fallback != kNoId) cases.push_back(x.fallback);
      return choose_branch(f, x, b, initial, cases, [&] {
        Ex state = initial ? w_.call(rt["dx_suspense_open"],
                                     {env_of(f, p_.blocks[b].component, kNoNode), w_.u32(x.deps), inst(), w_.u32(x.state),
                                      w_.u32(x.field), nid},
                                     t_i32())
                           : w_.ld32(inst(), x.state);
        if (x.fallback != kNoId) return state;
        return w_.select(w_.eq32(state, w_.u32(1)), w_.u32(1), w_.u32(0), t_i32());  // held, no fallback: nothing
      });
    }
    case BindKind::Portal: {  // a branch mounted into another node (dx_portal), never at one of our anchors
      if (!initial) return w_.call(update_name(x.child), {w_.ld32(inst(), x.field), w_.get(f.mask_local, t_i32())}, t_none());
      uint32_t c = f.add_var(t_i32());
      Ex target = x.mount == kNoNode ? str_const("")
                  : node(p_.blocks[b].module, x.mount).kind == NodeKind::StringLit ? str_const(std::string(node(p_.blocks[b].module, x.mount).text))
                                                                                 : expr(f, x.mount);
      return w_.seq({w_.set(c, w_.call(rt["dx_new_instance"], {w_.u32(shape_index_of_block(x.child)), w_.u32(x.child), inst()}, t_i32())),
                     w_.st32(inst(), x.field, w_.get(c, t_i32())), w_.call(create_name(x.child), {w_.get(c, t_i32())}, t_none()),
                     w_.call(rt["dx_portal"], {w_.get(c, t_i32()), target}, t_none())},
                    t_none());
    }
    case BindKind::Children: {
      if (!initial) return w_.nop();  // the caller updates its children
      const BlockInfo& self = p_.blocks[b];
      uint32_t blk = f.add_var(t_i32()), ci = f.add_var(t_i32());
      return w_.seq({w_.set(blk, w_.ld32(inst(), self.children_offset)),
                     w_.if_(w_.ne32(w_.get(blk, t_i32()), w_.u32(0xFFFFFFFFu)),
                            w_.seq({w_.set(ci, w_.call(rt["dx_new_instance"], {w_.add32(w_.get(blk, t_i32()), w_.u32(uint32_t(p_.types.shape_count()))),
                                                                              w_.get(blk, t_i32()), w_.ld32(inst(), self.children_offset + 4)}, t_i32())),
                                    w_.st32(inst(), x.field, w_.get(ci, t_i32())),
                                    w_.call("create$any", {w_.get(ci, t_i32())}, t_none()),
                                    w_.call(rt["dx_mount"], {w_.get(ci, t_i32()), w_.i32(0), nid}, t_none())}))},
                    t_none());
    }
    case BindKind::Component: {
      if (initial) return create_child(f, b, x.child, x, nid);
      std::vector<Ex> xs;
      uint32_t c = f.add_var(t_i32());
      xs.push_back(w_.set(c, w_.ld32(inst(), x.field)));
      if (x.children != kNoId) {  // the children this block passed render in the child, but read this block's state
        uint32_t ci = f.add_var(t_i32());
        xs.push_back(w_.if_(w_.and_(w_.get(f.mask_local, t_i32()), w_.u32(x.child_deps)),
                            w_.seq({w_.set(ci, w_.ld32(w_.get(c, t_i32()), p_.blocks[x.child].children_instance)),
                                    w_.if_(w_.get(ci, t_i32()),
                                           w_.call(update_name(x.children), {w_.get(ci, t_i32()), w_.get(f.mask_local, t_i32())}, t_none()))})));
      }
      for (const PropIR& pr : x.props) {
        if (!pr.deps || pr.expr == kNoNode) continue;
        WType wt = wtype(pr.type);
        uint32_t v = f.add_var(wt);
        Ex changed = w_.eqz(equal(f, w_.get(v, wt), load_typed(w_.get(c, t_i32()), pr.offset, pr.type), pr.type));
        xs.push_back(w_.if_(w_.and_(w_.get(f.mask_local, t_i32()), w_.u32(pr.deps)),
                            w_.seq({w_.set(v, expr_as(f, pr.expr, pr.type)),
                                    w_.if_(changed, w_.seq({store_typed(w_.get(c, t_i32()), w_.get(c, t_i32()), pr.offset, w_.get(v, wt), pr.type, false),
                                                            w_.call(rt["dx_invalidate"], {w_.get(c, t_i32()), w_.u32(pr.bit)}, t_none())}))})));
      }
      return w_.seq(xs, t_none());
    }
  }
  return w_.nop();
}

// Calls a block-local function for its effects, dropping a result it may return (`() => count()`).
Ex CodeGen::call_dropping(FuncId fn, Ex env) {
  WType ret = wtype(p_.types.info(p_.funcs[fn].type).ret);
  Ex c = w_.call(fn_name(fn), {env}, ret);
  return ret == t_none() ? c : w_.drop(c);
}

void CodeGen::gen_block(BlockId b) {
  const BlockInfo& bi = p_.blocks[b];
  const BlockIR& ir = lp_.blocks[b];
  {  // create
    Fn f;
    f.module = bi.module;
    f.env_block = b;
    f.params = {t_i32()};
    std::vector<Ex> xs;
    if (bi.item_pattern != kNoNode)  // ({ id, label }) => …: the row's item taken apart into its fields
      xs.push_back(destructure(f, bi.item_pattern, load_typed(w_.get(0, t_i32()), 24, p_.symbols[bi.item].type)));
    for (NodeId s : bi.body)
      xs.push_back(node(bi.module, s).kind == NodeKind::VarDecl ? block_decl(f, s) : stmt(f, s));
    xs.push_back(w_.call(rt["dx_clone"], {w_.get(0, t_i32()), w_.u32(ir.tpl_id), w_.u32(ir.ids_offset)}, t_none()));
    for (const BindingIR& x : ir.bindings) xs.push_back(binding_value(f, x, b, true));
    // Effects and onMount run once the block has rendered, in declaration order (as Solid runs them).
    for (auto& [fn, is_effect] : bi.effects) xs.push_back(call_dropping(fn, w_.get(0, t_i32())));
    add_function(create_name(b), f, t_none(), w_.seq(xs, t_none()));
  }
  {  // update
    Fn f;
    f.module = bi.module;
    f.env_block = b;
    f.params = {t_i32(), t_i32()};
    f.mask_local = f.add_var(t_i32());
    auto inst = [&] { return w_.get(0, t_i32()); };
    auto m = [&] { return w_.get(f.mask_local, t_i32()); };
    std::vector<Ex> xs;
    if (bi.kind == dx::schema::kBlockComponent) {
      xs.push_back(w_.set(f.mask_local, w_.ld32(inst(), 16)));
      xs.push_back(w_.st32(inst(), 16, w_.i32(0)));
    } else {
      xs.push_back(w_.set(f.mask_local, w_.get(1, t_i32())));
    }
    for (auto& [memo, deps] : ir.memo_deps) {
      const Symbol& s = p_.symbols[memo];
      WType wt = wtype(s.type);
      uint32_t v = f.add_var(wt);
      Ex changed = w_.eqz(equal(f, w_.get(v, wt), load_typed(inst(), s.offset, s.type), s.type));
      xs.push_back(w_.if_(w_.and_(m(), w_.u32(deps)),
                          w_.seq({w_.set(v, w_.call(fn_name(s.func), {inst()}, wt)),
                                  w_.if_(changed, w_.seq({store_typed(inst(), inst(), s.offset, w_.get(v, wt), s.type, false),
                                                          w_.set(f.mask_local, w_.or_(m(), w_.u32(s.bit)))}))})));
    }
    for (const BindingIR& x : ir.bindings) {
      bool branches = x.kind == BindKind::Show || x.kind == BindKind::Switch || x.kind == BindKind::Dynamic ||
                      x.kind == BindKind::Suspense;
      uint32_t relevant = x.deps;
      if (x.kind == BindKind::For || x.kind == BindKind::Index || x.kind == BindKind::Component || x.kind == BindKind::Portal)
        relevant |= x.child_deps;
      if (x.kind == BindKind::Event || (!branches && relevant == 0)) continue;
      if (branches) { xs.push_back(binding_value(f, x, b, false)); continue; }
      xs.push_back(w_.if_(w_.and_(m(), w_.u32(relevant)), binding_value(f, x, b, false)));
    }
    for (auto& [fn, deps] : ir.effect_deps)
      xs.push_back(w_.if_(w_.and_(m(), w_.u32(deps)), call_dropping(fn, inst())));
    add_function(update_name(b), f, t_none(), w_.seq(xs, t_none()));
  }
}

void CodeGen::gen_handler(uint32_t h) {
  const HandlerIR& hi = lp_.handlers[h];
  Fn f;
  f.module = hi.module;
  f.env_block = hi.block;
  f.params = {t_i32(), t_i32()};
  f.event_local = 1;
  Ex body;
  if (hi.fn != kNoId) {
    const FuncInfo& fi = p_.funcs[hi.fn];
    if (fi.event_param != kNoId) f.locals[fi.event_param] = 1;
    const Node& fn = node(fi.module, fi.node);
    Ex pro = prologue(f, hi.fn);
    if (fn.flags & kExprBody) {
      body = expr(f, fn.kid(1));
      if (wtype(type_of(f, fn.kid(1))) != t_none()) body = w_.drop(body);
    } else {
      body = stmt(f, fn.kid(1));
    }
    body = w_.seq({pro, body});
  } else {
    const Node& e = node(hi.module, hi.expr);
    SymId s = e.kind == NodeKind::Identifier ? p_.ref_of(hi.module, hi.expr) : kNoId;
    if (s != kNoId && p_.symbols[s].kind == SymKind::Function) {
      const FuncInfo& fi = p_.funcs[p_.symbols[s].func];
      std::vector<Ex> ops{fi.env_block == kNoId ? w_.i32(0) : env_of(f, fi.env_block, hi.expr)};
      if (fi.params.size() == 1) ops.push_back(w_.get(1, t_i32()));
      body = w_.call(fn_name(p_.symbols[s].func), ops, wtype(p_.types.info(fi.type).ret));
      if (wtype(p_.types.info(fi.type).ret) != t_none()) body = w_.drop(body);
    } else {
      TypeId ft = p_.type_of(hi.module, hi.expr);
      const TypeInfo& ti = p_.types.info(ft);
      uint32_t c = f.add_var(t_i32());
      std::vector<Ex> ops{w_.ld32(w_.get(c, t_i32()), 12)};
      std::vector<WType> ps{t_i32()};
      if (ti.params.size() == 1) { ops.push_back(w_.get(1, t_i32())); ps.push_back(t_i32()); }
      Ex ci = BinaryenCallIndirect(w_.m, table_name.c_str(), w_.ld32(w_.get(c, t_i32()), 8), ops.data(), BinaryenIndex(ops.size()),
                                   t_tuple(ps), wtype(ti.ret));
      if (wtype(ti.ret) != t_none()) ci = w_.drop(ci);
      body = w_.seq({w_.set(c, expr(f, hi.expr)), ci}, t_none());
    }
  }
  add_function(handler_name(h), f, t_none(), body);
}

void CodeGen::generate_all() {
  for (FuncId fid = 0; fid < p_.funcs.size(); ++fid) {
    const FuncInfo& fi = p_.funcs[fid];
    if (fi.role == FuncRole::Handler || fi.type == 0) continue;
    gen_function(fid);
  }
  for (const BlockInfo& b : p_.blocks)
    for (SymId memo : b.memos) gen_memo_getter(memo);
  for (BlockId b = 0; b < p_.blocks.size(); ++b) gen_block(b);
  for (uint32_t h = 0; h < lp_.handlers.size(); ++h) gen_handler(h);

  // Dispatchers. Up to kTableDispatch blocks and handlers: a br_table over direct calls (Binaryen inlines the
  // single-caller targets into it). Above that, call_indirect through the function table: a br_table is one
  // nested block per case, Binaryen's passes are superlinear in that nesting and in the size of the function
  // that single-caller inlining folds every target into (tools/bench/compile: optimizer CPU 9.1 s → 3.6 s,
  // app.wasm −4 %). Ids come from app.dxb, so they are in range; a bad one traps instead of doing nothing.
  constexpr size_t kTableDispatch = 64;
  bool by_table = p_.blocks.size() > kTableDispatch || lp_.handlers.size() > kTableDispatch;
  auto via_table = [&](Ex sel, const std::vector<std::string>& fns, std::vector<Ex> args, WType params) {
    uint32_t base = table_base + uint32_t(table_funcs.size());
    table_funcs.insert(table_funcs.end(), fns.begin(), fns.end());
    return BinaryenCallIndirect(w_.m, table_name.c_str(), w_.add32(sel, w_.u32(base)), args.data(), BinaryenIndex(args.size()),
                                params, t_none());
  };
  std::vector<Ex> creates, updates, handlers;
  std::vector<std::string> create_fns, update_fns, handler_fns;
  for (BlockId b = 0; b < p_.blocks.size(); ++b) {
    create_fns.push_back(create_name(b));
    update_fns.push_back(update_name(b));
    creates.push_back(w_.call(create_name(b), {w_.get(0, t_i32())}, t_none()));
    updates.push_back(w_.call(update_name(b), {w_.get(0, t_i32()), w_.get(1, t_i32())}, t_none()));
  }
  for (uint32_t h = 0; h < lp_.handlers.size(); ++h) {
    handler_fns.push_back(handler_name(h));
    handlers.push_back(w_.call(handler_name(h), {w_.get(1, t_i32()), w_.get(2, t_i32())}, t_none()));
  }
  Ex block_of = w_.ld32(w_.get(0, t_i32()), 8);
  // One create dispatch, called by the runtime (the hook) and by generated code (a component creates the
  // children block its caller passed).
  Fn any;
  any.params = {t_i32()};
  add_function("create$any", any, t_none(),
               by_table ? via_table(block_of, create_fns, {w_.get(0, t_i32())}, t_i32()) : dispatch(block_of, creates));
  hooks["dxgen_block_create"] = {t_i32(), t_none(), w_.call("create$any", {w_.get(0, t_i32())}, t_none()), {}};
  Ex upd_sel = w_.ld32(w_.get(0, t_i32()), 8);
  hooks["dxgen_block_update"] = {t_tuple({t_i32(), t_i32()}), t_none(),
                                 by_table ? via_table(upd_sel, update_fns, {w_.get(0, t_i32()), w_.get(1, t_i32())}, t_tuple({t_i32(), t_i32()}))
                                          : dispatch(upd_sel, updates), {}};
  hooks["dxgen_handler"] = {t_tuple({t_i32(), t_i32(), t_i32()}), t_none(),
                            by_table ? via_table(w_.get(0, t_i32()), handler_fns, {w_.get(1, t_i32()), w_.get(2, t_i32())}, t_tuple({t_i32(), t_i32()}))
                                     : dispatch(w_.get(0, t_i32()), handlers), {}};
  gen_globals_init();
  // The runtime's JS errors (JSON.parse): thrown as the app's own throws are (codegen_stmt.cpp: throw_stmt).
  Ex raise = w_.unreachable();
  if (p_.uses_try) {
    gen_error_new();
    Ex err = w_.call("error$new", {w_.get(0, t_i32()), w_.get(1, t_i32())}, t_i32());
    raise = BinaryenThrow(w_.m, "dx_exc", &err, 1);
  }
  hooks["dxgen_raise"] = {t_tuple({t_i32(), t_i32()}), t_none(), raise, {}};
}

// Module-level variables: one heap record (never freed) created before the first page, its fields set by
// the initializers in Program::globals order. Reads and writes find it through the runtime's `dx_globals()`.
void CodeGen::gen_globals_init() {
  if (p_.globals.empty()) {
    hooks["dxgen_globals_init"] = {t_none(), t_none(), w_.nop(), {}};
    return;
  }
  Fn g;
  g.params = {t_i32()};  // no environment: module level
  std::vector<Ex> xs{w_.drop(w_.call(rt["dx_new_globals"], {w_.u32(uint32_t(p_.globals_shape))}, t_i32()))};
  for (SymId s : p_.globals) {
    const Symbol& sym = p_.symbols[s];
    g.module = sym.module;
    xs.push_back(store_typed(globals(), globals(), sym.offset, expr(g, sym.init), sym.type, false));
  }
  add_function("globals$init", g, t_none(), w_.seq(xs, t_none()));
  hooks["dxgen_globals_init"] = {t_none(), t_none(), w_.call("globals$init", {w_.i32(0)}, t_none()), {}};
}

}  // namespace dxc::emit
