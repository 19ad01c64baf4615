// lower: each block's JSX → a template (HTML parsed once by the browser, cloned per instance) plus
// bindings for its dynamic parts, addressed by node paths. Adjacent text and {expressions} become ONE text
// node whose value is their concatenation, so no marker nodes are needed between them.
#include "lower/ir.h"

#include <cctype>
#include <set>

#include "analyze/analyze.h"
#include "dx/schema/dxb.h"

namespace dxc::lower {

namespace {

bool is_void_element(const std::string& t) {
  static const std::set<std::string> v = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"};
  return v.count(t) > 0;
}

std::string escape_text(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else o += c;
  }
  return o;
}

std::string escape_attr(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '"') o += "&quot;";
    else o += c;
  }
  return o;
}

std::string html_attr_name(const std::string& n) {
  if (n == "className") return "class";
  if (n == "htmlFor") return "for";
  return n;
}

// The path of a parent's index-th child: "f", then index × "n" written with a count ("n", "n2", …) so long
// sibling lists stay short (schemas/dxb.md).
std::string child_path(const std::string& parent, bool root_level, uint32_t index) {
  std::string p = root_level ? "f" : parent + "f";
  if (index == 1) p += "n";
  else if (index > 1) p += "n" + std::to_string(index);
  return p;
}

struct Ref {
  bool root = true;
  uint32_t idx = 0;
};

// Bindings whose last DOM value is kept so an update that yields the same value sends nothing (a select
// in a 1,000-row list re-evaluates every row's class but changes two). Nullable attributes are not cached.
bool cached_kind(const BindingIR& x) {
  switch (x.kind) {
    case BindKind::Text: case BindKind::Class: case BindKind::ClassToggle: case BindKind::Prop: case BindKind::PropBool: return true;
    default: return false;
  }
}

class BlockLowerer {
 public:
  BlockLowerer(Program& p, Diagnostics& d, LoweredProgram& lp, BlockId b)
      : p_(p), d_(d), lp_(lp), b_(b), m_(p.blocks[b].module) {}

  void run() {
    BlockInfo& bi = p_.blocks[b_];
    std::vector<NodeId> tops;
    for (NodeId j : bi.jsx) {
      const Node& n = node(j);
      if (n.kind == NodeKind::JsxFragment) tops.insert(tops.end(), n.kids.begin(), n.kids.end());
      else tops.push_back(j);
    }
    uint32_t index = 0;
    if (bi.dynamic_el != kNoNode && bi.dynamic_comp != kNoId)  // a <Dynamic> case: the component, with the element's props
      dynamic_child(bi.dynamic_el, bi.dynamic_comp, "", true, index, nullptr, false);
    else if (bi.dynamic_el != kNoNode)  // … or the element with the case's tag name
      element(bi.dynamic_el, child_path("", true, index++), true);
    else
      children(tops, "", true, index, nullptr);
    if (roots_.empty()) {  // an empty fragment still needs one node to mount
      ir().tpl.html += "<!---->";
      roots_.push_back("f");
    }
    // window.addEventListener(type, fn) in the component (analyze/window.cpp): dx.js listens on window; the
    // LISTEN names the first root so the event reaches this instance while it is in the document.
    for (auto& [event, fn] : bi.window_handlers) bind(Ref{true, 0}, handler(event, fn, dx::schema::kWindowEvent));
    BlockIR& out = ir();
    out.tpl.root_count = uint32_t(roots_.size());
    out.tpl.paths = roots_;
    out.tpl.paths.insert(out.tpl.paths.end(), slots_.begin(), slots_.end());
    for (auto& [ref, binding] : pending_) {
      binding.node = resolve(ref);
      out.bindings.push_back(std::move(binding));
    }
    for (BindingIR& x : out.bindings) {
      x.number = x.kind == BindKind::Text && x.parts.size() == 1 && x.parts[0].is_expr &&
                 p_.types.kind(p_.type_of(m_, x.parts[0].expr)) == TypeKind::Number;
      if (x.deps && cached_kind(x)) x.cache = bi.alloc_field(x.number ? 8 : 4);
    }
    for (auto& [ref, field] : root_anchors_) out.anchors.push_back({resolve(ref), field});
    out.ids_offset = p_.blocks[b_].alloc_field(4 * uint32_t(out.tpl.paths.size()));
    for (SymId memo : bi.memos) out.memo_deps.push_back({memo, analyze::deps_of_function(p_, p_.symbols[memo].func)});
    for (auto& [fn, is_effect] : bi.effects)
      if (is_effect) out.effect_deps.push_back({fn, analyze::deps_of_function(p_, fn)});
  }

