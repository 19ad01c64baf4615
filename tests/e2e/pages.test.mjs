// Several pages (tests/e2e/apps/pages): pages/about.tsx is /about, pages/blog/first-post.tsx is
// /blog/first-post. Each is its own prerendered HTML file (about/index.html), so links between them are plain
// anchors that work with JavaScript off; with JavaScript on, every page resumes its own snapshot (no DOM
// mutation on load) and its handlers work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { build, launch, serve, recordMutations } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(build('../tests/e2e/apps/pages')); });
after(async () => { await browser?.close(); await server?.stop(); });

test('with JavaScript off, every page is complete and the links navigate', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.url);
  assert.equal(await page.textContent('h1'), 'Home');
  await page.click('#to-about');
  await page.waitForURL(/\/about\/$/);
  assert.equal(await page.textContent('h1'), 'About');
  assert.equal(await page.textContent('#team'), 'Ada');
  await page.click('#to-blog');
  await page.waitForURL(/\/blog\/$/);
  await page.click('text=First post >> nth=1');
  await page.waitForURL(/\/blog\/first-post\/$/);
  assert.equal(await page.textContent('article h1'), 'First post');
  await ctx.close();
});

test('with JavaScript on, each page resumes without touching the DOM and its handlers work', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await recordMutations(page);
  const ready = async () => {
    await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    assert.deepEqual(await page.evaluate(() => window.__mutations), [], `no DOM mutation while ${page.url()} resumes`);
  };
  await page.goto(server.url);
  await ready();
  await page.click('#home-click');
  assert.equal(await page.textContent('#home-click'), 'home clicks: 1');

  await page.click('#to-about');
  await page.waitForURL(/\/about\/$/);
  await ready();
  await page.click('#more');
  await page.click('#more');
  assert.equal(await page.textContent('#team'), 'Ada, Grace, Linus');

  await page.click('#to-first');
  await page.waitForURL(/\/blog\/first-post\/$/);
  await ready();
  assert.match(await page.textContent('article'), /resumed by dx\.js/);
  assert.deepEqual(errors, []);
  await page.close();
});
