// instance.cpp — block instances (contract in instance.h).
#include "instance.h"

#include "app.h"
#include "collect.h"
#include "heap.h"
#include "list.h"
#include "nodes.h"
#include "ops.h"
#include "suspense.h"
#include "timers.h"

namespace dx::rt {

namespace {

uint32_t g_live = 0;

Ref ids_of(Ref inst) { return inst + (inst_flags(inst) >> kIdsShift); }

uint32_t block_template(Ref inst) { return app_block(inst_block(inst)).template_id; }

}  // namespace

void instances_reset() { g_live = 0; }
uint32_t instances_live() { return g_live; }

Ref instance_new(uint32_t shape, uint32_t block, Ref parent) {
  const schema::DxbView& dxb = app_dxb();
  if (shape >= dxb.shape_count() || block >= dxb.block_count()) fatal("dx_new_instance: unknown shape or block");
  uint32_t size = shape_size(shape);
  if (size < kInstPrefix) fatal("dx_new_instance: shape smaller than the instance prefix");
  Ref inst = heap_alloc_instance(size);
  obj_init(inst, kOwned, kInstance, shape);
  st32(inst + kInstBlock, block);
  st32(inst + kInstParent, parent);
  uint32_t depth = parent ? inst_depth(parent) + 1 : 0;
  if (depth > kDepthMask) depth = kDepthMask;
  inst_set_flags(inst, depth << kDepthShift);
  ++g_live;
  return inst;
}

void instance_clone(Ref inst, uint32_t tpl, uint32_t ids_offset) {
  uint32_t flags = inst_flags(inst);
  if (tpl >= app_dxb().template_count()) fatal("dx_clone: unknown template");
  if (tpl != block_template(inst)) fatal("dx_clone: template is not the block's template");
  if (flags & kFlagCloned) fatal("dx_clone: instance already cloned");
  uint32_t n = template_nodes(tpl);
  if (ids_offset < kInstPrefix || ids_offset > 0xFFFF || ids_offset % 4 ||
      ids_offset + 4 * n > shape_size(obj_data(inst)))
    fatal("dx_clone: node ids do not fit in the instance");
  inst_set_flags(inst, flags | kFlagCloned | (ids_offset << kIdsShift));
  Ref p = op_space(3 + n);
  st32(p, schema::kOpClone);
  st32(p + 4, tpl);
  st32(p + 8, n);
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t id = node_alloc(inst);
    st32(inst + ids_offset + 4 * k, id);
    st32(p + 12 + 4 * k, id);
  }
}

namespace {

void insert_nodes(Ref inst, uint32_t parent_node, uint32_t before) {
  if (!(inst_flags(inst) & kFlagCloned)) return;
  uint32_t block = inst_block(inst);
  Ref ids = ids_of(inst);
  for (uint32_t r = 0, roots = template_roots(block_template(inst)); r < roots; ++r) {
    if (uint32_t field = anchor_field(block, r)) child_mount(ld32(inst + field), parent_node, before);
    emit(schema::kOpInsert, parent_node, ld32(ids + 4 * r), before);
  }
}

}  // namespace

void instance_mount(Ref inst, uint32_t parent_node, uint32_t before) {
  // Nested: the nodes go inside a node of the parent (its element, or before one of its slot nodes).
  Ref parent = inst_parent(inst);
  instance_mount_as(inst, parent_node, before,
                    parent && (node_owner(parent_node) == parent || (before && node_owner(before) == parent)));
}

void instance_mount_as(Ref inst, uint32_t parent_node, uint32_t before, bool nested) {
  uint32_t flags = inst_flags(inst);
  if (!(flags & kFlagCloned)) return;
  inst_set_flags(inst, nested ? flags | kFlagNested : flags & ~kFlagNested);
  insert_nodes(inst, parent_node, before);
}

void child_mount(Ref child, uint32_t parent_node, uint32_t before) {
  if (!child) return;
  if (obj_kind(child) == kListState) list_mount(child, parent_node, before);
  else if (!(inst_flags(child) & kFlagDead)) insert_nodes(child, parent_node, before);
}