 private:
  const Node& node(NodeId n) const { return p_.modules[m_]->ast[n]; }
  BlockIR& ir() { return lp_.blocks[b_]; }
  uint32_t resolve(Ref r) const { return r.root ? r.idx : uint32_t(roots_.size()) + r.idx; }
  uint32_t deps(NodeId e) const { return e == kNoNode ? 0 : analyze::deps_of(p_, m_, e); }

  // A node at `path`: roots are addressed by their root index, others get a slot (once per path).
  Ref place(const std::string& path, bool root_level) {
    if (root_level) {
      roots_.push_back(path);
      return {true, uint32_t(roots_.size() - 1)};
    }
    return {false, 0};  // not addressable yet; slot() makes it so
  }
  Ref slot(const std::string& path, bool root_level, Ref placed) {
    if (root_level) return placed;
    for (uint32_t i = 0; i < slots_.size(); ++i) if (slots_[i] == path) return {false, i};
    slots_.push_back(path);
    return {false, uint32_t(slots_.size() - 1)};
  }
  void bind(Ref r, BindingIR b) { pending_.push_back({r, std::move(b)}); }

  // A handler-table entry for `event` running `v` (an arrow, or an expression naming a function), and the
  // Event binding that registers it.
  BindingIR handler(const std::string& event, NodeId v, uint32_t flags) {
    HandlerIR h;
    h.block = b_;
    h.module = m_;
    h.event = event;
    h.flags = flags;
    auto f = p_.modules[m_]->funcs.find(v);
    if (f != p_.modules[m_]->funcs.end() && (node(v).kind == NodeKind::Arrow || node(v).kind == NodeKind::FunctionExpr)) {
      h.fn = f->second;
      h.flags |= p_.funcs[h.fn].event_flags;
    } else {
      h.expr = v;
      SymId s = node(v).kind == NodeKind::Identifier ? p_.ref_of(m_, v) : kNoId;
      if (s != kNoId && p_.symbols[s].kind == SymKind::Function) h.flags |= p_.funcs[p_.symbols[s].func].event_flags;
    }
    BindingIR b;
    b.kind = BindKind::Event;
    b.name = h.event;
    b.handler = uint32_t(lp_.handlers.size());
    lp_.handlers.push_back(std::move(h));
    return b;
  }

  bool is_text_like(NodeId k) const {
    const Node& n = node(k);
    if (n.kind == NodeKind::JsxText) return true;
    if (n.kind == NodeKind::JsxExpr && n.kid(0) != kNoNode) {
      const Node& e = node(n.kid(0));
      return e.kind != NodeKind::JsxElement && e.kind != NodeKind::JsxFragment && !p_.modules[m_]->blocks.count(n.kid(0));
    }
    return false;
  }

