// Server rendering in Chromium: `dxc build` prerenders the entry page with dist/_server/app.so (app.wasm
// translated by wasm2c, run natively), so
//   - with JavaScript off the page shows its full content (progressive enhancement);
//   - the prerendered markup is exactly what the client renders when it renders the page itself (the
//     state snapshot removed from the page; comments aside: the server keeps adjacent text nodes apart
//     with an empty comment);
//   - with the snapshot, dx.js resumes: zero DOM mutations on load, and the first interaction works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, launch, serve, recordMutations } from './harness.mjs';

const apps = [
  { name: 'counter', dir: 'counter', root: 'dx-root', text: ['Count: 0 (even)', 'Doubled: 0'],
    async interact(page) {
      await page.click('#inc');
      await page.click('#inc');
      assert.equal(await page.textContent('#count'), '2');
      assert.equal(await page.textContent('#doubled'), '4');
    } },
  { name: 'todo', dir: 'todo', root: 'dx-root', text: ['Nothing to do.'],
    async interact(page) {
      await page.fill('#new-todo', 'resumed');
      await page.click('#add');
      await page.waitForSelector('.todo-list li');
      assert.match(await page.textContent('.todo-list'), /resumed/);
    } },
  // jsfb's shell links /css/currentStyle.css, which the public harness serves (tools/bench/jsfb): a 404 here.
  { name: 'jsfb', dir: 'jsfb', root: 'main', text: ['Create 1,000 rows', 'Swap Rows'], missingCss: true,
    async interact(page) {
      await page.click('#run');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1000);
      await page.click('tbody tr:nth-child(3) td:nth-child(2) a');
      assert.equal(await page.locator('tr.danger').count(), 1);
    } },
  { name: 'kitchen', dir: '../tests/e2e/apps/kitchen', root: 'dx-root', text: [] },
];

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
});

const stripComments = (html) => html.replace(/<!--[^]*?-->/g, '');

for (const app of apps) {
  test(`${app.name}: prerendered with the app's own code, equal to the client render, complete with JS off`, async () => {
    const dist = build(app.dir, 'ssr');
    assert.ok(statSync(path.join(dist, '_server', 'app.so')).size > 0, 'dist/_server/app.so is written');
    const shell = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const server = await serve(dist);
    servers.push(server);

    // JavaScript off: the browser shows the prerendered page as it is.
    const off = await browser.newContext({ javaScriptEnabled: false });
    const p0 = await off.newPage();
    await p0.goto(server.url);
    const served = await p0.evaluate((id) => document.getElementById(id).innerHTML, app.root);
    const visible = await p0.evaluate((id) => document.getElementById(id).innerText, app.root);
    await off.close();
    assert.ok(served.length > 0, 'the mount element is not empty with JavaScript off');
    for (const t of app.text) assert.ok(visible.includes(t), `"${t}" is visible with JavaScript off; got:\n${visible}`);
    assert.match(shell, new RegExp(`id="${app.root}"><`), 'index.html carries the prerendered markup');

    // JavaScript on, the snapshot removed: dx.js renders the page itself; the result is the same markup.
    const { page, errors } = await openWith(server.url, (html) => html.replace(/<script type="application\/dx-state"[^]*?<\/script>/, ''));
    // Properties the client set (value, checked, selected) appear as the attributes the server wrote.
    const client = await page.evaluate((id) => {
      const root = document.getElementById(id);
      for (const e of root.querySelectorAll('input, textarea, select, option')) {
        if (e.value && (e.tagName === 'INPUT')) e.setAttribute('value', e.value);
        if (e.checked) e.setAttribute('checked', '');
        if (e.selected) e.setAttribute('selected', '');
      }
      return root.innerHTML;
    }, app.root);
    await page.close();
    assert.deepEqual(errors.filter((e) => !(app.missingCss && /Failed to load resource.*404/.test(e))), []);
    assert.equal(stripComments(served), stripComments(client));

    // JavaScript on, as served: dx.js resumes the server's state without touching the DOM, then works.
    const resumed = await openWith(server.url);
    const r = await resumed.page.evaluate(async () => {
      await new Promise((done) => setTimeout(done, 50));  // let pending mutation records arrive
      return { mutations: window.__mutations, stats: { ...window.__dx.stats } };
    });
    assert.deepEqual(r.mutations, [], 'no DOM mutation while resuming');
    assert.equal(r.stats.dispatches, 0);
    if (app.interact) await app.interact(resumed.page);
    assert.deepEqual(resumed.errors.filter((e) => !(app.missingCss && /Failed to load resource.*404/.test(e))), []);
    await resumed.page.close();
  });
}

// Opens `url` with a MutationObserver on the whole document from the first script on, optionally rewriting
// the HTML document on its way to the browser.
async function openWith(url, rewrite) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // From DOMContentLoaded on (the parser's insertions are over; dx.js starts once app.wasm is fetched).
  await recordMutations(page);
  if (rewrite) {
    await page.route(url, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: rewrite(await res.text()) });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  return { page, errors };
}

test('dx-server never serves the server module', async () => {
  const server = servers[0];
  assert.ok(server, 'an app was served');
  for (const p of ['_server/app.so', '_server/', '_server']) {
    const res = await fetch(new URL(p, server.url));
    assert.equal(res.status, 404, `/${p} answers ${res.status}`);
  }
});
