// CodeGen — typed AST (with analyze's side tables) and lower's IR → wasm functions in the Binaryen module
// that already holds the runtime. JS semantics are implemented here (and in runtime-wasm for the parts
// that need a library: number formatting, string equality, …). Private to emit/.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyze/builtins.h"
#include "analyze/program.h"
#include "emit/static_data.h"
#include "emit/wasm.h"
#include "lower/ir.h"

namespace dxc::emit {

// One wasm function being built.
struct Fn {
  ModuleId module = 0;
  FuncId fid = kNoId;              // the function being compiled (kNoId: a block's create/update code)
  uint32_t record_local = kNoId;   // its env record, when nested closures capture its locals
  BlockId env_block = kNoId;  // the block whose instance local 0 holds (kNoId: none)
  std::vector<WType> params;  // params[0] is the environment (i32)
  std::vector<WType> vars;
  std::map<SymId, uint32_t> locals;
  // Expressions already evaluated into a local (x?.m(): the object, once): expr() reads the local.
  std::map<NodeId, uint32_t> bound;
  // The optional chains being compiled, innermost last: the label a null or undefined object of a `?.`
  // breaks to with undefined, and the chain's type (analyze/chain.cpp).
  struct ChainExit { std::string label; TypeId type; };
  std::vector<ChainExit> chain_exits;
  uint32_t event_local = kNoId;  // handlers: the event record
  struct InlineRet { std::string label; uint32_t result; WType type; TypeId ret; size_t finallies = 0; };
  std::vector<InlineRet> inline_rets;  // inline callbacks with block bodies: `return` breaks out
  struct Target { std::string user; std::string brk, cont; bool loop; bool breakable; size_t finallies = 0; };  // break/continue destinations
  std::vector<Target> targets;
  // The finally bodies of the try statements whose body or catch is being compiled, outermost first: a
  // return, break or continue leaving them runs them on its way out (each jump remembers how many it is inside).
  std::vector<NodeId> finallies;
  uint32_t mask_local = kNoId;         // block update functions: the effective dirty mask
  uint32_t add_var(WType t) { vars.push_back(t); return uint32_t(params.size() + vars.size() - 1); }
};

// The key order of records of shape `s` as the program's object literals write them (codegen_call.cpp).
std::vector<std::string> literal_order(const Program& p, ShapeId s);

class CodeGen {
 public:
  CodeGen(Program& p, const LoweredProgram& lp, BinaryenModuleRef m, StaticData& data, Diagnostics& d);

  // Runtime functions by export name (→ internal name), filled by the module loader from every export.
  // Looking up one the runtime does not export records it in `missing` (reported as DX0403).
  struct RuntimeNames {
    std::map<std::string, std::string> names;
    std::vector<std::string> missing;
    std::set<std::string> used;  // the runtime functions generated code calls
    const std::string& operator[](const std::string& export_name) {
      used.insert(export_name);
      auto it = names.find(export_name);
      if (it != names.end()) return it->second;
      missing.push_back(export_name);
      return names[export_name] = export_name;
    }
  } rt;
  uint32_t table_base = 0;
  std::vector<std::string> table_funcs;  // generated functions placed in the table, in order
  std::string table_name;

  void generate_all();  // every function, block, handler and the dxgen_* bodies (codegen_blocks.cpp)
  // The dxgen_* hook bodies: name → (params, results, body).
  struct Hook { WType params; WType results; Ex body; std::vector<WType> vars; };
  std::map<std::string, Hook> hooks;