  // Emits `kids` as siblings under `parent_path`. `parent_ref` is the enclosing element (for a <For> that
  // is its only child).
  void children(const std::vector<NodeId>& kids_in, const std::string& parent_path, bool root_level, uint32_t& index,
                const Ref* parent_ref) {
    std::vector<NodeId> kids;
    for (NodeId k : kids_in) {
      const Node& n = node(k);
      if (n.kind == NodeKind::JsxExpr && n.kid(0) == kNoNode) continue;
      if (n.kind == NodeKind::JsxExpr && (node(n.kid(0)).kind == NodeKind::JsxFragment)) {
        for (NodeId fk : node(n.kid(0)).kids) kids.push_back(fk);
        continue;
      }
      if (n.kind == NodeKind::JsxFragment) { for (NodeId fk : n.kids) kids.push_back(fk); continue; }
      kids.push_back(k);
    }
    for (size_t i = 0; i < kids.size();) {
      if (p_.modules[m_]->children_slots.count(kids[i])) {  // {props.children}: the caller's block, at an anchor
        BindingIR b;
        b.kind = BindKind::Children;
        b.field = p_.blocks[b_].children_instance;
        std::string path = child_path(parent_path, root_level, index++);
        ir().tpl.html += "<!---->";
        Ref r = place(path, root_level);
        Ref anchor = slot(path, root_level, r);
        if (root_level) root_anchors_.push_back({anchor, b.field});
        bind(anchor, std::move(b));
        ++i;
        continue;
      }
      if (is_text_like(kids[i])) {
        std::vector<TextPart> parts;
        bool dynamic = false;
        while (i < kids.size() && is_text_like(kids[i])) {
          const Node& n = node(kids[i]);
          if (n.kind == NodeKind::JsxText) {
            if (!parts.empty() && !parts.back().is_expr) parts.back().text += std::string(n.text);
            else parts.push_back({false, std::string(n.text), kNoNode});
          } else {
            parts.push_back({true, "", n.kid(0)});
            dynamic = true;
          }
          ++i;
        }
        std::string path = child_path(parent_path, root_level, index++);
        Ref r = place(path, root_level);
        if (!dynamic) {
          ir().tpl.html += escape_text(parts[0].text);
          continue;
        }
        ir().tpl.html += " ";  // placeholder text node, filled by TEXT
        BindingIR b;
        b.kind = BindKind::Text;
        for (auto& part : parts) if (part.is_expr) b.deps |= deps(part.expr);
        b.parts = std::move(parts);
        bind(slot(path, root_level, r), std::move(b));
        continue;
      }
      NodeId k = kids[i++];
      const Node& n = node(k);
      NodeId el = n.kind == NodeKind::JsxExpr ? n.kid(0) : k;
      if (auto ctl = p_.modules[m_]->control.find(el); ctl != p_.modules[m_]->control.end()) {
        control_child(el, ctl->second, parent_path, root_level, index, parent_ref, kids.size() == 1);
        continue;
      }
      auto it = p_.modules[m_]->blocks.find(el);
      if (it != p_.modules[m_]->blocks.end()) {
        dynamic_child(el, it->second, parent_path, root_level, index, parent_ref, kids.size() == 1);
        continue;
      }
      element(el, child_path(parent_path, root_level, index++), root_level);
    }
  }

