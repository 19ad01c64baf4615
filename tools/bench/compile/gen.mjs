#!/usr/bin/env node
// Deterministic generator of the compile-speed corpus: N Solid-style TSX components (default 500,
// ~65 lines each) as a dx project, plus a copy whose imports say "solid-js" for babel/esbuild.
//   node tools/bench/compile/gen.mjs [outDir] [count]
// outDir defaults to tools/bench/compile/corpus. Same inputs → byte-identical files.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] || path.join(here, "corpus"));
const N = Number(process.argv[3] || 500);

// Small deterministic PRNG (mulberry32) so files differ from each other but never between runs.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

const nouns = ["task", "order", "note", "track", "ticket", "invoice", "player", "city", "album", "recipe"];
const tags = ["section", "article", "div", "aside"];
const strOps = [
  (v) => `${v}.toUpperCase()`,
  (v) => `${v}.trim()`,
  (v) => `${v}.slice(0, 4)`,
  (v) => `${v}.padStart(8, ".")`,
  (v) => `${v}.replace("a", "4")`,
  (v) => `${v}.toLowerCase()`,
];

function component(i) {
  const r = rng(i * 7919 + 17);
  const C = `Widget${i}`;
  const It = `Item${i}`;
  const noun = pick(r, nouns);
  const tag = pick(r, tags);
  const step = int(r, 1, 9);
  const mod = int(r, 3, 11);
  const limit = int(r, 50, 500);
  const op1 = pick(r, strOps)("it.name");
  const op2 = pick(r, strOps)("prefix");
  const cmp = pick(r, ["includes", "startsWith", "endsWith"]);
  return `import { createSignal, createMemo, createEffect, For, Show } from "dx";

interface ${It} {
  id: number;
  name: string;
  qty: number;
  done: boolean;
}

interface ${C}Props { title: string; seed: number }

function label${i}(it: ${It}, prefix: string): string {
  switch (it.qty % 3) {
    case 0: return \`\${${op2}}-\${${op1}}\`;
    case 1: return prefix + ": " + it.name + " x" + String(it.qty);
    default: return \`\${it.name.slice(0, 3)}/\${it.qty * ${step}}\`;
  }
}

export default function ${C}(props: ${C}Props) {
  const [items, setItems] = createSignal<${It}[]>([]);
  const [query, setQuery] = createSignal("");
  const [count, setCount] = createSignal(props.seed);
  const [status, setStatus] = createSignal("idle");
  let nextId = 1;
  const visible = createMemo(() => items().filter((it) => it.name.${cmp}(query())));
  const total = createMemo(() => {
    let sum = 0;
    for (const it of items()) {
      if (it.done) sum = sum + it.qty;
      else sum = sum + 1;
    }
    return sum;
  });
  const summary = createMemo(() => visible().map((it) => label${i}(it, props.title)).join(", "));
  createEffect(() => {
    let n = count();
    while (n > ${limit}) n = n - ${limit};
    setStatus(n % 2 === 0 ? \`even \${n}\` : \`odd \${n}\`);
  });
  const add = () => {
    const name = \`${noun} \${nextId} of \${props.title}\`;
    setItems([...items(), { id: nextId, name: name, qty: count() % ${mod}, done: false }]);
    nextId = nextId + 1;
  };
  const toggle = (id: number) => setItems(items().map((it) => (it.id === id ? { ...it, done: !it.done } : it)));
  const remove = (id: number) => setItems(items().filter((it) => it.id !== id));
  const names = () => {
    const out: string[] = [];
    for (let k = 0; k < items().length; k++) out.push(items()[k].name);
    return out.join("; ");
  };
  return (
    <${tag} class="widget w${i % 10}" title={names()}>
      <h2>{props.title} #{count()} ({status()})</h2>
      <input value={query()} placeholder="Filter ${noun}s" onInput={(e) => setQuery(e.currentTarget.value)} />
      <button onClick={() => setCount(count() + ${step})}>+${step}</button>
      <button onClick={add}>Add ${noun}</button>
      <ul class="items">
        <For each={visible()}>
          {(it) => (
            <li classList={{ done: it.done }}>
              <span>{label${i}(it, "${noun}")}</span>
              <button onClick={() => toggle(it.id)}>toggle</button>
              <button onClick={() => remove(it.id)}>×</button>
            </li>
          )}
        </For>
      </ul>
      <Show when={items().length > 0} fallback={<p class="empty">No ${noun}s yet</p>}>
        <p>{total()} total: {summary()}</p>
      </Show>
    </${tag}>
  );
}
`;
}

function index() {
  let s = "";
  for (let i = 0; i < N; i++) s += `import Widget${i} from "../components/Widget${i}";\n`;
  s += `\nexport default function App() {\n  return (\n    <main>\n`;
  for (let i = 0; i < N; i++) s += `      <Widget${i} title="w${i}" seed={${i}} />\n`;
  s += `    </main>\n  );\n}\n`;
  return s;
}

fs.rmSync(out, { recursive: true, force: true });
const dx = path.join(out, "dx");
const solid = path.join(out, "solid");
for (const d of [path.join(dx, "pages"), path.join(dx, "components"), path.join(solid, "pages"), path.join(solid, "components")])
  fs.mkdirSync(d, { recursive: true });
fs.writeFileSync(path.join(dx, "dx.config.json"), JSON.stringify({ name: "bench-compile", title: "compile bench" }) + "\n");
let lines = 0;
const write = (rel, text) => {
  lines += text.split("\n").length - 1;
  fs.writeFileSync(path.join(dx, rel), text);
  fs.writeFileSync(path.join(solid, rel), text.replace(/from "dx";/g, 'from "solid-js";'));
};
for (let i = 0; i < N; i++) write(`components/Widget${i}.tsx`, component(i));
write("pages/index.tsx", index());
console.log(`gen: ${N} components + pages/index.tsx, ${lines} lines → ${path.relative(process.cwd(), out) || "."}/{dx,solid}`);
