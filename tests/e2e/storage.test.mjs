// tests/e2e/apps/storage: localStorage.getItem / setItem / removeItem through dx.js's ls_* imports; a value
// survives a reload, and non-ASCII text round-trips.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build, launch, open, serve } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(build('../tests/e2e/apps/storage')); });
after(async () => { await server?.stop(); await browser?.close(); });

test('localStorage survives a reload', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();
  assert.equal(await text('#note'), '(none)', 'getItem of a missing key is null');
  await page.click('#save');
  assert.equal(await text('#note'), '(none)+é😀');
  assert.equal(await page.evaluate(() => localStorage.getItem('dx-note')), '(none)+é😀');
  await page.reload();
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0);
  assert.equal(await text('#note'), '(none)+é😀', 'read back at start after the reload');
  await page.click('#save');
  assert.equal(await text('#note'), '(none)+é😀+é😀');
  await page.click('#forget');
  assert.equal(await text('#note'), '(none)');
  assert.equal(await page.evaluate(() => localStorage.getItem('dx-note')), null);
  assert.deepEqual(errors, []);
  await page.close();
});
