// --dump=analyze: components, blocks, symbols with their types and storage, functions.
#include "analyze/analyze.h"

namespace dxc::analyze {

std::string dump(const Program& p) {
  // In SymKind's order (program.h).
  static const char* kinds[] = {"const", "global", "function", "component", "local", "field", "signal",
                                "setter", "memo", "props", "builtin", "selector", "type"};
  static_assert(sizeof kinds / sizeof kinds[0] == size_t(SymKind::TypeName) + 1, "a SymKind without a name");
  static const char* roles[] = {"module", "local", "closure", "handler", "component", "row"};
  std::string s;
  for (BlockId b = 0; b < p.blocks.size(); ++b) {
    const BlockInfo& bi = p.blocks[b];
    s += "block " + std::to_string(b) + " " + bi.name + " kind=" + std::to_string(bi.kind) + " module=" + p.modules[bi.module]->path;
    if (bi.parent != kNoId) s += " parent=" + std::to_string(bi.parent);
    s += " component=" + std::to_string(bi.component) + "\n";
    for (auto& [name, bit] : bi.prop_bits) s += "  prop " + name + " bit=" + std::to_string(bit) + "\n";
  }
  for (SymId i = 0; i < p.symbols.size(); ++i) {
    const Symbol& x = p.symbols[i];
    if (x.kind == SymKind::Builtin || x.kind == SymKind::TypeName) continue;
    s += "symbol " + std::to_string(i) + " " + kinds[int(x.kind)] + " " + x.name + ": " + p.types.name(x.type);
    if (x.block != kNoId) s += " block=" + std::to_string(x.block) + " @" + std::to_string(x.offset);
    if (x.bit) s += " bit=" + std::to_string(x.bit);
    if (x.func != kNoId) s += " fn=" + std::to_string(x.func);
    s += "\n";
  }
  for (FuncId f = 0; f < p.funcs.size(); ++f) {
    const FuncInfo& fi = p.funcs[f];
    s += "func " + std::to_string(f) + " " + fi.name + " " + roles[int(fi.role)] + ": " + (fi.type ? p.types.name(fi.type) : "<unchecked>");
    if (fi.env_block != kNoId) s += " env=" + std::to_string(fi.env_block);
    if (fi.event_flags) s += " event-flags=" + std::to_string(fi.event_flags);
    s += "\n";
  }
  for (size_t i = 0; i < p.pages.size(); ++i) s += "page " + p.routes[i] + " block=" + std::to_string(p.pages[i]) + "\n";
  return s;
}

}  // namespace dxc::analyze
