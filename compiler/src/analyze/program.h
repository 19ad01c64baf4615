// dxc::Program — what analyze produces: the modules with their ASTs, and side tables (symbols, functions,
// blocks, expression types) keyed by ids. The ASTs are not modified after parse.
//
// Reactivity model (DESIGN §3): each component instance has a 32-bit dirty mask; signals, memos and props of
// a component get a bit each (bit = index mod 32: sharing a bit only costs extra updates, never a missed
// one). Blocks nested in a component (list rows, Show branches) use their component's mask.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/types.h"
#include "common/diagnostics.h"
#include "parse/ast.h"

namespace dxc {

using SymId = uint32_t;
using FuncId = uint32_t;
using BlockId = uint32_t;
using ModuleId = uint32_t;
inline constexpr uint32_t kNoId = 0xFFFFFFFFu;
// The mask bit a keyed list row is updated with when its item was replaced by another with the same key
// (runtime-wasm/ABI.md; it may coincide with a signal's bit: sharing a bit only costs extra work).
inline constexpr uint32_t kItemChangedBit = 1u << 31;

enum class SymKind : uint8_t {
  Const,      // module-level constant with a literal value (inlined)
  Global,     // any other module-level variable: a field (`offset`) of the module-globals record
  Function,   // a function called directly (module-level, or local to a block: env = that block)
  Component,  // a component function (used as a JSX tag or a page)
  Local,      // a wasm local of `owner` (params, lets/consts inside functions, inline-callback params)
  Field,      // an instance field of `block` (block-level let/const, a list row's item)
  Signal,     // a signal's value, an instance field of `block`, reactive bit `bit`
  Setter,     // the setter of `signal`
  Memo,       // a memo's cached value, an instance field of `block`, bit `bit`, computed by `init`
  Props,      // a component's props parameter; `props.x` reads prop field x (bit per prop)
  Builtin,    // createSignal, createMemo, For, Show … from "dx"
  Selector,   // createSelector(source): `sel(k)` is `source() === k`, invalidated by the source's bit
  TypeName,   // an interface, type alias or enum (types only; an enum's members are values: analyze/enums.cpp)
  Accessor,   // <Show when={x}>{(v) => …}</Show>'s v: `v()` is `init` (the when expression) again, not null
};

enum class Builtin : uint8_t {
  None, CreateSignal, CreateMemo, CreateEffect, OnMount, For, Show, CreateSelector, Batch, Index, Switch, Match, Portal, Dynamic, UseParams, Suspense,
  OnCleanup, UseSearchParams, Untrack, UseFormData
};

struct Symbol {
  SymKind kind = SymKind::Local;
  std::string name;
  ModuleId module = 0;
  NodeId decl = kNoNode;
  TypeId type = 0;
  FuncId func = kNoId;    // Function / Component
  BlockId block = kNoId;  // Field / Signal / Memo / Props
  uint32_t offset = 0;    // instance field offset (Field / Signal / Memo)
  uint32_t bit = 0;       // Signal / Memo: its mask bit (1 << n); a keyed row's item: kItemChangedBit
  FuncId owner = kNoId;   // Local: the function whose wasm local it is (kNoId: a block's create function)
  BlockId owner_block = kNoId;  // Local owned by a block's create/update code
  SymId signal = kNoId;   // Setter; Selector: its source (a Signal or Memo)
  NodeId init = kNoNode;  // Const: the literal; Memo: the compute expression; Global: the initializer;
                          // a `const` local bound to a function literal: that literal; Field: a
                          // destructured prop's default (`{ size = 10 }`)
  bool is_mutable = false;
  Builtin builtin = Builtin::None;
  bool per_iteration = false;  // Local declared in a loop body or an inline callback (a new binding each time)
  bool captured = false;       // Local read or written by a nested closure: lives in its owner's env record
};

enum class FuncRole : uint8_t { Module, Local, Closure, Handler, Component, Row };

struct FuncInfo {
  std::string name;
  ModuleId module = 0;
  NodeId node = kNoNode;       // Function / Arrow / FunctionExpr
  FuncRole role = FuncRole::Module;
  BlockId env_block = kNoId;   // the block whose instance is this function's environment (kNoId: none)
  std::vector<SymId> params;
  bool rest = false;           // `function f(a, ...xs: T[])`: its last parameter takes the call's other arguments
  std::vector<SymId> locals;   // every Local owned by it (params excluded)
  TypeId type = 0;             // Function type
  uint32_t event_flags = 0;    // Handler: dx::schema HandlerFlags it needs
  SymId event_param = kNoId;   // Handler: the event parameter, if any
  FuncId outer = kNoId;        // the function it is created in (kNoId: block code or module level)
  // Closure conversion: when nested closures capture its locals, the function allocates an env record on
  // entry: `$parent` (its own environment pointer) plus the captured locals (Symbol::offset).
  std::vector<SymId> captured;
  ShapeId record_shape = kNoId;
  uint32_t parent_offset = 0;
};

// A block: a template plus the code that creates and updates one instance of it (schemas/dxb.md BLOCKS).
struct BlockInfo {
  uint32_t kind = 1;            // dx::schema::BlockKind
  std::string name;
  ModuleId module = 0;
  BlockId parent = kNoId;
  BlockId component = kNoId;    // the component whose mask this block uses (itself for a component)
  NodeId func = kNoNode;        // component function / row callback (kNoNode for a branch)
  std::vector<NodeId> jsx;      // the JSX this block renders (a component's return value, a branch's children)
  std::vector<NodeId> body;     // statements run once at creation (component / row bodies)
  std::vector<SymId> fields;    // block-level variables stored in the instance
  SymId item = kNoId;           // list row: the item (instance offset 24); an <Index> row's is a Signal (read `item()`)
  NodeId item_pattern = kNoNode;  // a keyed row written `({ id, label }) => …`: the pattern its create runs on the item
  bool positional = false;      // an <Index> row: matched by position, its index a number at offset 32
  uint32_t index_offset = 0;    // a row with an index parameter: where the runtime keeps the row's index (else 0)
  // A <Dynamic> case (a branch): renders `dynamic_el` as the component `dynamic_comp`, or as the HTML
  // element `dynamic_tag`, with the element's other attributes as props / attributes.
  NodeId dynamic_el = kNoNode;
  BlockId dynamic_comp = kNoId;
  std::string dynamic_tag;
  SymId props = kNoId;          // component: the props symbol
  // A page component whose props have `params` (`props: { params: { slug: string } }`): the params record's
  // shape. props.params is not stored; each read builds the record from the route params (dx_params_record).
  ShapeId params_shape = kNoId;
  std::vector<std::pair<std::string, uint32_t>> prop_bits;   // component: prop name → bit
  std::vector<std::pair<std::string, uint32_t>> prop_offsets;// component: prop name → field offset
  // component with a `children: JSX.Element` prop: the caller's children block id (u32, 0xFFFFFFFF when none)
  // at children_offset, the caller's instance at children_offset + 4, and the children instance once created
  // (owned) at children_instance.
  uint32_t children_offset = 0, children_instance = 0;
  bool children_optional = false;
  std::vector<SymId> memos;     // component: in declaration order
  // component: createEffect / onMount functions in declaration order (true = an effect, re-run on change)
  std::vector<std::pair<FuncId, bool>> effects;
  // component: `window.addEventListener(event, handler)` statements (the handler's node), registered at creation
  std::vector<std::pair<std::string, NodeId>> window_handlers;
  uint32_t next_bit = 0;        // component: bits handed out so far
  uint32_t size = 32;           // instance size so far (the 32-byte runtime prefix first)