  void dynamic_child(NodeId el, BlockId child, const std::string& parent_path, bool root_level, uint32_t& index,
                     const Ref* parent_ref, bool only_child) {
    const Node& n = node(el);
    BlockInfo& owner = p_.blocks[b_];
    const BlockInfo& cb = p_.blocks[child];
    BindingIR b;
    b.child = child;
    b.field = owner.alloc_field(4);
    auto attr = [&](const char* name) {
      // `cond && <p/>`, `c ? <a/> : <b/>`, `xs.map(…)` (analyze/jsx_expr.cpp): the condition or the array
      if (auto e = p_.modules[m_]->control_exprs.find(el); e != p_.modules[m_]->control_exprs.end()) return e->second;
      for (NodeId a : node(n.kid(0)).kids)
        if (node(a).kind == NodeKind::JsxAttr && node(a).text == name) return node(a).kid(0);
      return kNoNode;
    };
    if (cb.kind == dx::schema::kBlockRow) {
      b.kind = BindKind::For;
      b.expr = attr("each");
      b.deps = deps(b.expr);
      if (auto k = p_.modules[m_]->for_keys.find(el); k != p_.modules[m_]->for_keys.end()) {
        b.key = k->second;
        b.deps |= deps(b.key);
      }
      if (auto fb = p_.modules[m_]->fallbacks.find(el); fb != p_.modules[m_]->fallbacks.end()) {
        // <For fallback>: the rows at one anchor, then the fallback at a second one, shown while `each` is
        // empty (a Show binding without a main branch: codegen_blocks.cpp)
        BindingIR e;
        e.kind = BindKind::Show;
        e.fallback = fb->second;
        e.expr = b.expr;
        e.deps = b.deps;
        e.field = owner.alloc_field(4);
        e.field2 = owner.alloc_field(4);
        anchored(std::move(b), parent_path, root_level, index);
        anchored(std::move(e), parent_path, root_level, index);
        return;
      }
      if (only_child && parent_ref) {  // the list owns its parent element: rows are appended, no anchor
        b.has_anchor = false;
        bind(*parent_ref, std::move(b));
        return;
      }
    } else if (cb.kind == dx::schema::kBlockBranch) {
      b.kind = BindKind::Show;
      b.expr = attr("when");
      b.deps = deps(b.expr);
      b.field2 = owner.alloc_field(4);
      auto fb = p_.modules[m_]->fallbacks.find(el);
      if (fb != p_.modules[m_]->fallbacks.end()) b.fallback = fb->second;
    } else {
      b.kind = BindKind::Component;
      for (NodeId a : node(n.kid(0)).kids) {
        const Node& an = node(a);
        if (an.kind != NodeKind::JsxAttr) continue;
        if (el == owner.dynamic_el && an.text == "component") continue;  // <Dynamic component>: the choice, not a prop
        PropIR pr;
        pr.name = std::string(an.text);
        pr.expr = an.kid(0);
        for (auto& [nm, bit] : cb.prop_bits) if (nm == pr.name) pr.bit = bit;
        for (auto& [nm, off] : cb.prop_offsets) if (nm == pr.name) pr.offset = off;
        const Symbol& ps = p_.symbols[cb.props];
        pr.type = p_.types.shape_info(p_.types.info(ps.type).shape).find(pr.name)->type;
        pr.deps = deps(pr.expr);
        b.deps |= pr.deps;
        b.props.push_back(std::move(pr));
      }
      if (auto ch = p_.modules[m_]->children.find(el); ch != p_.modules[m_]->children.end()) b.children = ch->second;
    }
    anchored(std::move(b), parent_path, root_level, index);
  }

  // A binding whose child sits before a `<!---->` anchor at this position.
  void anchored(BindingIR b, const std::string& parent_path, bool root_level, uint32_t& index) {
    std::string path = child_path(parent_path, root_level, index++);
    ir().tpl.html += "<!---->";
    Ref r = place(path, root_level);
    Ref anchor = slot(path, root_level, r);
    if (root_level) root_anchors_.push_back({anchor, b.field});
    bind(anchor, std::move(b));
  }

