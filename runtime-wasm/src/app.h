// app.h — the app.dxb embedded by dxc (at dxgen_dxb()), opened and validated once by dx_start, plus the
// per-shape facts the collector and dx_destroy need on every object (size, which fields to trace, which
// to destroy), precomputed from SHAPES so no lookup walks the dxb field table twice.
#pragma once
#include "dx/schema/dxb.h"
#include "heap.h"

namespace dx::rt {

// Validates the embedded dxb and precomputes shape facts. Returns false and a static message if the dxb is
// invalid (every later accessor assumes a successful open).
bool app_open(const char** error);
void app_reset();
bool app_is_open();

const schema::DxbView& app_dxb();

// Byte size of shape `s` (an instance or record), rounded up to 8.
uint32_t shape_size(uint32_t s);
// Offsets of the fields of shape `s` the collector traces (types 4–7): `count` offsets from `first`.
struct FieldList { uint32_t first, count; };
FieldList shape_refs(uint32_t s);
// Offsets of the owned fields (type 8) of shape `s`.
FieldList shape_owned(uint32_t s);
uint32_t field_offset_at(uint32_t i);

// Anchors (dxb BLOCKS): the owned field whose child's nodes sit just before root `root` of `block`'s
// template, or 0 when that root is not an anchor; and whether owned field `offset` is at an anchor.
uint32_t anchor_field(uint32_t block, uint32_t root);
bool is_anchor_field(uint32_t block, uint32_t offset);

// Block facts (block id → its template and shape) and template node counts.
inline schema::DxbBlock app_block(uint32_t b) { return app_dxb().block(b); }
inline uint32_t template_roots(uint32_t t) { return app_dxb().template_at(t).root_count; }
inline uint32_t template_nodes(uint32_t t) {
  schema::DxbTemplate x = app_dxb().template_at(t);
  return uint32_t(x.root_count) + x.slot_count;
}

}  // namespace dx::rt
