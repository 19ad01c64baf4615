// Phase 2 — parse: TSX text → dxc::Ast, through tree-sitter and the tree-sitter-typescript TSX grammar.
// A file whose path ends in `.ts` (`.mts`, `.cts`) is read with the TypeScript grammar instead, as tsc and
// esbuild do: `<T>x` is a type assertion (the same As node as `x as T`) and JSX is a DX0101 syntax error.
//
// Never fails: tree-sitter ERROR / MISSING nodes become DX0101 diagnostics ("syntax error: unexpected …" /
// "missing …") with their spans, and syntax outside what ast.def can hold becomes an Other node (analyze
// names it in a diagnostic). JSX text is cooked here (JSX whitespace rules, HTML entities), string and
// template literals are cooked (escapes → UTF-8; lone surrogates from \u escapes → DX0103).
#pragma once
#include "common/diagnostics.h"
#include "parse/ast.h"

namespace dxc::parse {

Ast parse_file(const SourceManager& sm, FileId file, Diagnostics& diags);

}  // namespace dxc::parse
