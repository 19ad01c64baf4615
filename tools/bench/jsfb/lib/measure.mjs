// One measured iteration of one operation on one app, and one page-load pass (first paint, bytes, memory).
import { writeFileSync } from 'node:fs';
import { CATEGORIES, analyze } from './trace.mjs';
import { click, gc, openPage, sleep, waitFor } from './page.mjs';
import { rowsAre } from './ops.mjs';

// Fresh page → setup and warm-ups → forced GC → CPU throttling → trace the click until the check passes → analyze.
export async function measureOp(browser, url, op, { saveTrace } = {}) {
  const { page, cdp, errors } = await openPage(browser, url);
  try {
    await op.init(page);
    await gc(page);
    if (op.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: op.throttle });
    await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
    let trace;
    try {
      await op.run(page);
      await sleep(40);
    } finally {
      trace = await browser.stopTracing();
    }
    if (op.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (saveTrace) writeFileSync(saveTrace, trace);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return analyze(JSON.parse(trace.toString('utf8')).traceEvents);
  } finally {
    await page.close();
  }
}

// Fresh page with the Network domain on: bytes on the wire for everything the page loads (CDP
// Network.loadingFinished encodedDataLength: body + headers; and the bodies alone from Content-Length), first
// contentful paint; then create 10,000 rows, clear, forced GC, and the memory: the used JS heap
// (Runtime.getHeapUsage) plus the size of every live WebAssembly.Memory (found with Runtime.queryObjects; a wasm
// memory lives outside the JS heap and never shrinks).
export async function loadPass(browser, url) {
  const reqs = new Map();
  let inflight = 0;
  const network = async (cdp) => {
    cdp.on('Network.requestWillBeSent', (e) => { if (!reqs.has(e.requestId)) { inflight++; reqs.set(e.requestId, { url: e.request.url }); } });
    cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId); if (!r) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.body = Number(h['content-length'] ?? 0); r.encoding = h['content-encoding'] ?? 'identity'; r.status = e.response.status;
    });
    cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r && r.wire === undefined) { r.wire = e.encodedDataLength; inflight--; } });
    cdp.on('Network.loadingFailed', (e) => { const r = reqs.get(e.requestId); if (r && r.wire === undefined) { r.wire = 0; r.failed = e.errorText; inflight--; } });
    await cdp.send('Network.enable');
  };
  const { page, cdp, errors } = await openPage(browser, url, { network });
  try {
    const fcp = await waitFor(page, 'first-contentful-paint',
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false, undefined, 10000);
    for (let i = 0; i < 500 && inflight > 0; i++) await sleep(10);
    const files = [...reqs.values()].filter((r) => !r.url.startsWith('data:'))
      .map((r) => ({ path: new URL(r.url).pathname, status: r.status, encoding: r.encoding, body: r.body, wire: r.wire, failed: r.failed }));
    const app = files.filter((f) => !f.path.startsWith('/css/'));
    const sum = (list, k) => list.reduce((s, f) => s + (f[k] ?? 0), 0);

    await click(page, '#runlots'); await rowsAre(page, 10000);
    await click(page, '#clear'); await rowsAre(page, 0);
    await gc(page);
    await sleep(50);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await wasmMemoryBytes(cdp);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return {
      fcp,
      bytes: { app: sum(app, 'body'), appWire: sum(app, 'wire'), total: sum(files, 'body'), totalWire: sum(files, 'wire') },
      files,
      memory: { jsHeap: heap.usedSize, wasm, total: heap.usedSize + wasm },
    };
  } finally {
    await page.close();
  }
}

async function wasmMemoryBytes(cdp) {
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId, returnByValue: true,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }' });
  return sum.result.value;
}
