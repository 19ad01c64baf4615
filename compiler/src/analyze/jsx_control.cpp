// The control-flow components: <For> and <Index> (lists: a row block per item), <Show> and <Switch>/<Match>
// (branch blocks, one shown at a time), <Portal> (a branch mounted into another DOM node) and <Dynamic> (a
// branch per component or tag name its `component` expression can choose). Lowered in lower/lower.cpp,
// generated in emit/codegen_blocks.cpp.
#include <cctype>

#include "analyze/analyze.h"
#include "analyze/checker.h"
#include "dx/schema/dxb.h"

namespace dxc::analyze {

bool Checker::check_control(Ctx& c, NodeId n, Builtin b) {
  switch (b) {
    case Builtin::For: check_for(c, n); return true;
    case Builtin::Show: check_show(c, n); return true;
    case Builtin::Index: check_index(c, n); return true;
    case Builtin::Switch: check_switch(c, n); return true;
    case Builtin::Portal: check_portal(c, n); return true;
    case Builtin::Dynamic: check_dynamic(c, n); return true;
    case Builtin::Suspense: check_suspense(c, n); return true;
    case Builtin::Match:
      error(n, "DX0270", "<Match> must be a direct child of <Switch>").help =
          "wrap the alternatives in <Switch fallback={…}><Match when={a}>…</Match><Match when={b}>…</Match></Switch>";
      return true;
    default: return false;
  }
}

std::vector<NodeId> Checker::element_kids(NodeId n) {
  const Node& x = node(n);
  std::vector<NodeId> kids;
  for (size_t i = 1; i < x.kids.size(); ++i) {
    const Node& k = node(x.kids[i]);
    if (k.kind == NodeKind::JsxExpr && k.kid(0) == kNoNode) continue;
    if (k.kind == NodeKind::JsxText) {
      bool blank = true;
      for (char ch : k.text) blank &= std::isspace((unsigned char)ch) != 0;
      if (blank) continue;
    }
    kids.push_back(x.kids[i]);
  }
  return kids;
}

void Checker::check_for(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  NodeId each = kNoNode, key = kNoNode, fallback = kNoNode;
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxAttr && an.text == "each") each = an.kid(0);
    else if (an.kind == NodeKind::JsxAttr && an.text == "key") key = an.kid(0);
    else if (an.kind == NodeKind::JsxAttr && an.text == "fallback") fallback = an.kid(0);
    else error(a, "DX0255", "<For> takes each={array}, optionally key={(item) => item.id} and fallback={<p>none</p>}");
  }
  if (each == kNoNode) { error(n, "DX0255", "<For> needs each={array}"); return; }
  TypeId at = check_expr(c, each);
  if (T.kind(at) == TypeKind::Error) return;
  if (T.kind(at) != TypeKind::Array) { error(each, "DX0256", "<For each> needs an array, not '" + T.name(at) + "'"); return; }
  NodeId fn = kNoNode;
  for (size_t i = 1; i < x.kids.size(); ++i) {
    const Node& k = node(x.kids[i]);
    if (k.kind == NodeKind::JsxExpr && k.kid(0) != kNoNode && fn == kNoNode &&
        (node(k.kid(0)).kind == NodeKind::Arrow || node(k.kid(0)).kind == NodeKind::FunctionExpr)) {
      fn = k.kid(0);
      continue;
    }
    if (k.kind == NodeKind::JsxExpr && k.kid(0) == kNoNode) continue;
    error(x.kids[i], "DX0257", "<For> takes one child: a function (item) => <JSX>");
    return;
  }
  if (fn == kNoNode) { error(n, "DX0257", "<For> needs a child function: {(item) => <li>…</li>}"); return; }
  const Node& f = node(fn);
  const Node& ps = node(f.kid(0));
  if (ps.kids.empty() || ps.kids.size() > 2 || !(plain_param(ps.kids[0]) || (row_pattern(ps.kids[0]) && key == kNoNode))) {
    error(f.kid(0), "DX0257", ps.kids.size() > 2 ? "a <For> row takes the item and optionally its index accessor: (item, i) => …"
                              : !ps.kids.empty() ? "a <For key> row takes the item by name, (item) => …, and reads item.field (a replaced item updates the row)"
                                                 : "a <For> row takes one named parameter, the item");
    return;
  }
  if (ps.kids.size() == 2 && !plain_param(ps.kids[1])) {
    error(ps.kids[1], "DX0257", "a <For> row's index is an accessor taken by name: (item, i) => <li>{i()}</li>");
    return;
  }
  TypeId elem = T.info(at).elem;
  if (key != kNoNode) {  // key={(item) => …}: rows are matched by this value instead of item identity
    const Node& kn = node(key);
    if ((kn.kind != NodeKind::Arrow && kn.kind != NodeKind::FunctionExpr) || node(kn.kid(0)).kids.size() != 1) {
      error(key, "DX0255", "key takes a function of the item: key={(item) => item.id}");
      return;
    }
    TypeId kt = check_inline_callback(c, key, {elem}, 0);
    if (kt != T.number() && kt != T.string() && T.kind(kt) != TypeKind::Error) {
      error(key, "DX0256", "a <For> key must be a number or a string, not '" + T.name(kt) + "'");
      return;
    }
    module().for_keys[n] = key;
  }
  keyed_row(c, n, fn, elem, key != kNoNode, SymKind::Signal);
  check_fallback(c, n, fallback);  // shown while the list is empty (lower.cpp: a second anchor after the rows)
}

