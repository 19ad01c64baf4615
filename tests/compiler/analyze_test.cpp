// analyze: types, signals and reactive bits, closures, and one test per DX02xx diagnostic it reports.
#include <catch2/catch.hpp>

#include "project_fixture.h"

using dxt::compile;
using dxt::compile_page;

namespace {
const dxc::Symbol* find_symbol(const dxc::Program& p, const std::string& name, dxc::SymKind kind) {
  for (auto& s : p.symbols) if (s.name == name && s.kind == kind) return &s;
  return nullptr;
}
std::string page(const std::string& body, const std::string& jsx = "<p>x</p>") {
  return "import { createSignal, createMemo, For, Show } from \"dx\";\n"
         "interface Item { id: number; label: string; }\n"
         "export default function Page() {\n" + body + "\n  return " + jsx + ";\n}\n";
}
// A page importing the control-flow components.
std::string control(const std::string& body, const std::string& jsx) {
  return "import { createSignal, For, Index, Show, Switch, Match, Portal, Dynamic } from \"dx\";\n"
         "export default function Page() {\n" + body + "\n  return " + jsx + ";\n}\n";
}
}  // namespace

TEST_CASE("signals, memos and props get distinct mask bits", "[analyze]") {
  auto c = compile({{"pages/index.tsx", page("const [a, setA] = createSignal(1);\nconst [b, setB] = createSignal(\"x\");\n"
                                              "const m = createMemo(() => a() * 2);",
                                              "<Child n={a()} s={b()} />") +
                                             "import Child from \"../components/Child\";\n"},
                    {"components/Child.tsx", "interface P { n: number; s: string; }\nexport default function Child(props: P) { return <i>{props.n} {props.s}</i>; }\n"}});
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  auto* a = find_symbol(c->prog, "a", dxc::SymKind::Signal);
  auto* b = find_symbol(c->prog, "b", dxc::SymKind::Signal);
  auto* m = find_symbol(c->prog, "m", dxc::SymKind::Memo);
  REQUIRE((a && b && m));
  CHECK(a->bit != b->bit);
  CHECK(m->bit != a->bit);
  CHECK(c->prog.types.name(a->type) == "number");
  CHECK(c->prog.types.name(b->type) == "string");
  CHECK(dxc::analyze::deps_of_function(c->prog, m->func) == a->bit);
}

TEST_CASE("an interface and an object literal with the same fields share one shape", "[analyze]") {
  auto c = compile_page(page("const [items, setItems] = createSignal<Item[]>([]);\n"
                             "const add = () => setItems([...items(), { id: 1, label: \"a\" }]);\n"
                             "const relabel = (id: number) => setItems(items().map((t) => (t.id === id ? { ...t, label: \"b\" } : t)));"));
  INFO(c->rendered);
  CHECK_FALSE(c->diags.has_errors());
}

TEST_CASE("closures capture block variables through the instance chain", "[analyze]") {
  auto c = compile_page(page("const [items, setItems] = createSignal<Item[]>([]);\nlet next = 1;\n"
                             "const remove = (id: number) => setItems(items().filter((t) => t.id !== id));",
                             "<ul><For each={items()}>{(it) => <li onClick={() => remove(it.id)}>{it.label} {next}</li>}</For></ul>"));
  INFO(c->rendered);
  REQUIRE_FALSE(c->diags.has_errors());
  auto* next = find_symbol(c->prog, "next", dxc::SymKind::Field);
  REQUIRE(next);
  CHECK(next->is_mutable);
  CHECK(c->prog.blocks.size() == 2);
  CHECK(c->prog.blocks[1].kind == 2);  // the row
  CHECK(c->prog.blocks[1].parent == 0);
}

struct DiagCase {
  const char* code;
  std::string source;
};