  // <Index>, <Switch>, <Dynamic>, <Portal> (analyze/jsx_control.cpp).
  void control_child(NodeId el, Builtin kind, const std::string& parent_path, bool root_level, uint32_t& index,
                     const Ref* parent_ref, bool only_child) {
    const Module& mod = *p_.modules[m_];
    BlockInfo& owner = p_.blocks[b_];
    BindingIR b;
    b.field = owner.alloc_field(4);
    auto attr = [&](const char* name) {
      for (NodeId a : node(node(el).kid(0)).kids)
        if (node(a).kind == NodeKind::JsxAttr && node(a).text == name) return node(a).kid(0);
      return kNoNode;
    };
    switch (kind) {
      case Builtin::Index:  // a list like <For>, matched by position
        b.kind = BindKind::Index;
        b.child = mod.blocks.at(el);
        b.expr = attr("each");
        b.deps = deps(b.expr);
        if (only_child && parent_ref) {
          b.has_anchor = false;
          bind(*parent_ref, std::move(b));
          return;
        }
        break;
      case Builtin::Switch:
        b.kind = BindKind::Switch;
        for (auto& [when, branch] : mod.matches.at(el)) {
          b.whens.push_back(when);
          b.cases.push_back(branch);
          b.deps |= deps(when);
        }
        if (auto fb = mod.fallbacks.find(el); fb != mod.fallbacks.end()) b.fallback = fb->second;
        b.field2 = owner.alloc_field(4);
        break;
      case Builtin::Dynamic:
        b.kind = BindKind::Dynamic;
        b.expr = attr("component");
        b.deps = deps(b.expr);
        b.cases = mod.dynamic_cases.at(el);
        b.field2 = owner.alloc_field(4);
        break;
      case Builtin::Suspense: {  // a <Show> on `state`, which dx_suspense_open sets and dx_suspense_release flips
        b.kind = BindKind::Suspense;
        b.child = mod.blocks.at(el);
        if (auto fb = mod.fallbacks.find(el); fb != mod.fallbacks.end()) b.fallback = fb->second;
        b.field2 = owner.alloc_field(4);
        b.state = owner.alloc_field(4);
        BlockInfo& comp = p_.blocks[owner.component];
        b.deps = 1u << (comp.next_bit++ % 32);  // the release invalidates the component with it
        break;
      }
      default:  // Portal: its nodes live under the mount node, so it takes no place (and no anchor) here
        b.kind = BindKind::Portal;
        b.child = mod.blocks.at(el);
        b.mount = mod.portal_mounts.at(el);
        // mount is read once, when the Portal is created (as Solid does): no deps
        bind(Ref{true, 0}, std::move(b));  // no node of ours is involved
        return;
    }
    anchored(std::move(b), parent_path, root_level, index);
  }

  void element(NodeId el, const std::string& path, bool root_level) {
    const Node& n = node(el);
    const BlockInfo& bi = p_.blocks[b_];
    bool dynamic = el == bi.dynamic_el;  // a <Dynamic> case: the element with the case's tag name
    std::string tag = dynamic ? bi.dynamic_tag : std::string(n.text);
    std::string& html = ir().tpl.html;
    html += "<" + tag;
    Ref placed = place(path, root_level);
    bool has_slot = false;
    Ref me{};
    auto need_slot = [&]() {
      if (!has_slot) { me = slot(path, root_level, placed); has_slot = true; }
      return me;
    };
    for (NodeId a : node(n.kid(0)).kids) {
      const Node& an = node(a);
      std::string name(an.text);
      NodeId v = an.kid(0);
      if (dynamic && name == "component") continue;
      if (name.size() > 2 && name[0] == 'o' && name[1] == 'n' && std::isupper((unsigned char)name[2])) {
        std::string event = name.substr(2);
        for (char& ch : event) ch = char(std::tolower((unsigned char)ch));
        bind(need_slot(), handler(event, v, 0));
        continue;
      }
      std::string hname = html_attr_name(name);
      if (v == kNoNode) {
        html += " " + hname;
        // The browser autofocuses only at page load; dx focuses an autofocus element each time it creates it
        // (FOCUS, schemas/ops.md), as Svelte does: the TodoMVC edit field, a dialog's first input.
        if (hname == "autofocus") {
          BindingIR b;
          b.kind = BindKind::Focus;
          bind(need_slot(), std::move(b));
        }
        continue;
      }
      const Node& vn = node(v);
      if (vn.kind == NodeKind::StringLit) { html += " " + hname + "=\"" + escape_attr(vn.text) + "\""; continue; }
      if (name == "classList") {
        for (NodeId k : vn.kids) {
          const Node& kn = node(k);
          BindingIR b;
          b.kind = BindKind::ClassToggle;
          b.name = std::string(kn.text);
          b.expr = kn.kid(0);
          b.deps = deps(b.expr);
          bind(need_slot(), std::move(b));
        }
        continue;
      }
      BindingIR b;
      b.expr = v;
      b.deps = deps(v);
      b.name = hname;
      TypeId t = p_.type_of(m_, v);
      bool is_bool = p_.types.kind(t) == TypeKind::Boolean;
      if (hname == "class") b.kind = BindKind::Class;
      else if ((hname == "value" && !is_bool) ) b.kind = BindKind::Prop;
      else if (hname == "checked" || hname == "selected" || hname == "muted") b.kind = BindKind::PropBool;
      else b.kind = is_bool ? BindKind::BoolAttr : BindKind::Attr;
      if (b.kind == BindKind::PropBool && !is_bool) b.kind = BindKind::Attr;
      bind(need_slot(), std::move(b));
    }
    html += ">";
    std::vector<NodeId> kids(n.kids.begin() + 1, n.kids.end());
    if (is_void_element(tag)) {
      bool any = false;
      for (NodeId k : kids) any |= !(node(k).kind == NodeKind::JsxExpr && node(k).kid(0) == kNoNode);
      if (any) d_.error("DX0301", n.span, "<" + tag + "> is a void element and cannot have children");
      return;
    }
    // The element's own ref, for a <For> that owns it.
    Ref self = need_slot_if_list(kids, path, root_level, placed, has_slot, me);
    uint32_t index = 0;
    children(kids, path, false, index, &self);
    html += "</" + tag + ">";
  }

