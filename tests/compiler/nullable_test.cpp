// Nullable numbers and booleans (analyze/types.h Nullable): what analyze accepts and refuses, that the code
// validates at every optimization level, and how they render in JSX (text, attributes, props, signals) through
// the native server module. Their JS semantics (operators, String, console, JSON) are the differential test's
// (tests/diff/cases/nullable_prim.ts).
#include <catch2/catch.hpp>

#include "emit_fixture.h"
#include "project_fixture.h"

using dxt::compile_page;

namespace {

const char* kFunctions = R"(
interface Item { id: number; count?: number; done?: boolean; score: number | null }
function total(xs: (number | null)[], start?: number): number {
  let t = start ?? 0;
  for (const x of xs) if (x !== null) t += x;
  return t;
}
function label(it: Item | null): string {
  const c = it?.count;
  return `${it?.id}:${c}:${it?.done}:${it?.score}`;
}
)";

std::string page(const std::string& body, const std::string& jsx = "<p>x</p>") {
  return std::string("import { createSignal } from \"dx\";\n") + kFunctions + "export default function Page() {\n" + body +
         "\n  return " + jsx + ";\n}\n";
}

}  // namespace

TEST_CASE("number | null, boolean | undefined, optional number fields and parameters type-check", "[analyze][nullable]") {
  auto c = compile_page(page("const [n, setN] = createSignal<number | null>(null);\n"
                             "const [b, setB] = createSignal<boolean | undefined>(undefined);\n"
                             "const f = () => { setN(total([1, null], 2)); setB(n() === null); setN(typeof n() === \"number\" ? null : 0); };",
                             "<p title={n()}>{n()} {label(null)} {b()}</p>"),
                        false);
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::Types& T = c->prog.types;
  bool found_n = false, found_b = false;
  for (const dxc::Symbol& s : c->prog.symbols) {
    if (s.kind != dxc::SymKind::Signal) continue;
    if (s.name == "n") { found_n = true; CHECK(T.name(s.type) == "number | null"); CHECK(T.wasm(s.type) == dxc::WasmType::F64); }
    if (s.name == "b") { found_b = true; CHECK(T.name(s.type) == "boolean | undefined"); CHECK(T.wasm(s.type) == dxc::WasmType::I32); }
  }
  CHECK((found_n && found_b));
  // The representation is the plain one: a nullable number is 8 bytes in a record, like a number.
  dxc::TypeId num = T.number();
  CHECK_FALSE(T.is_ref(num));
  CHECK(T.nullable(num) == 0);
}

TEST_CASE("nullable numbers and booleans are read after a check, as TypeScript requires", "[analyze][nullable]") {
  struct Bad { const char* code; std::string src; };
  const Bad bad[] = {
      {"DX0234", page("const f = (x: number | null): number => x + 1;")},               // not narrowed
      {"DX0234", page("const f = (x: number | undefined): number => x;")},              // not assignable
      {"DX0234", page("const f = (x?: number) => Math.abs(x);")},
      {"DX0234", page("const f = (x: boolean | null) => { const y: boolean = x; };")},
      {"DX0234", page("const f = (x: number | null) => x < 2;")},
      {"DX0232", page("const f = (n: number | string) => 1;")},                         // other unions: not yet
      {"DX0262", "function f(n?: number, a: string): number { return 1; }\n" + page("")},  // required after optional
      {"DX0262", "function f(e?: MouseEvent): number { return 1; }\n" + page("")},       // no undefined for it
  };
  for (const Bad& b : bad) {
    auto c = compile_page(b.src, false);
    INFO(b.code << "\n" << b.src << "\n---\n" << c->rendered);
    CHECK(c->has(b.code));
  }
  // The narrowed forms compile.
  const std::string ok[] = {
      page("const f = (x: number | null): number => x !== null ? x + 1 : 0;"),
      page("const f = (x?: number): number => { if (x === undefined) return -1; return x * 2; };"),
      page("const f = (x: number | null | undefined): number => x != null ? x : 0;"),
      page("const f = (x: number | null): number => typeof x === \"number\" ? x : 1;"),
      page("const f = (x: number | null): number => x || 3;"),
      page("const f = (b: boolean | null): boolean => b ?? false;"),
      page("const f = (it: Item): number => it.count ?? it.score ?? 0;"),
  };
  for (const std::string& src : ok) {
    auto c = compile_page(src, false);
    INFO(src << "\n---\n" << c->rendered);
    CHECK_FALSE(c->diags.has_errors());
  }
}

