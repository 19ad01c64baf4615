// Inline golden dumps of small snippets: expressions and types. Each expectation is the node
// layout ast.def documents (reviewed by hand); every snippet parses without diagnostics.
#include <catch2/catch.hpp>

#include "parse_test_support.h"

using dxtest::Case;

namespace {

const Case k_expressions[] = {
    {R"(x = [1, , ...ys, "s", true, false, null, undefined];)",
     R"(expr-stmt @1:1
  assign "=" @1:1
    ident "x" @1:1
    array @1:5
      number "1" =1 @1:6
      hole @1:9
      spread @1:11
        ident "ys" @1:14
      string "s" @1:18
      bool [true] @1:23
      bool @1:29
      null @1:36
      ident "undefined" @1:42
)"},
    {R"(o = { a, b: 1, "c-d": 2, 3: 4, m() { return this; }, async *gen() {}, ...rest, [k]: 5, get g() { return 1; } };)",
     R"(expr-stmt @1:1
  assign "=" @1:1
    ident "o" @1:1
    object @1:5
      prop "a" [shorthand] @1:7
        ident "a" @1:7
      prop "b" @1:10
        number "1" =1 @1:13
      prop "c-d" @1:16
        number "2" =2 @1:23
      prop "3" @1:26
        number "4" =4 @1:29
      prop "m" [method] @1:32
        function-expr "m" @1:32
          params @1:33
          block @1:36
            return @1:38
              other "this" @1:45
          -
      prop "gen" [method] @1:54
        function-expr "gen" [async generator] @1:54
          params @1:64
          block @1:67
          -
      spread @1:71
        ident "rest" @1:74
      prop [computed] @1:80
        number "5" =5 @1:85
        ident "k" @1:81
      other "get_accessor" @1:88
)"},
    {R"(f<T>(a, ...b)?.c?.[d]!.e;)",
     R"(expr-stmt @1:1
  member "e" @1:1
    non-null @1:1
      index [optional] @1:1
        member "c" [optional] @1:1
          call @1:1
            ident "f" @1:1
            type-args @1:2
              type-ref "T" @1:3
            ident "a" @1:6
            spread @1:9
              ident "b" @1:12
        ident "d" @1:20
)"},
    // tree-sitter-typescript reads these as `(1 + f)<T>()` and `(!f)<T>()`; the builder moves the call, and
    // the member accesses and indexes after it, into the operator's last operand. A parenthesized sum stays whole.
    {R"(x = 1 + 2 * f<T>().n[0] - !g<U>().m + (3 + h<V>()).k;)",
     R"(expr-stmt @1:1
  assign "=" @1:1
    ident "x" @1:1
    binary "+" @1:5
      binary "-" @1:5
        binary "+" @1:5
          number "1" =1 @1:5
          binary "*" @1:9
            number "2" =2 @1:9
            index @1:13
              member "n" @1:13
                call @1:13
                  ident "f" @1:13
                  type-args @1:14
                    type-ref "T" @1:15
              number "0" =0 @1:22
        unary "!" @1:27
          member "m" @1:28
            call @1:28
              ident "g" @1:28
              type-args @1:29
                type-ref "U" @1:30
      member "k" @1:39
        binary "+" @1:40
          number "3" =3 @1:40
          call @1:44
            ident "h" @1:44
            type-args @1:45
              type-ref "V" @1:46
)"},
    {R"(new Map<string, number>();)",
     R"(expr-stmt @1:1
  new @1:1
    ident "Map" @1:5
    type-args @1:8
      predefined-type "string" @1:9
      predefined-type "number" @1:17
)"},
    {R"(a ? b : c ?? d || e && f;)",
     R"(expr-stmt @1:1
  conditional @1:1
    ident "a" @1:1
    ident "b" @1:5
    binary "??" @1:9
      ident "c" @1:9
      binary "||" @1:14
        ident "d" @1:14
        binary "&&" @1:19
          ident "e" @1:19
          ident "f" @1:24
)"},
    {R"(x += (-y) ** 2 + ~z % 3 - +w;)",
     R"(expr-stmt @1:1
  assign "+=" @1:1
    ident "x" @1:1
    binary "-" @1:6
      binary "+" @1:6
        binary "**" @1:6
          unary "-" @1:7
            ident "y" @1:8
          number "2" =2 @1:14
        binary "%" @1:18
          unary "~" @1:18
            ident "z" @1:19
          number "3" =3 @1:23
      unary "+" @1:27
        ident "w" @1:28
)"},
    {R"(!typeof v === "string" instanceof C in o;)",
     R"(expr-stmt @1:1
  binary "===" @1:1
    unary "!" @1:1
      unary "typeof" @1:2
        ident "v" @1:9
    binary "in" @1:15
      binary "instanceof" @1:15
        string "string" @1:15
        ident "C" @1:35
      ident "o" @1:40
)"},
    {R"(--i, i++, void 0, delete o.p;)",
     R"(expr-stmt @1:1
  sequence @1:1
    update "--" [prefix] @1:1
      ident "i" @1:3
    update "++" @1:6
      ident "i" @1:6
    unary "void" @1:11
      number "0" =0 @1:16
    unary "delete" @1:19
      member "p" @1:26
        ident "o" @1:26
)"},
    {R"(a ||= b; c &&= d; e ??= f; g >>>= 1;)",
     R"(expr-stmt @1:1
  assign "||=" @1:1
    ident "a" @1:1
    ident "b" @1:7
expr-stmt @1:10
  assign "&&=" @1:10
    ident "c" @1:10
    ident "d" @1:16
expr-stmt @1:19
  assign "??=" @1:19
    ident "e" @1:19
    ident "f" @1:25
expr-stmt @1:28
  assign ">>>=" @1:28
    ident "g" @1:28
    number "1" =1 @1:35
)"},
    {R"(const h = async (e: Event): Promise<void> => { await e; };)",
     R"(var [const] @1:1
  declarator @1:7
    ident "h" @1:7
    -
    arrow [async] @1:11
      params @1:17
        param "e" @1:18
          type-ref "Event" @1:21
          -
          -
      block @1:46
        expr-stmt @1:48
          await @1:48
            ident "e" @1:54
      type-ref "Promise" @1:29
        predefined-type "void" @1:37
)"},
    {R"(const k = function named(this: Window) {};)",
     R"(var [const] @1:1
  declarator @1:7
    ident "k" @1:7
    -
    function-expr "named" @1:11
      params @1:25
        param "this" @1:26
          type-ref "Window" @1:32
          -
          -
      block @1:40
      -
)"},
    {R"((x as unknown as T) satisfies U;)",
     R"(expr-stmt @1:1
  as [satisfies] @1:1
    as @1:2
      as @1:2
        ident "x" @1:2
        predefined-type "unknown" @1:7
      type-ref "T" @1:18
    type-ref "U" @1:31
)"},
    {R"(((((a))));)",
     R"(expr-stmt @1:1
  ident "a" @1:5
)"},
    {R"(`x${a}y${b}`;)",
     R"(expr-stmt @1:1
  template @1:1
    string "x" @1:2
    ident "a" @1:5
    string "y" @1:7
    ident "b" @1:10
    string "" @1:12
)"},
    {R"(``;)",
     R"(expr-stmt @1:1
  template @1:1
    string "" @1:2
)"},
    {R"(`${a}`;)",
     R"(expr-stmt @1:1
  template @1:1
    string "" @1:2
    ident "a" @1:4
    string "" @1:6
)"},
    {R"(/re/g; 10n; this; super.x; import.meta; yield; tag`t`; import("m"); f<T>;)",
     R"(expr-stmt @1:1
  other "regex" @1:1
expr-stmt @1:8
  other "bigint" @1:8
expr-stmt @1:13
  other "this" @1:13
expr-stmt @1:19
  member "x" @1:19
    other "super" @1:19
expr-stmt @1:28
  other "meta_property" @1:28
expr-stmt @1:41
  other "yield_expression" @1:41
expr-stmt @1:48
  other "tagged_template" @1:48
expr-stmt @1:56
  other "dynamic_import" @1:56
expr-stmt @1:69
  other "instantiation_expression" @1:69
)"},
    {R"(class {};)",
     R"(expr-stmt @1:1
  class @1:1
)"},
};

const Case k_types[] = {
    {R"(let a: number[] | Array<string> | null | undefined | void;)",
     R"(var [let] @1:1
  declarator @1:5
    ident "a" @1:5
    union-type @1:8
      array-type @1:8
        predefined-type "number" @1:8
      type-ref "Array" @1:19
        predefined-type "string" @1:25
      literal-type @1:35
        null @1:35
      predefined-type "undefined" @1:42
      predefined-type "void" @1:54
    -
)"},
    {R"(let b: { x: number; readonly y?: string; f(): void; [k: string]: unknown };)",
     R"(var [let] @1:1
  declarator @1:5
    ident "b" @1:5
    object-type @1:8
      prop-sig "x" @1:10
        predefined-type "number" @1:13
      prop-sig "y" [optional readonly] @1:21
        predefined-type "string" @1:34
      prop-sig "f" [method] @1:42
        function-type @1:42
          params @1:43
          predefined-type "void" @1:47
      index-sig @1:53
        predefined-type "string" @1:57
        predefined-type "unknown" @1:66
    -
)"},
    {R"(let c: (a: number, b?: string) => boolean;)",
     R"(var [let] @1:1
  declarator @1:5
    ident "c" @1:5
    function-type @1:8
      params @1:8
        param "a" @1:9
          predefined-type "number" @1:12
          -
          -
        param "b" [optional] @1:20
          predefined-type "string" @1:24
          -
          -
      predefined-type "boolean" @1:35
    -
)"},
    {R"(let d: [number, string] | "lit" | 42 | -1 | true | false;)",
     R"(var [let] @1:1
  declarator @1:5
    ident "d" @1:5
    union-type @1:8
      tuple-type @1:8
        predefined-type "number" @1:9
        predefined-type "string" @1:17
      literal-type @1:27
        string "lit" @1:27
      literal-type @1:35
        number "42" =42 @1:35
      literal-type @1:40
        number "-1" =-1 @1:40
      literal-type @1:45
        bool [true] @1:45
      literal-type @1:52
        bool @1:52
    -
)"},
    {R"(let e: Map<string, Set<number>>[];)",
     R"(var [let] @1:1
  declarator @1:5
    ident "e" @1:5
    array-type @1:8
      type-ref "Map" @1:8
        predefined-type "string" @1:12
        type-ref "Set" @1:20
          predefined-type "number" @1:24
    -
)"},
    {R"(let f: JSX.Element | any | never | object | boolean | bigint;)",
     R"(var [let] @1:1
  declarator @1:5
    ident "f" @1:5
    union-type @1:8
      type-ref "JSX.Element" @1:8
      predefined-type "any" @1:22
      predefined-type "never" @1:28
      predefined-type "object" @1:36
      predefined-type "boolean" @1:45
      type-ref "bigint" @1:55
    -
)"},
    {R"(let g: keyof T | (T & U) | (typeof x)[] | (readonly string[]) | `a${B}` | (A extends B ? C : D) | this;)",
     R"(var [let] @1:1
  declarator @1:5
    ident "g" @1:5
    union-type @1:8
      keyof-type @1:8
        type-ref "T" @1:14
      intersection-type @1:19
        type-ref "T" @1:19
        type-ref "U" @1:23
      array-type @1:28
        type-query "x" @1:29
      array-type @1:53
        predefined-type "string" @1:53
      other-type "template_literal_type" @1:65
      other-type "conditional_type" @1:76
      other-type "this_type" @1:99
    -
)"},
    {R"(function isStr(x: unknown): x is string { return true; })",
     R"(function "isStr" @1:1
  params @1:15
    param "x" @1:16
      predefined-type "unknown" @1:19
      -
      -
  block @1:41
    return @1:43
      bool [true] @1:50
  other-type "type_predicate_annotation" @1:27
)"},
};

const dxtest::RegisterCases kRegisterExpr(k_expressions);
const dxtest::RegisterCases kRegisterTypes(k_types);
}  // namespace

TEST_CASE("parse: expressions", "[parse]") {
  for (const Case& c : k_expressions) {
    INFO(c.source);
    dxtest::Parsed p(c.source);
    CHECK(p.rendered() == "");
    CHECK(dxtest::dump_body(c.source) == c.dump);
  }
}

TEST_CASE("parse: type annotations", "[parse]") {
  for (const Case& c : k_types) {
    INFO(c.source);
    dxtest::Parsed p(c.source);
    CHECK(p.rendered() == "");
    CHECK(dxtest::dump_body(c.source) == c.dump);
  }
}

