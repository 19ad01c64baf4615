// End to end: samples/counter and samples/todo compiled by dxc, served by dx-server, used in Chromium.
// Besides the DOM, each test checks that dx.js is the only script the page ran and that every change came
// from a wasm dispatch (dx.js counts dispatches and applied ops).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { build, launch, open, outDir, serve, serveStatic, stats } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function onlyDxJs(page, scripts) {
  assert.deepEqual(scripts.map((s) => s.split('/').pop()), ['dx.js'], 'the page loaded a script other than dx.js');
  // The only code is dx.js; the resumption snapshot's <script type="application/dx-state"> is data, never run.
  const inline = await page.evaluate(() => [...document.scripts]
    .filter((s) => s.type !== 'application/dx-state')
    .map((s) => s.src ? new URL(s.src).pathname.split('/').pop() : 'inline'));
  assert.deepEqual(inline, ['dx.js']);
}

describe('samples/counter', () => {
  let server;
  before(async () => { server = await serve(build('counter')); });
  after(async () => { assert.equal(await server.stop(), 0, 'dx-server should exit 0 on SIGTERM'); });

  test('renders from wasm and counts', async () => {
    const { page, scripts, errors } = await open(browser, server.url);
    const text = (sel) => page.locator(sel).textContent();
    assert.equal(await text('#count'), '0');
    assert.equal(await text('#doubled'), '0');
    assert.match(await page.locator('main p').first().textContent(), /Count: 0 \(even\)/);
    assert.equal(await page.locator('#reset').getAttribute('class'), 'muted');
    const before = await stats(page);
    for (let i = 0; i < 3; i++) await page.click('#inc');
    assert.equal(await text('#count'), '3');
    assert.equal(await text('#doubled'), '6');
    assert.match(await page.locator('main p').first().textContent(), /Count: 3 \(odd\)/);
    assert.equal(await page.locator('#reset').getAttribute('class'), 'active');
    await page.click('#half');
    assert.equal(await text('#count'), '1.5', 'String(1.5) computed in wasm');
    assert.equal(await text('#doubled'), '3');
    await page.click('#half');
    await page.click('#half');
    assert.equal(await text('#count'), '0.375');
    await page.click('#dec');
    assert.equal(await text('#count'), '-0.625');
    await page.click('#reset');
    assert.equal(await text('#count'), '0');
    assert.equal(await page.locator('#reset').getAttribute('class'), 'muted');
    const afterStats = await stats(page);
    assert.equal(afterStats.dispatches - before.dispatches, 8, 'each click is one wasm dispatch');
    assert.ok(afterStats.ops > before.ops, 'the DOM changes came from wasm op batches');
    await onlyDxJs(page, scripts);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('samples/todo', () => {
  let server;
  before(async () => { server = await serve(build('todo')); });
  after(async () => { assert.equal(await server.stop(), 0); });

  test('add, toggle, delete, count', async () => {
    const { page, scripts, errors } = await open(browser, server.url);
    const items = page.locator('ul.todo-list > li');
    assert.equal(await items.count(), 0);
    assert.equal(await page.locator('p.empty').textContent(), 'Nothing to do.');
    assert.equal(await page.locator('p.count').count(), 0);

    await page.fill('#new-todo', 'Buy milk');
    await page.press('#new-todo', 'Enter');
    assert.equal(await items.count(), 1);
    assert.equal(await items.nth(0).locator('.text').textContent(), 'Buy milk');
    assert.equal(await page.inputValue('#new-todo'), '', 'the draft is cleared after adding');
    assert.equal(await page.locator('p.count').textContent(), '1 item left');
    assert.equal(await page.locator('p.empty').count(), 0);

    // Keyed rows: adding an item keeps the existing row's DOM node.
    await items.nth(0).evaluate((li) => { li.dataset.marker = 'kept'; });
    await page.fill('#new-todo', 'Walk the dog');
    await page.click('#add');
    assert.equal(await items.count(), 2);
    assert.equal(await items.nth(0).getAttribute('data-marker'), 'kept');
    assert.equal(await items.nth(1).locator('.text').textContent(), 'Walk the dog');
    assert.equal(await items.nth(1).locator('.delete').getAttribute('aria-label'), 'Delete Walk the dog');
    assert.equal(await page.locator('p.count').textContent(), '2 items left');

    await items.nth(0).locator('.toggle').click();
    assert.equal(await items.nth(0).getAttribute('class'), 'todo done');
    assert.equal(await items.nth(0).locator('.toggle').isChecked(), true);
    assert.equal(await page.locator('p.count').textContent(), '1 item left');
    await items.nth(0).locator('.toggle').click();
    assert.equal(await items.nth(0).getAttribute('class'), 'todo');
    assert.equal(await page.locator('p.count').textContent(), '2 items left');

    await items.nth(0).locator('.delete').click();
    assert.equal(await items.count(), 1);
    assert.equal(await items.nth(0).locator('.text').textContent(), 'Walk the dog');
    assert.equal(await page.locator('p.count').textContent(), '1 item left');
    await items.nth(0).locator('.delete').click();
    assert.equal(await items.count(), 0);
    assert.equal(await page.locator('p.empty').textContent(), 'Nothing to do.');

    // Empty input adds nothing; non-ASCII text survives the round trip through wasm.
    await page.press('#new-todo', 'Enter');
    assert.equal(await items.count(), 0);
    await page.fill('#new-todo', 'Café ☕ 日本 😀');
    await page.press('#new-todo', 'Enter');
    assert.equal(await items.nth(0).locator('.text').textContent(), 'Café ☕ 日本 😀');

    const s = await stats(page);
    assert.ok(s.dispatches >= 10, `dispatches: ${s.dispatches}`);
    await onlyDxJs(page, scripts);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('dist/ portability and precompressed files', () => {
  test('a dist/ works as plain static files under a sub-path', async () => {
    build('counter', 'nested/sub');  // → <out>/nested/sub/counter
    const web = await serveStatic(outDir);
    try {
      const { page, errors } = await open(browser, web.url + 'nested/sub/counter/');
      await page.click('#inc');
      assert.equal(await page.locator('#count').textContent(), '1');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await web.stop();
    }
  });

  test('dx-server serves the .br/.gz copies dxc build wrote', async () => {
    const server = await serve(build('counter', 'encodings'));
    let code;
    try {  // (a failed check must not leave dx-server running: the run would wait for it)
      const res = await fetch(server.url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<script src="dx.js" data-build="[0-9a-f]{16}" defer><\/script>\n<\/head>/, 'no dev client in dxc build');
      const wasm = await fetch(server.url + 'app.wasm');
      assert.equal(wasm.headers.get('content-type'), 'application/wasm');
      // dxc wrote app.wasm.br and .gz; dx-server picks one by Accept-Encoding (fetch decompresses it again).
      for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
        const r = await fetch(server.url + 'app.wasm', { headers: { 'accept-encoding': accept } });
        assert.equal(r.headers.get('content-encoding'), encoding, `Accept-Encoding: ${accept}`);
        assert.match(r.headers.get('vary') ?? '', /Accept-Encoding/i);
        const bytes = new Uint8Array(await r.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d], 'the same wasm module whatever the encoding');
      }
    } finally {
      code = await server.stop();
    }
    assert.equal(code, 0);
  });
});
