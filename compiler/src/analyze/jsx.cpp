// Components, block bodies (signals, memos, block-level variables and functions), JSX elements, handlers,
// and reactive dependencies. The control-flow components (<For>, <Show>, <Index>, <Switch>, <Portal>,
// <Dynamic>) are checked in jsx_control.cpp.
#include <algorithm>
#include <cctype>

#include "analyze/analyze.h"
#include "analyze/checker.h"
#include "dx/schema/dxb.h"

namespace dxc::analyze {

namespace {
uint32_t next_bit(BlockInfo& comp) { return 1u << (comp.next_bit++ % 32); }
bool is_event_attr(const std::string& name) { return name.size() > 2 && name[0] == 'o' && name[1] == 'n' && std::isupper((unsigned char)name[2]); }
}  // namespace

BlockId Checker::component_block(SymId comp) {
  if (auto it = component_blocks_.find(comp); it != component_blocks_.end()) return it->second;
  Symbol sym = p_.symbols[comp];
  ModuleId saved = mod_;
  mod_ = sym.module;
  NodeId fnode = sym.init != kNoNode ? sym.init : sym.decl;
  const Node& fn = node(fnode);
  BlockInfo b;
  b.kind = dx::schema::kBlockComponent;
  b.name = sym.name;
  b.module = mod_;
  b.func = fnode;
  BlockId id = p_.add_block(b);
  p_.blocks[id].component = id;
  component_blocks_[comp] = id;
  Ctx c;
  c.env_block = id;
  c.block = id;
  c.scope = new_scope(nullptr);
  c.in_block_body = true;
  const Node& ps = node(fn.kid(0));
  if (ps.kids.size() > 1) error(fn.kid(0), "DX0213", "a component takes one parameter, its props");
  if (!ps.kids.empty()) {
    const Node& pn = node(ps.kids[0]);
    bool pattern = pn.text.empty() && pn.kid(2) != kNoNode && node(pn.kid(2)).kind == NodeKind::ObjectPattern;
    if (pn.text.empty() && !pattern) {
      error(ps.kids[0], "DX0213", "a component's parameter is its props: `props`, or `{ title, count }` taken apart");
    } else if (pn.kid(0) == kNoNode) {
      error(ps.kids[0], "DX0230", "the props parameter needs a type annotation (an interface with the props)");
    } else {
      TypeId pt = resolve_type(mod_, pn.kid(0));
      if (p_.types.kind(pt) == TypeKind::Record) {
        Symbol ps_sym;
        ps_sym.kind = SymKind::Props;
        ps_sym.name = pattern ? "#props" : std::string(pn.text);
        ps_sym.module = mod_;
        ps_sym.decl = ps.kids[0];
        ps_sym.type = pt;
        ps_sym.block = id;
        SymId psid = p_.add_symbol(ps_sym);
        c.scope->names[ps_sym.name] = psid;
        BlockInfo& bb = p_.blocks[id];
        bb.props = psid;
        auto page = page_params_.find(comp);
        for (const Field& f : p_.types.shape_info(p_.types.info(pt).shape).fields) {
          if (page != page_params_.end() && f.name == "params") {  // the route's params (not stored: params.cpp)
            p_.blocks[id].params_shape = params_shape(pn.kid(0), f.type, &page->second);
            continue;
          }
          if (f.type == p_.types.jsx()) {
            if (f.name != "children") { error(pn.kid(0), "DX0239", "JSX props other than `children` are not supported yet ('" + f.name + "')"); continue; }
            bb.children_offset = bb.alloc_field(4);
            bb.alloc_field(4);  // the caller's instance, right after the block id
            bb.children_instance = bb.alloc_field(4);
            continue;
          }
          bb.prop_bits.push_back({f.name, next_bit(bb)});
          bb.prop_offsets.push_back({f.name, bb.alloc_field(p_.types.wasm(f.type) == WasmType::F64 ? 8 : 4)});
        }
        bb.children_optional = true;  // `children` may always be omitted (the optional form is the usual one)
        if (pattern) destructured_props(c, id, pn.kid(2), pt);
      } else if (pt != p_.types.error()) {
        error(pn.kid(0), "DX0213", "props must be an interface or object type");
      }
    }
  }
  check_block_body(c, id, fn.kid(1), fn.flags & kExprBody);
  mod_ = saved;
  return id;
}

// `function Card({ title, count: n }: CardProps)`: each name reads its prop, as `props.title` would — a field
// of the component instance with the prop's offset and bit, so it stays reactive (Solid's destructuring would
// read the prop once); `{ size = 10 }` reads the default where the prop is undefined. Nesting, `...rest`,
// `children` and a page's `params` are refused.
void Checker::destructured_props(Ctx& c, BlockId comp, NodeId pattern, TypeId pt) {
  const BlockInfo& bb = p_.blocks[comp];
  const Shape& sh = p_.types.shape_info(p_.types.info(pt).shape);
  for (NodeId k : node(pattern).kids) {
    const Node& kn = node(k);
    if (kn.kind != NodeKind::PatternProp || node(kn.kid(0)).kind != NodeKind::Identifier) {
      error(k, "DX0213", "props are taken apart into plain names: `{ title, count: n }`");
      if (kn.kind == NodeKind::PatternProp) bind_pattern(c, kn.kid(0), p_.types.error(), false, true);  // its names: no more errors
      continue;
    }
    std::string field(kn.text);
    const Field* fd = sh.find(field);
    if (!fd) { error(k, "DX0233", "property '" + field + "' does not exist on type '" + p_.types.name(pt) + "'"); continue; }
    uint32_t offset = 0, bit = 0;
    for (auto& [nm, off] : bb.prop_offsets) if (nm == field) offset = off;
    for (auto& [nm, b] : bb.prop_bits) if (nm == field) bit = b;
    if (!offset) {
      error(k, "DX0213", "`" + field + "` cannot be taken apart here: read props." + field + " (take `props`)");
      continue;
    }
    Symbol f;
    f.kind = SymKind::Field;
    f.name = std::string(node(kn.kid(0)).text);
    f.module = mod_;
    f.decl = kn.kid(0);
    f.type = fd->type;
    if (kn.kid(1) != kNoNode) {  // `{ size = 10 }`: the default when the prop is undefined, at each read (codegen)
      auto& T = p_.types;
      TypeId want = T.can_be_nullable(fd->type) ? T.with_nullable(fd->type, T.nullable(fd->type) & ~kOrUndefined) : fd->type;
      TypeId dt = check_expr(c, kn.kid(1), want);
      if (!assignable(dt, want) && T.kind(dt) != TypeKind::Error)
        error(kn.kid(1), "DX0234", "the default is '" + T.name(dt) + "', the prop '" + T.name(want) + "'");
      f.type = want;
      f.init = kn.kid(1);
    }
    f.block = comp;
    f.offset = offset;
    f.bit = bit;
    SymId id = p_.add_symbol(f);
    c.scope->names[f.name] = id;
    module().ref[kn.kid(0)] = id;
  }
}

// The record type `t` of a page's `props.params`, of `useParams<T>()`, of `useSearchParams<T>()` or of
// `useFormData<T>()` (`what` names its fields) at node `at`: string fields only, each one of the route's params
// when the page's route is known (`route`). kNoId after reporting it.
ShapeId Checker::params_shape(NodeId at, TypeId t, const std::vector<std::string>* route, const std::string& what) {
  auto& T = p_.types;
  const char* code = route ? "DX0274" : "DX0275";
  if (T.kind(t) != TypeKind::Record) {
    const char* example = what == "search param" ? "{ q: string }" : what == "form field" ? "{ name: string }" : "{ slug: string }";
    if (t != T.error()) error(at, code, what + "s are a record of strings: `" + example + "`, not '" + T.name(t) + "'");
    return kNoId;
  }
  ShapeId s = T.info(t).shape;
  for (const Field& f : T.shape_info(s).fields) {
    if (f.type != T.string()) {
      error(at, code, what + " '" + f.name + "' is '" + T.name(f.type) + "': " + what + "s are strings (convert with Number(…) where needed)");
      return kNoId;
    }
    if (route && std::find(route->begin(), route->end(), f.name) == route->end()) {
      std::string names;
      for (const std::string& r : *route) names += (names.empty() ? "" : ", ") + r;
      error(at, code, "this page's route has no param '" + f.name + "'" + (route->empty() ? " (it has none)" : " (it has: " + names + ")"));
      return kNoId;
    }
  }
  return s;
}

// The names a refused declaration binds (a name, or the names of an array or object pattern, nested), declared
// with the error type all the same: their uses then report nothing more.
void Checker::declare_failed(Ctx& c, NodeId target) {
  if (target == kNoNode) return;
  const Node& x = node(target);
  if (x.kind == NodeKind::ArrayPattern || x.kind == NodeKind::ObjectPattern) {
    for (NodeId k : x.kids) declare_failed(c, k);
    return;
  }
  if (x.kind == NodeKind::PatternProp || x.kind == NodeKind::Spread) {  // `{ a: b = 1 }`, `...rest`
    declare_failed(c, x.kid(0));
    return;
  }
  if (x.kind != NodeKind::Identifier && !(x.kind == NodeKind::Param && !x.text.empty())) return;  // (a parameter by its name)
  Symbol f;
  f.kind = SymKind::Local;
  f.name = std::string(x.text);
  f.module = mod_;
  f.decl = target;
  f.type = p_.types.error();
  SymId fid = p_.add_symbol(f);
  c.scope->names[f.name] = fid;
  module().ref[target] = fid;
}

void Checker::check_block_var(Ctx& c, NodeId dk, bool is_const) {
  const Node& d = node(dk);
  auto& T = p_.types;
  BlockInfo& comp = p_.blocks[p_.blocks[c.block].component];
  NodeId init = d.kid(2);
  const Node* in = init != kNoNode ? &node(init) : nullptr;
  Builtin bi = Builtin::None;
  if (in && in->kind == NodeKind::Call && node(in->kid(0)).kind == NodeKind::Identifier) {
    SymId cs = lookup(c.scope, std::string(node(in->kid(0)).text));
    if (cs != kNoId && p_.symbols[cs].kind == SymKind::Builtin) {
      bi = p_.symbols[cs].builtin;
      set_ref(in->kid(0), cs);
    }
  }
  const Node& target = node(d.kid(0));
  if (bi == Builtin::CreateSignal) {
    if (p_.blocks[c.block].kind != dx::schema::kBlockComponent) {
      error(init, "DX0217", "createSignal inside a <For> row is not supported yet; keep the state in the component");
      return;
    }
    bool names = target.kind == NodeKind::ArrayPattern && (target.kids.size() == 1 || target.kids.size() == 2);
    for (size_t k = 0; names && k < target.kids.size(); ++k) names = node(target.kids[k]).kind == NodeKind::Identifier;
    if (!names || !is_const) {  // `const [value] = createSignal(…)` (a signal never set) is fine too
      error(d.kid(0), "DX0216", "write `const [value, setValue] = createSignal(initial)`");
      declare_failed(c, d.kid(0));
      return;
    }
    std::vector<NodeId> args(in->kids.size() > 2 ? in->kids.begin() + 2 : in->kids.end(), in->kids.end());
    if (args.size() != 1) { error(init, "DX0216", "createSignal takes one argument, the initial value"); return; }
    TypeId st = 0;
    if (in->kid(1) != kNoNode) {
      const Node& ta = node(in->kid(1));
      if (ta.kids.size() == 1) st = resolve_type(mod_, ta.kids[0]);
    }
    TypeId it = check_expr(c, args[0], st);
    if (!st) st = it;
    else if (!assignable(it, st)) error(args[0], "DX0234", "initial value '" + T.name(it) + "' is not a '" + T.name(st) + "'");
    if (T.kind(st) == TypeKind::Error) return;
    if (T.wasm(st) == WasmType::None) { error(init, "DX0234", "a signal cannot hold '" + T.name(st) + "'"); return; }
    if (T.kind(st) == TypeKind::Null || T.kind(st) == TypeKind::Undefined) {
      error(init, "DX0236", "give the signal a type: e.g. createSignal<Todo | null>(null)");
      return;
    }
    Symbol sig;
    sig.kind = SymKind::Signal;
    sig.name = std::string(node(target.kids[0]).text);
    sig.module = mod_;
    sig.decl = target.kids[0];
    sig.type = st;
    sig.block = c.block;
    sig.bit = next_bit(comp);
    sig.offset = p_.blocks[c.block].alloc_field(T.wasm(st) == WasmType::F64 ? 8 : 4);
    sig.init = args[0];
    SymId sid = p_.add_symbol(sig);
    c.scope->names[sig.name] = sid;
    p_.blocks[c.block].fields.push_back(sid);
    module().ref[target.kids[0]] = sid;
    if (target.kids.size() == 1) return;
    Symbol set;
    set.kind = SymKind::Setter;
    set.name = std::string(node(target.kids[1]).text);
    set.module = mod_;
    set.decl = target.kids[1];
    set.type = T.void_();
    set.block = c.block;
    set.signal = sid;
    SymId tid = p_.add_symbol(set);
    c.scope->names[set.name] = tid;
    module().ref[target.kids[1]] = tid;
    return;
  }
  // `const { title, count: n } = props` in a component's body: as if the parameter took them apart (each name a
  // read of its prop, reactive: destructured_props).
  if (target.kind == NodeKind::ObjectPattern && in && in->kind == NodeKind::Identifier &&
      p_.blocks[c.block].kind == dx::schema::kBlockComponent) {
    SymId ps = lookup(c.scope, std::string(in->text));
    if (ps != kNoId && p_.symbols[ps].kind == SymKind::Props && p_.symbols[ps].block == c.block) {
      set_ref(init, ps);
      if (!is_const) {
        error(d.kid(0), "DX0213", "props are read-only: take them apart with `const`");
        declare_failed(c, d.kid(0));
        return;
      }
      if (d.kid(1) != kNoNode) resolve_type(mod_, d.kid(1));  // (the annotation is the props' type; nothing to check)
      destructured_props(c, c.block, d.kid(0), p_.symbols[ps].type);
      return;
    }
  }
  if (target.kind != NodeKind::Identifier) {
    if (bi != Builtin::None || init == kNoNode || (target.kind != NodeKind::ObjectPattern && target.kind != NodeKind::ArrayPattern)) {
      error(d.kid(0), "DX0235", "destructuring a call of '" + std::string(in ? node(in->kid(0)).text : "") + "' is not supported");
      declare_failed(c, d.kid(0));
      return;
    }
    // const { a, b } = record: fields of the instance, set once when it is created (codegen_stmt.cpp: block_decl).
    TypeId ann = d.kid(1) != kNoNode ? resolve_type(mod_, d.kid(1)) : 0;
    TypeId it = check_init(c, init, d.kid(1), ann);
    if (ann && !assignable(it, ann)) error(init, "DX0234", "cannot initialize a '" + T.name(ann) + "' with a '" + T.name(it) + "'");
    bind_pattern(c, d.kid(0), d.kid(1) != kNoNode ? ann : it, !is_const, true);
    return;
  }
  std::string name(target.text);
  if (bi == Builtin::CreateSelector) {  // const isSelected = createSelector(selected)
    std::vector<NodeId> args(in->kids.size() > 2 ? in->kids.begin() + 2 : in->kids.end(), in->kids.end());
    SymId src = args.size() == 1 && node(args[0]).kind == NodeKind::Identifier ? lookup(c.scope, std::string(node(args[0]).text)) : kNoId;
    if (src == kNoId || (p_.symbols[src].kind != SymKind::Signal && p_.symbols[src].kind != SymKind::Memo)) {
      error(init, "DX0216", "write `const isSelected = createSelector(signal)` with a signal or memo getter (no call)");
      return;
    }
    module().ref[args[0]] = src;
    Symbol sel;
    sel.kind = SymKind::Selector;
    sel.name = name;
    sel.module = mod_;
    sel.decl = d.kid(0);
    sel.type = T.boolean();
    sel.signal = src;
    SymId id = p_.add_symbol(sel);
    if (c.scope->names.count(name)) error(d.kid(0), "DX0207", "'" + name + "' is declared twice");
    c.scope->names[name] = id;
    module().ref[d.kid(0)] = id;
    return;
  }
  if (bi == Builtin::CreateMemo) {
    std::vector<NodeId> args(in->kids.size() > 2 ? in->kids.begin() + 2 : in->kids.end(), in->kids.end());
    if (p_.blocks[c.block].kind != dx::schema::kBlockComponent) { error(init, "DX0217", "createMemo inside a <For> row is not supported yet"); return; }
    if (args.size() != 1 || (node(args[0]).kind != NodeKind::Arrow && node(args[0]).kind != NodeKind::FunctionExpr) ||
        !node(node(args[0]).kid(0)).kids.empty()) {
      error(init, "DX0216", "write `const value = createMemo(() => expression)`");
      return;
    }
    FuncId f = check_closure(c, args[0], 0, FuncRole::Local);
    TypeId mt = p_.funcs[f].type ? T.info(p_.funcs[f].type).ret : T.error();
    if (T.kind(mt) == TypeKind::Error) return;
    if (T.wasm(mt) == WasmType::None) { error(args[0], "DX0234", "a memo must return a value"); return; }
    Symbol memo;
    memo.kind = SymKind::Memo;
    memo.name = name;
    memo.module = mod_;
    memo.decl = d.kid(0);
    memo.type = mt;
    memo.block = c.block;
    memo.bit = next_bit(comp);
    memo.offset = p_.blocks[c.block].alloc_field(T.wasm(mt) == WasmType::F64 ? 8 : 4);
    memo.func = f;
    memo.init = args[0];
    SymId mid = p_.add_symbol(memo);
    c.scope->names[name] = mid;
    module().ref[d.kid(0)] = mid;
    p_.blocks[c.block].memos.push_back(mid);
    p_.blocks[c.block].fields.push_back(mid);
    return;
  }
  if (in && (in->kind == NodeKind::Arrow || in->kind == NodeKind::FunctionExpr) && is_const) {
    // Hoisted in check_block_body: check it now if nothing needed it earlier.
    SymId sid = c.scope->names.count(name) ? c.scope->names[name] : kNoId;
    if (sid != kNoId && p_.symbols[sid].kind == SymKind::Function) ensure_checked(p_.symbols[sid].func);
    return;
  }
  TypeId ann = d.kid(1) != kNoNode ? resolve_type(mod_, d.kid(1)) : 0;
  TypeId t = ann;
  if (init == kNoNode) { error(dk, "DX0236", "a variable needs an initial value"); return; }
  TypeId it = check_init(c, init, d.kid(1), ann);
  if (d.kid(1) == kNoNode) t = it;
  else if (!assignable(it, t)) error(init, "DX0234", "cannot initialize a '" + T.name(t) + "' with a '" + T.name(it) + "'");
  if (T.kind(t) != TypeKind::Error && T.wasm(t) == WasmType::None) {
    error(dk, "DX0234", "a variable cannot hold '" + T.name(t) + "'");
    t = T.error();
  } else if (T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined) {
    error(dk, "DX0236", "give this variable a type: e.g. `let x: string | null = null`");
    t = T.error();
  }
  if (T.kind(t) == TypeKind::Error) {  // declared all the same, so its uses do not each report a missing name
    declare_failed(c, d.kid(0));
    return;
  }
  declare_field(c, d.kid(0), name, t, !is_const, init);
}

// A block-level variable: a field of the block's instance (its value set at creation: `init`, or a pattern's).
SymId Checker::declare_field(Ctx& c, NodeId decl, const std::string& name, TypeId t, bool is_mutable, NodeId init) {
  Symbol f;
  f.kind = SymKind::Field;
  f.name = name;
  f.module = mod_;
  f.decl = decl;
  f.type = t;
  f.block = c.block;
  f.offset = p_.blocks[c.block].alloc_field(p_.types.wasm(t) == WasmType::F64 ? 8 : 4);
  f.is_mutable = is_mutable;
  f.init = init;
  SymId fid = p_.add_symbol(f);
  if (c.scope->names.count(name)) error(decl, "DX0207", "'" + name + "' is declared twice");
  c.scope->names[name] = fid;
  module().ref[decl] = fid;
  p_.blocks[c.block].fields.push_back(fid);
  return fid;
}

void Checker::check_block_body(Ctx& c, BlockId b, NodeId body, bool expr_body) {
  if (body == kNoNode) return;
  if (expr_body) {
    if (!is_jsx(node(body))) { error(body, "DX0218", "this must return JSX"); return; }
    p_.blocks[b].jsx.push_back(body);
    Ctx jc = c;
    jc.in_block_body = false;
    check_jsx_child(jc, body);
    return;
  }
  const Node& blk = node(body);
  // Hoist block-level functions — `const f = (…) => …` and `function f(…) { … }` — so they may call each other
  // in any order, as JS allows.
  auto hoist = [&](NodeId name_node, const std::string& name, NodeId fn) {
    FuncInfo f;
    f.name = name;
    f.module = mod_;
    f.node = fn;
    f.role = FuncRole::Local;
    f.env_block = b;
    FuncId fid = p_.add_func(f);
    module().funcs[fn] = fid;
    Symbol sym;
    sym.kind = SymKind::Function;
    sym.name = f.name;
    sym.module = mod_;
    sym.decl = name_node;
    sym.func = fid;
    SymId sid = p_.add_symbol(sym);
    if (c.scope->names.count(name)) error(name_node, "DX0207", "'" + name + "' is declared twice");
    c.scope->names[f.name] = sid;
    module().ref[name_node] = sid;
    Ctx pc = c;
    pc.in_block_body = false;
    pending_[fid] = pc;
  };
  for (NodeId s : blk.kids) {
    const Node& st = node(s);
    if (st.kind == NodeKind::Function && !st.text.empty()) hoist(s, std::string(st.text), s);
    if (st.kind != NodeKind::VarDecl || !(st.flags & kConst)) continue;
    for (NodeId dk : st.kids) {
      const Node& d = node(dk);
      if (node(d.kid(0)).kind != NodeKind::Identifier || d.kid(2) == kNoNode) continue;
      const Node& in = node(d.kid(2));
      if (in.kind != NodeKind::Arrow && in.kind != NodeKind::FunctionExpr) continue;
      hoist(d.kid(0), std::string(node(d.kid(0)).text), d.kid(2));
    }
  }
  for (size_t i = 0; i < blk.kids.size(); ++i) {
    NodeId s = blk.kids[i];
    const Node& st = node(s);
    if (window_listener(c, s, b)) continue;  // window.cpp
    if (st.kind == NodeKind::Function && module().funcs.count(s)) {  // hoisted above: checked now if nothing needed it earlier
      ensure_checked(module().funcs[s]);
      continue;
    }
    if (st.kind == NodeKind::Return) {
      // (function declarations may follow it: they are hoisted)
      bool last = std::all_of(blk.kids.begin() + long(i) + 1, blk.kids.end(), [&](NodeId k) { return module().funcs.count(k) > 0; });
      if (!last || st.kid(0) == kNoNode || !is_jsx(node(st.kid(0)))) {
        error(s, "DX0218", "a component or row body ends with one `return <JSX>`; early returns are not supported (use <Show>)");
        continue;
      }
      p_.blocks[b].jsx.push_back(st.kid(0));
      Ctx jc = c;
      jc.in_block_body = false;
      check_jsx_child(jc, st.kid(0));
      continue;
    }
    if (st.kind == NodeKind::ExprStmt && node(st.kid(0)).kind == NodeKind::Call && node(node(st.kid(0)).kid(0)).kind == NodeKind::Identifier) {
      const Node& call = node(st.kid(0));
      SymId cs = lookup(c.scope, std::string(node(call.kid(0)).text));
      Builtin bi = cs != kNoId && p_.symbols[cs].kind == SymKind::Builtin ? p_.symbols[cs].builtin : Builtin::None;
      if (bi == Builtin::CreateEffect || bi == Builtin::OnMount) {
        set_ref(call.kid(0), cs);
        std::vector<NodeId> args(call.kids.size() > 2 ? call.kids.begin() + 2 : call.kids.end(), call.kids.end());
        bool is_fn = args.size() == 1 && (node(args[0]).kind == NodeKind::Arrow || node(args[0]).kind == NodeKind::FunctionExpr) &&
                     node(node(args[0]).kid(0)).kids.empty();
        if (p_.blocks[b].kind != dx::schema::kBlockComponent) {
          error(s, "DX0217", std::string(bi == Builtin::OnMount ? "onMount" : "createEffect") + " inside a <For> row is not supported yet");
        } else if (is_fn && bi == Builtin::OnMount && window_listener(c, node(args[0]).kid(1), b)) {
          // onMount(() => window.addEventListener(…)): registered at creation (window.cpp)
        } else if (!is_fn) {
          error(s, "DX0216", std::string("write `") + (bi == Builtin::OnMount ? "onMount" : "createEffect") + "(() => { … })`");
        } else {
          Ctx ec = c;
          ec.in_block_body = false;
          ec.in_effect = bi == Builtin::CreateEffect;
          FuncId f = check_closure(ec, args[0], 0, FuncRole::Local);
          p_.blocks[b].effects.push_back({f, bi == Builtin::CreateEffect});
        }
        continue;
      }
    }
    if (st.kind == NodeKind::VarDecl) {
      for (NodeId dk : st.kids) check_block_var(c, dk, st.flags & kConst);
      p_.blocks[b].body.push_back(s);
      continue;
    }
    check_stmt(c, s);
    p_.blocks[b].body.push_back(s);
  }
  if (p_.blocks[b].jsx.empty()) error(body, "DX0218", "a component or row body must end with `return <JSX>`");
}

void Checker::check_jsx_child(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  switch (x.kind) {
    case NodeKind::JsxText: break;
    case NodeKind::JsxExpr: {
      if (x.kid(0) == kNoNode) break;
      const Node& e = node(x.kid(0));
      if (is_jsx(e)) { check_jsx_child(c, x.kid(0)); break; }
      if (e.kind == NodeKind::Member && e.text == "children" && node(e.kid(0)).kind == NodeKind::Identifier) {
        SymId ps = lookup(c.scope, std::string(node(e.kid(0)).text));
        if (ps != kNoId && p_.symbols[ps].kind == SymKind::Props && p_.blocks[p_.symbols[ps].block].children_instance) {
          set_ref(e.kid(0), ps);
          if (c.block != p_.symbols[ps].block)
            error(n, "DX0259", "{props.children} inside <Show> or <For> is not supported yet; render it at the component's top level");
          else if (rendered_children_.count(c.block))
            error(n, "DX0259", "{props.children} may appear once per component");
          module().children_slots[n] = true;
          rendered_children_.insert(c.block);
          break;
        }
      }
      if (check_jsx_value(c, x.kid(0))) break;  // cond && <p/>, c ? <a/> : <b/>, xs.map((x) => <li/>) (jsx_expr.cpp)
      TypeId t = check_expr(c, x.kid(0));
      TypeKind k = T.kind(t);
      if (k != TypeKind::String && k != TypeKind::Number && k != TypeKind::Boolean && k != TypeKind::Error)
        error(x.kid(0), "DX0251", "cannot render a value of type '" + T.name(t) + "': render strings, numbers or JSX (lists with <For>)");
      break;
    }
    case NodeKind::JsxElement: check_jsx_element(c, n); break;
    case NodeKind::JsxFragment: for (NodeId k : x.kids) check_jsx_child(c, k); break;
    default:
      if (!check_jsx_value(c, n)) error(n, "DX0250", "unexpected JSX child");  // a branch of a JSX ternary
      break;
  }
}

void Checker::check_jsx_element(Ctx& c, NodeId n) {
  const Node& x = node(n);
  std::string tag(x.text);
  if (tag.empty()) { error(n, "DX0250", "element without a name"); return; }
  if (std::islower((unsigned char)tag[0]) || tag.find('-') != std::string::npos) {
    if (tag.find(':') != std::string::npos || tag.find('.') != std::string::npos) {
      error(n, "DX0252", "namespaced and member tag names are not supported yet");
      return;
    }
    check_html_element(c, n);
    return;
  }
  SymId sid = lookup(c.scope, tag);
  if (sid == kNoId) { error(n, "DX0220", "cannot find component '" + tag + "' (import it, or from \"dx\")"); return; }
  const Symbol& s = p_.symbols[sid];
  if (s.kind == SymKind::Builtin && check_control(c, n, s.builtin)) return;
  if (s.kind == SymKind::Component) check_component_use(c, n, sid);
  else error(n, "DX0221", "'" + tag + "' is not a component");
}

void Checker::check_html_element(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxSpreadAttr) { error(a, "DX0252", "spread attributes are not supported yet"); continue; }
    std::string name(an.text);
    NodeId v = an.kid(0);
    if (is_event_attr(name)) {
      if (v == kNoNode) { error(a, "DX0254", "an event handler needs a function: " + name + "={() => …}"); continue; }
      std::string event = name.substr(2);
      for (char& ch : event) ch = char(std::tolower((unsigned char)ch));
      check_handler(c, v, event);
      continue;
    }
    if (name == "ref" || name == "innerHTML" || name == "textContent" || name.find(':') != std::string::npos) {
      error(a, "DX0253", "the '" + name + "' attribute is not supported yet");
      continue;
    }
    if (v == kNoNode) continue;
    const Node& vn = node(v);
    if (name == "classList") {
      if (vn.kind != NodeKind::ObjectLit) { error(v, "DX0253", "classList takes an object literal: classList={{ done: isDone() }}"); continue; }
      for (NodeId k : vn.kids) {
        const Node& kn = node(k);
        if (kn.kind != NodeKind::Prop || kn.kid(0) == kNoNode || (kn.flags & (kMethod | kComputed))) { error(k, "DX0253", "classList entries are `name: condition`"); continue; }
        check_expr(c, kn.kid(0));
      }
      continue;
    }
    if (name == "style" && vn.kind == NodeKind::ObjectLit) {  // style={{ color: c(), "font-size": "12px" }}
      for (NodeId k : vn.kids) {
        const Node& kn = node(k);
        if (kn.kind != NodeKind::Prop || kn.kid(0) == kNoNode || (kn.flags & (kMethod | kComputed))) {
          error(k, "DX0253", "style entries are `property: value`: style={{ color: \"red\", \"font-size\": size() }}");
          continue;
        }
        TypeId t = check_expr(c, kn.kid(0));
        if (T.kind(t) != TypeKind::String && T.kind(t) != TypeKind::Number && T.kind(t) != TypeKind::Error)
          error(kn.kid(0), "DX0251", "a style value is a string or a number, not '" + T.name(t) + "'");
      }
      continue;
    }
    if (vn.kind == NodeKind::StringLit) continue;
    if (is_jsx(vn)) { error(v, "DX0250", "JSX as an attribute value is only supported for <Show fallback>"); continue; }
    TypeId t = check_expr(c, v);
    TypeKind k = T.kind(t);
    if (k != TypeKind::String && k != TypeKind::Number && k != TypeKind::Boolean && k != TypeKind::Error)
      error(v, "DX0251", "attribute '" + name + "' cannot be a '" + T.name(t) + "'");
  }
  for (size_t i = 1; i < x.kids.size(); ++i) check_jsx_child(c, x.kids[i]);
}