  // Gives the element a slot when it directly holds a <For>, which appends its rows to it.
  Ref need_slot_if_list(const std::vector<NodeId>& kids, const std::string& path, bool root_level, Ref placed, bool& has_slot, Ref& me) {
    for (NodeId k : kids) {
      const Node& n = node(k);
      NodeId el = n.kind == NodeKind::JsxExpr ? n.kid(0) : k;
      if (el == kNoNode) continue;
      auto it = p_.modules[m_]->blocks.find(el);
      if (it != p_.modules[m_]->blocks.end() && p_.blocks[it->second].kind == dx::schema::kBlockRow) {
        if (!has_slot) { me = slot(path, root_level, placed); has_slot = true; }
        return me;
      }
    }
    return has_slot ? me : placed;
  }

  Program& p_;
  Diagnostics& d_;
  LoweredProgram& lp_;
  BlockId b_;
  ModuleId m_;
  std::vector<std::string> roots_, slots_;
  std::vector<std::pair<Ref, BindingIR>> pending_;
  std::vector<std::pair<Ref, uint32_t>> root_anchors_;
};

uint32_t block_reads(const Program& p, const LoweredProgram& lp, BlockId b, std::vector<int>& state, std::vector<uint32_t>& memo);

// What the blocks a binding creates (rows, branches, cases) read from the component mask.
uint32_t branch_reads(const Program& p, const LoweredProgram& lp, const BindingIR& x, std::vector<int>& state, std::vector<uint32_t>& memo) {
  uint32_t d = 0;
  if (x.child != kNoId) d |= block_reads(p, lp, x.child, state, memo);
  if (x.fallback != kNoId) d |= block_reads(p, lp, x.fallback, state, memo);
  for (BlockId c : x.cases) d |= block_reads(p, lp, c, state, memo);
  return d;
}

uint32_t block_reads(const Program& p, const LoweredProgram& lp, BlockId b, std::vector<int>& state, std::vector<uint32_t>& memo) {
  if (state[b] == 2) return memo[b];
  if (state[b] == 1) return 0;
  state[b] = 1;
  uint32_t d = 0;
  for (const BindingIR& x : lp.blocks[b].bindings) {
    d |= x.deps;
    if (x.kind == BindKind::For || x.kind == BindKind::Show || x.kind == BindKind::Index || x.kind == BindKind::Portal ||
        x.kind == BindKind::Switch || x.kind == BindKind::Dynamic || x.kind == BindKind::Suspense)
      d |= branch_reads(p, lp, x, state, memo);
  }
  state[b] = 2;
  memo[b] = d;
  return d;
}

}  // namespace