  uint32_t alloc_field(uint32_t bytes) {
    uint32_t off = (size + bytes - 1) / bytes * bytes;
    size = off + bytes;
    return off;
  }
};

// An enum member's value (analyze/enums.cpp): a number, or a string.
struct EnumValue {
  std::string name;
  bool is_string = false;
  double number = 0;
  std::string text;
};

struct Module {
  std::string path;     // project-relative, e.g. "pages/index.tsx"
  bool synthetic = false;  // generated by dxc: a page wrapped in its layouts (declare.cpp)
  bool uses_search_params = false;  // calls useSearchParams: a page importing it is rendered per request
  bool uses_form_data = false;      // calls useFormData: the same, and dx-server renders it for a POST too
  // for…of over `xs.entries()` / `xs.keys()` / `xs.values()` (analyze/stmt.cpp): the ForOf node → which
  // ('e', 'k', 'v'); the loop runs over xs itself, binding the index, the element or both.
  std::unordered_map<NodeId, char> for_iterators;
  // Expressions whose value codegen turns into a new array of a collection's live entries (analyze/
  // collections.cpp, check_iterable): 'k' / 'v' on a `c.keys()` / `c.values()` call (the array of c's keys /
  // a Map's values), 'K' on an expression that is a Set itself (its elements).
  std::unordered_map<NodeId, char> coll_arrays;
  // Calls of a function with a rest parameter (analyze/expr.cpp): the call → how many arguments its own
  // parameters take; the others become the rest array (emit/codegen_call.cpp).
  std::unordered_map<NodeId, uint32_t> rest_calls;
  std::string abs_path;
  FileId file = 0;
  Ast ast;
  std::map<std::string, SymId> scope;    // module-level names
  std::map<std::string, SymId> exports;  // "default" for the default export
  std::vector<TypeId> expr_type;         // NodeId → type (0 = not an expression / error)
  std::vector<SymId> ref;                // Identifier NodeId → symbol
  std::unordered_map<NodeId, FuncId> funcs;        // Function/Arrow node → FuncInfo
  std::unordered_map<NodeId, BlockId> blocks;      // JsxElement (For/Show/component) node → block it creates
  std::unordered_map<NodeId, BlockId> fallbacks;   // Show element → fallback branch block
  std::unordered_map<NodeId, BlockId> children;    // component element → the block of the children it passes
  std::unordered_map<NodeId, bool> children_slots; // {props.children} JsxExpr → where the children render
  std::unordered_map<NodeId, bool> inline_fns;     // Arrow node compiled inline (array method callbacks)
  std::unordered_map<NodeId, NodeId> for_keys;     // <For> element → its key={(item) => …} function
  // JSX control flow written as an expression (analyze/jsx_expr.cpp), keyed like the elements in `blocks`:
  // `cond && <p/>` and `c ? <a/> : <b/>` → the condition (a <Show>), `xs.map((x) => <li/>)` → xs (a <For>).
  std::unordered_map<NodeId, NodeId> control_exprs;
  // Control-flow elements other than <For>/<Show> (analyze/jsx_control.cpp), by element node:
  std::unordered_map<NodeId, Builtin> control;     // Index / Switch / Portal / Dynamic / Suspense
  std::unordered_map<NodeId, std::vector<std::pair<NodeId, BlockId>>> matches;  // <Switch> → (when, branch) per <Match>
  std::unordered_map<NodeId, NodeId> portal_mounts;  // <Portal> → its mount: a StringLit (an id), an id expression, or kNoNode (body)
  std::unordered_map<NodeId, std::vector<BlockId>> dynamic_cases;  // <Dynamic> → its case branches, in leaf order
  // A `null` / `undefined` literal used as a number or boolean (`let x: number | null = null`): that type,
  // whose representation of null/undefined codegen emits (types.h Nullable).
  std::unordered_map<NodeId, TypeId> nullish_as;
  // Optional chains (analyze/chain.cpp): each `?.` whose object may be null or undefined, and the outermost
  // node of each chain holding one, where a short-circuit lands with undefined (emit/codegen_expr.cpp).
  std::unordered_set<NodeId> chain_links, chain_roots;
  std::unordered_map<NodeId, EnumValue> enum_reads;  // `Color.Red`, `Color["Red"]` (Member / Index node) → the constant it is
  // `Color[n]` (an Index node) of a numeric enum → its members in declaration order (the reverse mapping).
  std::unordered_map<NodeId, std::vector<EnumValue>> enum_names;
  std::unordered_map<NodeId, uint32_t> dynamic_leaves;  // a leaf of a <Dynamic component> expression → case (1-based; 0 = nothing)
  std::map<NodeId, ModuleId> import_targets;       // Import node → the project module it names
};

struct Program {
  SourceManager* sources = nullptr;
  // Some function has a try statement: throws are wasm exceptions (tag dx_exc, an Error record) instead of
  // traps, and the Error shape exists (analyze/stmt.cpp, emit/codegen_stmt.cpp).
  bool uses_try = false;
  ShapeId error_shape = 0;  // with uses_try: the Error record's shape { message, name } (Checker::error_type)
  std::vector<std::unique_ptr<Module>> modules;
  Types types;
  // Deques: analysis holds references to entries while it adds new ones (push_back never moves elements).
  std::deque<Symbol> symbols;
  std::deque<FuncInfo> funcs;
  std::deque<BlockInfo> blocks;
  std::vector<ModuleId> page_modules;  // parse: what each page renders, in discover's order: the page file, or
                                       // a generated module wrapping it in its layouts
  std::vector<ModuleId> page_files;    // parse: the page files themselves
  std::vector<std::vector<std::string>> page_params;  // parse: each page's route param names
  std::vector<ModuleId> layout_modules;               // parse: every _layout.tsx used
  std::vector<BlockId> pages;          // analyze: page component blocks, ENTRY order
  std::vector<std::string> routes;     // one per page
  // Module-level variables (SymKind::Global) in initialization order: imported modules first, then
  // declaration order (an initializer that reads a later global initializes that one first). They live in
  // one heap record (`globals_shape`) created before the first page; see emit/codegen_blocks.cpp.
  std::vector<SymId> globals;
  ShapeId globals_shape = kNoId;

  std::map<FuncId, uint32_t> deps_cache;  // analyze::deps_of, per function

  SymId add_symbol(Symbol s) { symbols.push_back(std::move(s)); return SymId(symbols.size() - 1); }
  FuncId add_func(FuncInfo f) { funcs.push_back(std::move(f)); return FuncId(funcs.size() - 1); }
  BlockId add_block(BlockInfo b) { blocks.push_back(std::move(b)); return BlockId(blocks.size() - 1); }
  const Node& node(ModuleId m, NodeId n) const { return modules[m]->ast[n]; }
  TypeId type_of(ModuleId m, NodeId n) const { return n < modules[m]->expr_type.size() ? modules[m]->expr_type[n] : 0; }
  SymId ref_of(ModuleId m, NodeId n) const { return n < modules[m]->ref.size() ? modules[m]->ref[n] : kNoId; }
};

}  // namespace dxc
