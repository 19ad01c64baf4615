// Phase 4 — lower: the IR emit consumes. Per block: a template (static HTML + node paths) and the bindings
// that fill and update its dynamic parts; globally, the handler table. Code inside bindings and handlers
// stays as typed AST (analyze's side tables); emit translates it to wasm.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/program.h"

namespace dxc {

struct TemplateIR {
  std::string html;
  std::vector<std::string> paths;  // roots first, then slots; "f"/"n" steps from the fragment
  uint32_t root_count = 0;
};

struct TextPart {
  bool is_expr = false;
  std::string text;       // static text
  NodeId expr = kNoNode;  // string, number or boolean expression
};

enum class BindKind : uint8_t {
  Text, Attr, BoolAttr, Class, ClassToggle, Prop, PropBool, Event, For, Show, Component, Children, Index, Switch, Dynamic, Portal,
  Focus,  // a static `autofocus` attribute: the element is focused once its block is created and inserted
  Suspense,  // <Suspense>: a <Show> whose condition is `state`, which the runtime sets (runtime-wasm/src/suspense.cpp)
};

struct PropIR {
  std::string name;
  NodeId expr = kNoNode;
  TypeId type = 0;
  uint32_t offset = 0;  // field in the child instance
  uint32_t bit = 0;     // the child's mask bit for this prop
  uint32_t deps = 0;    // in the parent's mask
};

struct BindingIR {
  BindKind kind = BindKind::Text;
  uint32_t node = 0;         // index into the block's node ids (roots, then slots)
  std::string name;          // attribute / property / class / event name
  NodeId expr = kNoNode;     // the value (Attr, Class, ClassToggle, Prop, For each, Show when)
  NodeId key = kNoNode;      // For: the key={(item) => …} function, if any
  std::vector<TextPart> parts;  // Text
  uint32_t deps = 0;         // mask bits that invalidate it (component mask)
  uint32_t handler = 0;      // Event: handler id
  BlockId child = kNoId;     // For: row block; Show: main branch; Component: the component
  BlockId fallback = kNoId;  // Show
  uint32_t field = 0;        // For: list state; Show/Component: the child instance (owned)
  uint32_t field2 = 0;       // Show: which branch is shown (0 none, 1 main, 2 fallback)
  uint32_t state = 0;        // Suspense: 1 its children, 2 held back (fallback); `deps` is the bit that says it changed
  // Text/Attr/Class/ClassToggle/Prop/PropBool that can update: the instance field holding the value last
  // given to the DOM (a string, or a boolean as u32); an update that computes the same value sends no op.
  uint32_t cache = 0;        // 0: not cached
  // Text that is one {expr} of type number: a TEXT_NUM op (the host prints the number, so an app that prints
  // numbers only so carries no number printer); its cache is the f64 (8 bytes).
  bool number = false;
  bool has_anchor = true;    // For without an anchor appends to `node` (its parent element)
  uint32_t child_deps = 0;   // For/Show: what the rows/branches read from the component mask
  std::vector<PropIR> props; // Component
  BlockId children = kNoId;  // Component: the block of the children the caller passes (child_deps: what it reads)
  // Switch / Dynamic: the branches, shown one at a time like Show's (field: the instance, field2: which,
  // 1-based, 0 none). Switch: whens[i] chooses cases[i], the first truthy one wins, else `fallback`.
  // Dynamic: `expr` is the component expression, its leaves name cases (Module::dynamic_leaves).
  std::vector<NodeId> whens;
  std::vector<BlockId> cases;
  NodeId mount = kNoNode;    // Portal: StringLit id, id expression, or kNoNode (document.body); child: its branch
};

struct BlockIR {
  TemplateIR tpl;
  uint32_t tpl_id = 0;
  std::vector<BindingIR> bindings;
  uint32_t ids_offset = 0;   // instance field where dx_clone writes the node ids
  std::vector<std::pair<uint32_t, uint32_t>> anchors;  // (root index, owned field offset)
  std::vector<std::pair<uint32_t, uint32_t>> memo_deps;  // component: (memo symbol, deps)
  std::vector<std::pair<FuncId, uint32_t>> effect_deps;  // component: (createEffect function, deps)
};

struct HandlerIR {
  BlockId block = kNoId;
  ModuleId module = 0;
  std::string event;
  uint32_t flags = 0;
  FuncId fn = kNoId;       // an arrow handler: its FuncInfo
  NodeId expr = kNoNode;   // otherwise: an expression naming a function or closure
};

struct LoweredProgram {
  std::vector<BlockIR> blocks;  // indexed by BlockId
  std::vector<HandlerIR> handlers;
};

namespace lower {
LoweredProgram lower(Program& p, Diagnostics& diags);
std::string dump(const Program& p, const LoweredProgram& lp);  // --dump=lower
}  // namespace lower

}  // namespace dxc