LoweredProgram lower(Program& p, Diagnostics& diags) {
  LoweredProgram lp;
  lp.blocks.resize(p.blocks.size());
  for (BlockId b = 0; b < p.blocks.size(); ++b) BlockLowerer(p, diags, lp, b).run();
  std::vector<int> state(p.blocks.size(), 0);
  std::vector<uint32_t> memo(p.blocks.size(), 0);
  for (BlockIR& bir : lp.blocks)
    for (BindingIR& x : bir.bindings) {
      if (x.kind == BindKind::For) x.child_deps = block_reads(p, lp, x.child, state, memo);
      if (x.kind == BindKind::Component && x.children != kNoId) x.child_deps = block_reads(p, lp, x.children, state, memo);
      if (x.kind == BindKind::Show || x.kind == BindKind::Index || x.kind == BindKind::Switch || x.kind == BindKind::Dynamic ||
          x.kind == BindKind::Portal || x.kind == BindKind::Suspense)
        x.child_deps = branch_reads(p, lp, x, state, memo);
    }
  for (BlockId b = 0; b < p.blocks.size(); ++b) p.blocks[b].size = (p.blocks[b].size + 7) & ~7u;
  return lp;
}

std::string dump(const Program& p, const LoweredProgram& lp) {
  static const char* kinds[] = {"text", "attr", "bool-attr", "class", "class-toggle", "prop", "prop-bool", "event", "for", "show",
                                "component", "children", "index", "switch", "dynamic", "portal", "focus", "suspense"};
  std::string s;
  auto hex = [](uint32_t v) { char b[16]; snprintf(b, sizeof b, "0x%x", v); return std::string(b); };
  for (BlockId b = 0; b < lp.blocks.size(); ++b) {
    const BlockInfo& bi = p.blocks[b];
    const BlockIR& ir = lp.blocks[b];
    s += "block " + std::to_string(b) + " " + bi.name + " kind=" + std::to_string(bi.kind) + " size=" + std::to_string(bi.size) +
         " ids@" + std::to_string(ir.ids_offset) + "\n";
    s += "  html " + ir.tpl.html + "\n";
    for (size_t i = 0; i < ir.tpl.paths.size(); ++i)
      s += "  node " + std::to_string(i) + (i < ir.tpl.root_count ? " root " : " slot ") + ir.tpl.paths[i] + "\n";
    for (auto& [root, field] : ir.anchors) s += "  anchor root " + std::to_string(root) + " field@" + std::to_string(field) + "\n";
    for (const BindingIR& x : ir.bindings) {
      s += "  " + std::string(kinds[int(x.kind)]) + " node=" + std::to_string(x.node);
      if (!x.name.empty()) s += " name=" + x.name;
      s += " deps=" + hex(x.deps);
      if (x.kind == BindKind::Event) s += " handler=" + std::to_string(x.handler);
      if (x.child != kNoId) s += " child=" + std::to_string(x.child) + " field@" + std::to_string(x.field);
      if (x.fallback != kNoId) s += " fallback=" + std::to_string(x.fallback);
      if (x.children != kNoId) s += " children=" + std::to_string(x.children);
      if (x.kind == BindKind::Children) s += " field@" + std::to_string(x.field);
      if ((x.kind == BindKind::For || x.kind == BindKind::Index) && !x.has_anchor) s += " append";
      if (x.kind == BindKind::Switch || x.kind == BindKind::Dynamic) {
        s += " field@" + std::to_string(x.field) + " cases=";
        for (size_t i = 0; i < x.cases.size(); ++i) s += (i ? "," : "") + std::to_string(x.cases[i]);
      }
      if (x.kind == BindKind::Suspense) s += " state@" + std::to_string(x.state);
      if (x.child_deps) s += " child-deps=" + hex(x.child_deps);
      for (const PropIR& pr : x.props) s += " prop:" + pr.name + "@" + std::to_string(pr.offset) + "/" + hex(pr.bit);
      s += "\n";
    }
  }
  for (size_t h = 0; h < lp.handlers.size(); ++h)
    s += "handler " + std::to_string(h) + " block=" + std::to_string(lp.handlers[h].block) + " event=" + lp.handlers[h].event +
         " flags=" + std::to_string(lp.handlers[h].flags) + "\n";
  return s;
}

}  // namespace dxc::lower
