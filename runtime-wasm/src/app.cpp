// app.cpp — opening the embedded dxb and the shape fact tables (contract in app.h).
#include "app.h"

namespace dx::rt {

namespace {

schema::DxbView g_dxb;
bool g_open = false;
// Per shape 5 words: size, refs.first, refs.count, owned.first, owned.count (indexes into g_offsets).
Vec32 g_shapes;
Vec32 g_offsets;

}  // namespace

void app_reset() {
  g_dxb = schema::DxbView();
  g_open = false;
  g_shapes = Vec32();
  g_offsets = Vec32();
}

bool app_is_open() { return g_open; }
const schema::DxbView& app_dxb() { return g_dxb; }

bool app_open(const char** error) {
  Ref at = dxgen_dxb();
  uint32_t size = dxgen_dxb_size();
#if defined(__wasm__)
  // app.wasm embeds the app.dxb dxc verified when it wrote both (verify phase): read it without re-checking,
  // which keeps the validator out of every app.
  if (!g_dxb.open_trusted(mem(at), size)) {
    *error = "the embedded app.dxb is not readable";
    return false;
  }
#else
  schema::DxbError err;
  if (!g_dxb.open(mem(at), size, &err)) {
    *error = err.what;
    return false;
  }
#endif
  uint32_t n = g_dxb.shape_count();
  g_shapes.reserve(5 * n);
  for (uint32_t s = 0; s < n; ++s) {
    schema::DxbShape shape = g_dxb.shape(s);
    uint32_t refs_first = g_offsets.len;
    for (uint32_t k = 0; k < shape.field_count; ++k) {
      schema::DxbField f = g_dxb.field(shape.first_field + k);
      if (schema::field_is_traced_ref(f.type)) g_offsets.push(f.offset);
    }
    uint32_t owned_first = g_offsets.len;
    for (uint32_t k = 0; k < shape.field_count; ++k) {
      schema::DxbField f = g_dxb.field(shape.first_field + k);
      if (f.type == schema::kFieldOwned) g_offsets.push(f.offset);
    }
    g_shapes.push(align8(shape.size));
    g_shapes.push(refs_first);
    g_shapes.push(owned_first - refs_first);
    g_shapes.push(owned_first);
    g_shapes.push(g_offsets.len - owned_first);
  }
  g_open = true;
  return true;
}

uint32_t anchor_field(uint32_t block, uint32_t root) {
  schema::DxbBlock b = g_dxb.block(block);
  for (uint32_t k = 0; k < b.anchor_count; ++k) {
    schema::DxbAnchor a = g_dxb.anchor(b.first_anchor + k);
    if (a.root_index == root) return a.field_offset;
  }
  return 0;
}

bool is_anchor_field(uint32_t block, uint32_t offset) {
  schema::DxbBlock b = g_dxb.block(block);
  for (uint32_t k = 0; k < b.anchor_count; ++k)
    if (g_dxb.anchor(b.first_anchor + k).field_offset == offset) return true;
  return false;
}

uint32_t shape_size(uint32_t s) { return g_shapes.at(5 * s); }
FieldList shape_refs(uint32_t s) { return {g_shapes.at(5 * s + 1), g_shapes.at(5 * s + 2)}; }
FieldList shape_owned(uint32_t s) { return {g_shapes.at(5 * s + 3), g_shapes.at(5 * s + 4)}; }
uint32_t field_offset_at(uint32_t i) { return g_offsets.at(i); }

}  // namespace dx::rt
