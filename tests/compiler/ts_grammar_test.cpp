// `.ts` modules are parsed with the TypeScript grammar: a project whose components/util.ts uses `<T>x` type
// assertions builds, and its prerendered page shows the values computed through them; JSX in a .ts module
// fails the build with DX0101 and the hint to use .tsx. (Generic functions: analyze/generics.cpp,
// tests/diff/cases/generics.ts.)
#include <catch2/catch.hpp>

#include "project_fixture.h"

namespace {

const char* kUtil = R"(export interface Line { label: string; qty: number; price: number }

export const double = (x: number) => <number>x * 2;

export function total(lines: Line[]): number {
  let sum = 0;
  for (const l of lines) sum += <number>l.qty * double(<number>(l.price)) / 2;
  return sum;
}

export function describe(l: Line): string {
  const shown = <string>l.label;
  return `${shown} x${<number>l.qty}`;
}
)";

const char* kPage = R"(import { createSignal } from "dx";
import { total, describe } from "../components/util";
import type { Line } from "../components/util";

export default function Page() {
  const [lines, setLines] = createSignal<Line[]>([
    { label: "tea", qty: 2, price: 3 },
    { label: "cake", qty: 1, price: 4 },
  ]);
  const reset = () => setLines([]);
  return <p onClick={reset}>{describe(lines()[1])} / {total(lines())}</p>;
}
)";

}  // namespace

TEST_CASE("a components/*.ts module with `<T>x` assertions compiles and runs", "[ts][ssr]") {
  dxt::TempProject p(std::map<std::string, std::string>{{"pages/index.tsx", kPage}, {"components/util.ts", kUtil}});
  dxc::Diagnostics d;
  std::string rendered;
  bool ok = dxt::build_project(p.dir, d, false, true, &rendered);
  INFO(rendered);
  REQUIRE(ok);
  std::string html = dxt::read_text(p.dir / "dist" / "index.html");
  CHECK(html.find(">cake x1 / 10</p>") != std::string::npos);
}

TEST_CASE("JSX in a components/*.ts module fails the build with DX0101 and a .tsx hint", "[ts]") {
  auto c = dxt::compile({{"pages/index.tsx", "import { Badge } from \"../components/badge\";\n"
                                             "export default function Page() { return <main><Badge /></main>; }\n"},
                         {"components/badge.ts", "export function Badge() {\n  return <b>new</b>;\n}\n"}});
  CHECK(c->has("DX0101"));
  CHECK(c->rendered.find("components/badge.ts:2:10: error[DX0101]: syntax error: JSX in a .ts file") != std::string::npos);
  CHECK(c->rendered.find("help: JSX needs a .tsx file") != std::string::npos);
}