void Checker::check_handler(Ctx& c, NodeId v, const std::string& event) {
  const Node& vn = node(v);
  auto& T = p_.types;
  if (vn.kind == NodeKind::Arrow || vn.kind == NodeKind::FunctionExpr) {
    check_closure(c, v, 0, FuncRole::Handler);
    return;
  }
  TypeId t = check_expr(c, v);
  if (T.kind(t) == TypeKind::Error) return;
  if (T.kind(t) != TypeKind::Function || T.info(t).params.size() > 1 ||
      (T.info(t).params.size() == 1 && T.info(t).params[0] != T.event())) {
    error(v, "DX0254", "the '" + event + "' handler must be a function taking no arguments or the event");
    return;
  }
}

// The attributes of element `n` as the props of component block `cb`. For a <Dynamic> case (`dynamic`), its
// `component` attribute is skipped and function props are refused (each case checks the props again).
void Checker::check_component_props(Ctx& c, NodeId n, BlockId cb, bool dynamic) {
  const Node& x = node(n);
  auto& T = p_.types;
  const BlockInfo& child = p_.blocks[cb];
  const Shape* props = child.props != kNoId ? &T.shape_info(T.info(p_.symbols[child.props].type).shape) : nullptr;
  std::vector<std::string> seen;
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxSpreadAttr) { error(a, "DX0252", "spread props are not supported yet"); continue; }
    std::string name(an.text);
    if (dynamic && name == "component") continue;
    const Field* f = props ? props->find(name) : nullptr;
    if (!f) { error(a, "DX0239", "'" + p_.blocks[cb].name + "' has no prop '" + name + "'"); continue; }
    if (name == "params" && child.params_shape != kNoId) {
      error(a, "DX0274", "a page's params come from its URL: <" + p_.blocks[cb].name + "> takes no `params` prop");
      continue;
    }
    if (f->type == T.jsx()) { error(a, "DX0250", "pass children between the tags: <" + p_.blocks[cb].name + ">…</" + p_.blocks[cb].name + ">"); continue; }
    seen.push_back(name);
    if (an.kid(0) == kNoNode) {
      if (f->type != T.boolean()) error(a, "DX0239", "prop '" + name + "' needs a value");
      continue;
    }
    if (is_jsx(node(an.kid(0)))) { error(an.kid(0), "DX0250", "JSX props are not supported yet"); continue; }
    if (dynamic && (node(an.kid(0)).kind == NodeKind::Arrow || node(an.kid(0)).kind == NodeKind::FunctionExpr)) {
      error(an.kid(0), "DX0272", "function props of <Dynamic> are not supported yet\nhelp: define the function in the component, or render the component directly");
      continue;
    }
    TypeId vt = check_expr(c, an.kid(0), f->type);
    if (!assignable(vt, f->type)) error(an.kid(0), "DX0234", "prop '" + name + "' is '" + T.name(f->type) + "', not '" + T.name(vt) + "'");
  }
  if (props)
    for (const Field& f : props->fields) {
      if (f.type == T.jsx() || (T.nullable(f.type) & kOrUndefined)) continue;  // children and optional props may be omitted
      if (f.name == "params" && child.params_shape != kNoId) continue;          // a page's params: from its URL
      bool found = false;
      for (auto& s : seen) found |= s == f.name;
      if (!found) error(n, "DX0239", "missing prop '" + f.name + "' of <" + p_.blocks[cb].name + ">");
    }
}