TEST_CASE("code over nullable numbers and booleans validates at -O0 and -O2", "[emit][nullable]") {
  auto c = compile_page(page("const [n, setN] = createSignal<number | null>(null);\n"
                             "const [b, setB] = createSignal<boolean | null>(null);\n"
                             "const it: Item = { id: 1, count: undefined, done: true, score: null };\n"
                             "const f = () => { setN(n() ?? total([null, 1])); setB(!b()); console.log(n(), b(), it, [n()]);"
                             " const s = JSON.stringify(it) + JSON.stringify(n()) + String(b()) + label(it); };",
                             "<p data-n={n()} class={String(b())}>{n()}{b()}</p>"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  dxt::emit_each_level(*c, [](BinaryenModuleRef) {});
}

// What Solid shows: null and undefined as nothing in text, a removed attribute; -0 as "0"; an omitted optional
// prop is undefined (not 0 or false); signals set to null after the first render update text and attributes.
TEST_CASE("nullable numbers and booleans render in JSX text, attributes and props as Solid shows them", "[ssr][native][nullable]") {
  dxt::TempProject p(std::map<std::string, std::string>{
      {"pages/index.tsx", R"(import { createSignal, onMount } from "dx";
import Badge from "../components/Badge";
export default function Page() {
  const [count, setCount] = createSignal<number | null>(null);
  const [flag, setFlag] = createSignal<boolean | undefined>(undefined);
  const [later, setLater] = createSignal<number | null>(5);
  const [gone, setGone] = createSignal<number | undefined>(7);
  onMount(() => { setLater(null); setGone(undefined); setCount(-0); setFlag(false); });
  return (
    <main>
      <p id="a">[{count()}|{count() ?? 1}]</p>
      <p data-n={later()} data-g={gone()}>[{later()}|{gone()}|{String(later())}|{flag()}|{`${flag()}`}]</p>
      <Badge />
      <Badge n={-0} on={false} />
      <Badge n={0 / 0} on={null} />
    </main>
  );
}
)"},
      {"components/Badge.tsx", R"(interface P { n?: number; on?: boolean | null }
export default function Badge(props: P) {
  return <b data-n={props.n}>{props.n}/{String(props.n)}/{props.on === undefined ? "u" : props.on === null ? "n" : props.on ? "T" : "F"}</b>;
}
)"}});
  dxc::Diagnostics d;
  std::string rendered;
  REQUIRE(dxt::build_project(p.dir, d, false, true, &rendered));
  INFO(rendered);
  std::string html = dxt::read_text(p.dir / "dist" / "index.html");
  INFO(html);
  CHECK(html.find("<p id=\"a\">[0|0]</p>") != std::string::npos);
  CHECK(html.find("<p>[||null||false]</p>") != std::string::npos);  // data-n and data-g removed
  CHECK(html.find("<b>/undefined/u</b>") != std::string::npos);
  CHECK(html.find("<b data-n=\"0\">0/0/F</b>") != std::string::npos);
  CHECK(html.find("<b data-n=\"NaN\">NaN/NaN/n</b>") != std::string::npos);
}

// indexOf/includes/join/sort of nullable number and boolean arrays go to the runtime's `_nullable` functions
// (the plain ones would read null as a NaN), and pop/shift of number and boolean arrays are `T | undefined`.
// Their results are the differential test's (tests/diff/cases/nullable_arrays.ts).
TEST_CASE("nullable arrays: search, join, sort, pop and shift type-check and validate", "[analyze][emit][nullable]") {
  auto c = compile_page(page("const f = (xs: (number | null)[], bs: (boolean | undefined)[], ns: number[]) => {\n"
                             "  const i: number = xs.indexOf(null) + bs.indexOf(undefined) + ns.indexOf(2);\n"
                             "  const h: boolean = xs.includes(null) || bs.includes(true) || ns.includes(0 / 0);\n"
                             "  xs.sort((a, b) => (a ?? 0) - (b ?? 0)); bs.sort();\n"
                             "  const p: number | undefined = ns.pop(); const q: number | null | undefined = xs.shift();\n"
                             "  const r: boolean | undefined = bs.pop();\n"
                             "  return xs.join() + bs.join(\"-\") + i + h + p + q + r;\n"
                             "};"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  dxt::emit_each_level(*c, [](BinaryenModuleRef) {});
  // pop() of a number[] may be undefined: not a number, as TypeScript says.
  auto bad = compile_page(page("const f = (ns: number[]): number => ns.pop();"), false);
  INFO(bad->rendered);
  CHECK(bad->has("DX0234"));
}

TEST_CASE("messages name arrays of nullable numbers and of functions with their parentheses", "[analyze][nullable]") {
  auto c = compile_page(page("const f = (xs: (number | null)[]): (() => number)[] => xs;"), false);
  INFO(c->rendered);
  CHECK(c->rendered.find("'(number | null)[]'") != std::string::npos);
  CHECK(c->rendered.find("'(() => number)[]'") != std::string::npos);
}