uint32_t instance_first_node(Ref inst) {
  if (!(inst_flags(inst) & kFlagCloned)) return 0;
  if (uint32_t field = anchor_field(inst_block(inst), 0))
    if (uint32_t id = child_first_node(ld32(inst + field))) return id;
  return ld32(ids_of(inst));
}

uint32_t child_first_node(Ref child) {
  if (!child) return 0;
  if (obj_kind(child) == kListState) return list_first_node(child);
  return (inst_flags(child) & kFlagDead) ? 0 : instance_first_node(child);
}

void instance_portal(Ref inst, Ref target) {
  if (obj_kind(inst) != kInstance || (inst_flags(inst) & (kFlagPortal | kFlagDead))) fatal("dx_portal: not a new instance");
  uint32_t mount = node_alloc(inst);
  emit(schema::kOpMount, mount, op_str(target));
  st32(inst + kInstItem, mount);
  inst_set_flags(inst, inst_flags(inst) | kFlagPortal);
  instance_mount_as(inst, mount, 0, false);
}

void instance_destroy(Ref inst, bool removed) {
  uint32_t flags = inst_flags(inst);
  if (flags & kFlagDead) return;
  if (flags & kFlagPortal) removed = false;  // its nodes are under the mount node, never inside its owner's
  inst_set_flags(inst, flags | kFlagDead);
  --g_live;
  if (suspense_listing()) suspense_forget(inst);
  timers_drop_owner(inst);
  uint32_t shape = obj_data(inst);
  if ((flags & kFlagCloned) && !removed) {
    Ref ids = ids_of(inst);
    for (uint32_t r = 0, roots = template_roots(block_template(inst)); r < roots; ++r)
      emit(schema::kOpRemove, ld32(ids + 4 * r));
  }
  // Owned children: one at an anchor sits beside our roots (it goes when we go); any other one is nested
  // in our nodes (it already left with them), unless it was mounted elsewhere.
  FieldList owned = shape_owned(shape);
  for (uint32_t i = 0; i < owned.count; ++i) {
    uint32_t offset = field_offset_at(owned.first + i);
    Ref child = ld32(inst + offset);
    if (!child) continue;
    st32(inst + offset, 0);
    bool anchored = is_anchor_field(inst_block(inst), offset);
    if (obj_kind(child) == kListState) list_destroy(child, anchored, removed);
    else if (obj_kind(child) == kInstance)
      instance_destroy(child, anchored ? removed : (inst_flags(child) & kFlagNested) != 0);
  }
  if (flags & kFlagCloned) {
    Ref ids = ids_of(inst);
    for (uint32_t k = 0, n = template_nodes(block_template(inst)); k < n; ++k) node_free(ld32(ids + 4 * k));
  }
  if (flags & kFlagPortal) node_free(ld32(inst + kInstItem));  // the mount node itself stays in the document
  FieldList refs = shape_refs(shape);
  for (uint32_t i = 0; i < refs.count; ++i) {
    Ref slot = inst + field_offset_at(refs.first + i);
    release_later(ld32(slot));
    st32(slot, 0);
  }
  if (flags & kFlagItemRef) {
    release_later(ld32(inst + kInstItem));
    st32(inst + kInstItem, 0);
  }
  free_instance_later(inst);
}

}  // namespace dx::rt

using namespace dx::rt;

DX_EXPORT("dx_new_instance") uint32_t dx_new_instance(uint32_t shape, uint32_t block, uint32_t parent) {
  return instance_new(shape, block, parent);
}
DX_EXPORT("dx_clone") void dx_clone(uint32_t inst, uint32_t tpl, uint32_t ids_offset) {
  instance_clone(inst, tpl, ids_offset);
}
DX_EXPORT("dx_mount") void dx_mount(uint32_t inst, uint32_t parent_node, uint32_t before_node) {
  instance_mount(inst, parent_node, before_node);
}
DX_EXPORT("dx_portal") void dx_portal(uint32_t inst, uint32_t target) { instance_portal(inst, target); }
DX_EXPORT("dx_destroy") void dx_destroy(uint32_t inst) {
  if (inst) instance_destroy(inst, false);
}
