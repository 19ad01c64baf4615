#!/usr/bin/env node
// js-framework-benchmark (keyed), side by side: the dx app (samples/jsfb), a vanilla-JS app and a Solid app, each
// checked for correctness and then measured the way the public harness measures (see README.md).
//   node tools/bench/jsfb/run.mjs [--iterations N] [--smoke] [--require dx] [--dx-dist DIR | --dx-project DIR] [--build-dir DIR]
//                                 [--json FILE] [--apps dx,vanillajs,solid] [--ops 01,07] [--warmups W] [--timeout S] [--save-traces DIR]
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSolid, cssDir, locateDx, root, vanillaDir } from './lib/apps.mjs';
import { runChecks } from './lib/checks.mjs';
import { loadPass, measureOp } from './lib/measure.mjs';
import { operations } from './lib/ops.mjs';
import { launch } from './lib/page.mjs';
import { formatTable, summarize } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';

const ALL_APPS = ['dx', 'vanillajs', 'solid'];

function parseArgs(argv) {
  const o = { iterations: 10, smoke: false, require: new Set((process.env.JSFB_REQUIRE ?? '').split(',').filter(Boolean)),
    buildDir: path.join(root, 'build/jsfb'), apps: ALL_APPS, ops: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--smoke') o.smoke = true;
    else if (a === '--iterations') o.iterations = Number(val());
    else if (a === '--require') val().split(',').forEach((x) => o.require.add(x));
    else if (a === '--dx-dist') o.dxDist = val();
    else if (a === '--dx-project') o.dxProject = val();
    else if (a === '--build-dir') o.buildDir = path.resolve(val());
    else if (a === '--json') o.json = path.resolve(val());
    else if (a === '--apps') o.apps = val().split(',');
    else if (a === '--ops') o.ops = val().split(',');
    else if (a === '--warmups') o.warmups = Number(val());
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--save-traces') o.traces = path.resolve(val());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!(o.iterations >= 1)) usage('--iterations must be ≥ 1');
  if (o.apps.some((a) => !ALL_APPS.includes(a))) usage(`--apps: one of ${ALL_APPS.join(', ')}`);
  if (!o.apps.includes('vanillajs')) usage('--apps must include vanillajs (ratios are to it)');
  if (o.smoke) o.iterations = 1;
  o.json ??= path.join(o.buildDir, o.smoke ? 'smoke.json' : 'result.json');
  // Overall bound: an iteration of three apps takes ≈ 1 min here (more under load); the smoke test ≈ 1 min.
  o.timeout ??= o.smoke ? 220 : 120 + 150 * o.iterations;
  return o;
}

function usage(msg) {
  const text = 'usage: node tools/bench/jsfb/run.mjs [--iterations N (10)] [--smoke] [--require dx] [--dx-dist DIR | --dx-project DIR]\n' +
    '       [--build-dir DIR (build/jsfb)] [--json FILE] [--apps dx,vanillajs,solid] [--ops 01,07,…] [--warmups W (5)] [--timeout SECONDS] [--save-traces DIR]\n' +
    '  env: DXC=path/to/dxc builds samples/jsfb into the build dir; JSFB_REQUIRE=dx is --require dx';
  if (msg) { console.error(`run.mjs: ${msg}\n${text}`); process.exit(2); }
  console.log(text); process.exit(0);
}

const o = parseArgs(process.argv.slice(2));
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
let browser, server, timedOut = false;
const watchdog = setTimeout(async () => {
  timedOut = true;
  console.error(`FAIL: the run exceeded its overall timeout of ${o.timeout} s`);
  if (o.smoke) console.log('jsfb smoke: 0 passed, 1 failed');
  process.exitCode = 1;
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 3000))]);
  process.exit(1);
}, o.timeout * 1000);

