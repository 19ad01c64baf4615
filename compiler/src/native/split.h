// split.h — wasm2c's one C file cut into translation units that the C compiler builds side by side.
//
// wasm2c (Debian's wabt 1.0.32 has no --num-outputs) writes a module as one file: a prelude (macros, inline
// helpers, the function types, the tags, a forward declaration of every function), the module's data and
// element segments with the init_* functions that read them, then one `static` definition per function. The C
// compiler's time is almost all in those definitions and it uses one core; a 500-component app's 14 MB of C
// took 4.3 s at -O0 here. split_translation_unit gives every unit the prelude and a share of the definitions:
// functions lose `static` (dxc builds app.so with -fvisibility=hidden, so nothing new is exported), and the
// prelude's variables (the function-type and tag ids) are defined once, in the first unit, and declared
// `extern` in the others. A function that reads a segment (memory.init, table.init) stays in the first unit.
#pragma once
#include <string>
#include <vector>

namespace dxc::native {

// `c` with a deadline check (DX_LOOP_TICK, runtime-wasm/native/shadow/wasm-rt.h) on every branch back to a
// loop's start (wasm2c writes `goto w2c_L<n>;`) and in every function's prologue, so a call that runs past its
// deadline (dx_app_set_deadline) traps wherever it loops or recurses. `c` itself when it is not laid out as
// wasm2c 1.0.32 lays it out.
std::string add_deadline_checks(const std::string& c);

// `c` cut into at most `parts` units, the first of which holds everything but the definitions the others take,
// balanced by bytes. One unit, `c` itself, when parts < 2 or `c` is not laid out as wasm2c 1.0.32 lays it out.
std::vector<std::string> split_translation_unit(const std::string& c, size_t parts);

}  // namespace dxc::native