// The row block of a keyed list (`at`: the <For> element, or a `.map` call in JSX) rendered by the row
// function `fn`, over items of type `elem`: its item (replaced in place when `replaceable`: a key function
// matches rows) and, if `fn` takes one, its index — an accessor i() (`index_kind` Signal: <For>) or a plain
// number i (Field: `.map`) — which dx_for keeps up to date as rows move and updates with kItemChangedBit.
void Checker::keyed_row(Ctx& c, NodeId at, NodeId fn, TypeId elem, bool replaceable, SymKind index_kind) {
  const Node& f = node(fn);
  const Node& ps = node(f.kid(0));
  BlockInfo row;
  row.kind = dx::schema::kBlockRow;
  row.name = p_.blocks[c.block].name + "/row";
  row.module = mod_;
  row.parent = c.block;
  row.component = p_.blocks[c.block].component;
  row.func = fn;
  BlockId rid = p_.add_block(row);
  module().blocks[at] = rid;
  Symbol item;
  item.kind = SymKind::Field;
  item.type = elem;
  if (replaceable) item.bit = kItemChangedBit;  // a row's item may be replaced by one with the same key
  Ctx rc = row_ctx(c, rid, ps.kids[0], item);
  if (row_pattern(ps.kids[0])) {  // ({ id, label }) => …: fields of the row, set from its item at creation
    p_.blocks[rid].item_pattern = node(ps.kids[0]).kid(2);
    bind_pattern(rc, p_.blocks[rid].item_pattern, elem, false, true);
  }
  if (ps.kids.size() == 2) {  // (item, i) => …: the row's position, which moves as rows come and go
    Symbol idx;
    idx.kind = index_kind;
    idx.type = p_.types.number();
    idx.bit = kItemChangedBit;   // dx_for updates a row whose index changed with this bit (runtime-wasm/src/list.cpp)
    idx.offset = p_.blocks[rid].index_offset = p_.blocks[rid].alloc_field(8);
    declare_row_field(rc, rid, ps.kids[1], idx);
  }
  module().inline_fns[fn] = true;
  check_block_body(rc, rid, f.kid(1), f.flags & kExprBody);
}

// A row's second parameter, the index (`decl` names it): stored in the row instance at `sym.offset`.
void Checker::declare_row_field(Ctx& rc, BlockId rid, NodeId decl, Symbol sym) {
  sym.name = std::string(node(decl).text);
  sym.module = mod_;
  sym.decl = decl;
  sym.block = rid;
  SymId id = p_.add_symbol(sym);
  p_.blocks[rid].fields.push_back(id);
  rc.scope->names[sym.name] = id;
  module().ref[decl] = id;
}

