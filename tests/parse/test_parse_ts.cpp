// `.ts` files: parsed with tree-sitter-typescript's TypeScript grammar (not TSX), as tsc and esbuild do —
// `<T>x` is a type assertion building the same As node as `x as T`, `<T>(x: T) => x` is a generic arrow, and
// JSX is refused with a DX0101 that says to use a .tsx file.
#include <catch2/catch.hpp>

#include "parse_test_support.h"

using dxc::NodeKind;
using dxtest::Parsed;

namespace {

// The dump of a file's statements (module line and one indent level removed), parsed under `path`.
std::string dump_as(const std::string& src, const std::string& path) {
  Parsed p(src, path);
  INFO(p.rendered());
  CHECK(p.diags.all().empty());
  std::string d = p.dump();
  std::string out;
  size_t line_end = d.find('\n');
  for (size_t at = line_end == std::string::npos ? d.size() : line_end + 1; at < d.size();) {
    size_t nl = d.find('\n', at);
    if (nl == std::string::npos) nl = d.size();
    out += d.substr(at + 2, nl - at - 2) + "\n";
    at = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE(".ts: `<T>x` is a type assertion, the same Ast as `x as T`", "[parse][ts]") {
  CHECK(dump_as("<number>x;", "util.ts") ==
        "expr-stmt @1:1\n"
        "  as @1:1\n"
        "    ident \"x\" @1:9\n"
        "    predefined-type \"number\" @1:2\n");
  CHECK(dump_as("x as number;", "util.ts") ==
        "expr-stmt @1:1\n"
        "  as @1:1\n"
        "    ident \"x\" @1:1\n"
        "    predefined-type \"number\" @1:6\n");
  // Nested and generic targets, `<const>` like `as const`, and the assertion binding tighter than `.`'s
  // parenthesized receiver.
  std::string nested = dump_as("(<Array<number>>(<unknown>y)).length;", "a.ts");
  CHECK(nested ==
        "expr-stmt @1:1\n"
        "  member \"length\" @1:1\n"
        "    as @1:2\n"
        "      as @1:18\n"
        "        ident \"y\" @1:27\n"
        "        predefined-type \"unknown\" @1:19\n"
        "      type-ref \"Array\" @1:3\n"
        "        predefined-type \"number\" @1:9\n");
  Parsed c("const k = <const>[\"a\", \"b\"];\n", "k.ts");
  CHECK(c.diags.all().empty());
  Parsed c2("const k = [\"a\", \"b\"] as const;\n", "k.ts");
  dxc::NodeId a1 = c.find(NodeKind::As), a2 = c2.find(NodeKind::As);
  REQUIRE(a1 != dxc::kNoNode);
  REQUIRE(a2 != dxc::kNoNode);
  REQUIRE(c.node(a1).kids.size() == 2);
  REQUIRE(c2.node(a2).kids.size() == 2);
  CHECK(c.node(c.node(a1).kids[1]).kind == c2.node(c2.node(a2).kids[1]).kind);
  CHECK(c.node(c.node(a1).kids[1]).text == c2.node(c2.node(a2).kids[1]).text);
}

TEST_CASE(".ts: generic arrows with and without the trailing comma", "[parse][ts]") {
  for (const char* src : {"const id = <T,>(x: T): T => x;\n", "const id = <T>(x: T) => x;\n"}) {
    Parsed p(src, "components/id.ts");
    INFO(src << p.rendered());
    CHECK(p.diags.all().empty());
    dxc::NodeId arrow = p.find(NodeKind::Arrow);
    REQUIRE(arrow != dxc::kNoNode);
    CHECK(p.node(arrow).text2 == "T");
    CHECK(p.find(NodeKind::As) == dxc::kNoNode);
    CHECK(p.find(NodeKind::Other) == dxc::kNoNode);
  }
}

TEST_CASE("the grammar follows the file name: `<number>x` is JSX (unclosed) in a .tsx file", "[parse][ts]") {
  Parsed tsx("const n = <number>x;\n", "components/util.tsx");
  CHECK(tsx.codes() == std::vector<std::string>{"DX0101"});
  Parsed ts("const n = <number>x;\n", "components/util.ts");
  CHECK(ts.diags.all().empty());
  for (const char* path : {"m.mts", "m.cts"}) {
    Parsed p("const n = <number>x;\n", path);
    CHECK(p.diags.all().empty());
  }
}

TEST_CASE(".ts: interfaces, type aliases, and functions parse as in .tsx", "[parse][ts]") {
  const char* src =
      "export interface Item { id: number; label?: string; readonly tags: string[] }\n"
      "export type Pair<A, B> = [A, B] | { a: A; b: B };\n"
      "export function first<T>(xs: T[]): T | undefined { return xs.length > 0 ? <T>xs[0] : undefined; }\n"
      "export const lt = (a: number, b: number) => a < b && b > a;\n";
  Parsed ts(src, "components/types.ts");
  INFO(ts.rendered());
  CHECK(ts.diags.all().empty());
  CHECK(ts.find(NodeKind::Other) == dxc::kNoNode);
  CHECK(ts.find(NodeKind::As) != dxc::kNoNode);
  // Without the assertion the same text is valid TSX, and both grammars build the same Ast.
  std::string plain(src);
  plain.replace(plain.find("<T>xs[0]"), 8, "xs[0] as T");
  Parsed a(plain, "a.ts"), b(plain, "a.tsx");
  CHECK(a.diags.all().empty());
  CHECK(b.diags.all().empty());
  CHECK(a.dump() == b.dump());
}

TEST_CASE(".ts: JSX is refused with DX0101 and a hint to use .tsx", "[parse][ts][diagnostics]") {
  SECTION("an element") {
    Parsed p("export function label() {\n  return <p class=\"x\">hi</p>;\n}\n", "components/util.ts");
    CHECK(p.rendered() ==
          "components/util.ts:2:10: error[DX0101]: syntax error: JSX in a .ts file\n"
          "  |\n"
          "2 |   return <p class=\"x\">hi</p>;\n"
          "  |          ^^^^^^^^^^^^^\n"
          "  = help: JSX needs a .tsx file: rename this file to .tsx (in a .ts file, `<T>x` is a type assertion)\n");
  }
  SECTION("a self-closing element and a fragment each get one diagnostic") {
    Parsed p("const a = <Icon />;\nconst b = <><b>x</b></>;\n", "x.ts");
    REQUIRE(p.codes() == std::vector<std::string>{"DX0101", "DX0101"});
    CHECK(p.diags.all()[0].message == "syntax error: JSX in a .ts file");
    CHECK(p.diags.all()[0].span.start == 10);
    CHECK(p.diags.all()[1].span.start == 30);  // the <b> inside the fragment
  }
  SECTION("the same text in a .tsx file is fine") {
    Parsed p("export function label() {\n  return <p class=\"x\">hi</p>;\n}\n", "components/util.tsx");
    CHECK(p.diags.all().empty());
  }
  SECTION("other syntax errors in a .ts file stay ordinary DX0101s") {
    Parsed p("export const x = ;\n", "util.ts");
    CHECK(p.rendered() ==
          "util.ts:1:16: error[DX0101]: syntax error: unexpected `=`\n"
          "  |\n"
          "1 | export const x = ;\n"
          "  |                ^\n");
  }
}
