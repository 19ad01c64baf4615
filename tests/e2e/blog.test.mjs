// samples/blog: file routing end to end in Chromium. Static pages are prerendered files; /blog/:slug and
// /docs/*rest are rendered per request by dx-server with the app's own code (app.so) inside the page shell;
// unknown paths get the 404 page. With JavaScript off every page is complete and its links navigate; with it
// on, a page resumes without touching the DOM, its handlers work, and links become client navigations whose
// result equals a full load of the same URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build, dxcServe, launch, outDir, root, serve, recordMutations } from './harness.mjs';

let browser, server;
// --test-hooks: ?dx-hold=MS streams a page's <Suspense> boundaries (the post page's related posts), MS apart.
before(async () => { browser = await launch(); server = await serve(build('blog', 'blog'), ['--test-hooks']); });
after(async () => { await browser?.close(); await server?.stop(); });

const url = (p) => new URL(p, server.url).href;

test('with JavaScript off, static, param, catch-all and 404 pages render fully and links navigate', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(url('/'));
  assert.equal(await page.textContent('h1'), 'Welcome');
  assert.equal(await page.locator('.latest li').count(), 3);
  assert.equal(await page.textContent('.site footer'), 'Built with dx');  // the site layout

  await page.click('.latest a >> nth=1');
  await page.waitForURL(/\/blog\/routing$/);
  assert.equal(await page.textContent('article h1'), 'File routing with a binary trie');
  assert.equal(await page.locator('article p').count(), 2);
  assert.equal(await page.locator('.blog aside li').count(), 3);          // the nested blog layout
  assert.equal(await page.textContent('.site footer'), 'Built with dx');   // inside the site layout
  assert.equal(await page.locator('.related li').count(), 2);              // its <Suspense>, not held: in place
  assert.equal(await page.locator('.loading').count(), 0);

  await page.click('#nav-about');
  await page.waitForURL(/\/about\/?$/);
  await page.click('#about-docs');
  await page.waitForURL(/\/docs\/routing\/params$/);
  assert.equal(await page.textContent('.docs code'), 'routing/params');   // a catch-all gets the rest of the path

  const missing = await page.goto(url('/no/such/page'));
  assert.equal(missing.status(), 404);
  assert.equal(await page.textContent('.not-found h1'), 'Page not found');
  await page.click('.not-found a');
  await page.waitForURL(/\/blog\/?$/);
  assert.equal(await page.locator('.posts li').count(), 3);
  await ctx.close();
});

test('params are text wherever they are rendered', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const res = await page.goto(url('/blog/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%22%26'));
  assert.equal(res.status(), 200);
  assert.equal(await page.textContent('h1.missing'), 'No post called “<img src=x onerror=alert(1)>"&”');
  assert.equal(await page.locator('article img').count(), 0);
  await ctx.close();
});