TEST_CASE("each analyze diagnostic is reported with its code", "[analyze][diagnostics]") {
  std::vector<DiagCase> cases = {
      {"DX0201", "import x from \"react\";\n" + page("")},
      {"DX0202", "import X from \"./missing\";\n" + page("")},
      {"DX0203", "import { createStore } from \"dx\";\n" + page("")},
      {"DX0204", "import { ErrorBoundary } from \"dx\";\n" + page("")},
      {"DX0205", "const { a } = { a: 1 };\n" + page("")},
      {"DX0206", "export function NotDefault() { return <p/>; }\n"},
      {"DX0207", page("const a = 1;\nconst a = 2;")},
      {"DX0210", page("const [a, setA] = createSignal(0);\nconst b = a;")},
      {"DX0211", page("const f = () => createSignal(0);")},
      {"DX0213", "export default function Page({ x: { y } }: { x: { y: number } }) { return <p/>; }\n"},  // nested
      {"DX0213", "export default function Page([x]: number[]) { return <p/>; }\n"},
      {"DX0214", page("const [a, setA] = createSignal(0);\nconst f = () => { a = 2; };")},
      {"DX0215", page("const a = 1;\nconst f = () => { a = 2; };")},
      {"DX0216", page("const [a, b, c] = createSignal(0);")},
      {"DX0218", "export default function Page() { if (1 > 0) return <p/>; return <i/>; }\n"},
      {"DX0220", page("", "<p>{missing}</p>")},
      {"DX0221", "function Child() { return <i/>; }\n" + page("const c = Child;")},
      {"DX0222", page("const f = (n: number) => n;\nconst g = () => f(1, 2);")},
      {"DX0230", page("const f = (n) => n;")},
      {"DX0231", page("const f = (n: any) => 1;")},
      {"DX0232", page("const f = (n: number | string) => 1;")},
      {"DX0233", page("const f = (t: Item) => t.nope;")},
      {"DX0234", page("const n: number = \"x\";")},
      {"DX0235", page("const f = (a: number[]) => 1 in a;")},
      {"DX0235", page("const f = (n: number) => n.toLocaleString();")},
      {"DX0235", page("const f = (n: number) => n.toExponential(2);")},
      {"DX0222", page("const f = (n: number) => n.toPrecision();")},
      {"DX0234", page("const f = (n: number) => { const { a } = n; return a; };")},       // not a record
      {"DX0234", page("const f = (p: { a: number } | null) => { const { a } = p; return a; };")},  // check it first
      {"DX0233", page("const f = (p: { a: number }) => { const { b } = p; return b; };")},
      {"DX0235", page("const f = (p: { a: number }) => { const { ...r, a } = p; return r; };")},  // rest comes last
      {"DX0234", page("const f = (s: string) => { const [c] = s; return c; };")},         // arrays only
      {"DX0234", page("const f = (p: { a?: number }) => { const { a = 'x' } = p; return a; };")},
      {"DX0230", page("const f = ({ a }) => a;")},
      {"DX0236", page("const f = () => null!;")},
      {"DX0260", page("const f = (xs: Item[]) => xs.find((x) => x.id > 1).label;")},  // without ! it may be undefined
      {"DX0236", page("const f = () => { let x = null; };")},
      {"DX0260", page("const f = (s: string | null): number => s.length;")},
      {"DX0260", page("const f = (x: Item | null) => (x?.label).length;")},  // parentheses end the optional chain
      {"DX0234", page("const f = () => setTimeout((n: number) => {}, 5);")},  // a timer's function takes nothing
      {"DX0234", page("const f = () => clearInterval('x');")},
      {"DX0211", "import { createEffect, onCleanup } from \"dx\";\nexport default function Page() {\n"
                 "  createEffect(() => { onCleanup(() => {}); });\n  return <p>x</p>;\n}\n"},  // before each re-run: not yet
      {"DX0260", page("const f = (xs: Item[] | null) => xs?.find((x) => x.id > 1).label;")},  // find may give undefined
      {"DX0237", page("const [a, setA] = createSignal([]);")},
      {"DX0238", page("const t: Item = { id: 1 };")},
      {"DX0239", "function Child(props: { n: number }) { return <i/>; }\n" + page("", "<Child m={1} />")},
      {"DX0240", page("const f = async () => 1;")},
      {"DX0241", page("const f = () => { for (const x of [1, 2]) { const g = () => x; } };")},
      {"DX0242", "class A {}\n" + page("")},
      {"DX0242", "enum E { A = 1, B = \"b\" }\n" + page("")},  // numbers and strings mixed
      {"DX0242", "enum E { A = 1 + 2 }\n" + page("")},           // a computed member
      {"DX0233", "enum E { A }\n" + page("const x = E.B;")},
      {"DX0220", "enum E { A = \"a\" }\n" + page("const x = E[0];")},  // a string enum has no reverse mapping
      {"DX0243", page("const [a, setA] = createSignal<number[]>([]);\nconst f = () => a().map(3);")},
      {"DX0234", page("const [a, setA] = createSignal<number[]>([]);\nconst up = (s: string) => s;\nconst f = () => a().map(up);")},
      {"DX0244", page("const [a, setA] = createSignal<number[]>([]);\nconst f = () => a().map((x, i, arr) => x);")},
      {"DX0246", page("const f = (o: Item) => { for (const k in o) {} };")},
      {"DX0263", page("const f = () => { throw \"text\"; };")},
      {"DX0234", page("const f = () => isNaN(\"x\");")},
      {"DX0251", page("const xs: (number | null)[][] = [];\nconst f = () => `${xs}`;")},
      {"DX0251", page("const xs = [() => 1];\nconst f = () => `${xs}`;")},
      {"DX0264", page("const f = () => { try { } catch (e) { console.error(e); } };")},
      {"DX0264", page("const f = () => { try { } catch (e) { return JSON.stringify(e); } return \"\"; };")},
      {"DX0234", page("const f = () => Number.isInteger(\"1\");")},
      {"DX0222", page("const f = () => Number.isFinite(1, 2);")},
      {"DX0235", page("const f = () => { try { } catch ({ message }) { } };")},
      {"DX0250", page("const [a, setA] = createSignal(0);", "<div>{a() && <p/>}</div>")},
      {"DX0251", page("const [a, setA] = createSignal<number[]>([]);", "<div>{a()}</div>")},
      {"DX0252", page("const o = \"x\";", "<div {...o}></div>")},
      {"DX0253", page("", "<div ref={1}></div>")},
      {"DX0254", page("", "<button onClick={1}>x</button>")},
      {"DX0255", page("", "<Show>x</Show>")},
      {"DX0256", page("", "<ul><For each={1}>{(x) => <li/>}</For></ul>")},
      {"DX0257", page("const [a, setA] = createSignal<number[]>([]);", "<ul><For each={a()}>{(x, i, all) => <li/>}</For></ul>")},
      {"DX0258", "function Child() { return <i/>; }\n" + page("", "<Child>text</Child>")},
      {"DX0261", "const a = [b()];\nfunction b() { return a.length; }\n" + page("")},
      {"DX0263", page("const f = (n: number) => { throw n; };")},
      {"DX0264", page("const f = () => console.log({ id: 1, go: () => 1 });")},
      {"DX0264", page("const f = (s: string) => console.log(s, 1);")},
      {"DX0264", page("const f = () => JSON.stringify([() => 1]);")},
      {"DX0262", "function f(n?: number, a: string): number { return 1; }\n" + page("")},
      {"DX0270", control("", "<div><Match when={true}>x</Match></div>")},
      {"DX0270", control("", "<Switch><p>x</p></Switch>")},
      {"DX0270", control("", "<Switch fallback={<p>none</p>}></Switch>")},
      {"DX0271", control("const [a, setA] = createSignal<number[]>([]);", "<ul><Index each={a()}><li>x</li></Index></ul>")},
      {"DX0271", control("const [a, setA] = createSignal<number[]>([]);", "<ul><Index each={a()}>{(x, i, more) => <li/>}</Index></ul>")},
      {"DX0272", control("const [a, setA] = createSignal(0);", "<Dynamic component={a()} />")},
      {"DX0272", control("", "<Dynamic component={\"Not A Tag\"} />")},
      {"DX0272", control("", "<Dynamic />")},
      {"DX0272", control("", "<Dynamic component=\"p\" onClick={() => 1} />")},
      {"DX0272", control("", "<Dynamic component=\"p\">text</Dynamic>")},
      {"DX0273", control("", "<Portal mount={document.querySelector(\"#x\")}><p>x</p></Portal>")},
      {"DX0273", control("", "<Portal mount={document.getElementById(1)}><p>x</p></Portal>")},
  };
  for (const DiagCase& dc : cases) {
    auto c = compile_page(dc.source, false);
    INFO(dc.code << "\n" << dc.source << "\n---\n" << c->rendered);
    CHECK(c->has(dc.code));
  }
}