// A list row's item (`item`: its kind, type and change bit; declared by `decl`, at instance offset 24) and the
// context its row body is checked in: a block of its own whose scope sees the item.
// A parameter that is a plain name: no pattern, default, rest or `?` (the rows of lists, <Show>'s accessor).
bool Checker::plain_param(NodeId param) {
  const Node& p = node(param);
  return !p.text.empty() && p.kid(1) == kNoNode && !(p.flags & (kRest | kOptional));
}

// A row parameter that takes its item apart, `({ id, label }) => …` (not with a key function: the item a row
// holds never changes then, so the names, set once, stay true).
bool Checker::row_pattern(NodeId param) {
  const Node& p = node(param);
  return p.text.empty() && p.kid(2) != kNoNode && p.kid(1) == kNoNode && !(p.flags & (kRest | kOptional));
}

Ctx Checker::row_ctx(Ctx& c, BlockId rid, NodeId decl, Symbol item) {
  item.name = node(decl).text.empty() ? "#item" : std::string(node(decl).text);  // "#item": taken apart (row_pattern)
  item.module = mod_;
  item.decl = decl;
  item.block = rid;
  item.offset = 24;
  SymId iid = p_.add_symbol(item);
  p_.blocks[rid].item = iid;
  Ctx rc;
  rc.env_block = rid;
  rc.block = rid;
  rc.scope = new_scope(c.scope);
  rc.scope->names[item.name] = iid;
  rc.in_block_body = true;
  module().ref[decl] = iid;
  return rc;
}

// A branch: JSX that renders in the current block's environment (a <Show> branch or fallback, the children
// passed to a component), checked as its own block.
BlockId Checker::branch_block(Ctx& c, const std::string& suffix, std::vector<NodeId> kids) {
  BlockInfo b;
  b.kind = dx::schema::kBlockBranch;
  b.name = p_.blocks[c.block].name + suffix;
  b.module = mod_;
  b.parent = c.block;
  b.component = p_.blocks[c.block].component;
  b.jsx = kids;
  BlockId id = p_.add_block(b);
  Ctx bc;
  bc.env_block = id;
  bc.block = id;
  bc.scope = c.scope;
  bc.narrow = c.narrow;  // `{user && <p>{user.name}</p>}` (jsx_expr.cpp): the branch renders only while it holds
  for (NodeId k : kids) check_jsx_child(bc, k);
  return id;
}

void Checker::check_show(Ctx& c, NodeId n) {
  const Node& x = node(n);
  NodeId when = kNoNode, fallback = kNoNode;
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxAttr && an.text == "when") when = an.kid(0);
    else if (an.kind == NodeKind::JsxAttr && an.text == "fallback") fallback = an.kid(0);
    else error(a, "DX0255", "<Show> takes when={…} and fallback={…}");
  }
  if (when == kNoNode) { error(n, "DX0255", "<Show> needs when={condition}"); return; }
  TypeId wt = check_expr(c, when);
  std::vector<NodeId> ek = element_kids(n);
  NodeId fn = ek.size() == 1 && node(ek[0]).kind == NodeKind::JsxExpr ? node(ek[0]).kid(0) : kNoNode;
  if (fn != kNoNode && (node(fn).kind == NodeKind::Arrow || node(fn).kind == NodeKind::FunctionExpr)) {
    // {(v) => <JSX>}: the children as a function of the condition's value, an accessor v() (not null)
    const Node& f = node(fn);
    const Node& ps = node(f.kid(0));
    bool plain = ps.kids.size() <= 1;
    for (NodeId pk : ps.kids) plain &= plain_param(pk);
    if (!plain || !(f.flags & kExprBody) || !is_jsx(node(f.kid(1)))) {
      error(fn, "DX0255", "<Show>'s function child takes the value's accessor and returns JSX: {(user) => <p>{user().name}</p>}");
      return;
    }
    Ctx sc = c;
    sc.scope = new_scope(c.scope);
    if (!ps.kids.empty()) {
      Symbol v;
      v.kind = SymKind::Accessor;
      v.name = std::string(node(ps.kids[0]).text);
      v.module = mod_;
      v.decl = ps.kids[0];
      v.init = when;
      v.type = p_.types.can_be_nullable(wt) ? p_.types.non_null(wt) : wt;
      SymId vid = p_.add_symbol(v);
      sc.scope->names[v.name] = vid;
      module().ref[ps.kids[0]] = vid;
    }
    module().blocks[n] = branch_block(sc, "/show", {f.kid(1)});
    check_fallback(c, n, fallback);
    return;
  }
  std::vector<NodeId> kids(x.kids.begin() + 1, x.kids.end());
  if (kids.empty()) { error(n, "DX0255", "<Show> needs children to show"); return; }
  module().blocks[n] = branch_block(c, "/show", kids);
  check_fallback(c, n, fallback);
}

