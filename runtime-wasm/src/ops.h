// ops.h — writing the op buffer of the current batch (format: schemas/ops.md, dx/schema/ops.h).
//
// `ops_begin` starts a batch, the emitters append ops, `ops_finish` fills the 24-byte batch header and
// returns its address for dx.js. The buffers are heap blocks reused from batch to batch; they stay valid
// until the next `ops_begin`. Strings are interned per batch: the same Ref (or dxb string) used twice in a
// batch is sent once (Refs cannot be reused within a batch: nothing is freed before the batch ends).
#pragma once
#include "dx/schema/ops.h"
#include "heap.h"

namespace dx::rt {

void ops_reset();
void ops_begin();
Ref ops_finish();

// `n` words of op space; the caller writes them all.
Ref op_space(uint32_t n);
inline void emit(uint32_t op, uint32_t a) { Ref p = op_space(2); st32(p, op); st32(p + 4, a); }
inline void emit(uint32_t op, uint32_t a, uint32_t b) {
  Ref p = op_space(3); st32(p, op); st32(p + 4, a); st32(p + 8, b);
}
inline void emit(uint32_t op, uint32_t a, uint32_t b, uint32_t c) {
  Ref p = op_space(4); st32(p, op); st32(p + 4, a); st32(p + 8, b); st32(p + 12, c);
}
inline void emit(uint32_t op, uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  Ref p = op_space(5); st32(p, op); st32(p + 4, a); st32(p + 8, b); st32(p + 12, c); st32(p + 16, d);
}

// String table index of a runtime string (null = ""), of dxb string `i`, of a NUL-terminated message.
uint32_t op_str(Ref s);
uint32_t op_dxb_str(uint32_t i);
uint32_t op_cstr(const char* message);
// The space-separated node paths of template `t` (a TEMPLATE operand).
uint32_t op_template_paths(uint32_t t);

// Reports a recoverable runtime error to the page (an ERROR op).
void op_error(const char* message);

// Ops written so far in this batch (words), for tests and stats.
uint32_t ops_words();

}  // namespace dx::rt