test('with JavaScript on, a per-request page resumes with zero DOM mutations and its handlers work', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await recordMutations(page);
  await page.goto(url('/blog/hello-dx'));
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  assert.deepEqual(await page.evaluate(() => window.__mutations), []);
  await page.click('.likes');
  assert.equal(await page.textContent('.likes'), '1 like');
  await page.click('.likes');
  assert.equal(await page.textContent('.likes'), '2 likes');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a streamed page shows the fallback, then the boundary in place; it resumes untouched and the streamed part works', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await recordMutations(page);
  await page.goto(url('/blog/hello-dx?dx-hold=1500'), { waitUntil: 'commit' });
  // The shell arrives first: the post, and the fallbacks where the layout's post list and the related posts go.
  await page.waitForSelector('p.loading', { timeout: 5000 });
  assert.equal(await page.textContent('article h1'), 'Hello, dx');
  assert.equal(await page.locator('.related').count(), 0);
  assert.equal(await page.locator('.blog aside li').count(), 0);
  // The layout's boundary (created first) comes first, and is put in place while the document still loads.
  await page.waitForSelector('.blog aside li', { timeout: 10000 });
  assert.equal(await page.locator('.loading-posts').count(), 0);
  assert.equal(await page.locator('.related').count(), 0);
  assert.equal(await page.locator('p.loading').count(), 1);
  assert.equal(await page.evaluate(() => document.readyState), 'loading');
  assert.equal(await page.locator('.blog aside li').count(), 3);
  await page.waitForSelector('.related', { timeout: 10000 });
  assert.equal(await page.locator('p.loading').count(), 0);
  // In place of the fallback: after the post's like button, inside the article.
  assert.equal(await page.evaluate(() => document.querySelector('.likes').nextElementSibling.className), 'related');
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  assert.deepEqual(await page.evaluate(() => window.__mutations), []);   // resumed: no DOM work after load
  assert.equal(await page.locator('template, script[type="application/dx-activate"]').count(), 0);
  await page.click('.dates');                                            // a handler inside the streamed part
  assert.equal(await page.textContent('.dates'), 'Hide dates');
  assert.equal(await page.locator('.related time').count(), 2);
  await page.click('.likes');
  assert.equal(await page.textContent('.likes'), '1 like');
  // What the stream ends with is what a page rendered in one piece is.
  const streamed = await page.evaluate(() => document.getElementById('dx-root').innerHTML);
  await page.goto(url('/blog/hello-dx'));
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  await page.click('.dates');
  await page.click('.likes');
  assert.equal(await page.evaluate(() => document.getElementById('dx-root').innerHTML), streamed);
  // A client navigation to a streamed page activates its chunks before showing it.
  await page.evaluate(() => window.__dx.navigate('/blog/routing?dx-hold=100'));
  await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'File routing with a binary trie');
  assert.equal(await page.locator('.related li').count(), 2);
  assert.equal(await page.locator('p.loading').count(), 0);
  await page.click('.dates');
  assert.equal(await page.locator('.related time').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('links are client navigations that give what a full load gives, back and forward included', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url('/'));
  await page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  await page.evaluate(() => { window.__marker = 'same document'; });
  await page.click('#home-counter');
  assert.equal(await page.textContent('#home-counter'), 'clicked 1 times');

  await page.click('.latest a >> nth=2');  // a per-request page, fetched and resumed in place
  await page.waitForURL(/\/blog\/resumability$/);
  await page.waitForSelector('article h1');
  assert.equal(await page.textContent('article h1'), 'Zero DOM work on load');
  assert.equal(await page.evaluate(() => window.__marker), 'same document');
  await page.click('.likes');
  assert.equal(await page.textContent('.likes'), '1 like');
  const navigated = await page.innerHTML('#dx-root');

  await page.click('#nav-blog');
  await page.waitForURL(/\/blog\/?$/);
  await page.waitForSelector('.posts');
  assert.equal(await page.evaluate(() => window.__marker), 'same document');

  await page.goBack();
  await page.waitForURL(/\/blog\/resumability$/);
  await page.waitForSelector('article h1');
  assert.equal(await page.textContent('article h1'), 'Zero DOM work on load');
  await page.goBack();
  await page.waitForURL((u) => new URL(u).pathname === '/');
  await page.waitForSelector('#home-counter');
  assert.equal(await page.textContent('#home-counter'), 'clicked 0 times');  // the page as a load of / gives it
  assert.equal(await page.evaluate(() => window.__marker), 'same document');
  assert.deepEqual(errors, []);

  // A full load of the post shows the same DOM as the navigation did (before its click).
  const fresh = await browser.newPage();
  await fresh.goto(url('/blog/resumability'));
  await fresh.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  await fresh.click('.likes');
  assert.equal(await fresh.innerHTML('#dx-root'), navigated);
  await fresh.close();
  await page.close();
});

test('under dxc serve (no server module), a param page is rendered in the browser from the shell', async () => {
  const out = path.join(outDir, 'blog-serve');
  const dev = await dxcServe(path.join(root, 'samples/blog'), out);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('/blog/routing', dev.url).href);
    await page.waitForSelector('article h1');
    assert.equal(await page.textContent('article h1'), 'File routing with a binary trie');
    await page.click('.likes');
    assert.equal(await page.textContent('.likes'), '1 like');
    const missing = await page.goto(new URL('/nowhere/at/all', dev.url).href);
    assert.equal(missing.status(), 404);
    await page.waitForSelector('.not-found h1');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await dev.stop();
  }
});