// <Suspense fallback={…}>…</Suspense>: its children as a branch, shown at once, unless the server holds the
// boundary back while it streams the page (runtime-wasm/src/suspense.cpp): the fallback shows until then.
// Lowered like <Show>, its condition a state the runtime keeps (lower/lower.cpp, emit/codegen_blocks.cpp).
void Checker::check_suspense(Ctx& c, NodeId n) {
  NodeId fallback = fallback_attr(n, "<Suspense> takes fallback={…}");
  std::vector<NodeId> kids = element_kids(n);
  if (kids.empty()) { error(n, "DX0255", "<Suspense> needs children to show"); return; }
  module().blocks[n] = branch_block(c, "/suspense", kids);
  module().control[n] = Builtin::Suspense;
  check_fallback(c, n, fallback);
}

// The fallback={…} value of an element that takes no other attribute (`wrong`: the DX0255 message for one).
NodeId Checker::fallback_attr(NodeId n, const char* wrong) {
  NodeId fallback = kNoNode;
  for (NodeId a : node(node(n).kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxAttr && an.text == "fallback") fallback = an.kid(0);
    else error(a, "DX0255", wrong);
  }
  return fallback;
}

// fallback={<JSX>} of <Show>, <Switch> and <Suspense>: a branch block of its own.
void Checker::check_fallback(Ctx& c, NodeId n, NodeId fallback) {
  if (fallback == kNoNode) return;
  if (!is_jsx(node(fallback))) {
    error(fallback, "DX0255", "fallback must be JSX: fallback={<p>…</p>}");
    return;
  }
  module().fallbacks[n] = branch_block(c, "/fallback", {fallback});
}

