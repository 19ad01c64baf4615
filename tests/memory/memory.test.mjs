// Memory model check (runtime-wasm/ABI.md): a compiled app whose handler allocates and drops strings,
// records, arrays and closures, and replaces a keyed list, is dispatched 100,000 times in node (app.wasm
// instantiated directly; the op batches are read, not applied). Linear memory must stop growing: its size
// after 20,000 dispatches equals its size after 100,000.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const here = path.dirname(new URL(import.meta.url).pathname);
const dxc = process.env.DXC ?? path.resolve(here, '../../build/dev/compiler/dxc');

test('100,000 dispatches that allocate and drop objects: linear memory stops growing', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'dx-memory-'));
  try {
    // --no-ssr: this test is about the wasm the browser runs; server rendering has its own (tests/e2e/ssr.test.mjs).
    const r = spawnSync(dxc, ['build', path.join(here, 'churn'), '-o', out, '-q', '--no-ssr'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(out, "app.wasm")), { dx: Object.assign(Object.create(Math), { seed: () => 1, now: () => 0, perf_now: () => 0 }) });
    const x = instance.exports;
    x.__wasm_call_ctors?.();
    // The first batch: find the click handler's LISTEN op (14: node, event, handler, flags).
    let batch = x.dx_start() >>> 2;
    const u32 = new Uint32Array(x.memory.buffer);
    const [opWords, ops] = [u32[batch], u32[batch + 1] >>> 2];
    const arity = { 1: 3, 3: 2, 4: 3, 5: 2, 6: 3, 7: 3, 8: 2, 9: 3, 10: 3, 11: 1, 12: 1, 13: 1, 14: 4, 15: 1 };
    let listen = null;
    for (let i = ops; i < ops + opWords;) {
      const op = u32[i];
      if (op === 2) { i += 3 + u32[i + 2]; continue; }
      if (op === 14) listen = { node: u32[i + 1], handler: u32[i + 3] };
      i += 1 + arity[op];
    }
    assert.ok(listen, 'the page registers its click handler');
    const opWordsOfBatch = () => new Uint32Array(x.memory.buffer)[batch];  // the latest batch's op count
    const sizes = {};
    for (let i = 1; i <= 100000; i++) {
      batch = x.dx_dispatch(listen.handler, listen.node, 0, 0, 0) >>> 2;
      if (i === 1) assert.ok(opWordsOfBatch() > 100, 'a dispatch rebuilds the list (it writes ops)');
      if (i === 20000 || i === 100000) sizes[i] = x.memory.buffer.byteLength;
    }
    console.log(`linear memory: ${sizes[20000]} bytes after 20,000 dispatches, ${sizes[100000]} after 100,000`);
    assert.equal(sizes[100000], sizes[20000]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
