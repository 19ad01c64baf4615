// The checker behind analyze(): name resolution, type inference for the TS subset, components, blocks.
// Private to analyze/; one file per concern (declare, types, expressions, statements, jsx).
#pragma once
#include <deque>
#include <map>
#include <set>
#include <vector>
#include <string>

#include "analyze/builtins.h"
#include "analyze/program.h"
#include "common/diagnostics.h"

namespace dxc::analyze {

struct Scope {
  std::map<std::string, SymId> names;
  Scope* parent = nullptr;
};

// Where code being checked runs.
struct Ctx {
  FuncId fn = kNoId;          // the function being checked; kNoId = a block's create/update code
  BlockId env_block = kNoId;  // the block whose instance is the environment
  BlockId block = kNoId;      // block-body context: the block whose body/JSX this is
  Scope* scope = nullptr;
  TypeId ret = 0;             // declared or inferred return type (0 = infer from the first return)
  bool in_block_body = false; // top level of a component or row body (createSignal allowed)
  bool inline_cb = false;     // inside an inline callback (return yields the callback's value)
  bool in_effect = false;     // inside a createEffect (onCleanup there would run before each re-run: refused)
  int loops = 0;              // enclosing loops in this function (continue needs one)
  int switches = 0;           // enclosing switch statements (break needs a loop or a switch)
  std::vector<std::pair<std::string, bool>> labels;  // enclosing labels; true when the label names a loop
  // Narrowed types in this region ("s<symbol>" or "s<props symbol>.<field>" → type): `if (x) …`, `x !== null`.
  std::map<std::string, TypeId> narrow;
};

// What a condition proves about nullable values when it is true, or when it is false.
using Narrowing = std::vector<std::pair<std::string, TypeId>>;

class Checker {
 public:
  Checker(Program& p, Diagnostics& d) : p_(p), d_(d) {}

  void declare_module(ModuleId m);           // declare.cpp: module-level names, imports, exports
  void check_globals(ModuleId m);            // declare.cpp: module-level variables' initializers
  void check_module(ModuleId m);             // declare.cpp: functions and components of a module
  void finish();                             // after every module: closure env records
  BlockId component_block(SymId component);  // jsx.cpp: checks a component once, returns its block
  // Before any component is checked: `component` is the default export of a page whose route has `params`;
  // its props may have `params: { name: string, … }` with those names (jsx.cpp).
  void mark_page(SymId component, std::vector<std::string> params) { page_params_[component] = std::move(params); }

