// The web APIs samples/todomvc needs, through analyze and lower: JSON.parse typed by its target (DX0266),
// window.location.hash, window.addEventListener in a component (a window handler, DX0267), and `autofocus`
// (a FOCUS at creation). What they do at run time: tests/runtime/test_json_parse.cpp, tests/diff
// (cases/json_parse.ts), tests/e2e/todomvc.test.mjs.
#include <catch2/catch.hpp>

#include "dx/schema/dxb.h"
#include "project_fixture.h"

using dxt::compile_page;

namespace {
std::string page(const std::string& body, const std::string& jsx = "<p>x</p>") {
  return "import { createSignal, onMount, For, Show } from \"dx\";\n"
         "interface Todo { id: number; title: string; completed: boolean; note?: string; }\n"
         "export default function Page() {\n" + body + "\n  return " + jsx + ";\n}\n";
}
}  // namespace

TEST_CASE("JSON.parse takes its type from the declaration, `as`, or a parameter", "[analyze][json]") {
  for (const char* body : {"const a: Todo[] = JSON.parse(\"[]\");",
                           "const b = JSON.parse(\"[]\") as Todo[];",
                           "const f = (xs: (string | null)[]) => xs.length;\nconst n = f(JSON.parse(\"[null]\"));",
                           "const g = (s: string): Todo => JSON.parse(s);",
                           "const h = (s: string | null): number => (s === null ? 0 : JSON.parse(s));"}) {
    auto c = compile_page(page(body));
    INFO(body << "\n" << c->rendered);
    CHECK_FALSE(c->diags.has_errors());
  }
}

TEST_CASE("DX0266: JSON.parse without a target type or into one JSON cannot give", "[analyze][json][diagnostics]") {
  for (const char* body : {"const a = JSON.parse(\"[]\");",
                           "const b: () => number = JSON.parse(\"1\");",
                           "const c = JSON.parse(\"1\") as undefined;"}) {
    auto c = compile_page(page(body), false);
    INFO(body << "\n" << c->rendered);
    CHECK(c->has("DX0266"));
  }
  auto wrong = compile_page(page("const s: string | null = null;\nconst n: number = JSON.parse(s);"), false);
  INFO(wrong->rendered);
  CHECK(wrong->has("DX0234"));  // a possibly-null text
  auto reviver = compile_page(page("const n: number = JSON.parse(\"1\", 2);"), false);
  CHECK(reviver->has("DX0222"));
}

TEST_CASE("window.addEventListener in a component body or its onMount is a window handler", "[lower][window]") {
  for (const char* body : {"const [h, setH] = createSignal(window.location.hash);\n"
                           "window.addEventListener(\"hashchange\", () => setH(location.hash));",
                           "const [h, setH] = createSignal(window.location.hash);\n"
                           "onMount(() => window.addEventListener(\"hashchange\", () => setH(location.hash)));",
                           "const [h, setH] = createSignal(window.location.hash);\n"
                           "onMount(() => {\n  window.addEventListener(\"hashchange\", () => setH(location.hash));\n});"}) {
    auto c = compile_page(page(body, "<main><p>{h()}</p></main>"));
    INFO(body << "\n" << c->rendered);
    REQUIRE_FALSE(c->diags.has_errors());
    REQUIRE(c->lp.handlers.size() == 1);
    CHECK(c->lp.handlers[0].event == "hashchange");
    CHECK(c->lp.handlers[0].flags == dx::schema::kWindowEvent);
    bool listens = false;
    for (const dxc::BindingIR& b : c->lp.blocks[0].bindings)
      listens |= b.kind == dxc::BindKind::Event && b.node == 0 && b.handler == 0;
    CHECK(listens);  // LISTEN on the component's first root
  }
}

TEST_CASE("DX0267: window.addEventListener elsewhere; DX0235: other window and location members", "[analyze][window][diagnostics]") {
  auto in_handler = compile_page(page("", "<button onClick={() => window.addEventListener(\"hashchange\", () => 1)}>x</button>"), false);
  INFO(in_handler->rendered);
  CHECK(in_handler->has("DX0267"));
  auto in_row = compile_page(page("const [xs, setXs] = createSignal<number[]>([]);",
                                  "<ul><For each={xs()}>{(x) => { window.addEventListener(\"resize\", () => 1); return <li/>; }}</For></ul>"),
                             false);
  INFO(in_row->rendered);
  CHECK(in_row->has("DX0267"));
  auto options = compile_page(page("window.addEventListener(\"hashchange\", () => 1, true);"), false);
  CHECK(options->has("DX0267"));
  auto href = compile_page(page("const h = window.location.href;"), false);
  CHECK(href->has("DX0235"));
  auto other = compile_page(page("const w = window.innerWidth;"), false);
  CHECK(other->has("DX0235"));
  auto assign = compile_page(page("const go = () => { location.hash = \"#/x\"; };"), false);
  INFO(assign->rendered);
  CHECK(assign->has("DX0235"));
  auto shadowed = compile_page(page("const location = { hash: 1 };\nconst n: number = location.hash;"));
  INFO(shadowed->rendered);
  CHECK_FALSE(shadowed->diags.has_errors());  // a local `location` is the program's own
}

TEST_CASE("autofocus focuses the element when its block is created", "[lower]") {
  auto c = compile_page(page("const [on, setOn] = createSignal(false);",
                             "<div><Show when={on()}><input class=\"edit\" autofocus /></Show></div>"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  bool focus = false;
  for (const dxc::BlockIR& b : c->lp.blocks)
    for (const dxc::BindingIR& x : b.bindings) focus |= x.kind == dxc::BindKind::Focus;
  CHECK(focus);
}
