// abi.h — the runtime's exports (runtime-wasm/ABI.md) as the native build defines them, for the tests.
#pragma once
#include <cstdint>

extern "C" {
uint32_t dx_alloc(uint32_t size);
uint32_t dx_new_record(uint32_t shape);
uint32_t dx_new_closure(uint32_t fn, uint32_t env);
uint32_t dx_new_array(uint32_t elem_kind, uint32_t length);
void dx_array_push_f64(uint32_t arr, double v);
void dx_array_push_i32(uint32_t arr, uint32_t v);
uint32_t dx_array_concat(uint32_t a, uint32_t b);
uint32_t dx_coll_new(uint32_t shape, uint32_t key_kind, uint32_t val_kind);
uint32_t dx_coll_size(uint32_t c);
int32_t dx_coll_find_i32(uint32_t c, uint32_t key);
uint32_t dx_coll_add_i32(uint32_t c, uint32_t key);
void dx_coll_put_i32(uint32_t c, uint32_t i, uint32_t v);
int32_t dx_coll_find_f64(uint32_t c, double key);
uint32_t dx_coll_add_f64(uint32_t c, double key);
void dx_coll_put_f64(uint32_t c, uint32_t i, double v);
uint32_t dx_coll_delete_i32(uint32_t c, uint32_t key);
uint32_t dx_coll_delete_f64(uint32_t c, double key);
void dx_coll_clear(uint32_t c);
uint32_t dx_coll_array(uint32_t c, uint32_t which);
void dx_write_ref(uint32_t holder, uint32_t slot, uint32_t value);
uint32_t dx_str_concat(uint32_t a, uint32_t b);
uint32_t dx_str_eq(uint32_t a, uint32_t b);
uint32_t dx_str_cmp(uint32_t a, uint32_t b);
double dx_num_rem(double a, double b);
uint32_t dx_num_to_str(double v);
uint32_t dx_new_instance(uint32_t shape, uint32_t block, uint32_t parent);
void dx_clone(uint32_t inst, uint32_t tpl, uint32_t ids_offset);
void dx_listen(uint32_t node, uint32_t handler);
void dx_text(uint32_t node, uint32_t s);
void dx_attr(uint32_t node, uint32_t name, uint32_t value);
void dx_attr_remove(uint32_t node, uint32_t name);
void dx_prop_str(uint32_t node, uint32_t name, uint32_t value);
void dx_prop_bool(uint32_t node, uint32_t name, uint32_t v);
void dx_class(uint32_t node, uint32_t s);
void dx_class_toggle(uint32_t node, uint32_t name, uint32_t on);
void dx_mount(uint32_t inst, uint32_t parent_node, uint32_t before_node);
void dx_destroy(uint32_t inst);
void dx_invalidate(uint32_t inst, uint32_t mask);
void dx_for(uint32_t inst, uint32_t state_offset, uint32_t items, uint32_t keys, uint32_t row_block, uint32_t parent_node,
            uint32_t anchor_node, uint32_t mask, uint32_t index_offset);
uint32_t dx_start(uint32_t page);
uint32_t dx_input(uint32_t bytes);
uint32_t dx_dispatch(uint32_t handler, uint32_t node, uint32_t value_len, uint32_t key_len, uint32_t checked);
void dx_throw(uint32_t message, uint32_t location);
}
