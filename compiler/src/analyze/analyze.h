// Phase 3 — analyze: parsed modules → Program side tables (symbols, types of expressions, functions,
// blocks, reactive bits). Entry: `analyze`. Errors are diagnostics (DX02xx); analysis continues past them so
// one build reports every problem, with the Error type suppressing follow-on noise.
#pragma once
#include "analyze/program.h"
#include "common/diagnostics.h"

namespace dxc {
struct Project;

namespace analyze {

// Phase 2 driver: parses the project's pages and every module they import (relative imports inside the
// project, found breadth-first), adding them to `program`.
void parse_project(const Project& project, Program& program, Diagnostics& diags);
// Phase 3: checks the parsed modules and fills the program's side tables.
void analyze(Program& program, Diagnostics& diags);
// Whether module `m` or a module it imports (transitively) calls useSearchParams (`query`) or useFormData
// (`form`): a page that does is rendered per request, with the URL's query or a POSTed form's fields
// (PageFile::dynamic, PageFile::form).
struct RequestReads {
  bool query = false, form = false;
};
RequestReads reads_request(const Program& program, ModuleId m);
std::string dump(const Program& program);  // --dump=analyze

// Reactive dependencies of an expression: the union of the mask bits it reads (signals, memos, props),
// looking through calls of block-local functions and inline callbacks, but not into closures and handlers.
uint32_t deps_of(const Program& p, ModuleId m, NodeId expr);
// What running function `f` reads (its body's dependencies): memos, block-local functions.
uint32_t deps_of_function(const Program& p, FuncId f);

}  // namespace analyze
}  // namespace dxc
