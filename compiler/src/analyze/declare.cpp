// Module loading (following imports), module-level declarations, imports and exports.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "analyze/analyze.h"
#include "analyze/checker.h"
#include "common/parallel.h"
#include "discover/discover.h"
#include "parse/parse.h"

namespace fs = std::filesystem;

namespace dxc::analyze {

namespace {

struct DxExport { const char* name; Builtin builtin; bool supported; };
constexpr DxExport kDxExports[] = {
    {"createSignal", Builtin::CreateSignal, true}, {"createMemo", Builtin::CreateMemo, true},
    {"For", Builtin::For, true}, {"Show", Builtin::Show, true},
    {"createEffect", Builtin::CreateEffect, true}, {"createSelector", Builtin::CreateSelector, true}, {"batch", Builtin::Batch, true},
    {"untrack", Builtin::Untrack, true}, {"onMount", Builtin::OnMount, true}, {"onCleanup", Builtin::OnCleanup, true},
    {"Index", Builtin::Index, true}, {"Switch", Builtin::Switch, true}, {"Match", Builtin::Match, true},
    {"Portal", Builtin::Portal, true}, {"Suspense", Builtin::Suspense, true}, {"ErrorBoundary", Builtin::None, false},
    {"Dynamic", Builtin::Dynamic, true}, {"KeepAlive", Builtin::None, false}, {"Island", Builtin::None, false},
    {"useParams", Builtin::UseParams, true}, {"useSearchParams", Builtin::UseSearchParams, true},
    {"useFormData", Builtin::UseFormData, true},
};

bool returns_jsx(const Ast& ast, NodeId body) {
  if (body == kNoNode) return false;
  const Node& b = ast[body];
  if (is_jsx(b)) return true;
  if (b.kind != NodeKind::Block) return false;
  for (NodeId s : b.kids) {
    const Node& st = ast[s];
    if (st.kind == NodeKind::Return && st.kid(0) != kNoNode && is_jsx(ast[st.kid(0)])) return true;
  }
  return false;
}

}  // namespace

// Registers a module from `text`; returns its id. parse_pending parses it.
static ModuleId add_module(Program& p, const Project& proj, const std::string& rel, std::string text,
                           std::map<std::string, ModuleId>& loaded) {
  auto m = std::make_unique<Module>();
  m->path = rel;
  m->abs_path = (fs::path(proj.root) / rel).string();
  m->file = p.sources->add(rel, std::move(text));
  p.modules.push_back(std::move(m));
  ModuleId id = ModuleId(p.modules.size() - 1);
  loaded.emplace(rel, id);
  return id;
}

// Parses modules [from, end) on every core: each file's tree-sitter parse and AST are its own (the source
// manager is only read meanwhile); each module's diagnostics are kept apart and reported in module order,
// whichever thread parsed it. A 500-component app: 0.31 s on one core, 0.16 s on two.
static void parse_pending(Program& p, ModuleId from, Diagnostics& d) {
  const ModuleId end = ModuleId(p.modules.size());
  std::vector<Diagnostics> found(end - from);
  std::atomic<ModuleId> next{from};
  auto work = [&] {
    for (ModuleId m; (m = next.fetch_add(1)) < end;) {
      Module& mod = *p.modules[m];
      mod.ast = parse::parse_file(*p.sources, mod.file, found[m - from]);
      mod.expr_type.assign(mod.ast.nodes.size(), 0);
      mod.ref.assign(mod.ast.nodes.size(), kNoId);
    }
  };
  on_every_core(end - from, work);
  for (Diagnostics& f : found) d.append(std::move(f));
}

// Reads, parses and registers a module; returns its id (existing id if already loaded).
static ModuleId load_module(Program& p, const Project& proj, const std::string& rel,
                            std::map<std::string, ModuleId>& loaded) {
  auto it = loaded.find(rel);
  if (it != loaded.end()) return it->second;
  std::ifstream in(fs::path(proj.root) / rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return add_module(p, proj, rel, ss.str(), loaded);
}

// A page with layouts renders a generated component that nests it in them, outermost first:
//   import DxLayout0 from "../_layout.tsx"; import DxPage from "./[slug].tsx";
//   export default function DxLayoutPage() { return <DxLayout0><DxPage /></DxLayout0>; }
// Its path is the page's with "#layouts": imports resolve from the page's folder, and no file has that name.
static ModuleId add_layout_module(Program& p, const Project& proj, const PageFile& pg,
                                  std::map<std::string, ModuleId>& loaded) {
  fs::path folder = fs::path(pg.path).parent_path();
  auto spec = [&](const std::string& file) {
    std::string r = fs::path(file).lexically_relative(folder).generic_string();
    return r.rfind("../", 0) == 0 ? r : "./" + r;
  };
  std::string text, open, close;
  for (size_t i = 0; i < pg.layouts.size(); ++i) {
    std::string name = "DxLayout" + std::to_string(i);
    text += "import " + name + " from \"" + spec(pg.layouts[i]) + "\";\n";
    open += "<" + name + ">";
    close = "</" + name + ">" + close;
  }
  text += "import DxPage from \"" + spec(pg.path) + "\";\n";
  text += "export default function DxLayoutPage() { return " + open + "<DxPage />" + close + "; }\n";
  ModuleId id = add_module(p, proj, pg.path + "#layouts", std::move(text), loaded);
  p.modules[id]->synthetic = true;
  return id;
}

// Resolves a relative import to a project file, or "" if none exists.
static std::string resolve_relative(const Project& proj, const std::string& from, const std::string& spec) {
  fs::path base = (fs::path(from).parent_path() / spec).lexically_normal();
  std::string b = base.generic_string();
  if (b.rfind("..", 0) == 0 || base.is_absolute()) return "";
  std::error_code ec;
  for (const char* ext : {"", ".tsx", ".ts", "/index.tsx", "/index.ts"}) {
    std::string cand = b + ext;
    if (fs::is_regular_file(fs::path(proj.root) / cand, ec) &&
        (cand.size() > 3 && (cand.substr(cand.size() - 3) == ".ts" || cand.substr(cand.size() - 4) == ".tsx")))
      return cand;
  }
  return "";
}

void parse_project(const Project& proj, Program& p, Diagnostics& d) {
  std::map<std::string, ModuleId> loaded;
  for (const PageFile& pg : proj.pages) {
    p.page_files.push_back(load_module(p, proj, pg.path, loaded));
    p.page_modules.push_back(pg.layouts.empty() ? p.page_files.back() : add_layout_module(p, proj, pg, loaded));
    p.page_params.push_back(pg.params);
    p.routes.push_back(pg.not_found ? "/404" : pg.route);
  }
  // Follow relative imports breadth-first (modules are appended while iterating), parsing each wave of new
  // modules together.
  ModuleId parsed = 0;
  for (ModuleId m = 0; m < p.modules.size(); ++m) {
    if (m == parsed) parse_pending(p, parsed, d), parsed = ModuleId(p.modules.size());
    const Ast& ast = p.modules[m]->ast;
    if (ast.root == kNoNode) continue;
    for (NodeId s : ast[ast.root].kids) {
      const Node& n = ast[s];
      if (n.kind != NodeKind::Import) continue;
      std::string spec(n.text);
      if (spec.rfind("./", 0) != 0 && spec.rfind("../", 0) != 0) continue;
      std::string rel = resolve_relative(proj, p.modules[m]->path, spec);
      if (rel.empty()) {
        d.error("DX0202", n.span, "cannot find module '" + spec + "' (looked for .tsx, .ts and /index.tsx inside the project)");
        continue;
      }
      ModuleId target = load_module(p, proj, rel, loaded);
      p.modules[m]->import_targets[s] = target;
    }
  }
  for (const PageFile& pg : proj.pages)
    for (const std::string& l : pg.layouts)
      if (std::find(p.layout_modules.begin(), p.layout_modules.end(), loaded.at(l)) == p.layout_modules.end())
        p.layout_modules.push_back(loaded.at(l));
}

RequestReads reads_request(const Program& p, ModuleId m) {
  RequestReads r;
  std::vector<bool> seen(p.modules.size());
  std::vector<ModuleId> todo = {m};
  while (!todo.empty() && !(r.query && r.form)) {
    ModuleId at = todo.back();
    todo.pop_back();
    if (at >= seen.size() || seen[at]) continue;
    seen[at] = true;
    r.query |= p.modules[at]->uses_search_params;
    r.form |= p.modules[at]->uses_form_data;
    for (const auto& [node, target] : p.modules[at]->import_targets) todo.push_back(target);
  }
  return r;
}

void analyze(Program& p, Diagnostics& d) {
  Checker ck(p, d);
  for (ModuleId m = 0; m < p.modules.size(); ++m) ck.declare_module(m);
  // Imports bind to the target modules' exports, once every module is declared.
  for (ModuleId m = 0; m < p.modules.size(); ++m) {
    Module& mod = *p.modules[m];
    if (mod.ast.root == kNoNode) continue;
    for (NodeId s : mod.ast[mod.ast.root].kids) {
      const Node& n = mod.ast[s];
      if (n.kind != NodeKind::Import) continue;
      std::string spec(n.text);
      auto t = mod.import_targets.find(s);
      for (NodeId k : n.kids) {
        const Node& sp = mod.ast[k];
        std::string local(sp.text), imported(sp.text2.empty() ? sp.text : sp.text2);
        if (spec == "dx") {
          if (imported == "JSX") continue;  // the JSX namespace's types (JSX.Element) are known by name
          const DxExport* found = nullptr;
          for (const DxExport& e : kDxExports) if (imported == e.name) found = &e;
          if (!found) { d.error("DX0203", sp.span, "\"dx\" has no export named '" + imported + "'"); continue; }
          if (!found->supported) {
            d.error("DX0204", sp.span, "'" + imported + "' from \"dx\" is not supported by this version of dxc yet");
            continue;
          }
          Symbol sym;
          sym.kind = SymKind::Builtin;
          sym.name = local;
          sym.module = m;
          sym.decl = k;
          sym.builtin = found->builtin;
          mod.scope[local] = p.add_symbol(sym);
        } else if (t != mod.import_targets.end()) {
          Module& target = *p.modules[t->second];
          auto e = target.exports.find(imported);
          if (e == target.exports.end()) {  // a generated module's imports are checked as pages and layouts below
            if (!mod.synthetic) d.error("DX0203", sp.span, "module '" + spec + "' has no export named '" + imported + "'");
            continue;
          }
          mod.scope[local] = e->second;
        } else if (spec.rfind("./", 0) != 0 && spec.rfind("../", 0) != 0) {
          if (spec.rfind("dx/", 0) == 0)
            d.error("DX0204", n.span, "module '" + spec + "' is not supported by this version of dxc yet");
          else
            d.error("DX0201", n.span, "unknown import '" + spec + "': dx apps import from \"dx\" and from project files");
          break;
        }
      }
    }
    // `export default Name;` and `export { a as b }` once imports are bound.
    for (NodeId s : mod.ast[mod.ast.root].kids) {
      const Node& n = mod.ast[s];
      if (n.kind == NodeKind::ExportDefaultExpr) {
        const Node& e = mod.ast[n.kid(0)];
        auto it = e.kind == NodeKind::Identifier ? mod.scope.find(std::string(e.text)) : mod.scope.end();
        if (it == mod.scope.end()) d.error("DX0205", n.span, "export default must name a function declared in this module");
        else mod.exports["default"] = it->second;
      } else if (n.kind == NodeKind::ExportNamed) {
        for (NodeId k : n.kids) {
          const Node& sp = mod.ast[k];
          auto it = mod.scope.find(std::string(sp.text));
          if (it == mod.scope.end()) d.error("DX0203", sp.span, "cannot export '" + std::string(sp.text) + "': not declared in this module");
          else mod.exports[std::string(sp.text2.empty() ? sp.text : sp.text2)] = it->second;
        }
      }
    }
  }
  // Pages and layouts export a component by default; a page's may take its route params (mark_page).
  auto default_component = [&](ModuleId m, const char* what, const char* code) -> SymId {
    Module& mod = *p.modules[m];
    auto e = mod.exports.find("default");
    if (e != mod.exports.end() && p.symbols[e->second].kind == SymKind::Component) return e->second;
    const Symbol* s = e == mod.exports.end() ? nullptr : &p.symbols[e->second];
    if (s && s->decl != kNoNode)  // point at what it exports instead
      d.error(code, p.modules[s->module]->ast[s->decl].span,
              "'" + s->name + "' is the " + what + "'s default export but not a component (a function returning JSX)");
    else if (std::string(code) == "DX0206")
      d.error_at_path(code, mod.path, "the page has no default export: write `export default function Page() { return <main>…</main>; }`");
    else
      d.error_at_path(code, mod.path, "the layout has no default export: write `export default function Layout(props: { children?: "
                                      "JSX.Element }) { return <div>{props.children}</div>; }`");
    return kNoId;
  };
  std::vector<SymId> page_syms, layout_syms;
  for (size_t i = 0; i < p.page_files.size(); ++i) {
    page_syms.push_back(default_component(p.page_files[i], "page", "DX0206"));
    if (page_syms.back() != kNoId) ck.mark_page(page_syms.back(), p.page_params[i]);
  }
  for (ModuleId m : p.layout_modules) layout_syms.push_back(default_component(m, "layout", "DX0208"));
  bool wrappers_ok = std::find(page_syms.begin(), page_syms.end(), kNoId) == page_syms.end() &&
                     std::find(layout_syms.begin(), layout_syms.end(), kNoId) == layout_syms.end();
  // Module-level variables first, imported modules before their importers (the order JS evaluates them in).
  std::vector<uint8_t> seen(p.modules.size(), 0);
  std::function<void(ModuleId)> globals_of = [&](ModuleId m) {
    if (seen[m]) return;
    seen[m] = 1;
    for (auto& [imp, target] : p.modules[m]->import_targets) globals_of(target);
    ck.check_globals(m);
  };
  for (ModuleId m = 0; m < p.modules.size(); ++m) globals_of(m);
  // A layout renders its page where it puts {props.children}.
  for (size_t i = 0; i < layout_syms.size(); ++i) {
    if (layout_syms[i] == kNoId) continue;
    BlockId b = ck.component_block(layout_syms[i]);
    if (!p.blocks[b].children_instance) {
      const Symbol& s = p.symbols[layout_syms[i]];
      d.error("DX0208", p.modules[s.module]->ast[s.decl].span,
              "the layout '" + s.name + "' takes no children, so its pages cannot render inside it: give its props "
              "`children?: JSX.Element` and render {props.children}");
      wrappers_ok = false;
    }
  }
  for (ModuleId m = 0; m < p.modules.size(); ++m)
    if (wrappers_ok || !p.modules[m]->synthetic) ck.check_module(m);
  ck.finish();
  std::vector<std::string> routes;
  for (size_t i = 0; i < p.page_modules.size(); ++i) {
    if (page_syms[i] == kNoId || !wrappers_ok) continue;
    SymId rendered = p.page_modules[i] == p.page_files[i] ? page_syms[i] : p.modules[p.page_modules[i]]->exports.at("default");
    p.pages.push_back(ck.component_block(rendered));
    routes.push_back(p.routes[i]);
  }
  p.routes = routes;
}

void Checker::declare_module(ModuleId m) {
  mod_ = m;
  Module& mod = module();
  if (mod.ast.root == kNoNode) return;
  auto add = [&](NodeId decl, const std::string& name, Symbol s, bool exported, bool is_default) {
    s.name = name;
    s.module = m;
    s.decl = decl;
    if (mod.scope.count(name)) {
      error(decl, "DX0207", "'" + name + "' is declared twice in this module");
      return;
    }
    SymId id = p_.add_symbol(s);
    mod.scope[name] = id;
    if (s.kind == SymKind::Global) mod.ref[node(decl).kid(0)] = id;
    if (exported) mod.exports[is_default ? "default" : name] = id;
  };
  // A module-level function: a component when its name is capitalized and it returns JSX (checked when a
  // page or a JSX tag needs it), otherwise a function with a FuncInfo, checked on first use or at the end.
  // A generic function (type parameters) gets no FuncInfo: each call's instance does (generics.cpp).
  std::vector<std::pair<std::string, NodeId>> generic;
  auto function_symbol = [&](Symbol& sym, const std::string& name, NodeId fn) {
    bool component = !name.empty() && name[0] >= 'A' && name[0] <= 'Z' && returns_jsx(mod.ast, node(fn).kid(1));
    sym.kind = component ? SymKind::Component : SymKind::Function;
    if (!node(fn).text2.empty()) {
      if (component) {
        error(fn, "DX0276", "generic components are not supported yet: give '" + name + "' props of a concrete type");
        return;
      }
      generic.emplace_back(name, fn);
      return;
    }
    if (component) return;
    FuncInfo f;
    f.name = name;
    f.module = m;
    f.node = fn;
    f.role = FuncRole::Module;
    sym.func = p_.add_func(f);
    mod.funcs[fn] = sym.func;
    pending_[sym.func] = Ctx{};
  };
  for (NodeId s : node(mod.ast.root).kids) {
    const Node& n = node(s);
    bool exported = n.flags & kExport, is_default = n.flags & kDefault;
    switch (n.kind) {
      case NodeKind::Import: case NodeKind::ExportNamed: case NodeKind::ExportDefaultExpr: case NodeKind::Empty: break;
      case NodeKind::Function: {
        Symbol sym;
        if (n.flags & (kAsync | kGenerator)) {
          error(s, "DX0240", std::string(n.flags & kAsync ? "async" : "generator") + " functions are not supported in client code");
          break;
        }
        function_symbol(sym, std::string(n.text), s);
        add(s, n.text.empty() ? "default" : std::string(n.text), sym, exported, is_default);
        break;
      }
      case NodeKind::Interface: case NodeKind::TypeAlias: case NodeKind::Enum: {  // an enum is a type (enums.cpp)
        Symbol sym;
        sym.kind = SymKind::TypeName;
        add(s, std::string(n.text), sym, exported, false);
        break;
      }
      case NodeKind::VarDecl: {
        for (NodeId dk : n.kids) {
          const Node& dn = node(dk);
          const Node& target = node(dn.kid(0));
          NodeId init = dn.kid(2);
          if (target.kind != NodeKind::Identifier) {
            error(dk, "DX0205", "destructuring is not supported at module level yet: declare one name per variable");
            continue;
          }
          if (init == kNoNode) {
            error(dk, "DX0236", "a module-level variable needs an initial value");
            continue;
          }
          const Node& in = node(init);
          bool is_const = n.flags & kConst;
          Symbol sym;
          if (is_const && (in.kind == NodeKind::NumberLit || in.kind == NodeKind::StringLit || in.kind == NodeKind::BoolLit) &&
              dn.kid(1) == kNoNode) {
            sym.kind = SymKind::Const;
            sym.init = init;
          } else if (is_const && (in.kind == NodeKind::Arrow || in.kind == NodeKind::FunctionExpr)) {
            sym.init = init;
            function_symbol(sym, std::string(target.text), init);
          } else {  // evaluated once, before the first page is created
            sym.kind = SymKind::Global;
            sym.init = init;
            sym.is_mutable = !is_const;
          }
          add(dk, std::string(target.text), sym, exported, false);
        }
        break;
      }
      case NodeKind::Class: error(s, "DX0242", "classes are not supported in dx client code; use functions, records and signals"); break;
      default: error(s, "DX0205", "only imports, functions, constants, interfaces and type aliases may appear at module level"); break;
    }
  }
  for (const auto& [name, fn] : generic)
    if (auto it = mod.scope.find(name); it != mod.scope.end() && p_.symbols[it->second].decl != kNoNode &&
                                        p_.symbols[it->second].func == kNoId)
      declare_generic(it->second, m, fn);
}

void Checker::check_globals(ModuleId m) {
  mod_ = m;
  Module& mod = module();
  if (mod.ast.root != kNoNode)  // in declaration order (ensure_global checks what an initializer reads first)
    for (NodeId s : node(mod.ast.root).kids) {
      if (node(s).kind == NodeKind::Enum) {  // its members, reported once even if nothing reads them (enums.cpp)
        if (auto it = mod.scope.find(std::string(node(s).text)); it != mod.scope.end()) enum_values(it->second);
        continue;
      }
      if (node(s).kind != NodeKind::VarDecl) continue;
      for (NodeId dk : node(s).kids) {
        SymId sid = p_.ref_of(m, node(dk).kid(0));
        if (sid != kNoId && p_.symbols[sid].kind == SymKind::Global) ensure_global(sid);
      }
    }
}

void Checker::check_module(ModuleId m) {
  mod_ = m;
  Module& mod = module();
  for (auto& [name, sid] : mod.scope) {
    Symbol& s = p_.symbols[sid];
    if (s.module != m) continue;  // imported
    if (s.kind == SymKind::Component) component_block(sid);
  }
  for (auto& [name, sid] : mod.scope) {
    if (p_.symbols[sid].module != m || p_.symbols[sid].kind != SymKind::Function || is_generic(sid)) continue;
    ensure_checked(p_.symbols[sid].func);
  }
}

SymId Checker::lookup(Scope* s, const std::string& name) const {
  for (; s; s = s->parent) {
    auto it = s->names.find(name);
    if (it != s->names.end()) return it->second;
  }
  return lookup_module(mod_, name);
}

SymId Checker::lookup_module(ModuleId m, const std::string& name) const {
  auto& sc = p_.modules[m]->scope;
  auto it = sc.find(name);
  return it == sc.end() ? kNoId : it->second;
}

Diagnostic& Checker::error(NodeId n, const std::string& code, const std::string& msg) {
  return d_.error(code, node(n).span, msg);
}
void Checker::set_type(NodeId n, TypeId t) { module().expr_type[n] = t; }
void Checker::set_ref(NodeId n, SymId s) { module().ref[n] = s; }

}  // namespace dxc::analyze
