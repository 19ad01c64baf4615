// <Index>, <Switch>/<Match>, <Portal>, <Dynamic>: analyze (blocks, symbols), lower (bindings, templates,
// dependencies) and emit (the generated module validates). Their diagnostics are in analyze_test.cpp.
#include <catch2/catch.hpp>

#include <binaryen-c.h>

#include "dx/schema/dxb.h"
#include "emit_fixture.h"

namespace {
std::string page(const std::string& body, const std::string& jsx) {
  return "import { createSignal, For, Index, Show, Switch, Match, Portal, Dynamic } from \"dx\";\n"
         "interface Item { id: number; label: string; }\n"
         "export default function Page() {\n" + body + "\n  return " + jsx + ";\n}\n";
}
const dxc::BindingIR* find(const dxc::BlockIR& b, dxc::BindKind k) {
  for (const dxc::BindingIR& x : b.bindings) if (x.kind == k) return &x;
  return nullptr;
}
const dxc::Symbol* symbol(const dxc::Program& p, const std::string& name) {
  for (auto& s : p.symbols) if (s.name == name) return &s;
  return nullptr;
}
}  // namespace

TEST_CASE("<Index>: a positional row, item() an accessor of the row's item, the index a number at +32", "[analyze][lower]") {
  auto c = dxt::compile_page(page("const [xs, setXs] = createSignal<string[]>([]);\nconst [n, setN] = createSignal(0);",
                                  "<ul><Index each={xs()}>{(x, i) => <li title={x()}>{i}: {x()} {n()}</li>}</Index></ul>"));
  INFO(c->rendered << dxc::lower::dump(c->prog, c->lp));
  REQUIRE_FALSE(c->diags.has_errors());
  REQUIRE(c->prog.blocks.size() == 2);
  const dxc::BlockInfo& row = c->prog.blocks[1];
  CHECK(row.kind == dx::schema::kBlockRow);
  CHECK(row.positional);
  const dxc::Symbol* x = symbol(c->prog, "x");
  const dxc::Symbol* i = symbol(c->prog, "i");
  REQUIRE((x && i));
  CHECK(x->kind == dxc::SymKind::Signal);
  CHECK(x->offset == 24);
  CHECK(x->bit == dxc::kItemChangedBit);
  CHECK(i->kind == dxc::SymKind::Field);
  CHECK(i->offset == 32);
  CHECK(i->bit == 0);
  const dxc::BindingIR* list = find(c->lp.blocks[0], dxc::BindKind::Index);
  REQUIRE(list);
  CHECK_FALSE(list->has_anchor);  // the only child of <ul>: rows are appended
  CHECK(list->child == 1);
  uint32_t n_bit = symbol(c->prog, "n")->bit;
  CHECK(list->child_deps == (dxc::kItemChangedBit | n_bit));  // the row reads its item and n
  const dxc::BindingIR* text = find(c->lp.blocks[1], dxc::BindKind::Text);
  REQUIRE(text);
  CHECK(text->deps == (dxc::kItemChangedBit | n_bit));  // not the index: it never changes
}

TEST_CASE("<Switch>: one branch block per <Match> and the fallback, at one anchor", "[analyze][lower]") {
  auto c = dxt::compile_page(page("const [n, setN] = createSignal(0);\nconst [s, setS] = createSignal(\"\");",
                                  "<div><Switch fallback={<p>none</p>}><Match when={n() === 1}><b>one {s()}</b></Match>\n"
                                  "  <Match when={n() > 1}><i>many</i></Match></Switch></div>"));
  INFO(c->rendered << dxc::lower::dump(c->prog, c->lp));
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& b = c->lp.blocks[0];
  CHECK(b.tpl.html == "<div><!----></div>");
  const dxc::BindingIR* sw = find(b, dxc::BindKind::Switch);
  REQUIRE(sw);
  REQUIRE(sw->cases.size() == 2);
  REQUIRE(sw->whens.size() == 2);
  CHECK(sw->fallback != dxc::kNoId);
  CHECK(sw->deps == symbol(c->prog, "n")->bit);
  CHECK(sw->child_deps == symbol(c->prog, "s")->bit);
  CHECK(c->lp.blocks[sw->cases[0]].tpl.html == "<b> </b>");
  CHECK(c->lp.blocks[sw->cases[1]].tpl.html == "<i>many</i>");
  CHECK(c->lp.blocks[sw->fallback].tpl.html == "<p>none</p>");
  for (dxc::BlockId k : sw->cases) CHECK(c->prog.blocks[k].kind == dx::schema::kBlockBranch);
}