 private:
  friend struct ExprChecker;
  // declare.cpp
  void declare_import(ModuleId m, NodeId n);
  SymId lookup(Scope* s, const std::string& name) const;
  SymId lookup_module(ModuleId m, const std::string& name) const;
  // types.cpp
  TypeId resolve_type(ModuleId m, NodeId type_node);
  TypeId resolve_type_name(ModuleId m, NodeId at, const std::string& name);
  TypeId resolve_named(SymId type_name, NodeId at, const std::string& name);
  bool resolve_fields(ModuleId m, NodeId n, const char* where, std::vector<std::pair<std::string, TypeId>>* fields);
  bool assignable(TypeId from, TypeId to) const;
  // expr.cpp
  TypeId check_expr(Ctx& c, NodeId n, TypeId expected = 0);
  TypeId check_call(Ctx& c, NodeId n, TypeId expected);
  TypeId check_global_call(Ctx& c, NodeId n, GlobalFn g, const std::string& name, const std::vector<NodeId>& args);
  TypeId called_type(FuncId f, NodeId call, const std::string& name);
  bool check_args(Ctx& c, NodeId call, const std::vector<NodeId>& args, const std::vector<TypeId>& params);
  // A call's parts: the callee, the arguments, and the callee's text (a Member's property: the method).
  struct CallParts {
    NodeId callee;
    std::vector<NodeId> args;
    std::string method;
  };
  CallParts call_parts(NodeId call) const;
  TypeId check_member_call(Ctx& c, NodeId n, TypeId expected);
  TypeId check_method_on(Ctx& c, NodeId n, TypeId expected, TypeId object_type, bool on_props);  // methods.cpp
  TypeId check_json_parse(Ctx& c, NodeId n, const std::vector<NodeId>& args, TypeId expected);
  // window.cpp
  bool is_global(Ctx& c, NodeId n, const char* name);
  bool is_location(Ctx& c, NodeId n);
  TypeId check_window_member(Ctx& c, NodeId n);
  bool window_listener(Ctx& c, NodeId s, BlockId b);
  TypeId check_member(Ctx& c, NodeId n);
  TypeId check_binary(Ctx& c, NodeId n);
  TypeId check_assign(Ctx& c, NodeId n);
  TypeId check_object(Ctx& c, NodeId n, TypeId expected);
  TypeId check_array(Ctx& c, NodeId n, TypeId expected);
  TypeId check_tuple(Ctx& c, NodeId n, TypeId tuple);  // literals.cpp: [a, b] as a tuple
  bool literal_fields_hold(NodeId object_lit, TypeId record);  // literals.cpp: `kind: "circle"` fields given as such
  // functions.cpp
  TypeId check_inline_callback(Ctx& c, NodeId arrow, std::vector<TypeId> params, TypeId expected_ret);
  TypeId check_callback_value(Ctx& c, NodeId v, const std::vector<TypeId>& params);  // functions.cpp
  // functions.cpp: `v`, which must be a function of no arguments that returns nothing (timers, onCleanup);
  // otherwise an error names `what`, then `example`.
  void check_void_callback(Ctx& c, NodeId v, const std::string& what, const std::string& example = "");
  // Checks a function (closure, handler, block-local or module function). `existing` reuses a FuncInfo
  // declared earlier (hoisted functions); otherwise one is created.
  FuncId check_closure(Ctx& c, NodeId fn_node, TypeId expected, FuncRole role, FuncId existing = kNoId);
  // Makes sure a hoisted function has been checked (its type is needed at a use before its declaration).
  void ensure_checked(FuncId f);
  // Checks a module-level variable's initializer once (its type is needed at a use) and appends it to
  // Program::globals, after the globals its initializer reads.
  void ensure_global(SymId g);
  TypeId node_kind_type(const Symbol& s);
  // generics.cpp: module-level generic functions, compiled once per list of type arguments
  struct Generic {
    ModuleId module = 0;
    NodeId fn = kNoNode;              // the Function (or the Arrow of a `const`)
    std::vector<std::string> params;  // type parameter names
    std::map<std::vector<TypeId>, SymId> instances;
  };
  void declare_generic(SymId sid, ModuleId m, NodeId fn);
  bool is_generic(SymId s) const { return generics_.count(s) != 0; }
  TypeId check_generic_call(Ctx& c, NodeId call, SymId generic);
  SymId instantiate(SymId generic, const std::vector<TypeId>& args);
  bool mentions(ModuleId m, NodeId type_node, const std::vector<std::string>& params) const;
  void infer(const Generic& g, NodeId type_node, TypeId actual, std::map<std::string, TypeId>& bound);
  TypeId substitute(const Generic& g, NodeId type_node, const std::map<std::string, TypeId>& bound);
  // A copy of declaration `decl` of module `src` in a new module where `params` name `args`; returns it.
  ModuleId instance_module(ModuleId src, NodeId decl, const std::vector<std::string>& params,
                           const std::vector<TypeId>& args, NodeId* copy);
  std::string instance_name(const std::string& name, const std::vector<TypeId>& args);
  // `Box<number>` of `interface Box<T> { … }` / `type Pair<A, B> = …`: resolved once per argument list.
  TypeId instantiate_type(SymId generic, const std::vector<TypeId>& args, NodeId at);
  bool capture(Ctx& c, NodeId at, SymId local);  // expr.cpp
  // narrow.cpp: nullability
  std::string narrow_key(NodeId n) const;              // the key of a narrowable expression, or ""
  Narrowing narrowing(Ctx& c, NodeId cond, bool when_true);
  static void apply(Ctx& c, const Narrowing& n) { for (auto& [k, t] : n) c.narrow[k] = t; }
  bool assigns(NodeId n, const std::string& key) const;  // stmt.cpp
  void check_try(Ctx& c, NodeId n);                       // stmt.cpp
  TypeId error_type();  // the record `catch (e)` binds: { name: string, message: string } (shape "Error")
  bool always_exits(NodeId stmt) const;
  TypeId unify(TypeId a, TypeId b);                    // a common type of two branches, or 0
  bool require_non_null(NodeId at, TypeId t);          // DX0260 when t may be null or undefined
  TypeId check_nullish(Ctx& c, NodeId n);              // a ?? b
  void layout_env_records();                    // expr.cpp: after checking, the env record shapes  // a Const's type from its literal
  // stmt.cpp
  void check_stmt(Ctx& c, NodeId n);
  void check_loop(Ctx& c, NodeId n, const std::string& label);  // stmt.cpp
  void check_function_body(Ctx& c, NodeId body, bool expr_body);
  SymId declare_local(Ctx& c, NodeId decl, const std::string& name, TypeId t, bool is_mutable);
  bool declare_pair(Ctx& lc, const Node* target, TypeId first, TypeId second, bool is_mutable);  // for (const [a, b] of …)
  void check_var_decl(Ctx& c, NodeId n);
  // Declares the names an object or array pattern binds from a value of type `t` (a local each; the
  // pattern nodes get the types of the values they take apart, for codegen: emit/codegen_stmt.cpp).
  // In a component or row body (`as_fields`), the names are instance fields (jsx.cpp: check_block_var).
  bool bind_pattern(Ctx& c, NodeId pattern, TypeId t, bool is_mutable, bool as_fields = false);
  SymId declare_field(Ctx& c, NodeId decl, const std::string& name, TypeId t, bool is_mutable, NodeId init);  // jsx.cpp
  void declare_failed(Ctx& c, NodeId target);
  void check_block_var(Ctx& c, NodeId declarator, bool is_const);
  // jsx.cpp
  void check_block_body(Ctx& c, BlockId b, NodeId body, bool expr_body);
  void check_jsx_child(Ctx& c, NodeId n);
  // jsx_expr.cpp: a JSX child expression that is control flow written as JS — `cond && <JSX>`, `c ? <A/> :
  // <B/>` (or null), `xs.map((x, i) => <JSX>)` — checked as the <Show>/<For> it stands for; false if it is none.
  bool check_jsx_value(Ctx& c, NodeId e);
  bool is_jsx_value(NodeId e);  // does `e` yield JSX (an element, or one of those forms)?
  void check_jsx_element(Ctx& c, NodeId n);
  void check_html_element(Ctx& c, NodeId n);
  void check_component_use(Ctx& c, NodeId n, SymId comp);
  void check_component_props(Ctx& c, NodeId n, BlockId component, bool dynamic);
  void destructured_props(Ctx& c, BlockId comp, NodeId pattern, TypeId pt);
  std::string wider_record_help(TypeId from, TypeId to) const;
  TypeId check_init(Ctx& c, NodeId init, NodeId ann_node, TypeId ann);
  bool check_rest_call(Ctx& c, NodeId call, const std::vector<NodeId>& args, TypeId ft);
  bool literal_keys(ModuleId m, NodeId tn, std::vector<std::string>* keys, int depth = 0);
  bool merge_field(std::vector<std::pair<std::string, TypeId>>* fields, NodeId at, const std::string& name, TypeId t,
                   const std::string& from, const char* rule);
  TypeId record_arg(NodeId at, TypeId t, const std::string& what);
  TypeId utility_type(ModuleId m, NodeId tn, const std::string& name);
  TypeId record_of_keys(ModuleId m, NodeId tn);
  // collections.cpp: Map and Set
  TypeId collection_type(ModuleId m, NodeId tn, const std::string& name);
  bool collection_key_ok(NodeId at, TypeId k, const char* what);
  bool collection_value_ok(NodeId at, TypeId v);
  TypeId check_new_collection(Ctx& c, NodeId n, bool is_map, TypeId expected);
  TypeId check_collection_method(Ctx& c, NodeId n, TypeId expected, TypeId ot);
  TypeId entry_type(TypeId collection);  // [K, V] (a Set: [T, T])
  TypeId index_signature_dict(ModuleId m, NodeId object_type);
  // unions.cpp: discriminated unions of records
  bool tag_literals(ModuleId m, NodeId member, std::map<std::string, std::string>* out);
  std::map<std::string, std::string> declared_literals(ModuleId m, NodeId object, const std::vector<std::pair<std::string, TypeId>>& fields);
  bool discriminated_union(ModuleId m, NodeId union_type, TypeId* out);
  TypeId union_narrowed(TypeId u, const std::vector<std::string>& literals, bool is_tag);
  TypeId check_union_literal(Ctx& c, NodeId n, TypeId u);
  TypeId union_field(NodeId at, TypeId u, const std::string& name);
  TypeId check_dict_literal(Ctx& c, NodeId n, TypeId dict);   // { a: 1, [k]: v, ...other } as a Record<string, V>
  TypeId check_delete(Ctx& c, NodeId n);                      // delete d[k]
  TypeId check_in(Ctx& c, NodeId n);                          // k in d
  bool dict_key_type(NodeId key, TypeId kt);                  // a string or a number key (reports otherwise)
  TypeId check_object_call(Ctx& c, NodeId n, const std::string& method, const std::vector<NodeId>& args);  // Object.keys(d), …
  void check_for_in(Ctx& c, NodeId loop);                     // for (const k in d)
  // An array, a Set or a collection's keys()/values() whose elements are used at once (spread, Array.from,
  // new Set): the array type they make (Module::coll_arrays marks the conversions for codegen).
  TypeId check_iterable(Ctx& c, NodeId n, TypeId want_array, const char* where);
  // for (… of c.keys() / c.values() / c.entries()) (`which` 'k', 'v', 'e') or of c itself ('E' a Map, 'V' a
  // Set): declares the loop's names and checks the body; Module::for_iterators keeps `which` for codegen.
  void check_for_of_collection(Ctx& lc, NodeId loop, TypeId ct, char which);
  // `what`: "route param", "search param" or "form field" (for the messages).
  ShapeId params_shape(NodeId at, TypeId t, const std::vector<std::string>* route, const std::string& what = "route param");
  // jsx_control.cpp: the control-flow builtins; false when `b` is not one (the caller reports it)
  bool check_control(Ctx& c, NodeId n, Builtin b);
  void check_for(Ctx& c, NodeId n);
  void keyed_row(Ctx& c, NodeId at, NodeId fn, TypeId elem, bool replaceable, SymKind index_kind);
  void check_index(Ctx& c, NodeId n);
  void check_show(Ctx& c, NodeId n);
  void check_suspense(Ctx& c, NodeId n);
  NodeId fallback_attr(NodeId n, const char* wrong);
  void check_switch(Ctx& c, NodeId n);
  void check_fallback(Ctx& c, NodeId n, NodeId fallback);  // <Show>/<Switch> fallback={…}
  void check_portal(Ctx& c, NodeId n);
  void check_dynamic(Ctx& c, NodeId n);
  void dynamic_leaves(Ctx& c, NodeId dyn, NodeId e, std::map<std::string, uint32_t>& seen);
  std::vector<NodeId> element_kids(NodeId n);  // an element's children without empty {} and blank text
  BlockId branch_block(Ctx& c, const std::string& suffix, std::vector<NodeId> kids);
  Ctx row_ctx(Ctx& c, BlockId rid, NodeId decl, Symbol item);
  void declare_row_field(Ctx& rc, BlockId rid, NodeId decl, Symbol sym);
  bool plain_param(NodeId param);
  bool row_pattern(NodeId param);
  void check_handler(Ctx& c, NodeId attr_value, const std::string& event);

