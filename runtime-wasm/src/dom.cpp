// dom.cpp — the exports generated code calls to change one node: each appends one op (schemas/ops.md).
// Strings are runtime string Refs (null = ""); node ids come from dx_clone.
#include "app.h"
#include "ops.h"

using namespace dx::rt;
using namespace dx::schema;

DX_EXPORT("dx_text") void dx_text(uint32_t node, uint32_t s) { emit(kOpText, node, op_str(s)); }

// A text that is one number: the host prints it (String(v) in dx.js, num_chars.cpp on the server).
DX_EXPORT("dx_text_num") void dx_text_num(uint32_t node, double v) {
  uint64_t bits;
  __builtin_memcpy(&bits, &v, 8);
  emit(kOpTextNum, node, uint32_t(bits), uint32_t(bits >> 32));
}

DX_EXPORT("dx_attr") void dx_attr(uint32_t node, uint32_t name, uint32_t value) {
  emit(kOpAttr, node, op_str(name), op_str(value));
}

DX_EXPORT("dx_attr_remove") void dx_attr_remove(uint32_t node, uint32_t name) {
  emit(kOpRemoveAttr, node, op_str(name));
}

DX_EXPORT("dx_prop_str") void dx_prop_str(uint32_t node, uint32_t name, uint32_t value) {
  emit(kOpProp, node, op_str(name), op_str(value));
}

DX_EXPORT("dx_prop_bool") void dx_prop_bool(uint32_t node, uint32_t name, uint32_t v) {
  emit(kOpPropBool, node, op_str(name), v ? 1u : 0u);
}

DX_EXPORT("dx_class") void dx_class(uint32_t node, uint32_t s) { emit(kOpClass, node, op_str(s)); }

DX_EXPORT("dx_class_toggle") void dx_class_toggle(uint32_t node, uint32_t name, uint32_t on) {
  emit(kOpClassToggle, node, op_str(name), on ? 1u : 0u);
}

DX_EXPORT("dx_focus") void dx_focus(uint32_t node) { emit(kOpFocus, node); }

// LISTEN(node, the handler's event name, handler id, its flags) — all from dxb HANDLERS.
DX_EXPORT("dx_listen") void dx_listen(uint32_t node, uint32_t handler) {
  const DxbView& dxb = app_dxb();
  if (handler >= dxb.handler_count()) fatal("dx_listen: unknown handler");
  DxbHandler h = dxb.handler(handler);
  emit(kOpListen, node, op_dxb_str(h.event), handler, h.flags);
}