// <Index each={array}>{(item, i) => …}</Index>: rows keyed by position. `item` is an accessor (`item()`, a
// Signal symbol over the row's item field, updated in place with kItemChangedBit when the value at that
// index changes); `i` is a plain number the runtime stores at offset 32 of the row when it creates it.
void Checker::check_index(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  NodeId each = kNoNode;
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind == NodeKind::JsxAttr && an.text == "each") each = an.kid(0);
    else error(a, "DX0255", "<Index> takes each={array}");
  }
  if (each == kNoNode) { error(n, "DX0255", "<Index> needs each={array}"); return; }
  TypeId at = check_expr(c, each);
  if (T.kind(at) == TypeKind::Error) return;
  if (T.kind(at) != TypeKind::Array) { error(each, "DX0256", "<Index each> needs an array, not '" + T.name(at) + "'"); return; }
  std::vector<NodeId> kids = element_kids(n);
  const char* help = "write <Index each={items()}>{(item, i) => <li>{i}: {item()}</li>}</Index>";
  NodeId fn = kids.size() == 1 && node(kids[0]).kind == NodeKind::JsxExpr ? node(kids[0]).kid(0) : kNoNode;
  if (fn == kNoNode || (node(fn).kind != NodeKind::Arrow && node(fn).kind != NodeKind::FunctionExpr)) {
    error(kids.empty() ? n : kids[0], "DX0271", "<Index> takes one child: a function (item, index) => <JSX>").help = help;
    return;
  }
  const Node& f = node(fn);
  const Node& ps = node(f.kid(0));
  bool named = !ps.kids.empty() && ps.kids.size() <= 2;
  for (NodeId pk : ps.kids) named &= plain_param(pk);
  if (!named) {
    error(f.kid(0), "DX0271", "an <Index> row takes the item accessor and optionally the index, as plain names").help = help;
    return;
  }
  BlockInfo row;
  row.kind = dx::schema::kBlockRow;
  row.name = p_.blocks[c.block].name + "/index";
  row.module = mod_;
  row.parent = c.block;
  row.component = p_.blocks[c.block].component;
  row.func = fn;
  row.positional = true;
  BlockId rid = p_.add_block(row);
  uint32_t index_offset = p_.blocks[rid].index_offset = p_.blocks[rid].alloc_field(8);  // 32: the runtime writes the row's index here
  module().blocks[n] = rid;
  module().control[n] = Builtin::Index;
  Symbol item;
  item.kind = SymKind::Signal;  // read as item(); no setter
  item.type = T.info(at).elem;
  item.bit = kItemChangedBit;
  Ctx rc = row_ctx(c, rid, ps.kids[0], item);
  if (ps.kids.size() == 2) {  // a plain number: a positional row's index never changes
    Symbol idx;
    idx.kind = SymKind::Field;
    idx.type = T.number();
    idx.offset = index_offset;
    declare_row_field(rc, rid, ps.kids[1], idx);
  }
  module().inline_fns[fn] = true;
  check_block_body(rc, rid, f.kid(1), f.flags & kExprBody);
}

// <Switch fallback={…}><Match when={a}>…</Match>…</Switch>: the first Match whose `when` is truthy renders
// (a branch block per Match), else the fallback. Lowered like <Show>, whose choice is the two-way case.
void Checker::check_switch(Ctx& c, NodeId n) {
  NodeId fallback = fallback_attr(n, "<Switch> takes fallback={…}");
  const char* help = "<Switch fallback={<p>none</p>}><Match when={a()}>…</Match><Match when={b()}>…</Match></Switch>";
  std::vector<std::pair<NodeId, BlockId>> cases;
  for (NodeId k : element_kids(n)) {
    const Node& kn = node(k);
    SymId sid = kn.kind == NodeKind::JsxElement ? lookup(c.scope, std::string(kn.text)) : kNoId;
    if (sid == kNoId || p_.symbols[sid].kind != SymKind::Builtin || p_.symbols[sid].builtin != Builtin::Match) {
      error(k, "DX0270", "the children of <Switch> are <Match when={…}> elements only").help = help;
      continue;
    }
    NodeId when = kNoNode;
    for (NodeId a : node(kn.kid(0)).kids) {
      const Node& an = node(a);
      if (an.kind == NodeKind::JsxAttr && an.text == "when" && an.kid(0) != kNoNode) when = an.kid(0);
      else error(a, "DX0255", "<Match> takes when={condition}");
    }
    if (when == kNoNode) { error(k, "DX0255", "<Match> needs when={condition}"); continue; }
    if (is_jsx(node(when))) { error(when, "DX0255", "when={…} is a condition, not JSX"); continue; }
    check_expr(c, when);
    std::vector<NodeId> kids = element_kids(k);
    if (kids.empty()) { error(k, "DX0255", "<Match> needs children to show"); continue; }
    cases.push_back({when, branch_block(c, "/match" + std::to_string(cases.size()), kids)});
  }
  if (cases.empty()) {
    error(n, "DX0270", "<Switch> needs at least one <Match when={…}>").help = help;
    return;
  }
  module().control[n] = Builtin::Switch;
  module().matches[n] = std::move(cases);
  check_fallback(c, n, fallback);
}