TEST_CASE("<Portal>: a branch with no node or anchor in its owner's template", "[analyze][lower]") {
  auto c = dxt::compile_page(page("const [n, setN] = createSignal(0);",
                                  "<div><p>a</p><Portal mount={document.getElementById(\"overlay\")}><b>{n()}</b></Portal><p>b</p>"
                                  "<Portal><i>body</i></Portal></div>"));
  INFO(c->rendered << dxc::lower::dump(c->prog, c->lp));
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BlockIR& b = c->lp.blocks[0];
  CHECK(b.tpl.html == "<div><p>a</p><p>b</p></div>");
  CHECK(b.anchors.empty());
  std::vector<const dxc::BindingIR*> portals;
  for (const dxc::BindingIR& x : b.bindings) if (x.kind == dxc::BindKind::Portal) portals.push_back(&x);
  REQUIRE(portals.size() == 2);
  CHECK(portals[0]->mount != dxc::kNoNode);
  CHECK(portals[0]->child_deps == symbol(c->prog, "n")->bit);
  CHECK(portals[1]->mount == dxc::kNoNode);
  CHECK(c->lp.blocks[portals[1]->child].tpl.html == "<i>body</i>");
}

TEST_CASE("<Dynamic>: a case per distinct component or tag; props pass through", "[analyze][lower]") {
  auto c = dxt::compile({{"pages/index.tsx",
                          page("const [k, setK] = createSignal(0);\nconst [t, setT] = createSignal(\"hi\");",
                               "<div><Dynamic component={k() === 0 ? Red : k() === 1 ? \"h2\" : k() === 2 ? Red : null} label={t()} /></div>") +
                              "import Red from \"../components/Red\";\n"},
                         {"components/Red.tsx", "interface P { label: string; }\nexport default function Red(props: P) { return <b class=\"red\">{props.label}</b>; }\n"}});
  INFO(c->rendered << dxc::lower::dump(c->prog, c->lp));
  REQUIRE_FALSE(c->diags.has_errors());
  const dxc::BindingIR* dy = find(c->lp.blocks[0], dxc::BindKind::Dynamic);
  REQUIRE(dy);
  REQUIRE(dy->cases.size() == 2);  // Red (twice in the expression) and "h2"
  CHECK(dy->deps == symbol(c->prog, "k")->bit);
  CHECK(dy->child_deps == symbol(c->prog, "t")->bit);  // the props the cases pass
  const dxc::BlockIR& red = c->lp.blocks[dy->cases[0]];
  const dxc::BindingIR* comp = find(red, dxc::BindKind::Component);
  REQUIRE(comp);
  REQUIRE(comp->props.size() == 1);  // `component` is not a prop
  CHECK(comp->props[0].name == "label");
  const dxc::BlockIR& h2 = c->lp.blocks[dy->cases[1]];
  CHECK(h2.tpl.html == "<h2></h2>");
  const dxc::BindingIR* attr = find(h2, dxc::BindKind::Attr);
  REQUIRE(attr);
  CHECK(attr->name == "label");
}

TEST_CASE("the control-flow components link into runtime.wasm and validate", "[emit]") {
  auto c = dxt::compile({{"pages/index.tsx",
                          page("const [xs, setXs] = createSignal<Item[]>([]);\nconst [k, setK] = createSignal(0);",
                               "<div><ul><Index each={xs()}>{(x, i) => <li onClick={() => setK(i)}>{x().label}</li>}</Index></ul>\n"
                               "<Switch><Match when={k() === 0}><p>zero</p></Match><Match when={k() === 1}><p>one</p></Match></Switch>\n"
                               "<Show when={k() > 0}><Portal mount=\"overlay\"><p>{k()}</p></Portal></Show>\n"
                               "<Dynamic component={k() > 1 ? Red : \"span\"} label={`#${k()}`} /></div>") +
                              "import Red from \"../components/Red\";\n"},
                         {"components/Red.tsx", "interface P { label: string; }\nexport default function Red(props: P) { return <b>{props.label}</b>; }\n"}});
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  dxt::emit_each_level(*c, [](BinaryenModuleRef) {});
}
