// Inline golden dumps of small snippets: declarations, imports/exports, patterns and statements. Each expectation is the node
// layout ast.def documents (reviewed by hand); every snippet parses without diagnostics.
#include <catch2/catch.hpp>

#include "parse_test_support.h"

using dxtest::Case;

namespace {

const Case k_declarations[] = {
    {R"(import D, * as ns from "m";)",
     R"(import "m" @1:1
  import-spec "D" "default" @1:8
  import-spec "ns" "*" @1:11
)"},
    {R"(import { a, b as c, type T, "x-y" as z } from './n';)",
     R"(import "./n" @1:1
  import-spec "a" "a" @1:10
  import-spec "c" "b" @1:13
  import-spec "T" "T" [type-only] @1:21
  import-spec "z" "x-y" @1:29
)"},
    {R"(import type { P } from "p";)",
     R"(import "p" [type-only] @1:1
  import-spec "P" "P" @1:15
)"},
    {R"(import "side-effect";)",
     R"(import "side-effect" @1:1
)"},
    {R"(export { a, b as c };)",
     R"(export-named @1:1
  export-spec "a" "a" @1:10
  export-spec "b" "c" @1:13
)"},
    {R"(export { default as X, y } from "m";)",
     R"(export-named "m" @1:1
  export-spec "default" "X" @1:10
  export-spec "y" "y" @1:24
)"},
    {R"(export * from "m";)",
     R"(export-named "m" @1:1
  export-spec "*" "*" @1:1
)"},
    {R"(export default App;)",
     R"(export-default @1:1
  ident "App" @1:16
)"},
    {R"(export default function () {})",
     R"(function [export default] @1:16
  params @1:25
  block @1:28
  -
)"},
    {R"(export async function load(id: string): Promise<number> { return 1; })",
     R"(function "load" [export async] @1:8
  params @1:27
    param "id" @1:28
      predefined-type "string" @1:32
      -
      -
  block @1:57
    return @1:59
      number "1" =1 @1:66
  type-ref "Promise" @1:41
    predefined-type "number" @1:49
)"},
    {R"(export const x = 1, y: number = 2;)",
     R"(var [export const] @1:8
  declarator @1:14
    ident "x" @1:14
    -
    number "1" =1 @1:18
  declarator @1:21
    ident "y" @1:21
    predefined-type "number" @1:24
    number "2" =2 @1:33
)"},
    {R"(function* g<T, U>(a: T, b?: U, ...rest: number[]) {})",
     R"(function "g" "T,U" [generator] @1:1
  params @1:18
    param "a" @1:19
      type-ref "T" @1:22
      -
      -
    param "b" [optional] @1:25
      type-ref "U" @1:29
      -
      -
    param "rest" [rest] @1:32
      array-type @1:41
        predefined-type "number" @1:41
      -
      -
  block @1:51
  -
)"},
    {R"(function f({ a, b: c = 1 }: P, [d, , e] = [], ...[f]: number[]) {})",
     R"(function "f" @1:1
  params @1:11
    param @1:12
      type-ref "P" @1:29
      -
      object-pattern @1:12
        pattern-prop "a" [shorthand] @1:14
          ident "a" @1:14
          -
        pattern-prop "b" @1:17
          ident "c" @1:20
          number "1" =1 @1:24
    param @1:32
      -
      array @1:43
      array-pattern @1:32
        ident "d" @1:33
        hole @1:36
        ident "e" @1:38
    param [rest] @1:47
      array-type @1:55
        predefined-type "number" @1:55
      -
      array-pattern @1:50
        ident "f" @1:51
  block @1:65
  -
)"},
    {R"(let [a = 1, ...b] = xs;)",
     R"(var [let] @1:1
  declarator @1:5
    array-pattern @1:5
      pattern-prop @1:6
        ident "a" @1:6
        number "1" =1 @1:10
      spread @1:13
        ident "b" @1:16
    -
    ident "xs" @1:21
)"},
    {R"(var { p, q: { r }, ...s } = o;)",
     R"(var [var] @1:1
  declarator @1:5
    object-pattern @1:5
      pattern-prop "p" [shorthand] @1:7
        ident "p" @1:7
        -
      pattern-prop "q" @1:10
        object-pattern @1:13
          pattern-prop "r" [shorthand] @1:15
            ident "r" @1:15
            -
        -
      spread @1:20
        ident "s" @1:23
    -
    ident "o" @1:29
)"},
    {R"(export interface Props<T> extends Base, Other<T> { readonly id: number; name?: string; on(x: T): void; })",
     R"(interface "Props" "T" [export] @1:8
  prop-sig "id" [readonly] @1:52
    predefined-type "number" @1:65
  prop-sig "name" [optional] @1:73
    predefined-type "string" @1:80
  prop-sig "on" [method] @1:88
    function-type @1:88
      params @1:90
        param "x" @1:91
          type-ref "T" @1:94
          -
          -
      predefined-type "void" @1:98
  type-ref "Base" @1:35
  type-ref "Other" @1:41
    type-ref "T" @1:47
)"},
    {R"(export type Id = string | number;)",
     R"(type-alias "Id" [export] @1:8
  union-type @1:18
    predefined-type "string" @1:18
    predefined-type "number" @1:27
)"},
    {R"(@Component export class Widget<T> {})",
     R"(class "Widget" "T" [export] @1:19
)"},
    {R"(export enum Color { Red, Green })",
     R"(enum "Color" [export] @1:8
  prop "Red" @1:21
  prop "Green" @1:26
)"},
    {R"(const enum E { A, "b-c" = "x", D = -2 })",
     R"(enum "E" @1:1
  prop "A" @1:16
  prop "b-c" @1:19
    string "x" @1:27
  prop "D" @1:32
    unary "-" @1:36
      number "2" =2 @1:37
)"},
};

const Case k_statements[] = {
    {R"(if (a) b(); else { c(); })",
     R"(if @1:1
  ident "a" @1:5
  expr-stmt @1:8
    call @1:8
      ident "b" @1:8
      -
  block @1:18
    expr-stmt @1:20
      call @1:20
        ident "c" @1:20
        -
)"},
    {R"(if (a) return;)",
     R"(if @1:1
  ident "a" @1:5
  return @1:8
  -
)"},
    {R"(for (let i = 0; i < n; i++) {})",
     R"(for @1:1
  var [let] @1:6
    declarator @1:10
      ident "i" @1:10
      -
      number "0" =0 @1:14
  binary "<" @1:17
    ident "i" @1:17
    ident "n" @1:21
  update "++" @1:24
    ident "i" @1:24
  block @1:29
)"},
    {R"(for (i = 0; ; ) break;)",
     R"(for @1:1
  expr-stmt @1:6
    assign "=" @1:6
      ident "i" @1:6
      number "0" =0 @1:10
  -
  -
  break @1:17
)"},
    {R"(for (const [k, v] of Object.entries(o)) continue;)",
     R"(for-of @1:1
  var [const] @1:6
    declarator @1:12
      array-pattern @1:12
        ident "k" @1:13
        ident "v" @1:16
      -
      -
  call @1:22
    member "entries" @1:22
      ident "Object" @1:22
    -
    ident "o" @1:37
  continue @1:41
)"},
    {R"(for (x of xs);)",
     R"(for-of @1:1
  ident "x" @1:6
  ident "xs" @1:11
  empty @1:14
)"},
    {R"(for (const k in o) {})",
     R"(for-in @1:1
  var [const] @1:6
    declarator @1:12
      ident "k" @1:12
      -
      -
  ident "o" @1:17
  block @1:20
)"},
    {R"(while (x) x--;)",
     R"(while @1:1
  ident "x" @1:8
  expr-stmt @1:11
    update "--" @1:11
      ident "x" @1:11
)"},
    {R"(do { x++; } while (x < 10);)",
     R"(do-while @1:1
  block @1:4
    expr-stmt @1:6
      update "++" @1:6
        ident "x" @1:6
  binary "<" @1:20
    ident "x" @1:20
    number "10" =10 @1:24
)"},
    {R"(outer: for (;;) { break outer; })",
     R"(labeled "outer" @1:1
  for @1:8
    -
    -
    -
    block @1:17
      break "outer" @1:19
)"},
    {R"(switch (k) { case 1: case 2: f(); break; default: g(); })",
     R"(switch @1:1
  ident "k" @1:9
  case @1:14
    number "1" =1 @1:19
  case @1:22
    number "2" =2 @1:27
    expr-stmt @1:30
      call @1:30
        ident "f" @1:30
        -
    break @1:35
  case @1:42
    -
    expr-stmt @1:51
      call @1:51
        ident "g" @1:51
        -
)"},
    {R"(throw new Error("boom");)",
     R"(throw @1:1
  new @1:7
    ident "Error" @1:11
    -
    string "boom" @1:17
)"},
    {R"(try { f(); } catch (e) { g(); } finally { h(); })",
     R"(try @1:1
  block @1:5
    expr-stmt @1:7
      call @1:7
        ident "f" @1:7
        -
  ident "e" @1:21
  block @1:24
    expr-stmt @1:26
      call @1:26
        ident "g" @1:26
        -
  block @1:41
    expr-stmt @1:43
      call @1:43
        ident "h" @1:43
        -
)"},
    {R"(try { f(); } catch { g(); })",
     R"(try @1:1
  block @1:5
    expr-stmt @1:7
      call @1:7
        ident "f" @1:7
        -
  -
  block @1:20
    expr-stmt @1:22
      call @1:22
        ident "g" @1:22
        -
  -
)"},
    {R"(;)",
     R"(empty @1:1
)"},
    {R"(debugger;)",
     R"(other "debugger_statement" @1:1
)"},
    {R"(namespace N { export const x = 1; })",
     R"(other "internal_module" @1:1
)"},
    {R"(declare module "m" {})",
     R"(other "ambient_declaration" @1:1
)"},
    {R"(with (o) {})",
     R"(other "with_statement" @1:1
)"},
};

const dxtest::RegisterCases kRegisterDecl(k_declarations);
const dxtest::RegisterCases kRegisterStmt(k_statements);
}  // namespace

TEST_CASE("parse: declarations, imports and exports, patterns", "[parse]") {
  for (const Case& c : k_declarations) {
    INFO(c.source);
    dxtest::Parsed p(c.source);
    CHECK(p.rendered() == "");
    CHECK(dxtest::dump_body(c.source) == c.dump);
  }
}

TEST_CASE("parse: statements", "[parse]") {
  for (const Case& c : k_statements) {
    INFO(c.source);
    dxtest::Parsed p(c.source);
    CHECK(p.rendered() == "");
    CHECK(dxtest::dump_body(c.source) == c.dump);
  }
}

