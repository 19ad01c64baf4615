// instance.h — block instances: creation, template clones, mounting, destruction (ABI.md).
//
// An instance is a heap object (never reference counted: owned by its parent through an owned field, or
// by the runtime for the page) with a 32-byte prefix and its block's generated fields. Its DOM nodes are
// the root_count + slot_count ids dx_clone wrote at `inst + ids_offset`. What dx_mount inserts, dx_for
// moves and dx_destroy removes are its *nodes* (ABI.md, dx_mount): for each template root in order, the
// nodes of the child held at that root's anchor (dxb BLOCKS anchors: a block instance, recursively, or a
// list state's rows), then the root itself. A child that is not at an anchor must be mounted inside one of
// its owner's nodes ("nested"): removing the owner's roots removes it, so destroying the owner sends no
// REMOVE for it.
#pragma once
#include "object.h"

namespace dx::rt {

void instances_reset();
Ref instance_new(uint32_t shape, uint32_t block, Ref parent);
void instance_clone(Ref inst, uint32_t tpl, uint32_t ids_offset);
// INSERT every node of `inst` before `before` (0 = append to parent_node); also how rows move. Records
// whether the nodes went inside a node of the parent instance (parent_node, or before's parent, is one).
void instance_mount(Ref inst, uint32_t parent_node, uint32_t before);
// The same with `nested` decided by the caller (dx_for knows it once for all its rows).
void instance_mount_as(Ref inst, uint32_t parent_node, uint32_t before, bool nested);
// INSERT the nodes of an owned child (an instance or a list state); nothing for 0.
void child_mount(Ref child, uint32_t parent_node, uint32_t before);
// First node id in document order, or 0 when the instance has no nodes.
uint32_t instance_first_node(Ref inst);
uint32_t child_first_node(Ref child);
// <Portal>: `inst` (created, not mounted) gets a node id for the element with id `target` (a string; "" =
// document.body, looked up by dx.js: MOUNT op) and its nodes are appended there. The id is kept at +24
// (kFlagPortal); destroying the instance always REMOVEs its roots (they are not inside its owner's nodes)
// and FREEs the mount id.
void instance_portal(Ref inst, Ref target);
// Destroys `inst` and everything it owns. `removed`: its roots are already out of the document (a CLEAR,
// or an ancestor's removal), so no REMOVE is sent for them.
void instance_destroy(Ref inst, bool removed);
// Live instances (the flush uses it to bound runaway invalidation loops).
uint32_t instances_live();

}  // namespace dx::rt