  TypeId check_chain(Ctx& c, NodeId n, TypeId expected);  // chain.cpp: a member access, call or indexing
  TypeId check_subscript(Ctx& c, NodeId n);                // chain.cpp: xs[i], xs?.[i]
  // enums.cpp: an enum's members (computed once) and its type (number, or string); `E.member` as a value.
  const std::vector<EnumValue>& enum_values(SymId e);
  bool is_enum(SymId s) const;
  TypeId check_enum_index(Ctx& c, NodeId n, SymId e);
  TypeId enum_type(SymId e);
  TypeId check_enum_member(NodeId n, SymId e);
  void chain_link(NodeId n);  // `n` is a `?.` on a nullable object: it short-circuits its whole chain
  Diagnostic& error(NodeId n, const std::string& code, const std::string& msg);
  const Node& node(NodeId n) const { return p_.modules[mod_]->ast[n]; }
  Module& module() { return *p_.modules[mod_]; }
  void set_type(NodeId n, TypeId t);
  void set_ref(NodeId n, SymId s);

  Program& p_;
  Diagnostics& d_;
  ModuleId mod_ = 0;
  std::map<SymId, BlockId> component_blocks_;
  std::map<SymId, std::vector<std::string>> page_params_;  // mark_page
  std::set<SymId> checking_components_;
  std::map<std::pair<ModuleId, NodeId>, TypeId> resolving_;  // type aliases/interfaces being resolved
  std::map<std::pair<ModuleId, NodeId>, TypeId> resolved_;
  std::map<FuncId, Ctx> pending_;  // hoisted functions not checked yet, with the context they were declared in
  std::set<FuncId> in_progress_;
  std::map<SymId, Generic> generics_;
  std::map<std::pair<SymId, std::vector<TypeId>>, SymId> type_instances_;       // generic type → its instance's TypeName
  std::map<TypeId, std::pair<SymId, std::vector<TypeId>>> type_origin_;         // an instance's type → its generic and arguments
  // An instance's module (generics.cpp) → its type parameter names and the types they stand for there.
  std::map<ModuleId, std::map<std::string, TypeId>> type_bindings_;
  std::set<SymId> globals_in_progress_;
  std::set<SymId> globals_done_;  // checked: their type is final (0, the error type, after a refused annotation)
  std::set<BlockId> rendered_children_;  // components that render {props.children}
  std::set<NodeId> discarded_;           // expressions whose value a statement discards (x.pop();)
  std::set<NodeId> named_closures_;      // function literals a `const` in a function body is bound to (rest parameters)
  std::set<NodeId> callees_;             // identifiers read to be called (a local with a rest parameter may be)
  FuncId rest_local(SymId sid);
  // Optional chains (chain.cpp): the member accesses, calls and indexings that are the object of another
  // (not the outermost of their chain), and per chain being checked, how many of its `?.` may short-circuit.
  std::set<std::pair<ModuleId, NodeId>> chain_inner_;
  std::vector<uint32_t> chain_shorts_;
  std::map<std::pair<ModuleId, NodeId>, std::vector<EnumValue>> enums_;  // enum declaration → its members
  std::deque<Scope> scopes_;  // stable storage for scopes
  Scope* new_scope(Scope* parent) { scopes_.push_back(Scope{{}, parent}); return &scopes_.back(); }
  // Which module a module-level symbol's declaration lives in (imports resolve to the target module's symbol).
};

// Is this expression a JSX value (element or fragment)?
inline bool is_jsx(const Node& n) { return n.kind == NodeKind::JsxElement || n.kind == NodeKind::JsxFragment; }

}  // namespace dxc::analyze
