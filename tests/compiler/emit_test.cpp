// emit: the generated module links with the runtime, validates, and exports what dx.js needs.
#include <catch2/catch.hpp>

#include <binaryen-c.h>

#include "emit_fixture.h"

TEST_CASE("generated code links into runtime.wasm and validates", "[emit]") {
  auto c = dxt::compile_page(
      "import { createSignal, createMemo, For, Show } from \"dx\";\n"
      "interface T { id: number; s: string; on: boolean; }\n"
      "export default function P() {\n"
      "  const [xs, setXs] = createSignal<T[]>([]);\n"
      "  const [q, setQ] = createSignal(\"\");\n"
      "  const n = createMemo(() => xs().filter((x) => x.on).length);\n"
      "  let k = 0;\n"
      "  const add = () => { k += 1; setXs([...xs(), { id: k, s: `#${k} ${q()}`, on: k % 2 === 0 }]); };\n"
      "  return <div><input value={q()} onInput={(e) => setQ(e.currentTarget.value)} /><button onClick={add}>+</button>\n"
      "    <ul><For each={xs()}>{(x) => <li classList={{ on: x.on }}>{x.s}</li>}</For></ul>\n"
      "    <Show when={n() > 0} fallback={<i>none</i>}><b>{n()} on</b></Show></div>;\n"
      "}\n");
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  dxt::emit_each_level(*c, [](BinaryenModuleRef m) {
    for (const char* e : {"memory", "dx_start", "dx_dispatch", "dx_input"}) CHECK(BinaryenGetExport(m, e) != nullptr);
    CHECK(BinaryenGetExport(m, "dx_str_concat") == nullptr);  // runtime internals are not exported
  });
}

TEST_CASE("DX0265: console.log / JSON.stringify of a record whose literals write its keys in different orders", "[emit]") {
  auto build = [](const std::string& second_literal) {
    auto c = dxt::compile_page(
        "interface P { x: number; y: string; }\n"
        "const show = (p: P): string => JSON.stringify(p);\n"
        "export default function Page() {\n"
        "  const a: P = { x: 1, y: \"a\" };\n"
        "  const b: P = " + second_literal + ";\n"
        "  const log = () => console.log(a, b);\n"
        "  return <p onClick={log}>{show(a)}</p>;\n"
        "}\n");
    INFO(c->rendered);
    REQUIRE_FALSE(c->diags.has_errors());
    dxc::EmitOptions o;
    o.runtime_wasm = dxc::find_runtime_dir(nullptr) + "/runtime.wasm";
    dxc::EmitResult r;
    auto d = std::make_unique<dxc::Diagnostics>();
    bool ok = dxc::emit::emit(c->prog, c->lp, o, r, *d, false);
    return std::make_pair(ok, std::move(d));
  };
  auto [same_ok, same] = build("{ ...a, y: \"b\" }");  // a spread of the same shape keeps its order
  CHECK(same_ok);
  CHECK_FALSE(same->has_errors());
  auto [other_ok, other] = build("{ y: \"b\", x: 2 }");
  CHECK_FALSE(other_ok);
  CHECK(other->has_errors());
  bool found = false;
  for (const auto& e : other->all()) found |= e.code == "DX0265";
  CHECK(found);
}
