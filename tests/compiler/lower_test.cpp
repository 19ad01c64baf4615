// lower: templates (HTML, node paths), text runs, anchors, bindings and their dependencies.
#include <catch2/catch.hpp>

#include "emit/emit.h"
#include "project_fixture.h"

using dxt::compile_page;

namespace {
std::string page(const std::string& body, const std::string& jsx) {
  return "import { createSignal, For, Show } from \"dx\";\ninterface Item { id: number; label: string; }\n"
         "export default function Page() {\n" + body + "\n  return " + jsx + ";\n}\n";
}
}  // namespace

TEST_CASE("adjacent text and expressions become one text node", "[lower]") {
  auto c = compile_page(page("const [n, setN] = createSignal(0);", "<p>Count: {n()} ({n() * 2}) items</p>"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& b = c->lp.blocks[0];
  CHECK(b.tpl.html == "<p> </p>");
  REQUIRE(b.bindings.size() == 1);
  CHECK(b.bindings[0].kind == dxc::BindKind::Text);
  CHECK(b.bindings[0].parts.size() == 5);
  CHECK(b.tpl.paths == std::vector<std::string>{"f", "ff"});
}

TEST_CASE("static text and attributes are escaped into the template", "[lower]") {
  auto c = compile_page(page("", "<div title=\"a &quot;q&quot; &amp; b\">1 &lt; 2 &amp;&amp; x</div>"));
  REQUIRE_FALSE(c->diags.has_errors());
  CHECK(c->lp.blocks[0].tpl.html == "<div title=\"a &quot;q&quot; &amp; b\">1 &lt; 2 &amp;&amp; x</div>");
}

TEST_CASE("node paths walk firstChild/nextSibling through the template", "[lower]") {
  auto c = compile_page(page("const [n, setN] = createSignal(0);",
                             "<main><h1>t</h1><section><input /><b onClick={() => setN(1)}>x</b></section><span>{n()}</span></main>"));
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& b = c->lp.blocks[0];
  CHECK(b.tpl.html == "<main><h1>t</h1><section><input><b>x</b></section><span> </span></main>");
  CHECK(b.tpl.paths == std::vector<std::string>{"f", "ffnfn", "ffn2f"});
}

TEST_CASE("a <For> that is an element's only child appends to it, others use anchors", "[lower]") {
  auto c = compile_page(page("const [items, setItems] = createSignal<Item[]>([]);",
                             "<div><ul><For each={items()}>{(it) => <li>{it.label}</li>}</For></ul>"
                             "<Show when={items().length > 0} fallback={<p>none</p>}><b>some</b></Show></div>"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& b = c->lp.blocks[0];
  CHECK(b.tpl.html == "<div><ul></ul><!----></div>");
  REQUIRE(b.bindings.size() == 2);
  CHECK(b.bindings[0].kind == dxc::BindKind::For);
  CHECK_FALSE(b.bindings[0].has_anchor);
  CHECK(b.bindings[1].kind == dxc::BindKind::Show);
  CHECK(b.bindings[1].has_anchor);
  CHECK(b.bindings[1].fallback != dxc::kNoId);
  CHECK(c->lp.blocks[b.bindings[0].child].tpl.html == "<li> </li>");
}

TEST_CASE("a row whose root is a component anchors it at the root", "[lower]") {
  auto c = dxt::compile({{"pages/index.tsx", page("const [items, setItems] = createSignal<Item[]>([]);",
                                                  "<ul><For each={items()}>{(it) => <Row item={it} />}</For></ul>") +
                                                 "import Row from \"../components/Row\";\n"},
                         {"components/Row.tsx", "interface Item { id: number; label: string; }\nexport default function Row(props: { item: Item }) { return <li>{props.item.label}</li>; }\n"}});
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& row = c->lp.blocks[1];
  CHECK(row.tpl.html == "<!---->");
  REQUIRE(row.anchors.size() == 1);
  CHECK(row.anchors[0].first == 0);
}

TEST_CASE("bindings depend on exactly the signals they read", "[lower]") {
  auto c = compile_page(page("const [a, setA] = createSignal(0);\nconst [b, setB] = createSignal(\"\");\nconst twice = () => a() * 2;",
                             "<p class={b()}>{twice()}</p>"));
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& blk = c->lp.blocks[0];
  REQUIRE(blk.bindings.size() == 2);
  uint32_t bit_a = 0, bit_b = 0;
  for (auto& s : c->prog.symbols) {
    if (s.name == "a" && s.kind == dxc::SymKind::Signal) bit_a = s.bit;
    if (s.name == "b" && s.kind == dxc::SymKind::Signal) bit_b = s.bit;
  }
  CHECK(blk.bindings[0].kind == dxc::BindKind::Class);
  CHECK(blk.bindings[0].deps == bit_b);
  CHECK(blk.bindings[1].kind == dxc::BindKind::Text);
  CHECK(blk.bindings[1].deps == bit_a);
}

TEST_CASE("void elements cannot have children", "[lower][diagnostics]") {
  auto c = compile_page(page("", "<input>x</input>"));
  CHECK(c->has("DX0301"));
}

TEST_CASE("loops with break, continue and labels compile to wasm that validates", "[lower][emit]") {
  auto c = compile_page(
      "import { createSignal } from \"dx\";\nexport default function P() {\n"
      "  const [xs, setXs] = createSignal<number[]>([1, 2, 3]);\n"
      "  const sum = (): number => {\n"
      "    let s = 0;\n"
      "    for (const x of xs()) { if (x === 2) continue; s += x; }\n"
      "    let i = 0;\n"
      "    while (true) { i++; if (i > 3) break; }\n"
      "    do { i--; } while (i > 0);\n"
      "    outer: for (let a = 0; a < 3; a++) { for (let b = 0; b < 3; b++) { if (b === 1) continue outer; if (a === 2) break outer; s += 10; } }\n"
      "    block: { if (s > 0) break block; s = -1; }\n"
      "    return s;\n"
      "  };\n"
      "  return <p>{sum()}</p>;\n}\n");
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  dxc::EmitOptions o;
  o.runtime_wasm = dxc::find_runtime_dir(nullptr) + "/runtime.wasm";
  dxc::EmitResult r;
  dxc::Diagnostics d;
  CHECK(dxc::emit::emit(c->prog, c->lp, o, r, d, false));  // emit validates before and after optimizing
}

TEST_CASE("break and continue need a target", "[analyze][diagnostics]") {
  for (const char* body : {"break;", "continue;", "x: { continue x; }", "for (;;) { break nope; }"}) {
    auto c = compile_page(std::string("export default function P() {\n  const f = () => { ") + body + " };\n  return <p/>;\n}\n", false);
    INFO(body << "\n" << c->rendered);
    CHECK(c->has("DX0247"));
  }
}
