// Generic functions: `function first<T>(xs: T[]): T` compiles once per distinct list of type arguments
// (monomorphization, as each function is compiled with fixed types: DESIGN §2). A call infers the type
// arguments from its arguments (or takes them explicitly, `first<number>(…)`), and the first call with a
// new list makes an *instance*: a copy of the function's syntax in a module of its own, whose type
// parameter names resolve to those types (type_bindings_), checked and generated like any module function.
#include "analyze/builtins.h"
#include "analyze/checker.h"

namespace dxc::analyze {

namespace {

std::vector<std::string> split_names(std::string_view names) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= names.size() && !names.empty()) {
    size_t comma = names.find(',', at);
    if (comma == std::string_view::npos) comma = names.size();
    out.emplace_back(names.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

// Copies the subtree at `n` of `from` into `to`; returns the copy's id.
NodeId copy_tree(const Ast& from, Ast& to, NodeId n) {
  if (n == kNoNode) return kNoNode;
  Node copy = from[n];
  for (NodeId& k : copy.kids) k = copy_tree(from, to, k);
  return to.add(std::move(copy));
}

}  // namespace

void Checker::declare_generic(SymId sid, ModuleId m, NodeId fn) {
  Generic g;
  g.module = m;
  g.fn = fn;
  g.params = split_names(node(fn).text2);
  generics_[sid] = std::move(g);
}

bool Checker::mentions(ModuleId m, NodeId t, const std::vector<std::string>& params) const {
  if (t == kNoNode) return false;
  const Node& n = p_.node(m, t);
  if (n.kind == NodeKind::TypeRef && n.kids.empty() && std::find(params.begin(), params.end(), n.text) != params.end())
    return true;
  for (NodeId k : n.kids)
    if (mentions(m, k, params)) return true;
  return false;
}

// Binds the type parameters the annotation `t` (of the generic's module) names to the parts of `actual`
// they stand for: `T` itself, `T[]` / `Array<T>`, `T | null`, a function type's parameters and result.
void Checker::infer(const Generic& g, NodeId t, TypeId actual, std::map<std::string, TypeId>& bound) {
  auto& T = p_.types;
  if (t == kNoNode || !actual || T.kind(actual) == TypeKind::Error) return;
  const Node& n = p_.node(g.module, t);
  switch (n.kind) {
    case NodeKind::TypeRef:
      if (n.kids.empty() && std::find(g.params.begin(), g.params.end(), n.text) != g.params.end()) {
        bound.emplace(std::string(n.text), actual);  // the first binding stays; the arguments are checked against it
      } else if ((n.text == "Array" || n.text == "ReadonlyArray") && n.kids.size() == 1 && T.kind(actual) == TypeKind::Array) {
        infer(g, n.kid(0), T.info(actual).elem, bound);
      } else if ((n.text == "Map" || n.text == "ReadonlyMap") && n.kids.size() == 2 && T.kind(actual) == TypeKind::Map) {
        const TypeInfo info = T.info(actual);
        infer(g, n.kid(0), info.elem, bound);
        infer(g, n.kid(1), info.ret, bound);
      } else if ((n.text == "Set" || n.text == "ReadonlySet") && n.kids.size() == 1 && T.kind(actual) == TypeKind::Set) {
        infer(g, n.kid(0), T.info(actual).elem, bound);
      } else if (n.text == "Record" && n.kids.size() == 2 && T.kind(actual) == TypeKind::Dict) {  // Record<string, V>
        infer(g, n.kid(1), T.info(actual).elem, bound);
      } else if (!n.kids.empty()) {  // Box<T> against an instance of Box: its arguments
        auto origin = type_origin_.find(T.non_null(actual));
        if (origin != type_origin_.end() && origin->second.first == lookup_module(g.module, std::string(n.text))) {
          const std::vector<TypeId> args = origin->second.second;
          for (size_t i = 0; i < n.kids.size() && i < args.size(); ++i) infer(g, n.kids[i], args[i], bound);
        }
      }
      break;
    case NodeKind::ArrayType:
      if (T.kind(actual) == TypeKind::Array) infer(g, n.kid(0), T.info(actual).elem, bound);
      break;
    case NodeKind::TupleType:  // [A, B] against a tuple of as many elements
      if (T.kind(actual) == TypeKind::Tuple && T.info(actual).params.size() == n.kids.size()) {
        const std::vector<TypeId> elems = T.info(actual).params;
        for (size_t i = 0; i < elems.size(); ++i) infer(g, n.kids[i], elems[i], bound);
      }
      break;
    case NodeKind::UnionType: {  // `T | null`: T is the value without its null
      NodeId only = kNoNode;
      for (NodeId k : n.kids) {
        const Node& kn = p_.node(g.module, k);
        bool nullish = (kn.kind == NodeKind::LiteralType && p_.node(g.module, kn.kid(0)).kind == NodeKind::NullLit) ||
                       (kn.kind == NodeKind::PredefinedType && (kn.text == "undefined" || kn.text == "null"));
        if (!nullish) only = only == kNoNode ? k : t;  // more than one other member: nothing inferred
      }
      if (only != kNoNode && only != t && T.kind(actual) != TypeKind::Null && T.kind(actual) != TypeKind::Undefined)
        infer(g, only, T.non_null(actual), bound);
      break;
    }
    case NodeKind::FunctionType:
      if (T.kind(actual) == TypeKind::Function) {
        const TypeInfo info = T.info(actual);  // a copy: inference may add types
        const Node& ps = p_.node(g.module, n.kid(0));
        for (size_t i = 0; i < ps.kids.size() && i < info.params.size(); ++i)
          infer(g, p_.node(g.module, ps.kids[i]).kid(0), info.params[i], bound);
        infer(g, n.kid(1), info.ret, bound);
      }
      break;
    default: break;
  }
}

// The type an annotation of the generic's module stands for with the type parameters bound so far, or 0
// when it names one not bound yet (or a form this does not rebuild).
TypeId Checker::substitute(const Generic& g, NodeId t, const std::map<std::string, TypeId>& bound) {
  auto& T = p_.types;
  if (t == kNoNode) return 0;
  const NodeId t_node = t;
  if (!mentions(g.module, t, g.params)) return resolve_type(g.module, t);
  const Node& n = p_.node(g.module, t);
  switch (n.kind) {
    case NodeKind::TypeRef: {
      if (n.kids.empty()) {
        auto it = bound.find(std::string(n.text));
        return it == bound.end() ? 0 : it->second;
      }
      std::vector<TypeId> args;
      for (NodeId k : n.kids) {
        args.push_back(substitute(g, k, bound));
        if (!args.back()) return 0;
      }
      if ((n.text == "Array" || n.text == "ReadonlyArray") && args.size() == 1) return T.array_of(args[0]);
      SymId sid = lookup_module(g.module, std::string(n.text));
      if (sid == kNoId && (n.text == "Map" || n.text == "ReadonlyMap") && args.size() == 2) return T.map_of(args[0], args[1]);
      if (sid == kNoId && (n.text == "Set" || n.text == "ReadonlySet") && args.size() == 1) return T.set_of(args[0]);
      if (sid == kNoId && n.text == "Record" && args.size() == 2 && args[0] == T.string()) return T.dict_of(args[1]);
      if (sid == kNoId || p_.symbols[sid].kind != SymKind::TypeName) return 0;
      ModuleId saved = mod_;
      mod_ = g.module;
      TypeId t = instantiate_type(sid, args, t_node);
      mod_ = saved;
      return t == T.error() ? 0 : t;
    }
    case NodeKind::ArrayType: {
      TypeId e = substitute(g, n.kid(0), bound);
      return e ? T.array_of(e) : 0;
    }
    case NodeKind::TupleType: {
      std::vector<TypeId> elems;
      for (NodeId k : n.kids) {
        elems.push_back(substitute(g, k, bound));
        if (!elems.back()) return 0;
      }
      return T.tuple_of(elems);
    }
    case NodeKind::FunctionType: {
      std::vector<TypeId> params;
      const Node& ps = p_.node(g.module, n.kid(0));
      for (NodeId k : ps.kids) {
        TypeId pt = substitute(g, p_.node(g.module, k).kid(0), bound);
        if (!pt) return 0;
        params.push_back(pt);
      }
      TypeId ret = n.kid(1) == kNoNode ? T.void_() : substitute(g, n.kid(1), bound);  // 0: the callback's own
      return T.function(std::move(params), ret);
    }
    default: return 0;
  }
}

ModuleId Checker::instance_module(ModuleId src_id, NodeId decl, const std::vector<std::string>& params,
                                  const std::vector<TypeId>& args, NodeId* copy) {
  const Module& src = *p_.modules[src_id];
  auto inst = std::make_unique<Module>();
  inst->path = src.path;
  inst->abs_path = src.abs_path;
  inst->file = src.file;
  inst->ast.file = src.ast.file;
  inst->scope = src.scope;  // the generic's module-level names, imports included
  *copy = copy_tree(src.ast, inst->ast, decl);
  inst->expr_type.assign(inst->ast.nodes.size(), 0);
  inst->ref.assign(inst->ast.nodes.size(), kNoId);
  p_.modules.push_back(std::move(inst));
  ModuleId m = ModuleId(p_.modules.size() - 1);
  std::map<std::string, TypeId>& names = type_bindings_[m];
  for (size_t i = 0; i < params.size() && i < args.size(); ++i) names[params[i]] = args[i];
  return m;
}

std::string Checker::instance_name(const std::string& name, const std::vector<TypeId>& args) {
  std::string out = name + "<";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + p_.types.name(args[i]);
  return out + ">";
}

SymId Checker::instantiate(SymId generic, const std::vector<TypeId>& args) {
  Generic& g = generics_.at(generic);
  if (auto it = g.instances.find(args); it != g.instances.end()) return it->second;
  NodeId fn = kNoNode;
  ModuleId m = instance_module(g.module, g.fn, g.params, args, &fn);
  std::string name = instance_name(p_.symbols[generic].name, args);
  FuncInfo f;
  f.name = name;
  f.module = m;
  f.node = fn;
  f.role = FuncRole::Module;
  Symbol s;
  s.kind = SymKind::Function;
  s.name = name;
  s.module = m;
  s.decl = fn;
  s.func = p_.add_func(f);
  p_.modules[m]->funcs[fn] = s.func;
  SymId sid = p_.add_symbol(s);
  g.instances.emplace(args, sid);  // before checking: a recursive call finds it
  pending_[s.func] = Ctx{};
  ensure_checked(s.func);
  return sid;
}

TypeId Checker::instantiate_type(SymId generic, const std::vector<TypeId>& args, NodeId at) {
  const Symbol& gs = p_.symbols[generic];
  const Node& decl = p_.node(gs.module, gs.decl);
  std::vector<std::string> params = split_names(decl.text2);
  std::string name = instance_name(gs.name, args);
  if (params.size() != args.size()) {
    error(at, "DX0232", "'" + gs.name + "' takes " + std::to_string(params.size()) + " type argument(s), got " +
                            std::to_string(args.size()));
    return p_.types.error();
  }
  auto key = std::make_pair(generic, args);
  SymId sid;
  if (auto it = type_instances_.find(key); it != type_instances_.end()) {
    sid = it->second;
  } else {
    NodeId copy = kNoNode;
    ModuleId m = instance_module(gs.module, gs.decl, params, args, &copy);
    p_.modules[m]->ast[copy].text2 = {};  // the copy is no longer generic: its parameters are bound
    Symbol s;
    s.kind = SymKind::TypeName;
    s.name = name;
    s.module = m;
    s.decl = copy;
    sid = p_.add_symbol(s);
    type_instances_.emplace(key, sid);  // before resolving: `interface Tree<T> { kids: Tree<T>[] }` finds it
  }
  ModuleId saved = mod_;
  TypeId t = resolve_named(sid, at, name);
  mod_ = saved;
  if (t != p_.types.error()) type_origin_.emplace(t, key);
  return t;
}

TypeId Checker::check_generic_call(Ctx& c, NodeId call, SymId generic) {
  auto& T = p_.types;
  const Generic& g = generics_.at(generic);
  const Node& x = node(call);
  NodeId callee = x.kid(0), type_args = x.kid(1);
  std::vector<NodeId> args(x.kids.size() > 2 ? x.kids.begin() + 2 : x.kids.end(), x.kids.end());
  const std::string fname = p_.symbols[generic].name;
  const Node& ps = p_.node(g.module, p_.node(g.module, g.fn).kid(0));
  std::vector<NodeId> anns;
  for (NodeId k : ps.kids) anns.push_back(p_.node(g.module, k).kid(0));
  if (args.size() > anns.size()) {
    error(call, "DX0222", "expected " + std::to_string(anns.size()) + " argument(s), got " + std::to_string(args.size()));
    return T.error();
  }
  std::map<std::string, TypeId> bound;
  if (type_args != kNoNode) {  // f<number, string>(…)
    const std::vector<NodeId> given = node(type_args).kids;
    if (given.size() != g.params.size()) {
      error(type_args, "DX0276", "'" + fname + "' takes " + std::to_string(g.params.size()) + " type argument(s), got " +
                                     std::to_string(given.size()));
      return T.error();
    }
    for (size_t i = 0; i < given.size(); ++i) {
      TypeId t = resolve_type(mod_, given[i]);
      if (t == T.error()) return T.error();
      bound[g.params[i]] = t;
    }
  }
  // Other arguments first, then function literals, whose parameters take the types the others bound, then
  // empty array literals, whose element type the rest may have bound (`lastOr([], "none")`).
  std::vector<TypeId> arg_types(args.size(), 0);
  auto pass_of = [&](NodeId a) {
    const Node& an = node(a);
    return an.kind == NodeKind::Arrow || an.kind == NodeKind::FunctionExpr ? 1 : an.kind == NodeKind::ArrayLit && an.kids.empty() ? 2 : 0;
  };
  for (int pass = 0; pass < 3; ++pass)
    for (size_t i = 0; i < args.size(); ++i) {
      if (pass_of(args[i]) != pass) continue;
      TypeId expected = substitute(g, anns[i], bound);
      const Node& an = node(args[i]);
      const Node& tn = p_.node(g.module, anns[i]);
      if (!expected && an.kind == NodeKind::ArrayLit && tn.kind == NodeKind::TupleType && an.kids.size() == tn.kids.size() &&
          std::none_of(an.kids.begin(), an.kids.end(), [&](NodeId k) { return node(k).kind == NodeKind::Spread || node(k).kind == NodeKind::Hole; })) {
        // pair(["x", 1]) for a parameter [A, B]: a tuple, its element types inferred one by one
        std::vector<TypeId> elems;
        for (size_t k = 0; k < an.kids.size(); ++k) {
          TypeId e = check_expr(c, an.kids[k], substitute(g, tn.kids[k], bound));
          if (e == T.error()) return T.error();
          infer(g, tn.kids[k], e, bound);
          elems.push_back(e);
        }
        arg_types[i] = T.tuple_of(elems);
        set_type(args[i], arg_types[i]);
        continue;
      }
      arg_types[i] = check_expr(c, args[i], expected);
      if (arg_types[i] == T.error()) return T.error();
      infer(g, anns[i], arg_types[i], bound);
    }
  std::vector<TypeId> targs;
  for (const std::string& tp : g.params) {
    auto it = bound.find(tp);
    if (it == bound.end()) {
      error(call, "DX0276", "cannot infer the type parameter '" + tp + "' of '" + fname + "' from the arguments: give it, " +
                                fname + "<…>(…)");
      return T.error();
    }
    TypeKind k = T.kind(it->second);
    if (k == TypeKind::Null || k == TypeKind::Undefined || T.wasm(it->second) == WasmType::None) {
      error(call, "DX0276", "'" + tp + "' of '" + fname + "' would be '" + T.name(it->second) + "', which no value can hold: give it, " +
                                fname + "<…>(…)");
      return T.error();
    }
    targs.push_back(it->second);
  }
  ModuleId saved = mod_;
  SymId inst = instantiate(generic, targs);
  mod_ = saved;
  set_ref(callee, inst);
  TypeId ft = called_type(p_.symbols[inst].func, call, fname);
  if (!ft) return T.error();
  const std::vector<TypeId> params = passed_params(p_, inst, args.size(), T.info(ft).params);
  if (args.size() != params.size()) {
    error(call, "DX0222", "expected " + std::to_string(params.size()) + " argument(s), got " + std::to_string(args.size()));
    return T.error();
  }
  for (size_t i = 0; i < args.size(); ++i)
    if (!assignable(arg_types[i], params[i])) {
      error(args[i], "DX0234", "argument of type '" + T.name(arg_types[i]) + "' is not assignable to '" + T.name(params[i]) + "'").help =
          wider_record_help(arg_types[i], params[i]);
      return T.error();
    }
  set_type(callee, ft);
  return T.info(ft).ret;
}

}  // namespace dxc::analyze
