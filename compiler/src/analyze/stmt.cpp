// Statements inside functions and handlers: locals, if/else, return, expression statements.
#include "analyze/checker.h"

namespace dxc::analyze {

SymId Checker::declare_local(Ctx& c, NodeId decl, const std::string& name, TypeId t, bool is_mutable) {
  Symbol s;
  s.kind = SymKind::Local;
  s.name = name;
  s.module = mod_;
  s.decl = decl;
  s.type = t;
  s.owner = c.fn;
  s.owner_block = c.fn == kNoId ? c.block : kNoId;
  s.is_mutable = is_mutable;
  s.per_iteration = c.loops > 0 || c.inline_cb;
  SymId id = p_.add_symbol(s);
  set_ref(decl, id);
  if (c.scope->names.count(name)) error(decl, "DX0207", "'" + name + "' is declared twice in this scope");
  c.scope->names[name] = id;
  return id;
}

bool Checker::bind_pattern(Ctx& c, NodeId pn, TypeId t, bool is_mutable, bool as_fields) {
  auto& T = p_.types;
  const Node& x = node(pn);
  set_type(pn, t);
  if (x.kind == NodeKind::Identifier) {
    if (T.kind(t) != TypeKind::Error && T.wasm(t) == WasmType::None) {
      error(pn, "DX0234", "a variable cannot hold '" + T.name(t) + "'");
      t = T.error();
    }
    if (as_fields) declare_field(c, pn, std::string(x.text), t, is_mutable, kNoNode);
    else declare_local(c, pn, std::string(x.text), t, is_mutable);
    return true;
  }
  // A part with a default (`{ a = 1 }`, `[x = 0]`): the default replaces undefined, so the name's type
  // loses `| undefined`.
  auto part = [&](NodeId at, NodeId target, NodeId dflt, TypeId pt) {
    if (dflt != kNoNode) {
      TypeId want = T.can_be_nullable(pt) ? T.with_nullable(pt, T.nullable(pt) & ~kOrUndefined) : pt;
      TypeId dt = check_expr(c, dflt, want);
      if (!assignable(dt, want)) error(dflt, "DX0234", "the default is '" + T.name(dt) + "', the value '" + T.name(want) + "'");
      pt = want;
    }
    set_type(at, pt);
    return bind_pattern(c, target, pt, is_mutable, as_fields);
  };
  if (x.kind == NodeKind::ObjectPattern) {
    if (T.kind(t) != TypeKind::Record || T.nullable(t)) {
      if (T.kind(t) != TypeKind::Error)
        error(pn, "DX0234", "an object pattern takes apart a record, not '" + T.name(t) + "'" + (T.nullable(t) ? " (check it first)" : ""));
      for (NodeId k : x.kids) if (node(k).kind == NodeKind::PatternProp) bind_pattern(c, node(k).kid(0), T.error(), is_mutable, as_fields);
      return false;
    }
    const Shape& sh = T.shape_info(T.info(t).shape);
    bool ok = true;
    for (size_t i = 0; i < x.kids.size(); ++i) {
      NodeId k = x.kids[i];
      const Node& kn = node(k);
      if (kn.kind == NodeKind::Spread) {  // `...rest`: a new record of the fields not named before it
        if (i + 1 != x.kids.size()) { error(k, "DX0235", "a rest element must come last"); ok = false; continue; }
        std::vector<std::pair<std::string, TypeId>> rest;
        for (const Field& fd : sh.fields) {
          bool named = false;
          for (NodeId o : x.kids) named |= node(o).kind == NodeKind::PatternProp && node(o).text == fd.name;
          if (!named) rest.push_back({fd.name, fd.type});
        }
        TypeId rt = T.record(T.shape("", rest));
        set_type(k, rt);
        ok &= bind_pattern(c, kn.kid(0), rt, is_mutable, as_fields);
        continue;
      }
      if (kn.kind != NodeKind::PatternProp) {
        error(k, "DX0235", "computed keys in patterns are not supported");
        ok = false;
        continue;
      }
      const Field* fd = sh.find(std::string(kn.text));
      if (!fd) {
        error(k, "DX0233", "property '" + std::string(kn.text) + "' does not exist on type '" + T.name(t) + "'");
        bind_pattern(c, kn.kid(0), T.error(), is_mutable, as_fields);
        ok = false;
        continue;
      }
      ok &= part(k, kn.kid(0), kn.kid(1), fd->type);
    }
    return ok;
  }
  if (x.kind == NodeKind::ArrayPattern && T.kind(t) == TypeKind::Tuple && !T.nullable(t)) {  // const [a, b] = pair
    const std::vector<TypeId> elems = T.info(t).params;
    bool ok = true;
    for (size_t i = 0; i < x.kids.size(); ++i) {
      NodeId k = x.kids[i];
      const Node& kn = node(k);
      if (kn.kind == NodeKind::Hole) continue;
      if (kn.kind == NodeKind::Spread || i >= elems.size()) {
        error(k, "DX0235", kn.kind == NodeKind::Spread ? "a rest element of a tuple is not supported yet: name the elements"
                                                       : "a '" + T.name(t) + "' has no element " + std::to_string(i));
        bind_pattern(c, kn.kind == NodeKind::Spread || kn.kind == NodeKind::PatternProp ? kn.kid(0) : k, T.error(), is_mutable, as_fields);
        ok = false;
        continue;
      }
      if (kn.kind == NodeKind::PatternProp) ok &= part(k, kn.kid(0), kn.kid(1), elems[i]);
      else ok &= part(k, k, kNoNode, elems[i]);
    }
    return ok;
  }
  if (x.kind == NodeKind::ArrayPattern) {
    if (T.kind(t) != TypeKind::Array || T.nullable(t)) {
      if (T.kind(t) != TypeKind::Error)
        error(pn, "DX0234", "an array pattern takes apart an array or a tuple, not '" + T.name(t) + "'" + (T.nullable(t) ? " (check it first)" : ""));
      for (NodeId k : x.kids) {  // the names all the same, so that their uses report nothing more
        const Node& kn = node(k);
        if (kn.kind != NodeKind::Hole) bind_pattern(c, kn.kind == NodeKind::Identifier ? k : kn.kid(0), T.error(), is_mutable, as_fields);
      }
      return false;
    }
    TypeId et = T.info(t).elem;
    bool ok = true;
    for (size_t i = 0; i < x.kids.size(); ++i) {
      NodeId k = x.kids[i];
      const Node& kn = node(k);
      if (kn.kind == NodeKind::Hole) continue;
      if (kn.kind == NodeKind::Spread) {  // `...rest`: the elements after, as a new array
        if (i + 1 != x.kids.size()) { error(k, "DX0235", "a rest element must come last"); ok = false; continue; }
        set_type(k, t);
        ok &= bind_pattern(c, kn.kid(0), t, is_mutable, as_fields);
        continue;
      }
      if (kn.kind == NodeKind::PatternProp) ok &= part(k, kn.kid(0), kn.kid(1), et);
      else ok &= part(k, k, kNoNode, et);
    }
    return ok;
  }
  error(pn, "DX0235", "this binding pattern is not supported yet");
  return false;
}

// `[a, b]` of a for…of over entries, names or holes only: declares a as `first` and b as `second`; false (nothing
// declared) for another target.
bool Checker::declare_pair(Ctx& lc, const Node* target, TypeId first, TypeId second, bool is_mutable) {
  bool ok = target && target->kind == NodeKind::ArrayPattern && target->kids.size() <= 2;
  for (NodeId k : ok ? target->kids : std::vector<NodeId>{}) ok &= node(k).kind == NodeKind::Identifier || node(k).kind == NodeKind::Hole;
  if (!ok) return false;
  for (size_t k = 0; k < target->kids.size(); ++k)
    if (node(target->kids[k]).kind == NodeKind::Identifier)
      declare_local(lc, target->kids[k], std::string(node(target->kids[k]).text), k == 0 ? first : second, is_mutable);
  return true;
}

// A declaration's initializer, checked against its annotation `ann` (resolved from `ann_node`, kNoNode when there
// is none). After a refused annotation (reported) it is not checked: errors it would only have for lacking the
// type (mixed array elements, an untyped empty array) would follow from the first one.
TypeId Checker::check_init(Ctx& c, NodeId init, NodeId ann_node, TypeId ann) {
  if (ann_node != kNoNode && ann == p_.types.error()) return ann;
  return check_expr(c, init, ann);
}

void Checker::check_var_decl(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  for (NodeId dk : x.kids) {
    const Node& d = node(dk);
    const Node& target = node(d.kid(0));
    if (target.kind != NodeKind::Identifier) {
      // `const [v, setV] = createSignal(…)` below the top level of a component: the placement is the problem.
      const Node* init = d.kid(2) != kNoNode ? &node(d.kid(2)) : nullptr;
      SymId callee = init && init->kind == NodeKind::Call && node(init->kid(0)).kind == NodeKind::Identifier
                         ? lookup(c.scope, std::string(node(init->kid(0)).text)) : kNoId;
      if (callee != kNoId && p_.symbols[callee].kind == SymKind::Builtin && p_.symbols[callee].builtin == Builtin::CreateSignal) {
        error(d.kid(2), "DX0211", "'createSignal' must initialize a `const` at the top level of a component body");
      } else if (!init) {
        error(dk, "DX0236", "a destructuring declaration needs a value to take apart");
      } else {  // const { a, b } = record; const [x, y = 0, ...rest] = array
        TypeId ann = d.kid(1) != kNoNode ? resolve_type(mod_, d.kid(1)) : 0;
        TypeId it = check_init(c, d.kid(2), d.kid(1), ann);
        if (ann && !assignable(it, ann)) error(d.kid(2), "DX0234", "cannot initialize a '" + T.name(ann) + "' with a '" + T.name(it) + "'");
        bind_pattern(c, d.kid(0), d.kid(1) != kNoNode ? ann : it, !(x.flags & kConst));  // (a refused annotation: the error type)
      }
      continue;
    }
    TypeId ann = d.kid(1) != kNoNode ? resolve_type(mod_, d.kid(1)) : 0;
    TypeId t = ann;
    NodeKind ik = d.kid(2) != kNoNode ? node(d.kid(2)).kind : NodeKind::Empty;
    bool named_fn = (x.flags & kConst) && (ik == NodeKind::Arrow || ik == NodeKind::FunctionExpr) && d.kid(1) == kNoNode;
    if (named_fn) named_closures_.insert(d.kid(2));  // may take a rest parameter: called by name only
    if (d.kid(2) != kNoNode) {
      TypeId it = check_init(c, d.kid(2), d.kid(1), ann);
      if (d.kid(1) == kNoNode) t = it;  // (a refused annotation keeps the error type: its uses report nothing more)
      else if (!assignable(it, ann)) error(d.kid(2), "DX0234", "cannot initialize a '" + T.name(ann) + "' with a '" + T.name(it) + "'");
    } else {
      error(dk, "DX0236", "a variable needs an initial value (undefined is not supported yet)");
      t = T.error();
    }
    if (t && (T.kind(t) == TypeKind::Null || T.kind(t) == TypeKind::Undefined)) {
      error(dk, "DX0236", "give this variable a type: e.g. `let x: string | null = null`");
      t = T.error();
    }
    if (t && T.wasm(t) == WasmType::None && T.kind(t) != TypeKind::Error) {
      error(dk, "DX0234", "a variable cannot hold '" + T.name(t) + "'");
      t = T.error();
    }
    SymId id = declare_local(c, d.kid(0), std::string(target.text), t, !(x.flags & kConst));
    // A const bound to a function literal: calls may omit its defaulted parameters (builtins.h).
    if ((x.flags & kConst) && (ik == NodeKind::Arrow || ik == NodeKind::FunctionExpr)) p_.symbols[id].init = d.kid(2);
  }
}

void Checker::check_stmt(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  switch (x.kind) {
    case NodeKind::Block: {
      Ctx bc = c;
      bc.scope = new_scope(c.scope);
      for (NodeId s : x.kids) {
        check_stmt(bc, s);
        // `if (!x) return;` guards: what the condition's falsity proves holds for the rest of the block.
        const Node& st = node(s);
        if (st.kind == NodeKind::If && st.kid(2) == kNoNode && always_exits(st.kid(1))) apply(bc, narrowing(bc, st.kid(0), false));
      }
      c.ret = bc.ret;
      break;
    }
    case NodeKind::ExprStmt:
      discarded_.insert(x.kid(0));
      check_expr(c, x.kid(0));
      break;
    case NodeKind::VarDecl: check_var_decl(c, n); break;
    case NodeKind::If: {
      check_expr(c, x.kid(0));
      Ctx tc = c, ec = c;
      apply(tc, narrowing(c, x.kid(0), true));
      apply(ec, narrowing(c, x.kid(0), false));
      check_stmt(tc, x.kid(1));
      ec.ret = tc.ret;
      if (x.kid(2) != kNoNode) check_stmt(ec, x.kid(2));
      c.ret = ec.ret;
      break;
    }
    case NodeKind::Return: {
      if (c.in_block_body) {
        error(n, "DX0218", "a component or row body ends with one `return <JSX>`; early returns are not supported (use <Show>)");
        break;
      }
      TypeId r = T.void_();
      if (x.kid(0) != kNoNode) {
        if (is_jsx(node(x.kid(0)))) {
          error(x.kid(0), "DX0250", "only components and <For> rows return JSX (component names start with a capital letter)");
          break;
        }
        r = check_expr(c, x.kid(0), c.ret);
      }
      if (T.kind(r) == TypeKind::Error) break;
      if (!c.ret) c.ret = r;
      else if (TypeId u = assignable(r, c.ret) ? c.ret : unify(c.ret, r)) c.ret = u;
      else error(n, "DX0234", "returns '" + T.name(r) + "' here but '" + T.name(c.ret) + "' elsewhere");
      break;
    }
    case NodeKind::Empty: break;
    case NodeKind::Function:
      error(n, "DX0235", "function declarations inside functions are not supported yet (in a component body and at module "
                         "level they are): declare it with const f = (…) => …");
      break;
    case NodeKind::For: case NodeKind::ForOf: case NodeKind::ForIn: case NodeKind::While: case NodeKind::DoWhile: check_loop(c, n, ""); break;
    case NodeKind::Labeled: {
      const Node& body = node(x.kid(0));
      bool is_loop = body.kind == NodeKind::For || body.kind == NodeKind::ForOf || body.kind == NodeKind::ForIn || body.kind == NodeKind::While || body.kind == NodeKind::DoWhile;
      for (auto& l : c.labels)
        if (l.first == x.text) error(n, "DX0247", "label '" + std::string(x.text) + "' is already in use here");
      if (is_loop) { check_loop(c, x.kid(0), std::string(x.text)); break; }
      Ctx lc = c;
      lc.labels.push_back({std::string(x.text), false});
      check_stmt(lc, x.kid(0));
      c.ret = lc.ret;
      break;
    }
    case NodeKind::Break: case NodeKind::Continue: {
      bool is_break = x.kind == NodeKind::Break;
      if (!x.text.empty()) {
        const std::pair<std::string, bool>* found = nullptr;
        for (auto& l : c.labels) if (l.first == x.text) found = &l;
        if (!found) error(n, "DX0247", "no enclosing statement is labeled '" + std::string(x.text) + "'");
        else if (!is_break && !found->second) error(n, "DX0247", "continue must name a loop; '" + std::string(x.text) + "' is not one");
      } else if (is_break ? c.loops + c.switches == 0 : c.loops == 0) {
        error(n, "DX0247", is_break ? "break outside a loop or switch" : "continue outside a loop");
      }
      break;
    }
    case NodeKind::Switch: {
      TypeId dt = check_expr(c, x.kid(0));
      TypeKind dk = T.kind(dt);
      if (dk != TypeKind::Number && dk != TypeKind::String && dk != TypeKind::Boolean && dk != TypeKind::Error)
        error(x.kid(0), "DX0235", "switch on a '" + T.name(dt) + "' is not supported (numbers, strings, booleans)");
      Ctx sc = c;
      sc.scope = new_scope(c.scope);  // one scope for the whole body, as in JS
      sc.switches = c.switches + 1;
      bool has_default = false;
      // switch (u.kind) over a discriminated union (unions.cpp): a clause reached only by its own cases (and the
      // empty clauses stacked on it) sees u narrowed to the variants those cases name.
      std::string key;
      TypeId ut = 0;
      if (const Node& d = node(x.kid(0)); d.kind == NodeKind::Member && !(d.flags & kOptional)) {
        TypeId ot = p_.type_of(mod_, d.kid(0));
        if (T.kind(ot) == TypeKind::Union && !T.nullable(ot) && T.union_info(ot).tag == d.text) key = narrow_key(d.kid(0)), ut = ot;
      }
      std::vector<std::string> cases;
      bool entered_only_by_cases = true;
      for (size_t i = 1; i < x.kids.size(); ++i) {
        const Node& cs = node(x.kids[i]);
        if (cs.kid(0) == kNoNode) {
          if (has_default) error(x.kids[i], "DX0247", "a switch has at most one default clause");
          has_default = true;
          entered_only_by_cases = false;
        } else {
          TypeId ct = check_expr(sc, cs.kid(0), dt);
          if (!assignable(ct, dt) && T.kind(ct) != TypeKind::Error && dk != TypeKind::Error)
            error(cs.kid(0), "DX0234", "this case is a '" + T.name(ct) + "' but the switch is on a '" + T.name(dt) + "' (never equal)");
          if (node(cs.kid(0)).kind == NodeKind::StringLit) cases.push_back(std::string(node(cs.kid(0)).text));
          else entered_only_by_cases = false;
        }
        Ctx cc = sc;
        if (!key.empty() && entered_only_by_cases && !cases.empty())
          if (TypeId v = union_narrowed(ut, cases, true)) cc.narrow[key] = v;
        for (size_t k = 1; k < cs.kids.size(); ++k) check_stmt(cc, cs.kids[k]);
        sc.ret = cc.ret;
        if (cs.kids.size() > 1) {  // a clause with statements: the next is entered by its cases, or by falling through
          entered_only_by_cases = always_exits(cs.kids.back());
          cases.clear();
        }
      }
      c.ret = sc.ret;
      break;
    }
    case NodeKind::Throw: {  // `throw new Error(message?)`, or a caught error again (`throw e`): runtime-wasm/src/throw.h
      const Node* v = x.kid(0) != kNoNode ? &node(x.kid(0)) : nullptr;
      bool is_error = v && v->kind == NodeKind::New && node(v->kid(0)).kind == NodeKind::Identifier &&
                      node(v->kid(0)).text == "Error" && lookup(c.scope, "Error") == kNoId && v->kids.size() <= 3;
      if (!is_error) {
        TypeId vt = v && v->kind != NodeKind::New ? check_expr(c, x.kid(0)) : T.error();
        if (vt == error_type() || (v && v->kind != NodeKind::New && vt == T.error())) break;  // a caught error
        error(n, "DX0263", "only `throw new Error(message)` and throwing a caught error (`catch (e) { … throw e; }`) are supported");
        break;
      }
      if (v->kids.size() == 3) {
        TypeId mt = check_expr(c, v->kids[2], T.string());
        if (mt != T.string() && mt != T.error()) error(v->kids[2], "DX0234", "the message of an Error must be a string here, not '" + T.name(mt) + "'");
      }
      break;
    }
    case NodeKind::Try: check_try(c, n); break;
    case NodeKind::Interface: case NodeKind::TypeAlias:
      error(n, "DX0235", "types are declared at module level in dx: move this " +
                             std::string(x.kind == NodeKind::Interface ? "interface" : "type alias") + " out of the function");
      break;
    default:
      error(n, "DX0235", std::string("this statement (") + (x.kind == NodeKind::Other ? std::string(x.text) : node_kind_name(x.kind)) +
                             ") is not supported in dx client code yet");
      break;
  }
}

// for, for…of (over arrays), while and do…while. Variables declared in the head are scoped to the loop.
void Checker::check_loop(Ctx& c, NodeId n, const std::string& label) {
  const Node& x = node(n);
  auto& T = p_.types;
  Ctx lc = c;
  lc.scope = new_scope(c.scope);
  lc.loops = c.loops + 1;
  lc.labels.push_back({label, true});
  switch (x.kind) {
    // The condition narrows the body, as an `if` does (`while (at !== null) { … at.next … }`); an assignment
    // in the body ends that for what follows it. The update of a `for` keeps what the body never assigns.
    case NodeKind::While: {
      check_expr(lc, x.kid(0));
      Ctx bc = lc;
      apply(bc, narrowing(lc, x.kid(0), true));
      check_stmt(bc, x.kid(1));
      lc.ret = bc.ret;
      break;
    }
    case NodeKind::DoWhile: check_stmt(lc, x.kid(0)); check_expr(lc, x.kid(1)); break;
    case NodeKind::For: {
      if (x.kid(0) != kNoNode) check_stmt(lc, x.kid(0));
      Narrowing holds;
      if (x.kid(1) != kNoNode) {
        check_expr(lc, x.kid(1));
        holds = narrowing(lc, x.kid(1), true);
      }
      Ctx bc = lc;
      apply(bc, holds);
      check_stmt(bc, x.kid(3));
      lc.ret = bc.ret;
      if (x.kid(2) != kNoNode) {
        Ctx uc = lc;
        for (auto& [key, t] : holds)
          if (!assigns(x.kid(3), key)) uc.narrow[key] = t;
        check_expr(uc, x.kid(2));
      }
      break;
    }
    case NodeKind::ForIn: check_for_in(lc, n); break;  // collections.cpp
    case NodeKind::ForOf: {
      const Node& decl = node(x.kid(0));
      // for (const [i, x] of xs.entries()), xs.keys(), xs.values(): a loop over xs itself
      const Node& of = node(x.kid(1));
      char which = 0;
      if (of.kind == NodeKind::Call && of.kids.size() == 2 && node(of.kid(0)).kind == NodeKind::Member) {
        std::string_view m = node(of.kid(0)).text;
        which = m == "entries" ? 'e' : m == "keys" ? 'k' : m == "values" ? 'v' : 0;
      }
      if (which) {
        TypeId at = check_expr(lc, node(of.kid(0)).kid(0));
        if (T.kind(at) == TypeKind::Error) break;
        if (T.kind(at) == TypeKind::Map || T.kind(at) == TypeKind::Set) {  // collections.cpp
          if (require_non_null(node(of.kid(0)).kid(0), at)) check_for_of_collection(lc, n, T.non_null(at), which);
          break;
        }
        if (T.kind(at) != TypeKind::Array) which = 0;  // (a record's or a string's: reported below as before)
        else {
          if (!require_non_null(node(of.kid(0)).kid(0), at)) break;
          const Node* target = decl.kind == NodeKind::VarDecl && decl.kids.size() == 1 ? &node(node(decl.kids[0]).kid(0)) : nullptr;
          bool is_mutable = !(decl.flags & kConst);
          if (which != 'e') {
            if (!target || target->kind != NodeKind::Identifier) {
              error(x.kid(0), "DX0235", "write `for (const x of xs." + std::string(which == 'k' ? "keys" : "values") + "())`");
              break;
            }
            declare_local(lc, node(decl.kids[0]).kid(0), std::string(target->text), which == 'k' ? T.number() : T.info(at).elem, is_mutable);
          } else {
            if (!declare_pair(lc, target, T.number(), T.info(at).elem, is_mutable)) {
              error(x.kid(0), "DX0235", "write `for (const [i, x] of xs.entries())` (names, no defaults or rest)");
              break;
            }
          }
          module().for_iterators[n] = which;
          set_type(x.kid(1), at);
          check_stmt(lc, x.kid(2));
          break;
        }
      }
      TypeId it = check_expr(lc, x.kid(1));
      if (T.kind(it) == TypeKind::Error) break;
      if (T.kind(it) == TypeKind::Map || T.kind(it) == TypeKind::Set) {  // over a Map: its entries; a Set: its elements
        if (require_non_null(x.kid(1), it)) check_for_of_collection(lc, n, T.non_null(it), T.kind(it) == TypeKind::Map ? 'E' : 'V');
        break;
      }
      if (T.kind(it) != TypeKind::Array) { error(x.kid(1), "DX0235", "for…of over '" + T.name(it) + "' is not supported yet (arrays, Maps and Sets)"); break; }
      if (!require_non_null(x.kid(1), it)) break;
      const Node* target = decl.kind == NodeKind::VarDecl && decl.kids.size() == 1 ? &node(node(decl.kids[0]).kid(0)) : nullptr;
      if (!target || (target->kind != NodeKind::Identifier && target->kind != NodeKind::ObjectPattern &&
                      target->kind != NodeKind::ArrayPattern)) {
        error(x.kid(0), "DX0235", "write `for (const x of array)`; bare targets are not supported yet");
        break;
      }
      if (target->kind == NodeKind::Identifier)
        declare_local(lc, node(decl.kids[0]).kid(0), std::string(target->text), T.info(it).elem, !(decl.flags & kConst));
      else  // for (const { id, name } of items)
        bind_pattern(lc, node(decl.kids[0]).kid(0), T.info(it).elem, !(decl.flags & kConst));
      check_stmt(lc, x.kid(2));
      break;
    }
    default: break;
  }
  c.ret = lc.ret;
}

TypeId Checker::error_type() {
  auto& T = p_.types;
  TypeId t = T.record(T.shape("Error", {{"message", T.string()}, {"name", T.string()}}));
  if (p_.uses_try) p_.error_shape = T.info(t).shape;
  return t;
}

// try { … } catch (e) { … } finally { … } (emit/codegen_stmt.cpp: wasm exceptions). `e` is the Error record the
// throw made: `e.message`, `e.name` ("Error"; "SyntaxError" / "TypeError" from JSON.parse, "RangeError" from
// repeat, the pads or a string too long).
void Checker::check_try(Ctx& c, NodeId n) {
  const Node& x = node(n);
  p_.uses_try = true;
  error_type();  // the shape exists for the code a throw becomes
  Ctx bc = c;
  check_stmt(bc, x.kid(0));
  c.ret = bc.ret;
  if (x.kid(2) != kNoNode) {
    Ctx cc = c;
    cc.ret = c.ret;
    cc.scope = new_scope(c.scope);
    if (x.kid(1) != kNoNode) {
      const Node& p = node(x.kid(1));
      if (p.kind != NodeKind::Identifier) error(x.kid(1), "DX0235", "write `catch (e)` or `catch`; destructuring an error is not supported");
      else declare_local(cc, x.kid(1), std::string(p.text), error_type(), true);
    }
    check_stmt(cc, x.kid(2));
    c.ret = cc.ret;
  }
  if (x.kid(3) != kNoNode) {
    Ctx fc = c;
    check_stmt(fc, x.kid(3));
    c.ret = fc.ret;
  }
}

// Whether anything in `n` assigns the narrowable expression `key` (narrow_key), or a path it is part of.
bool Checker::assigns(NodeId n, const std::string& key) const {
  if (n == kNoNode) return false;
  const Node& x = node(n);
  if (x.kind == NodeKind::Assign) {
    std::string k = narrow_key(x.kid(0));
    if (!k.empty() && (k == key || key.rfind(k + ".", 0) == 0)) return true;
  }
  for (NodeId k : x.kids)
    if (assigns(k, key)) return true;
  return false;
}

void Checker::check_function_body(Ctx& c, NodeId body, bool expr_body) {
  if (expr_body) check_expr(c, body, c.ret);
  else check_stmt(c, body);
}

}  // namespace dxc::analyze
