// throw.cpp — dx_throw and its report (contract in throw.h).
#include "throw.h"

#include "flush.h"
#include "heap.h"
#include "ops.h"
#include "str.h"

extern "C" uint32_t dx_num_to_str(double v);

namespace dx::rt {

namespace {
Ref g_report = 0;  // heap block: the report's UTF-8 bytes
uint32_t g_report_len = 0;

void record(Ref s) {
  if (g_report) heap_free(g_report);  // an earlier report nobody collected (a throw outside a dispatch)
  g_report_len = utf8_size(s);
  g_report = heap_alloc(g_report_len ? g_report_len : 1);
  write_utf8(s, mem(g_report));
}
}  // namespace

void throw_after_trap() {
  if (g_report) return;
  flush_abandon();
  record(str_from_latin1("dx: a runtime error (a RangeError or an invalid operation) aborted the last call; "
                         "its updates were dropped"));
}

void throw_report() {
  if (!g_report) return;
  emit(schema::kOpError, op_str(str_from_utf8(mem(g_report), g_report_len)));
  heap_free(g_report);
  g_report = 0;
}

void throw_reset() { g_report = 0, g_report_len = 0; }

void throw_error(const char* kind, Ref message, Ref location) {
  Ref name = str_from_latin1(kind);
  Ref s = str_concat(str_concat(name, str_from_latin1(": ")), message);
  record(location ? str_concat(str_concat(s, str_from_latin1("\n    at ")), location) : s);
  dxgen_raise(name, message);  // a wasm exception the app may catch, or a trap
  fatal("throw");
}

}  // namespace dx::rt

using namespace dx::rt;

// "<name>: <message>\n    at <location>" ("<name>" alone for an empty message, as String(new Error()) gives).
DX_EXPORT("dx_throw_named") void dx_throw_named(uint32_t name, uint32_t message, uint32_t location) {
  Ref s = name;
  if (str_len(message)) s = str_concat(str_concat(s, str_from_latin1(": ")), message);
  record(str_concat(str_concat(s, str_from_latin1("\n    at ")), location));
}

DX_EXPORT("dx_throw") void dx_throw(uint32_t message, uint32_t location) {
  dx_throw_named(str_from_latin1("Error"), message, location);
}

// `x!` met null (1) or undefined (0): a TypeError, where JS would carry the value on (its next property read
// would throw one).
DX_EXPORT("dx_throw_null") void dx_throw_null(uint32_t is_null) {
  throw_error("TypeError", str_from_latin1(is_null ? "Cannot use null here: the non-null assertion (x!) does not hold"
                                                   : "Cannot use undefined here: the non-null assertion (x!) does not hold"), 0);
}

// xs.reduce(fn) of an empty array (no initial value): V8's TypeError.
DX_EXPORT("dx_throw_empty_reduce") void dx_throw_empty_reduce() {
  throw_error("TypeError", str_from_latin1("Reduce of empty array with no initial value"), 0);
}

// xs.with(i, v) with i outside the array: V8's RangeError, naming the index as given.
DX_EXPORT("dx_throw_invalid_index") void dx_throw_invalid_index(double index) {
  throw_error("RangeError", str_concat(str_from_latin1("Invalid index : "), dx_num_to_str(index)), 0);
}

// A catch clause took the exception: there is nothing left to report.
DX_EXPORT("dx_caught") void dx_caught() {
  if (g_report) heap_free(g_report);
  g_report = 0;
}
