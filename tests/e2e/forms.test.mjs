// Forms and the URL's query (tests/e2e/apps/pages: pages/search.tsx reads it with useSearchParams, and the
// GET form in components/SearchForm.tsx sends it). dx-server renders that page per request with the query,
// so with JavaScript off the form works as any HTML form; with it on, dx.js turns the submission into a client
// navigation (no full load) and the page resumes the server's render; a build without the server module
// renders it in the browser from location.search.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { build, launch, serve, recordMutations } from './harness.mjs';

let browser, server, clientOnly;
before(async () => {
  browser = await launch();
  server = await serve(build('../tests/e2e/apps/pages', 'forms'));
  clientOnly = await serve(build('../tests/e2e/apps/pages', 'forms-no-ssr', ['--no-ssr']));
});
after(async () => { await browser?.close(); await server?.stop(); await clientOnly?.stop(); });

const url = (s, at) => s.url.replace(/\/$/, at);
const hits = (page) => page.$$eval('#hits li', (li) => li.map((x) => x.textContent));
const started = (page) => page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });

test('with JavaScript off, a GET form sends its fields and the server renders the page with them', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(url(server, '/'));
  await page.fill('#q', 'an');
  await page.click('#search-go');
  await page.waitForURL(/\/search\?q=an&order=asc$/);
  assert.equal(await page.textContent('#searched'), 'Results for “an”');
  assert.deepEqual(await hits(page), ['banana']);
  assert.equal(await page.inputValue('#q'), 'an');
  // Non-ASCII text and spaces, in the other order; the form on the results page searches again.
  await page.fill('#q', 'é c');
  await page.selectOption('#order', 'desc');
  await page.click('#search-go');
  await page.waitForURL(/q=%C3%A9\+c&order=desc$/);
  assert.equal(await page.textContent('#searched'), 'Results for “é c”');
  assert.deepEqual(await hits(page), ['café crème']);
  await page.goto(url(server, '/search?q=a&order=desc'));
  assert.deepEqual(await hits(page), ['grape', 'date', 'café crème', 'banana', 'apple']);
  await page.goto(url(server, '/search'));  // no query: every name reads as ""
  assert.equal(await page.textContent('#searched'), 'Results for “”');
  assert.equal(await page.textContent('#count'), '6 found');
  await ctx.close();
});

test('with JavaScript on, the form is a client navigation and the page resumes the server render', async () => {
  const page = await browser.newPage();
  const errors = [], docs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (r.resourceType() === 'document') docs.push(r.url()); });
  await page.goto(url(server, '/'));
  await started(page);
  await page.evaluate(() => { window.__marker = 1; });
  await page.fill('#q', 'rr');
  await page.click('#search-go');
  await page.waitForFunction(() => window.__dx.stats.navigations >= 1, null, { timeout: 10000 });
  assert.match(page.url(), /\/search\?q=rr&order=asc$/);
  assert.equal(await page.evaluate(() => window.__marker), 1, 'no full load');
  assert.equal(docs.length, 1);
  assert.equal(await page.textContent('#searched'), 'Results for “rr”');
  assert.deepEqual(await hits(page), ['cherry']);
  await page.click('#search-click');  // the resumed page's handlers work
  assert.equal(await page.textContent('#search-click'), 'clicks: 1');
  await page.fill('#q', 'zzz');
  await page.click('#search-go');
  await page.waitForFunction(() => window.__dx.stats.navigations >= 2, null, { timeout: 10000 });
  assert.deepEqual(await hits(page), ['nothing']);
  await page.goBack();  // popstate: the previous query's page again
  await page.waitForFunction(() => window.__dx.stats.navigations >= 3, null, { timeout: 10000 });
  assert.deepEqual(await hits(page), ['cherry']);
  assert.equal(await page.evaluate(() => window.__marker), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page reached with a query resumes without touching the DOM', async () => {
  const page = await browser.newPage();
  await recordMutations(page);
  await page.goto(url(server, '/search?q=ap&order=desc'));
  await started(page);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  assert.deepEqual(await page.evaluate(() => window.__mutations), []);
  assert.deepEqual(await hits(page), ['grape', 'apple']);
  await page.close();
});

test('without the server module, dx.js renders the page from location.search', async () => {
  const page = await browser.newPage();
  await page.goto(url(clientOnly, '/search?q=%C3%A9&order=asc'));
  await started(page);
  assert.equal(await page.textContent('#searched'), 'Results for “é”');
  assert.deepEqual(await hits(page), ['café crème']);
  await page.close();
});

const sent = (page) => page.textContent('#sent');

test('with JavaScript off, a POST form sends its fields and the server renders the page with them', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.goto(url(server, '/contact'));
  assert.equal(await sent(page), 'Nothing sent yet');  // a GET: every field reads as ""
  await page.fill('#name', 'Zoë & co + 1');
  await Promise.all([page.waitForNavigation(), page.click('#send')]);
  assert.deepEqual(posts, [url(server, '/contact')]);
  assert.equal(await sent(page), 'Thanks, Zoë & co + 1!');
  assert.equal(await page.textContent('#topic'), 'topic: a+b & c=d');
  assert.equal(await page.inputValue('#name'), 'Zoë & co + 1');
  await ctx.close();
});

test('a POST reaches only a page that reads a form, as a form sends it', async () => {
  const post = (at, data, type = 'application/x-www-form-urlencoded') =>
    fetch(url(server, at), { method: 'POST', headers: { 'Content-Type': type }, body: data });
  let r = await post('/contact', 'name=A%C3%A9+b&topic=t');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const html = await r.text();
  assert.match(html, /Thanks, Aé b!/);
  assert.match(html, /data-params="\{&quot;=name&quot;:&quot;Aé b&quot;,&quot;=topic&quot;:&quot;t&quot;\}"/);
  r = await post('/search?q=a', 'q=b');  // a page that reads the query, not a form
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD');
  assert.equal((await post('/about', 'x=1')).status, 405);  // a prerendered page
  assert.equal((await post('/contact', '--x\r\n', 'multipart/form-data; boundary=x')).status, 415);
  assert.equal((await post('/no/such/page', 'x=1')).status, 404);
});

test('with JavaScript on, a POST form is a client navigation and the page resumes the server render', async () => {
  const page = await browser.newPage();
  const errors = [], docs = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (r.resourceType() === 'document') docs.push(r.url()); });
  await page.goto(url(server, '/contact'));
  await started(page);
  await page.evaluate(() => { window.__marker = 1; });
  const entries = await page.evaluate(() => history.length);
  await page.fill('#name', 'Ann é');
  await page.click('#send');
  await page.waitForFunction(() => window.__dx.stats.navigations >= 1, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.__marker), 1, 'no full load');
  assert.equal(docs.length, 1);
  assert.match(page.url(), /\/contact$/);
  assert.equal(await sent(page), 'Thanks, Ann é!');
  assert.equal(await page.textContent('#topic'), 'topic: a+b & c=d');
  await page.click('#like');  // the resumed page's handlers work
  assert.equal(await page.textContent('#like'), 'likes: 1');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'the POST made a history entry');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without the server module, dx.js renders a POSTed page from the fields the shell carries', async () => {
  const page = await browser.newPage();
  await page.goto(url(clientOnly, '/contact'));
  await started(page);
  assert.equal(await sent(page), 'Nothing sent yet');
  await page.fill('#name', 'Bo');
  await page.click('#send');
  await page.waitForFunction(() => document.getElementById('sent')?.textContent === 'Thanks, Bo!', null, { timeout: 10000 });
  assert.equal(await page.textContent('#topic'), 'topic: a+b & c=d');
  await page.close();
});