TEST_CASE("recursive interfaces and object type aliases; loops narrowed by their condition", "[analyze]") {
  const std::string types =
      "interface Tree { name: string; kids: Tree[] }\n"
      "type Cell = { value: number; next: Cell | null };\n"
      "function size(t: Tree): number { let n = 1; for (const k of t.kids) n += size(k); return n; }\n"
      "function total(c: Cell | null): number { let s = 0; for (let at = c; at !== null; at = at.next) s += at.value; return s; }\n"
      "function count(c: Cell | null): number { let n = 0; let at = c; while (at !== null) { n++; at = at.next; } return n; }\n";
  auto ok = compile_page(types + page("const [t] = createSignal<Tree>({ name: \"r\", kids: [{ name: \"k\", kids: [] }] });\n"
                                      "const n = size(t()) + total({ value: 1, next: null }) + count(null);"));
  INFO(ok->rendered);
  CHECK_FALSE(ok->diags.has_errors());
  auto* t = find_symbol(ok->prog, "t", dxc::SymKind::Signal);
  REQUIRE(t);
  const dxc::Types& T = ok->prog.types;
  CHECK(T.name(t->type) == "Tree");
  const dxc::Shape& tree = T.shape_info(T.info(t->type).shape);
  CHECK(tree.recursive);
  REQUIRE(tree.find("kids"));
  CHECK(T.info(tree.find("kids")->type).elem == t->type);  // kids: Tree[] is an array of the same record

  // Only through a field of an object type; a loop's update is not narrowed when the body assigns.
  auto alias = compile_page("type A = A[];\n" + page("const f = (a: A) => 1;"), false);
  CHECK(alias->has("DX0232"));
  auto assigned = compile_page(types + "function f(c: Cell | null): number { let s = 0; for (let at = c; at !== null; at = at.next) { at = c; } return s; }\n" +
                                   page(""),
                               false);
  CHECK(assigned->has("DX0260"));
  // A refused field type is reported once (no "needs a type" after it).
  auto once = compile_page("interface N { kids: Map<string, N> }\n" + page("const f = (n: N) => 1;"), false);
  CHECK(once->has("DX0232"));
  CHECK_FALSE(once->has("DX0230"));
  // A signal that is never set needs no setter; other patterns are refused.
  CHECK(compile_page(page("const [[a]] = createSignal([1]);"), false)->has("DX0216"));
}

