// Differential test: every case in tests/diff/cases/*.ts (plus a batch of random well-typed programs from
// gen.mjs) runs twice — compiled by dxc and executed as wasm, and type-stripped by TypeScript and executed
// by V8 in node — and the two result strings must be identical. So must what the cases print with
// console.log / warn / error: the CONSOLE ops of the wasm run against node's own console output (util.format).
//
// The wasm side: a generated page renders each case's result string into its own text node; app.wasm is
// instantiated directly in node (no browser) and the initial op batch is decoded: the TEXT ops, in order,
// are the results (schemas/ops.md).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';
import util from 'node:util';
import { generate } from './gen.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const dxc = process.env.DXC ?? path.join(root, 'build/dev/compiler/dxc');
const seed = Number(process.env.DX_DIFF_SEED ?? Date.now() % 1000000);
const randomCount = Number(process.env.DX_DIFF_RANDOM ?? 3000);

function caseNames(source) {
  return [...source.matchAll(/^export function (\w+)\(\): string/gm)].map((m) => m[1]);
}

// Decodes the first op batch: returns the TEXT ops' strings in order; CONSOLE ops go to `logs` as "level text".
function textsOf(exports, logs) {
  const mem = () => new Uint32Array(exports.memory.buffer);
  const batch = exports.dx_start() >>> 2;
  const [opWords, ops, stringCount, stringBytes, stringBytesLen, stringLengths] = mem().slice(batch, batch + 6);
  const bytes = new Uint8Array(exports.memory.buffer, stringBytes, stringBytesLen);
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let strings;
  if (stringLengths) {
    const lens = mem().slice(stringLengths >>> 2, (stringLengths >>> 2) + stringCount);
    strings = [];
    let at = 0;
    for (const n of lens) { strings.push(decoded.slice(at, at + n)); at += n + 1; }
  } else {
    strings = decoded.split('\0').slice(0, stringCount);
  }
  const arity = { 1: 3, 3: 2, 4: 3, 5: 2, 6: 3, 7: 3, 8: 2, 9: 3, 10: 3, 11: 1, 12: 1, 13: 1, 14: 4, 15: 1, 16: 2 };
  const words = mem().slice(ops >>> 2, (ops >>> 2) + opWords);
  const texts = [];
  for (let i = 0; i < words.length;) {
    const op = words[i];
    if (op === 2) { i += 3 + words[i + 2]; continue; }  // CLONE: template, count, ids
    if (op === 3) texts.push(strings[words[i + 2]]);
    if (op === 15) throw new Error('runtime error: ' + strings[words[i + 1]]);
    if (op === 16) logs.push(`${words[i + 1]} ${strings[words[i + 2]]}`);
    if (!(op in arity)) throw new Error('bad opcode ' + op);
    i += 1 + arity[op];
  }
  return texts;
}

// String.prototype.localeCompare: the page's own, as dx.js gives it (strings as UTF-8 in the instance's memory).
let memory;
const utf8 = new TextDecoder();
const locale_compare = (a, n, b, m) => utf8.decode(new Uint8Array(memory.buffer, a, n)).localeCompare(utf8.decode(new Uint8Array(memory.buffer, b, m)));

test(`dxc-compiled wasm matches V8 (random seed ${seed})`, async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dx-diff-'));
  try {
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'pages'), { recursive: true });
    mkdirSync(path.join(project, 'cases'), { recursive: true });
    writeFileSync(path.join(project, 'prelude.ts'), readFileSync(path.join(here, 'prelude.ts')));
    const files = readdirSync(path.join(here, 'cases')).filter((f) => f.endsWith('.ts')).sort();
    const sources = files.map((f) => [f, readFileSync(path.join(here, 'cases', f), 'utf8')]);
    sources.push(['random.ts', generate(seed, randomCount)]);
    const all = [];  // [module, name]
    for (const [f, src] of sources) {
      writeFileSync(path.join(project, 'cases', f), src);
      for (const name of caseNames(src)) all.push([f.replace(/\.ts$/, ''), name]);
    }
    let page = '';
    all.forEach(([mod, name], i) => { page += `import { ${name} as c${i} } from "../cases/${mod}";\n`; });
    page += 'export default function Diff() {\n  return (\n    <div>\n';
    all.forEach((_, i) => { page += `      <p>{c${i}()}</p>\n`; });
    page += '    </div>\n  );\n}\n';
    writeFileSync(path.join(project, 'pages', 'index.tsx'), page);

    const out = path.join(work, 'dist');
    // --no-ssr: this test is about the wasm the browser runs; server rendering has its own (tests/e2e/ssr.test.mjs).
    const r = spawnSync(dxc, ['build', project, '-o', out, '-q', '--no-ssr'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, `dxc failed:\n${r.stderr}${r.stdout}`);
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(out, "app.wasm")), { dx: Object.assign(Object.create(Math), { seed: () => 1, now: () => 0, perf_now: () => 0, locale_compare }) });
    memory = instance.exports.memory;
    instance.exports.__wasm_call_ctors?.();
    const gotLogs = [];
    const got = textsOf(instance.exports, gotLogs);
    assert.equal(got.length, all.length, 'one text per case');

    // V8: the same sources, types stripped by TypeScript.
    const js = path.join(work, 'js');
    mkdirSync(path.join(js, 'cases'), { recursive: true });
    const strip = (src) => ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
      .outputText.replace(/from "(\.\.?\/[^"]+)"/g, 'from "$1.mjs"');
    writeFileSync(path.join(js, 'prelude.mjs'), strip(readFileSync(path.join(here, 'prelude.ts'), 'utf8')));
    for (const [f, src] of sources) writeFileSync(path.join(js, 'cases', f.replace(/\.ts$/, '.mjs')), strip(src));
    const mismatches = [];
    // console.log / warn / error as node prints them (util.format), against the CONSOLE ops.
    const wantLogs = [];
    assert.ok(gotLogs.length > 0, 'the console cases logged');
    const saved = { log: console.log, warn: console.warn, error: console.error };
    ['log', 'warn', 'error'].forEach((k, level) => { console[k] = (...a) => wantLogs.push(`${level} ${util.format(...a).toWellFormed()}`); });
    try {
      for (let i = 0; i < all.length; i++) {
        const [mod, name] = all[i];
        const m = await import(pathToFileURL(path.join(js, 'cases', mod + '.mjs')).href);
        // Strings reach the DOM as UTF-8, where a lone surrogate becomes U+FFFD (a known limit of the op
        // buffer, schemas/ops.md): compare at that boundary. Inside wasm the code units are exact (charCodeAt
        // cases check them).
        const want = m[name]().toWellFormed();
        if (want !== got[i]) mismatches.push(`${mod}.${name}: wasm ${JSON.stringify(got[i])} != V8 ${JSON.stringify(want)}`);
      }
    } finally {
      Object.assign(console, saved);
    }
    for (let i = 0; i < Math.max(wantLogs.length, gotLogs.length); i++)
      if (wantLogs[i] !== gotLogs[i]) mismatches.push(`console line ${i}: wasm ${JSON.stringify(gotLogs[i])} != node ${JSON.stringify(wantLogs[i])}`);
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${all.length} cases differ (seed ${seed})`);
    console.log(`${all.length} cases and ${gotLogs.length} console lines identical in wasm and V8 (seed ${seed})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
