// Statements: locals, if/else, return (a real return in functions, a break out of inline callbacks), and
// the declarations of a block body (signals, memos, block-level variables stored in the instance).
#include "emit/codegen.h"

namespace dxc::emit {

Ex CodeGen::stmt(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  switch (x.kind) {
    case NodeKind::Block: {
      std::vector<Ex> xs;
      for (NodeId s : x.kids) xs.push_back(stmt(f, s));
      return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
    }
    case NodeKind::ExprStmt: {
      Ex e = expr(f, x.kid(0));
      return wtype(type_of(f, x.kid(0))) == t_none() ? e : w_.drop(e);
    }
    case NodeKind::VarDecl: {
      std::vector<Ex> xs;
      for (NodeId dk : x.kids) {
        const Node& d = node(f.module, dk);
        SymId s = p_.ref_of(f.module, d.kid(0));
        if (s == kNoId) return internal_error(dk, f.module, "declaration without a symbol");
        xs.push_back(w_.set(local_of(f, s), expr(f, d.kid(2))));
      }
      return w_.seq(xs, t_none());
    }
    case NodeKind::If: {
      TypeId ct = type_of(f, x.kid(0));
      return w_.if_(truthy(f, expr(f, x.kid(0)), ct), stmt(f, x.kid(1)), x.kid(2) == kNoNode ? nullptr : stmt(f, x.kid(2)));
    }
    case NodeKind::Return: {
      Ex v = x.kid(0) == kNoNode ? nullptr : expr(f, x.kid(0));
      if (!f.inline_rets.empty()) {
        const Fn::InlineRet& r = f.inline_rets.back();
        if (v && r.type != t_none()) return w_.seq({w_.set(r.result, v), w_.br(r.label)}, t_none());
        if (v) return w_.seq({w_.drop(v), w_.br(r.label)}, t_none());
        return w_.br(r.label);
      }
      if (v && wtype(type_of(f, x.kid(0))) == t_none()) return w_.seq({v, w_.ret()}, t_none());
      return w_.ret(v);
    }
    case NodeKind::Empty: return w_.nop();
    default: return internal_error(n, f.module, std::string("cannot compile statement ") + node_kind_name(x.kind));
  }
}

// A declaration at the top level of a component or row body, run once by the block's create function.
Ex CodeGen::block_decl(Fn& f, NodeId n) {
  const Node& x = node(f.module, n);
  std::vector<Ex> xs;
  for (NodeId dk : x.kids) {
    const Node& d = node(f.module, dk);
    const Node& target = node(f.module, d.kid(0));
    if (target.kind == NodeKind::ArrayPattern) {  // const [v, setV] = createSignal(init)
      SymId s = p_.ref_of(f.module, target.kids[0]);
      if (s == kNoId) continue;
      const Symbol& sig = p_.symbols[s];
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sig.offset, expr(f, sig.init), sig.type, false));
      continue;
    }
    SymId s = p_.ref_of(f.module, d.kid(0));
    if (s == kNoId) continue;
    const Symbol& sym = p_.symbols[s];
    if (sym.kind == SymKind::Memo) {
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sym.offset, w_.call(fn_name(sym.func), {w_.get(0, t_i32())}, wtype(sym.type)),
                               sym.type, false));
    } else if (sym.kind == SymKind::Field) {
      xs.push_back(store_typed(w_.get(0, t_i32()), w_.get(0, t_i32()), sym.offset, expr(f, sym.init), sym.type, false));
    }
    // Functions declared in the body have no runtime code here.
  }
  return xs.empty() ? w_.nop() : w_.seq(xs, t_none());
}

}  // namespace dxc::emit