// <Portal mount={…}>children</Portal>: the children are a branch block mounted into another DOM node, looked up
// once when the Portal is created: document.body (no mount), or the element with an id (mount="id",
// mount={document.getElementById(expr)}). The branch stays reactive and is removed when its owner goes.
void Checker::check_portal(Ctx& c, NodeId n) {
  const Node& x = node(n);
  auto& T = p_.types;
  NodeId mount = kNoNode;
  const char* help = "write mount={document.getElementById(\"overlay\")} or mount=\"overlay\" (an element id), or omit mount for document.body";
  for (NodeId a : node(x.kid(0)).kids) {
    const Node& an = node(a);
    if (an.kind != NodeKind::JsxAttr || an.text != "mount") { error(a, "DX0255", "<Portal> takes mount={…}"); continue; }
    NodeId v = an.kid(0);
    const Node* vn = v != kNoNode ? &node(v) : nullptr;
    if (vn && vn->kind == NodeKind::StringLit) { mount = v; continue; }
    // document.getElementById(id)
    bool ok = vn && vn->kind == NodeKind::Call && node(vn->kid(0)).kind == NodeKind::Member && node(vn->kid(0)).text == "getElementById" &&
              node(node(vn->kid(0)).kid(0)).kind == NodeKind::Identifier && node(node(vn->kid(0)).kid(0)).text == "document" &&
              vn->kids.size() == 3 && lookup(c.scope, "document") == kNoId;
    if (!ok) {
      error(v != kNoNode ? v : a, "DX0273", "<Portal mount> must be an element id: mount=\"id\" or mount={document.getElementById(id)}").help = help;
      continue;
    }
    TypeId it = check_expr(c, vn->kids[2], T.string());
    if (it != T.string() && T.kind(it) != TypeKind::Error) {
      error(vn->kids[2], "DX0273", "document.getElementById takes a string, not '" + T.name(it) + "'").help = help;
      continue;
    }
    mount = vn->kids[2];
  }
  std::vector<NodeId> kids = element_kids(n);
  if (kids.empty()) { error(n, "DX0255", "<Portal> needs children to render"); return; }
  module().control[n] = Builtin::Portal;
  module().portal_mounts[n] = mount;
  module().blocks[n] = branch_block(c, "/portal", kids);
}

