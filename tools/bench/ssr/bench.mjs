// tools/bench/ssr/bench.mjs — the node side of the SSR benchmark: Solid's renderToString (hydratable and
// plain), React's renderToString and a hand-written string join, each rendering the 1,000-row table; prints
// "name<TAB>ms per render<TAB>bytes" lines (median of the runs). Run by run.sh.
//   node bench.mjs [--out DIR] [--runs N] [--run-ms MS] [--dx-html FILE] [--only a,b]
// --dx-html: dx's HTML of the same page (dx_bench_ssr --html); every side's output must equal it once
// comments and hydration keys are left out, or the bench fails.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSolid, buildReact, canonical, root } from './build.mjs';
import * as join from './join.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const out = path.resolve(opt('--out', path.join(root, 'build/ssr-bench')));
const runs = Number(opt('--runs', '9'));
const runMs = Number(opt('--run-ms', '200'));
const only = opt('--only', '');

const sides = [
  ['solid-hydratable', async () => (await import(await buildSolid(out, true))).render],
  ['solid', async () => (await import(await buildSolid(out, false))).render],
  ['react', async () => (await import(await buildReact(out))).render],
  ['join', async () => join.render],
].filter(([name]) => !only || only.split(',').includes(name));

const dxHtml = opt('--dx-html', '');
const expected = dxHtml ? canonical(readFileSync(dxHtml, 'utf8')) : canonical(join.render());

// One run: renders for at least runMs of wall time; ms per render. Wall time (node has no per-thread CPU
// clock); the median over runs keeps out the runs another process interrupted.
function timeRun(render) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < runMs) {
    for (let k = 0; k < 8; k++) render();
    n += 8;
    t = performance.now();
  }
  return (t - t0) / n;
}

for (const [name, load] of sides) {
  const render = await load();
  const html = render();
  if (canonical(html) !== expected) {
    const a = canonical(html), b = expected;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.error(`bench.mjs: ${name}'s HTML differs from ${dxHtml ? 'dx' : 'the join'}'s at ${i}:\n  ${a.slice(Math.max(0, i - 40), i + 80)}\n  ${b.slice(Math.max(0, i - 40), i + 80)}`);
    process.exit(1);
  }
  for (let w = 0; w < 3; w++) timeRun(render);  // warm-up: the JIT's tiers
  const samples = [];
  for (let r = 0; r < runs; r++) samples.push(timeRun(render));
  samples.sort((x, y) => x - y);
  console.log(`${name}\t${samples[samples.length >> 1].toFixed(4)}\t${Buffer.byteLength(html)}`);
}
