// tests/e2e/apps/hbtp: "hbtp": true in dx.config.json ships the dx.js that carries the HBTP client
// (runtime-wasm/js/hbtp.js, bundled in as window.__dx.hbtp). In Chromium against dx-server: the page's own
// script (public/rpc.js) calls a method over WebSocket at /_dx/hbtp; then, from the page, a Ping, RPC calls,
// an unknown method, overlapping requests and the close handshake. The app itself keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build, launch, open, serve } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(build('../tests/e2e/apps/hbtp')); });
after(async () => { await server?.stop(); await browser?.close(); });

test('the page talks HBTP to dx-server with the client in dx.js', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.waitForFunction(() => document.getElementById('rpc').textContent !== '(waiting)', null, { timeout: 10000 });
  assert.equal(await page.locator('#rpc').textContent(), 'echo: héllo ✓', "the page's script got the echo");
  const got = await page.evaluate(async () => {
    const { connect, METHOD, OP } = window.__dx.hbtp;
    const text = (u8) => new TextDecoder().decode(u8);
    const h = await connect();
    const out = { version: h.hello.version, opPong: OP.Pong };
    out.ping = Array.from(await h.ping(new Uint8Array([0, 1, 255])));
    const t = await h.call(METHOD.serverTime);
    out.skewMs = Math.abs(Number(new DataView(t.buffer, t.byteOffset).getBigUint64(0, true)) - Date.now());
    try { await h.call(4321, 'x'); out.unknown = 'resolved'; } catch (e) { out.unknown = e.status; }
    const calls = [];
    for (let i = 0; i < 100; i++) calls.push(i % 2 ? h.call(METHOD.echo, `n${i}`) : h.ping(`p${i}`));
    out.overlapOk = (await Promise.all(calls)).every((u8, i) => text(u8) === (i % 2 ? `n${i}` : `p${i}`));
    out.close = await h.close();
    try { await h.ping(); out.afterClose = 'resolved'; } catch (e) { out.afterClose = e.message; }
    return out;
  });
  assert.equal(got.version, 1);
  assert.equal(got.opPong, 0x03);
  assert.deepEqual(got.ping, [0, 1, 255], 'the Pong carries the Ping payload');
  assert.ok(got.skewMs < 5000, `server_time is now (off by ${got.skewMs} ms)`);
  assert.ok(got.unknown > 0, `an unknown method rejects with its status (${got.unknown})`);
  assert.equal(got.overlapOk, true, 'overlapping requests each get their own answer');
  assert.equal(got.close, 1000);
  assert.match(got.afterClose, /closed/);
  await page.click('#inc');
  assert.equal(await page.locator('#inc').textContent(), 'clicked 1');
  assert.deepEqual(errors, []);
  await page.close();
});