 private:
  friend struct LoopGen;
  // codegen_expr.cpp
  Ex expr(Fn& f, NodeId n);
  Ex expr_node(Fn& f, NodeId n);
  Ex read_symbol(Fn& f, NodeId at, SymId s);
  Ex env_of(Fn& f, BlockId target, NodeId at);
  // The instance of the block whose code `f` is (0 for module-level code): what owns a timer or an onCleanup.
  Ex current_instance(Fn& f, NodeId at) { return f.env_block != kNoId ? env_of(f, f.env_block, at) : w_.i32(0); }
  Ex load_typed(Ex ptr, uint32_t off, TypeId t);
  // The module-globals record (its address is kept in linear memory by the runtime, so it survives a
  // snapshot; -O2 inlines the call to a load).
  Ex globals() { return w_.call(rt["dx_globals"], {}, t_i32()); }
  Ex store_typed(Ex holder_ptr_for_barrier, Ex ptr, uint32_t off, Ex v, TypeId t, bool fresh);
  Ex throw_stmt(Fn& f, NodeId n);  // codegen_stmt.cpp
  Ex try_stmt(Fn& f, NodeId n);
  Ex leave_through(Fn& f, size_t keep, Ex jump);  // the finally bodies above `keep`, innermost first, then `jump`
  void gen_error_new();
  Ex truthy(Fn& f, Ex v, TypeId t);
  Ex to_str(Fn& f, Ex v, TypeId t);
  Ex to_number(Fn& f, Ex v, TypeId t);
  Ex or_empty(Fn& f, Ex v, TypeId t);
  Ex equal(Fn& f, Ex a, Ex b, TypeId t);
  Ex str_const(const std::string& s);
  Ex record_by_key(Fn& f, NodeId n);
  Ex array_of(Fn& f, const std::vector<NodeId>& elems, TypeId t);
  // codegen_nullable.cpp: null/undefined of every kind (types.h Nullable)
  Ex nullish_const(TypeId t, bool is_null);
  Ex is_nullish(Ex v, TypeId t);
  // A `?.` on a nullable object (analyze/chain.cpp): the object into a new local, and out of the chain with
  // undefined when it is null or undefined; `local` is set to the local.
  Ex chain_check(Fn& f, NodeId object, TypeId ot, uint32_t* local);
  Ex copy_fields(Fn& f, Ex from, TypeId from_t, TypeId to);               // codegen_expr.cpp
  Ex style_text(Fn& f, NodeId obj);                                       // codegen_blocks.cpp
  Ex store_fields(Fn& f, uint32_t rec, TypeId to, uint32_t src, TypeId from_t);
  Ex is_null(Ex v, TypeId t, bool want_null);  // want_null false: is undefined
  Ex expr_as(Fn& f, NodeId n, TypeId want);
  Ex unless_nullish(Fn& f, Ex v, TypeId t, const std::function<Ex(Ex)>& nonnull, const std::function<Ex(bool)>& nullish);
  Ex typeof_str(Fn& f, Ex v, TypeId t);
  Ex binary(Fn& f, NodeId n);
  Ex assign(Fn& f, NodeId n);
  Ex update_expr(Fn& f, NodeId n);
  struct HeldTarget;
  HeldTarget hold_target(Fn& f, NodeId target);
  Ex release_target(Fn& f, HeldTarget& h, Ex body, WType wt);
  Ex write_target(Fn& f, NodeId target, Ex value, TypeId t, uint32_t result_local);
  struct ElementRef { Ex setup; Ex addr; uint32_t array; };  // run `setup` first; `array` is a local
  ElementRef element(Fn& f, NodeId index_expr, TypeId elem);
  Ex object_lit(Fn& f, NodeId n);
  Ex array_lit(Fn& f, NodeId n);
  Ex make_tuple(Fn& f, TypeId tuple, const std::vector<Ex>& values);
  Ex union_field(Fn& f, Ex rec, TypeId u, const std::string& name);
  Ex template_lit(Fn& f, NodeId n);
  uint32_t local_of(Fn& f, SymId s);
  Ex set_local(Fn& f, SymId s, Ex v);         // a local, or its slot in the env record when captured
  Ex frame_of(Fn& f, FuncId owner, NodeId at); // the env record of `owner`, an enclosing function
  Ex prologue(Fn& f, FuncId fid);              // allocates the env record and moves captured params in
  // The names of an object or array pattern, from the value in local `src` (codegen_stmt.cpp).
  Ex bind_pattern(Fn& f, NodeId pattern, uint32_t src);
  Ex destructure(Fn& f, NodeId pattern, Ex value);  // value into a local, then bind_pattern
  Ex bind_pair(Fn& f, const Node& pattern, Ex first, Ex second);  // for (const [a, b] of …entries)
  // codegen_call.cpp
  Ex call(Fn& f, NodeId n);
  Ex global_call(Fn& f, GlobalFn g, const std::vector<NodeId>& args);
  Ex member_call(Fn& f, NodeId n);
  Ex member_call_on(Fn& f, NodeId n);  // member_call once x?.m()'s object is known not to be null
  // `window.location` / `location` (unshadowed): the object of location.hash (analyze/window.cpp).
  bool is_location(Fn& f, NodeId n);
  Ex closure_call(Fn& f, Ex closure, const std::vector<NodeId>& args, TypeId ft);
  Ex closure_call_values(Fn& f, Ex closure, const std::vector<Ex>& values, TypeId ft);
  Ex call_value(Fn& f, NodeId v, const std::vector<std::pair<Ex, TypeId>>& args);
  Ex direct_call(Fn& f, FuncId fn, const std::vector<Ex>& values, NodeId at);
  Ex closure_value(Fn& f, FuncId fn);
  Ex set_signal(Fn& f, SymId setter, NodeId arg, NodeId at);
  Ex inline_callback(Fn& f, NodeId arrow, std::vector<std::pair<Ex, TypeId>> args, TypeId ret);
  // filter / map as inline loops; `out_elem` gives map's element type when `n` is not a typed call.
  Ex array_loop(Fn& f, NodeId n, const std::string& method, Ex arr, TypeId arr_t, NodeId cb, TypeId out_elem = 0);
  Ex number_predicate(Fn& f, const std::string& name, Ex v);
  Ex math(Fn& f, NodeId n, const std::string& name, const std::vector<NodeId>& args);
  // Array.from(…) and new Array(n).fill(v) / Array(n).fill(v) (analyze/methods.cpp).
  Ex array_from(Fn& f, NodeId n, const std::vector<NodeId>& args);
  // codegen_collections.cpp: Map and Set
  Ex new_collection(Fn& f, NodeId n);
  Ex collection_array(Fn& f, NodeId n, char which);
  TypeId iterable_type(Fn& f, NodeId n);
  Ex entries_array(Ex collection, TypeId tuple);
  Ex coll_get(Fn& f, Ex coll, Ex key, TypeId ct, TypeId result);
  Ex coll_put(Fn& f, Ex coll, Ex key, Ex value, TypeId ct);
  Ex dict_literal(Fn& f, NodeId n);
  Ex dict_key(Fn& f, NodeId target);
  // codegen_arrays.cpp
  Ex array_copying(Fn& f, NodeId n, const std::string& method, NodeId array, const std::vector<NodeId>& args);
  Ex items_array(Fn& f, const std::vector<NodeId>& args, size_t first, TypeId elem);
  Ex index_from_end(uint32_t k, Ex x, Ex len);
  Ex array_join(Fn& f, Ex arr, TypeId t, Ex sep);
  Ex tuple_str(Fn& f, Ex v, TypeId t);
  Ex nullable_class(Fn& f, const BindingIR& x, BlockId b, bool initial);
  std::vector<Ex> call_values(Fn& f, NodeId n, const std::vector<NodeId>& args, TypeId ft);
  Ex dict_key_of(Fn& f, NodeId key);
  Ex object_call(Fn& f, NodeId n, const std::string& method, const std::vector<NodeId>& args);
  Ex record_keys(Fn& f, NodeId n, const std::string& method, NodeId record);
  Ex collection_call(Fn& f, NodeId n, Ex obj, TypeId ot, const std::string& method, const std::vector<NodeId>& args);
  // The pieces of a loop over a collection's live entries (each Ex used once): run `pre`, then per step exit
  // when `done`, skip the entry when `hole`, else read `key` / `value`; `next` advances.
  struct CollLoop { std::vector<Ex> pre; Ex done, hole, key, value, next; uint32_t coll, i; };
  CollLoop collection_loop(Fn& f, Ex coll, TypeId ct);
  Ex array_filled(Fn& f, NodeId n, NodeId ctor_call, NodeId value);
  // Math.sin … and `**` (pow): a call of the page's own Math function, imported as `dx.<name>` on first use.
  Ex host_math(const std::string& name, std::vector<Ex> args);
  Ex int32_of(Ex v) { return w_.call(rt["dx_to_int32"], {v}, t_i32()); }  // ToInt32
  // The number operators (both operands numbers): - * / % ** and the bitwise ones (`+` of numbers too).
  Ex arith(const std::string& op, Ex a, Ex b);
  Ex array_scan(Fn& f, NodeId n, const std::string& method, Ex arr, TypeId arr_t, const std::vector<NodeId>& args);
  // codegen_stmt.cpp
  Ex stmt(Fn& f, NodeId n);
  Ex block_decl(Fn& f, NodeId decl);
  Ex loop(Fn& f, NodeId n, const std::string& user_label);
  Ex switch_stmt(Fn& f, NodeId n);
  // codegen_blocks.cpp
  void gen_function(FuncId fid);
  void gen_block(BlockId b);
  Ex call_dropping(FuncId fn, Ex env);
  void gen_handler(uint32_t h);
  void gen_globals_init();
  void gen_memo_getter(SymId memo);
  Ex binding_value(Fn& f, const BindingIR& x, BlockId b, bool initial);
  Ex create_child(Fn& f, BlockId owner, BlockId child, const BindingIR& x, Ex anchor);
  Ex choose_branch(Fn& f, const BindingIR& x, BlockId b, bool initial, const std::vector<BlockId>& cases, const std::function<Ex()>& which);
  Ex dynamic_case(Fn& f, NodeId component_expr);
  Ex node_id(Fn& f, BlockId b, uint32_t k);
  Ex dispatch(Ex selector, std::vector<Ex> cases);
  BinaryenFunctionRef add_function(const std::string& name, Fn& f, WType results, Ex body);

  const Node& node(ModuleId m, NodeId n) const { return p_.modules[m]->ast[n]; }
  TypeId type_of(Fn& f, NodeId n) const { return p_.type_of(f.module, n); }
  WType wtype(TypeId t) const;
  std::string label(const char* base) { return std::string(base) + std::to_string(label_counter_++); }
  uint32_t shape_index_of_block(BlockId b) const { return uint32_t(p_.types.shape_count()) + b; }
  uint32_t table_index(FuncId f);
  Ex internal_error(NodeId at, ModuleId m, const std::string& what);

  Program& p_;
  const LoweredProgram& lp_;
  W w_;
  StaticData& data_;
  Diagnostics& d_;
  uint32_t label_counter_ = 0;
  std::map<FuncId, uint32_t> table_slots_;
};

std::string fn_name(FuncId f);
std::string create_name(BlockId b);
std::string update_name(BlockId b);
std::string handler_name(uint32_t h);
std::string memo_name(SymId s);

}  // namespace dxc::emit