try {
  await main();
} catch (e) {
  if (!timedOut) console.error(`FAIL: ${e.message ?? e}`);
  if (o.smoke) console.log('jsfb smoke: 0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  clearTimeout(watchdog);
}

async function main() {
  console.log(`jsfb ${o.smoke ? 'smoke test' : `benchmark, ${o.iterations} iterations`}; ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (!o.smoke) { try { console.log(execSync('top -bn1 | sed -n "1,3p;7,11p"', { encoding: 'utf8', timeout: 5000 }).trimEnd()); } catch { /* no top */ } }
  mkdirSync(o.buildDir, { recursive: true });
  if (o.traces) mkdirSync(o.traces, { recursive: true });
  const dirs = { vanillajs: vanillaDir };
  if (o.apps.includes('solid')) dirs.solid = await buildSolid(o.buildDir);
  if (o.apps.includes('dx')) {
    const dx = locateDx({ dxDist: o.dxDist, dxProject: o.dxProject, buildDir: o.buildDir });
    if (dx.dir) dirs.dx = dx.dir;
    else if (o.require.has('dx')) throw new Error(`the dx app is required (--require dx) but missing: ${dx.missing}`);
    else console.log(`SKIP dx: ${dx.missing}\n  (the run goes on with the other apps; pass --require dx or JSFB_REQUIRE=dx to make this a failure)`);
  }
  const apps = o.apps.filter((a) => dirs[a]);
  const mounts = { '/css/': cssDir };
  for (const a of apps) mounts[`/frameworks/keyed/${a}/`] = dirs[a];
  server = await startServer(mounts);
  const url = (a) => `${server.origin}/frameworks/keyed/${a}/`;
  console.log(`serving ${apps.map((a) => `${a} (${path.relative(root, dirs[a]) || dirs[a]})`).join(', ')} on ${server.origin}`);
  browser = await launch();

  for (const a of apps) {
    try { await runChecks(browser, url(a), (line) => console.log(`  ok ${a}: ${line}`)); }
    catch (e) { throw new Error(`${a} failed a correctness check: ${e.message}`); }
  }
  console.log(`checks passed for ${apps.join(', ')} (${elapsed()})`);

  const ops = operations(o.smoke ? { W: 1, U: 1 } : { W: o.warmups ?? 5, U: Math.min(3, o.warmups ?? 3) })
    .filter((op) => !o.ops || o.ops.some((p) => op.id.startsWith(p)));
  const results = Object.fromEntries(apps.map((a) => [a, { ops: Object.fromEntries(ops.map((op) => [op.id, []])), load: [] }]));
  for (let it = 0; it < o.iterations; it++) {
    const order = apps.map((_, k) => apps[(k + it) % apps.length]); // interleaved, rotated each iteration
    for (const op of ops) {
      const cells = [];
      for (const a of order) {
        let r;
        const saveTrace = o.traces && path.join(o.traces, `${a}_${op.id}_${it}.json`);
        try { r = await measureOp(browser, url(a), op, { saveTrace }); } catch (e) { throw new Error(`${a} ${op.id}: ${e.message}`); }
        if (!(r.total > 0)) throw new Error(`${a} ${op.id}: a non-positive duration ${r.total}`);
        results[a].ops[op.id].push(r);
        cells.push(`${a} ${r.total.toFixed(1)} (script ${r.script.toFixed(1)})`);
      }
      console.log(`[${it + 1}/${o.iterations}] ${op.id.padEnd(22)} ${cells.join('  ')}`);
    }
    for (const a of order) {
      try { results[a].load.push(await loadPass(browser, url(a))); } catch (e) { throw new Error(`${a} load pass: ${e.message}`); }
    }
    console.log(`[${it + 1}/${o.iterations}] load pass done (${elapsed()})`);
  }

  const summary = summarize(apps, ops, results);
  console.log(`\nmedians of ${o.iterations} (ms; total = click → end of the next commit, script = JS/wasm time inside it)\n`);
  console.log(formatTable(apps, summary));
  writeFileSync(o.json, JSON.stringify({ date: new Date().toISOString(), smoke: o.smoke, iterations: o.iterations,
    chromium: browser.version(), cores: os.cpus().length, apps, dirs, skipped: o.apps.filter((a) => !dirs[a]),
    summary, results }, null, 1));
  console.log(`\nJSON: ${o.json}  (${elapsed()})`);
  if (o.smoke) console.log(`jsfb smoke: 1 passed, 0 failed`);
}