// The leaves of a <Dynamic component={…}> expression: a component name, an HTML tag name string, null or
// undefined (nothing), or a conditional choosing between such expressions. Each distinct component or tag is
// one case (a branch block); the leaf records its case number.
void Checker::dynamic_leaves(Ctx& c, NodeId dyn, NodeId e, std::map<std::string, uint32_t>& seen) {
  const Node& x = node(e);
  const char* help = "write component={cond() ? Red : Blue}, component={big() ? \"h1\" : \"p\"} or component={Red}";
  if (x.kind == NodeKind::Conditional) {
    check_expr(c, x.kid(0));
    dynamic_leaves(c, dyn, x.kid(1), seen);
    dynamic_leaves(c, dyn, x.kid(2), seen);
    return;
  }
  if (x.kind == NodeKind::NullLit || (x.kind == NodeKind::Identifier && x.text == "undefined")) {
    module().dynamic_leaves[e] = 0;
    return;
  }
  std::string key, tag;
  SymId comp = kNoId;
  if (x.kind == NodeKind::StringLit) {
    tag = std::string(x.text);
    bool ok = !tag.empty() && std::islower((unsigned char)tag[0]);
    for (char ch : tag) ok &= std::islower((unsigned char)ch) || std::isdigit((unsigned char)ch) || ch == '-';
    if (!ok) { error(e, "DX0272", "'" + tag + "' is not an HTML tag name").help = help; return; }
    key = "t" + tag;
  } else if (x.kind == NodeKind::Identifier) {
    comp = lookup(c.scope, std::string(x.text));
    if (comp == kNoId || p_.symbols[comp].kind != SymKind::Component) {
      error(e, "DX0272", "<Dynamic component> takes a component, not '" + std::string(x.text) + "'").help = help;
      return;
    }
    set_ref(e, comp);
    key = "c" + std::to_string(comp);
  } else {
    error(e, "DX0272", "<Dynamic component> must name its choices: components, tag name strings, or a conditional between them").help = help;
    return;
  }
  if (auto it = seen.find(key); it != seen.end()) { module().dynamic_leaves[e] = it->second; return; }
  auto& cases = module().dynamic_cases[dyn];
  BlockInfo b;
  b.kind = dx::schema::kBlockBranch;
  b.name = p_.blocks[c.block].name + "/dynamic:" + (comp != kNoId ? p_.symbols[comp].name : tag);
  b.module = mod_;
  b.parent = c.block;
  b.component = p_.blocks[c.block].component;
  b.dynamic_el = dyn;
  b.dynamic_tag = tag;
  BlockId id = p_.add_block(b);
  cases.push_back(id);
  uint32_t number = uint32_t(cases.size());
  seen[key] = number;
  module().dynamic_leaves[e] = number;
  Ctx bc;
  bc.env_block = id;
  bc.block = id;
  bc.scope = c.scope;
  if (comp != kNoId) {
    ModuleId here = mod_;
    BlockId cb = component_block(comp);
    mod_ = here;
    p_.blocks[id].dynamic_comp = cb;
    check_component_props(bc, dyn, cb, true);
    return;
  }
  auto& T = p_.types;
  for (NodeId a : node(node(dyn).kid(0)).kids) {
    const Node& an = node(a);
    std::string name(an.text);
    if (an.kind == NodeKind::JsxAttr && name == "component") continue;
    bool event = name.size() > 2 && name[0] == 'o' && name[1] == 'n' && std::isupper((unsigned char)name[2]);
    if (an.kind != NodeKind::JsxAttr || event || name == "classList" || name == "ref" || name == "innerHTML" ||
        name == "textContent" || name.find(':') != std::string::npos) {
      error(a, "DX0272", "<Dynamic> with a tag name passes plain attributes only; '" + name + "' is not supported there yet")
          .help = "render the element directly to use event handlers, classList or spread attributes";
      continue;
    }
    if (an.kid(0) == kNoNode || node(an.kid(0)).kind == NodeKind::StringLit) continue;
    if (is_jsx(node(an.kid(0)))) { error(an.kid(0), "DX0250", "JSX as an attribute value is only supported for <Show fallback>"); continue; }
    TypeId t = check_expr(bc, an.kid(0));
    TypeKind k = T.kind(t);
    if (k != TypeKind::String && k != TypeKind::Number && k != TypeKind::Boolean && k != TypeKind::Error)
      error(an.kid(0), "DX0251", "attribute '" + name + "' cannot be a '" + T.name(t) + "'");
  }
}

// <Dynamic component={…} {...props}>: a branch per case (dynamic_leaves); the expression picks the case, and
// a change of case destroys the old branch and creates the new one, as <Switch> does.
void Checker::check_dynamic(Ctx& c, NodeId n) {
  const Node& x = node(n);
  NodeId comp = kNoNode;
  for (NodeId a : node(x.kid(0)).kids)
    if (node(a).kind == NodeKind::JsxAttr && node(a).text == "component") comp = node(a).kid(0);
  if (comp == kNoNode) {
    error(n, "DX0272", "<Dynamic> needs component={…}").help = "write <Dynamic component={cond() ? Red : \"p\"} label={x()} />";
    return;
  }
  if (!element_kids(n).empty()) {
    error(n, "DX0272", "children of <Dynamic> are not supported yet").help = "pass the content as a prop, or use <Switch> with one <Match> per component";
    return;
  }
  std::map<std::string, uint32_t> seen;
  module().dynamic_cases[n];
  dynamic_leaves(c, n, comp, seen);
  module().control[n] = Builtin::Dynamic;
}

}  // namespace dxc::analyze
