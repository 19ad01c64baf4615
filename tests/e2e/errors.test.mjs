// tests/e2e/apps/errors: `throw new Error(message)` in a handler aborts it, the console shows the message
// with the throw's source location, the writes made before the throw are rendered (as in JS) and the app
// keeps running. console.log / warn reach the browser's console. The app has try/catch, so its throws are
// wasm exceptions: caught ones are not reported, uncaught ones are reported as traps are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build, launch, open, serve } from './harness.mjs';

let browser, server, startServer;
before(async () => {
  browser = await launch();
  server = await serve(build('../tests/e2e/apps/errors'));
  // errors-start throws while its page is first created: what is tested is the browser's recovery, so it is
  // built without the server module (dxc build would refuse to prerender it: DX0411).
  startServer = await serve(build('../tests/e2e/apps/errors-start', '', ['--no-ssr']));
});
after(async () => { await server?.stop(); await startServer?.stop(); await browser?.close(); });

test('throw new Error in a handler', async () => {
  const { page, errors } = await open(browser, server.url);
  const logs = [];
  page.on('console', (m) => { if (m.type() !== 'error') logs.push(`${m.type()}: ${m.text()}`); });
  const text = (sel) => page.locator(sel).textContent();
  await page.click('#boom');
  await page.waitForFunction(() => document.querySelector('#count').textContent === '1');
  assert.equal(await text('#label'), 'start', 'the handler stopped at the throw');
  assert.deepEqual(errors, ['Error: odd count 1\n    at pages/index.tsx:4:20']);
  await page.click('#inc');
  assert.equal(await text('#count'), '2', 'the next event works');
  assert.deepEqual(logs, [`log: count is 2 [ 2, -0 ] [ "a'b" ]`, 'warning: { n: 2, ok: true }'], 'console.log / warn as node formats them');
  await page.click('#boom');
  assert.equal(await text('#count'), '3');
  await page.click('#plain');
  assert.equal(await text('#label'), 'plain');
  assert.deepEqual(errors.slice(1), ['Error: odd count 3\n    at pages/index.tsx:4:20', 'Error\n    at pages/index.tsx:18:5']);
  await page.close();
});

test('try/catch/finally in a handler: the catch sees the error, nothing is reported, finally runs', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();
  await page.click('#safe');  // count 0: even
  assert.equal(await text('#caught'), 'even 0');
  assert.equal(await text('#count'), '1');
  await page.click('#safe');  // count 1: check throws, the catch takes it
  assert.equal(await text('#caught'), 'Error: odd count 1');
  assert.equal(await text('#count'), '2');
  assert.deepEqual(errors, [], 'a caught error is not reported');
  await page.click('#boom');  // count 3, uncaught: reported as ever, the app keeps running
  await page.waitForFunction(() => document.querySelector('#count').textContent === '3');
  assert.deepEqual(errors, ['Error: odd count 3\n    at pages/index.tsx:4:20']);
  await page.click('#inc');
  await page.click('#safe');
  assert.equal(await text('#caught'), 'even 4');
  await page.close();
});

test('throw new Error while rendering the page', async () => {
  const { page, errors } = await open(browser, startServer.url);
  assert.deepEqual(errors, ['Error: render failed 3\n    at pages/index.tsx:2:14']);
  await page.close();
});