void Checker::check_component_use(Ctx& c, NodeId n, SymId comp) {
  const Node& x = node(n);
  ModuleId here = mod_;
  BlockId cb = component_block(comp);
  mod_ = here;
  module().blocks[n] = cb;
  const BlockInfo& child = p_.blocks[cb];
  check_component_props(c, n, cb, false);
  std::vector<NodeId> kids;
  for (size_t i = 1; i < x.kids.size(); ++i) {
    const Node& k = node(x.kids[i]);
    if (!(k.kind == NodeKind::JsxExpr && k.kid(0) == kNoNode)) kids.push_back(x.kids[i]);
  }
  if (!kids.empty()) {
    if (!child.children_instance) {
      error(kids[0], "DX0258", "<" + p_.blocks[cb].name + "> takes no children: give its props a `children?: JSX.Element`");
      return;
    }
    module().children[n] = branch_block(c, "/children", kids);
  }
}

// ---- reactive dependencies -------------------------------------------------------------------------------

namespace {
struct DepsWalker {
  const Program& p;
  std::map<FuncId, uint32_t>& memo;
  uint32_t walk(ModuleId m, NodeId n) {
    if (n == kNoNode) return 0;
    const Module& mod = *p.modules[m];
    const Node& x = mod.ast[n];
    uint32_t d = 0;
    switch (x.kind) {
      case NodeKind::Identifier: {
        SymId s = p.ref_of(m, n);
        if (s != kNoId) {
          const Symbol& sym = p.symbols[s];
          if (sym.kind == SymKind::Signal || sym.kind == SymKind::Memo || sym.kind == SymKind::Field) d |= sym.bit;
          if (sym.kind == SymKind::Selector) d |= p.symbols[sym.signal].bit;
          if (sym.kind == SymKind::Field && sym.init != kNoNode) d |= walk(sym.module, sym.init);  // a prop's default
          if (sym.kind == SymKind::Accessor) d |= walk(sym.module, sym.init);  // <Show>'s (v) => …: v() is `when`
          if (sym.kind == SymKind::Function && p.funcs[sym.func].env_block != kNoId) d |= func(sym.func);
        }
        return d;
      }
      case NodeKind::Member: {
        SymId s = p.ref_of(m, x.kid(0));
        if (s != kNoId && p.symbols[s].kind == SymKind::Props) {
          const BlockInfo& b = p.blocks[p.symbols[s].block];
          for (auto& [name, bit] : b.prop_bits) if (name == x.text) d |= bit;
          return d;
        }
        return walk(m, x.kid(0));
      }
      case NodeKind::Arrow: case NodeKind::FunctionExpr: {
        auto it = mod.inline_fns.find(n);
        if (it == mod.inline_fns.end()) return 0;  // a closure: its body runs later, in a handler
        return walk(m, x.kid(1));
      }
      case NodeKind::JsxElement: case NodeKind::JsxFragment: return 0;
      case NodeKind::Call: {  // untrack(() => …): what it reads is no dependency; other calls as any node
        SymId s = p.ref_of(m, x.kid(0));
        if (s != kNoId && p.symbols[s].kind == SymKind::Builtin && p.symbols[s].builtin == Builtin::Untrack) return 0;
        [[fallthrough]];
      }
      default:
        for (NodeId k : x.kids) d |= walk(m, k);
        return d;
    }
  }
  uint32_t func(FuncId f) {
    if (auto it = memo.find(f); it != memo.end()) return it->second;
    memo[f] = 0;  // recursion guard
    const FuncInfo& fi = p.funcs[f];
    uint32_t d = walk(fi.module, p.modules[fi.module]->ast[fi.node].kid(1));
    memo[f] = d;
    return d;
  }
};
}  // namespace

uint32_t deps_of_function(const Program& p, FuncId f) {
  DepsWalker w{p, const_cast<Program&>(p).deps_cache};
  return w.func(f);
}

uint32_t deps_of(const Program& p, ModuleId m, NodeId expr) {
  DepsWalker w{p, const_cast<Program&>(p).deps_cache};
  return w.walk(m, expr);
}

}  // namespace dxc::analyze