TEST_CASE("default and optional parameters: calls may omit them, nothing else", "[analyze]") {
  const std::string fns = "function f(a: number, b = 2, c?: string): number { return a + b; }\n"
                          "function g(x = \"s\", y: number): number { return y; }\n";
  auto ok = compile_page(fns + page("const h = (s: string, sep = \", \"): string => s + sep;\n"
                                    "const t = () => f(1) + f(1, 3) + f(1, 3, \"x\") + f(1, 3, undefined) + g(undefined, 1) + h(\"a\").length;"),
                         false);
  INFO(ok->rendered);
  CHECK_FALSE(ok->diags.has_errors());
  struct Bad { const char* code; std::string src; };
  const Bad bad[] = {
      {"DX0222", fns + page("const t = () => f();")},                      // a is required
      {"DX0222", fns + page("const t = () => g(\"a\");")},               // y is required after a default
      {"DX0222", fns + page("const t = () => f(1, 2, \"c\", 4);")},
      {"DX0234", page("const k = (n: number = \"x\") => n;")},           // the default's type
      {"DX0234", fns + page("const t = () => f(1, undefined);")},          // undefined for a number parameter
      {"DX0235", page("", "<button onClick={(e: Event = e) => 1}>x</button>")},
  };
  for (const Bad& b : bad) {
    auto c = compile_page(b.src, false);
    INFO(b.code << "\n" << b.src << "\n---\n" << c->rendered);
    CHECK(c->has(b.code));
  }
}

