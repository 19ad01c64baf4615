// dx/schema/ops.h — the op buffer: what runtime.wasm writes after each call and dx.js applies to the DOM.
// Spec: schemas/ops.md. Freestanding and header-only (the wasm runtime includes it; dx.js mirrors the
// numbers below by hand: keep both in step with ops.md).
//
// A batch is a 24-byte header in linear memory (six little-endian u32):
//   op_words, ops (address of op_words u32 words), string_count, string_bytes (address),
//   string_bytes_len, string_lengths (0, or the address of string_count u32 UTF-16 lengths).
// Each op is an opcode word followed by a fixed number of operand words (CLONE: 2 + its id count).
// Strings are indexes into the batch's string table: UTF-8, each followed by one 0 byte. When any string
// contains U+0000, string_lengths is set and readers cut the decoded text by those lengths instead of
// splitting on NUL.
#pragma once
#include <stdint.h>

namespace dx::schema {

inline constexpr uint32_t kOpsVersion = 1;
inline constexpr uint32_t kBatchHeaderWords = 6;

enum BatchField : uint32_t {
  kBatchOpWords = 0, kBatchOps = 1, kBatchStringCount = 2, kBatchStringBytes = 3, kBatchStringBytesLen = 4,
  kBatchStringLengths = 5,
};

// X(name, code, operand words, operands) — operands: n = node id, s = string index, u = u32.
#define DX_OPS(X)                                                                                  \
  X(Template, 1, 3, "u:template s:html s:paths (space-separated dxb node paths, roots then slots)") \
  X(Clone, 2, 2, "u:template u:count n×count (ids in path order; operand words = 2 + count)")      \
  X(Text, 3, 2, "n:node s:text (node.nodeValue = text)")                                          \
  X(Attr, 4, 3, "n:node s:name s:value (setAttribute)")                                           \
  X(RemoveAttr, 5, 2, "n:node s:name (removeAttribute)")                                          \
  X(Prop, 6, 3, "n:node s:name s:value (node[name] = value)")                                     \
  X(PropBool, 7, 3, "n:node s:name u:value (node[name] = value != 0)")                            \
  X(Class, 8, 2, "n:node s:class (className = class)")                                            \
  X(ClassToggle, 9, 3, "n:node s:name u:on (classList.toggle(name, on != 0))")                    \
  X(Insert, 10, 3, "n:parent n:node n:before (into before.parentNode before it; 0: append to parent)") \
  X(Remove, 11, 1, "n:node (node.remove())")                                                      \
  X(Clear, 12, 1, "n:parent (parent.textContent = \"\")")                                         \
  X(Free, 13, 1, "n:node (id released: nodes[id] = null, its listeners forgotten)")               \
  X(Listen, 14, 4, "n:node s:event u:handler u:flags (delegate `event` on node to handler)")      \
  X(Error, 15, 1, "s:message (console.error; the runtime recovered)")                             \
  X(Console, 16, 2, "u:level s:text (console.log / warn / error for level 0 / 1 / 2)")                \
  X(Mount, 17, 2, "n:node s:id (nodes[node] = document.getElementById(id), document.body for \"\")")                \
  X(Focus, 18, 1, "n:node (node.focus() once the batch is applied: an autofocus element dx inserted)") \
  X(Timer, 19, 3, "u:id u:delay u:repeat (setTimeout / setInterval(() => dx_timer_fire(id), delay))") \
  X(TimerClear, 20, 1, "u:id (clearTimeout / clearInterval of the timer id)")                       \
  X(TextNum, 21, 3, "n:node u:lo u:hi (a double's bits, low word first: node.nodeValue = String(value))")

enum Op : uint32_t {
#define DX_OP_ENUM(name, code, words, doc) kOp##name = code,
  DX_OPS(DX_OP_ENUM)
#undef DX_OP_ENUM
};
inline constexpr uint32_t kOpCount = 22;  // codes 1 … 21; 0 is never an opcode

// Operand words after the opcode (CLONE: plus its count operand's value). 0xFF = not an opcode.
inline uint32_t op_operands(uint32_t op) {
  switch (op) {
#define DX_OP_ARITY(name, code, words, doc) case code: return words;
    DX_OPS(DX_OP_ARITY)
#undef DX_OP_ARITY
    default: return 0xFF;
  }
}

inline const char* op_name(uint32_t op) {
  switch (op) {
#define DX_OP_NAME(name, code, words, doc) case code: return #name;
    DX_OPS(DX_OP_NAME)
#undef DX_OP_NAME
    default: return nullptr;
  }
}

// LISTEN flags (the dxb handler flags, passed through).
enum ListenFlags : uint32_t { kListenValue = 1, kListenKey = 2, kListenChecked = 4, kListenPreventDefault = 8 };

// Walks the op words of a batch: `next` returns false at the end or on a malformed op (sets `bad`).
struct OpCursor {
  const uint32_t* words = nullptr;
  uint32_t count = 0, pos = 0;
  bool bad = false;

  // On success: *op = opcode, *args = its operands, *nargs = how many.
  bool next(uint32_t* op, const uint32_t** args, uint32_t* nargs) {
    if (bad || pos >= count) return false;
    uint32_t code = words[pos], n = op_operands(code);
    if (n == 0xFF || count - pos - 1 < n) { bad = true; return false; }
    if (code == kOpClone) {
      uint32_t ids = words[pos + 2];
      if (count - pos - 1 - n < ids) { bad = true; return false; }
      n += ids;
    }
    *op = code;
    *args = words + pos + 1;
    *nargs = n;
    pos += 1 + n;
    return true;
  }
};

}  // namespace dx::schema