TEST_CASE("generic functions: one instance per list of type arguments, refused where they cannot be", "[analyze]") {
  const std::string fns = "function first<T>(xs: T[]): T { return xs[0]; }\n"
                          "function wrap<T>(x: T): T[] { return [x]; }\n"
                          "function make<T>(): T[] { return []; }\n";
  auto ok = compile_page(fns + page("const t = () => first([1]) + first([2, 3]) + first(wrap(4)) + first(['a']).length + "
                                    "first<number>([]) + make<string>().length;"),
                         false);
  INFO(ok->rendered);
  REQUIRE_FALSE(ok->diags.has_errors());
  std::map<std::string, int> instances;
  for (const dxc::FuncInfo& f : ok->prog.funcs) instances[f.name]++;
  CHECK(instances["first<number>"] == 1);  // four calls with T = number share it
  CHECK(instances["first<string>"] == 1);
  CHECK(instances["wrap<number>"] == 1);
  CHECK(instances["make<string>"] == 1);
  CHECK(instances.count("first") == 0);  // the generic itself is never compiled
  // Imported from another module, with a constraint (ignored: each instance is checked with its types).
  auto imported = compile({{"components/util.ts", "export interface Row { id: number; label: string }\n"
                                                  "export function byId<T extends { id: number }>(xs: T[], id: number): T | undefined {\n"
                                                  "  return xs.find((x) => x.id === id);\n}\n"},
                           {"pages/index.tsx", "import { byId, Row } from \"../components/util\";\n"
                                               "export default function Page() {\n  const rows: Row[] = [{ id: 1, label: \"a\" }];\n"
                                               "  const r = byId(rows, 1);\n  return <p>{r ? r.label : \"\"}</p>;\n}\n"}},
                          false);
  INFO(imported->rendered);
  CHECK_FALSE(imported->diags.has_errors());
  struct Bad { const char* code; std::string src; };
  const Bad bad[] = {
      {"DX0276", fns + page("const t = () => make().length;")},              // nothing to infer T from
      {"DX0276", fns + page("const f = first;")},                            // used as a value
      {"DX0276", fns + page("const t = () => first<number, string>([1]);")}, // two type arguments for one
      {"DX0276", fns + page("const t = () => first(null);")},                // T would be null
      {"DX0276", "function L<T>(props: { x: T }) { return <p/>; }\n" + page("")},
      {"DX0276", page("const id = <T,>(x: T): T => x;")},                    // not at module level
      {"DX0234", "function same<T>(a: T, b: T): T { return a; }\n" + page("const t = () => same(1, 'x');")},
      {"DX0232", "interface Box<T> { v: T }\n" + page("const f = (b: Box) => 1;")},                // no type arguments
      {"DX0232", "interface Box<T> { v: T }\n" + page("const f = (b: Box<number, string>) => 1;")},  // too many
  };
  for (const Bad& b : bad) {
    auto c = compile_page(b.src, false);
    INFO(b.code << "\n" << b.src << "\n---\n" << c->rendered);
    CHECK(c->has(b.code));
  }
}

TEST_CASE("diagnostics carry file, line, column and a code frame", "[analyze][diagnostics]") {
  auto c = compile_page("export default function Page() {\n  return <p>{missing}</p>;\n}\n", false);
  REQUIRE(c->has("DX0220"));
  CHECK(c->rendered.find("pages/index.tsx:2:14: error[DX0220]: cannot find name 'missing'") != std::string::npos);
  CHECK(c->rendered.find("^^^^^^^") != std::string::npos);
}

TEST_CASE("discover reports a missing page and a bad config", "[discover][diagnostics]") {
  {
    auto c = compile({{"components/A.tsx", "export default function A() { return <p/>; }"}});
    CHECK(c->has("DX0001"));
  }
  {
    auto c = compile({{"pages/index.tsx", page("")}, {"dx.config.json", "{ \"name\": 3 }"}});
    CHECK(c->has("DX0002"));
  }
  {
    auto c = compile({{"pages/index.tsx", page("")}, {"dx.config.json", "{ nope"}});
    CHECK(c->has("DX0002"));
  }
  {
    auto c = compile({{"pages/index.tsx", page("")}, {"dx.config.json", "{ \"colour\": \"red\" }"}});
    CHECK(c->has("DX0003"));
  }
}
