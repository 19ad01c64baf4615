// Client navigation (dx.js): a click on a link into the app fetches the page (a plain GET) and swaps it in
// without a full load — a fresh instance of the compiled app.wasm resumes the fetched page's snapshot (or
// starts it), so the result is what a full load of the URL gives. History, scroll, hover/focus prefetch and
// the fallbacks (a full load) on tests/e2e/apps/pages; its Go.tsx has the links.
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { build, launch, serve, serveStatic } from './harness.mjs';

let browser, server, other, dist;
before(async () => {
  browser = await launch();
  server = await serve(dist = build('../tests/e2e/apps/pages', 'navigation')); // its own copy: pages.test.mjs builds the app too
  other = await serveStatic(dist); // another origin (another port) with the same files
});
after(async () => { await browser?.close(); await server?.stop(); await other?.stop(); });

const path = (page) => new URL(page.url()).pathname + new URL(page.url()).hash;

// A fresh page at `at`, recording the documents it loads, its fetches and its errors. window.__marker lives
// as long as the document: a full load drops it.
async function open(at = '/', ctx = browser) {
  const page = await ctx.newPage();
  const docs = [], fetches = [], errors = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document' && r.frame() === page.mainFrame()) docs.push(new URL(r.url()).pathname);
    if (r.resourceType() === 'fetch') fetches.push(new URL(r.url()).pathname);
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url.replace(/\/$/, at));
  await started(page);
  await page.evaluate(() => { window.__marker = 1; });
  return { page, docs, fetches, errors };
}
const started = (page) => page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0, null, { timeout: 10000 });
const stats = (page) => page.evaluate(() => ({ ...window.__dx.stats }));
const marker = (page) => page.evaluate(() => window.__marker === 1);
// Waits until dx.js has finished its `n`th client navigation.
const navigated = (page, n) => page.waitForFunction((k) => window.__dx.stats.navigations >= k, n, { timeout: 10000 });
// What a page shows: the mount element's markup and whatever the app put outside it (<Portal> content).
const shown = (page) => page.evaluate(() => ({
  title: document.title,
  root: document.getElementById('dx-root').innerHTML,
  outside: [...document.body.children].filter((e) => e.id !== 'dx-root' && e.tagName !== 'SCRIPT').map((e) => e.outerHTML),
}));

test('a click on an internal link swaps the page in without a full load; its handlers work, the old ones are gone', async () => {
  const { page, docs, fetches, errors } = await open('/');
  await page.click('#home-click');
  assert.equal(await page.textContent('#home-click'), 'home clicks: 1');
  await page.evaluate(() => { window.__old = document.getElementById('home-click'); });

  await page.click('#go-about');
  await navigated(page, 1);
  assert.equal(path(page), '/about/');
  assert.equal(await page.textContent('h1'), 'About');
  assert.equal(await page.textContent('#team'), 'Ada');
  assert.ok(await marker(page), 'no full load');
  assert.deepEqual(docs, ['/']);
  assert.deepEqual(fetches, ['/about/']); // (the pointer now rests on the new page's link to itself: no prefetch)
  assert.equal(await page.locator('#dx-state').count(), 0, "the first page's snapshot left with it");

  const before = await stats(page);
  await page.click('#more');
  await page.click('#more');
  assert.equal(await page.textContent('#team'), 'Ada, Grace, Linus');
  assert.equal((await stats(page)).dispatches, before.dispatches + 2, 'one dispatch per click');
  // The home page's button left the document: a click on it reaches no handler.
  await page.evaluate(() => window.__old.click());
  assert.equal((await stats(page)).dispatches, before.dispatches + 2);
  assert.equal(await page.evaluate(() => window.__old.textContent), 'home clicks: 1');

  // Back and forth a few times: listeners are not attached twice (one dispatch per click).
  for (const [link, n] of [['#go-home', 2], ['#go-about', 3], ['#go-home', 4]]) {
    await page.click(link);
    await navigated(page, n);
  }
  assert.equal(path(page), '/');
  assert.equal(await page.textContent('#home-click'), 'home clicks: 0', 'a new visit starts the page afresh, as a load does');
  const mid = await stats(page);
  await page.click('#home-click');
  assert.equal(await page.textContent('#home-click'), 'home clicks: 1');
  assert.equal((await stats(page)).dispatches, mid.dispatches + 1);

  // A link that redirects (/about → /about/): the address bar shows where the page came from.
  await page.click('#go-about-redirect');
  await navigated(page, 5);
  assert.equal(path(page), '/about/');
  assert.equal(await page.textContent('h1'), 'About');
  assert.ok(await marker(page));
  assert.deepEqual(docs, ['/']);
  assert.equal((await stats(page)).navigations, 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('back and forward re-navigate in place and show what a load of that URL shows', async () => {
  const { page, docs, errors } = await open('/');
  await page.click('#home-click');
  await page.click('#go-about');
  await navigated(page, 1);
  await page.click('#more');
  assert.equal(await page.textContent('#team'), 'Ada, Grace');
  await page.click('#go-blog');
  await navigated(page, 2);
  assert.equal(await page.textContent('h1'), 'Blog');

  await page.goBack();
  await navigated(page, 3);
  assert.equal(path(page), '/about/');
  assert.equal(await page.textContent('#team'), 'Ada');
  await page.goBack();
  await navigated(page, 4);
  assert.equal(path(page), '/');
  assert.equal(await page.textContent('#home-click'), 'home clicks: 0');
  await page.goForward();
  await navigated(page, 5);
  assert.equal(path(page), '/about/');
  assert.equal(await page.textContent('h1'), 'About');
  await page.click('#more');
  assert.equal(await page.textContent('#team'), 'Ada, Grace');
  assert.ok(await marker(page));
  assert.deepEqual(docs, ['/']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('after a client navigation, every page is what a full load of its URL gives, and behaves the same', async () => {
  // [URL, how to get there in place, a button to click there]
  const pages = [['/about/', '#go-about', '#more'], ['/blog/', '#go-blog'], ['/blog/first-post/', null],
    ['/long/', '#go-long', '#long-click'], ['/portal/', '#go-portal', '#portal-inc'], ['/', '#go-home', '#home-click']];
  const nav = await open('/');
  const load = await browser.newPage();
  let n = 0;
  for (const [url, link, button] of pages) {
    if (link) await nav.page.click(link); else await nav.page.evaluate((u) => window.__dx.navigate(u), url);
    await navigated(nav.page, ++n);
    assert.equal(path(nav.page), url);
    await load.goto(server.url.replace(/\/$/, url));
    await started(load);
    assert.deepEqual(await shown(nav.page), await shown(load), `${url}: client navigation vs full load`);
    if (!button) continue;
    for (const p of [nav.page, load]) { await p.click(button); await p.click(button); }
    assert.deepEqual(await shown(nav.page), await shown(load), `${url}: after two clicks`);
  }
  assert.match((await shown(nav.page)).root, /home clicks: 2/);
  assert.equal(await nav.page.locator('#portal-inc').count(), 0, "the portal page's <Portal> content left with it");
  assert.ok(await marker(nav.page));
  assert.deepEqual(nav.docs, ['/']);
  assert.deepEqual(nav.errors, []);
  await load.close();
  await nav.page.close();
});

test('hover prefetches the page once; the click then uses it', async () => {
  const { page, fetches, errors } = await open('/');
  await page.hover('#go-about');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/about/')));
  await page.hover('h1');
  await page.hover('#go-about');
  await page.focus('#go-about');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.deepEqual(fetches, ['/about/'], 'one fetch, before the click');
  await page.click('#go-about');
  await navigated(page, 1);
  assert.equal(await page.textContent('#team'), 'Ada');
  assert.deepEqual(fetches, ['/about/'], 'the click used the prefetched page');
  // A link to the page shown is not prefetched (the pointer rests on this page's own #go-about now).
  await page.hover('h1');
  await page.hover('#go-about');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.deepEqual(fetches, ['/about/'], 'no prefetch of the page shown');
  // Keyboard focus prefetches too.
  await page.focus('#go-blog');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/blog/')));
  await page.keyboard.press('Enter');
  await navigated(page, 2);
  assert.equal(await page.textContent('h1'), 'Blog');
  // (The pointer still rests where #go-about was, over a link of the new page: that may prefetch again.)
  assert.equal(fetches.filter((f) => f === '/blog/').length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('scroll: a new page starts at the top (or its #fragment), back and forward restore the position', async () => {
  const { page, errors } = await open('/long/');
  await page.evaluate(() => scrollTo(0, 1000));
  await page.evaluate(() => document.getElementById('go-portal').click()); // no scrolling to the link first
  await navigated(page, 1);
  assert.equal(path(page), '/portal/');
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.evaluate(() => scrollTo(0, 700));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // the position is saved once scrolling stops
  await page.goBack();
  await navigated(page, 2);
  assert.equal(path(page), '/long/');
  assert.equal(await page.evaluate(() => scrollY), 1000);
  await page.goForward();
  await navigated(page, 3);
  assert.equal(await page.evaluate(() => scrollY), 700);

  await page.evaluate(() => document.getElementById('go-long-end').click());
  await navigated(page, 4);
  assert.equal(path(page), '/long/#end');
  const end = await page.evaluate(() => [scrollY, document.getElementById('end').getBoundingClientRect().top]);
  assert.ok(end[0] > 2500 && Math.abs(end[1]) < 2, `scrolled to #end: ${end}`);
  // A fragment of the page shown is the browser's: no navigation.
  await page.evaluate(() => scrollTo(0, 0));
  await page.evaluate(() => document.getElementById('go-long-end').click());
  await page.waitForFunction(() => scrollY > 2500);
  assert.equal((await stats(page)).navigations, 4);
  assert.ok(await marker(page));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page's window listeners and <Portal> content leave with it", async () => {
  const { page, errors } = await open('/');
  await page.click('#go-portal');
  await navigated(page, 1);
  await page.click('#portal-inc');
  assert.equal(await page.textContent('#portal-inc'), 'portal n = 1');
  await page.evaluate(() => { location.hash = 'a'; });
  await page.waitForFunction(() => document.getElementById('hashes').textContent === 'hash changes: 1');
  await page.click('#go-home');
  await navigated(page, 2);
  assert.equal(await page.locator('#portal-inc').count(), 0);
  const before = await stats(page);
  await page.evaluate(() => { location.hash = 'b'; });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal((await stats(page)).dispatches, before.dispatches, "the portal page's hashchange listener is gone");
  assert.deepEqual(errors, []);
  await page.close();
});

test('links dx.js leaves to the browser: new window, modifier keys, rel=external, another origin', async () => {
  const ctx = await browser.newContext();
  const { page, fetches, docs } = await open('/', ctx);
  const popup = ctx.waitForEvent('page');
  await page.click('#go-blank');
  await (await popup).waitForLoadState();
  await page.click('#go-about', { modifiers: ['Control'] });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.equal(path(page), '/');
  assert.equal((await stats(page)).navigations, 0);
  assert.deepEqual(fetches.filter((f) => f !== '/about/'), []); // hovering #go-about may prefetch it

  await page.click('#go-external');
  await page.waitForURL(/\/about\/$/);
  await started(page);
  assert.equal(await marker(page), false, 'rel=external: a full load');
  assert.deepEqual(docs, ['/', '/about/']);

  await page.evaluate((href) => {
    const a = Object.assign(document.createElement('a'), { id: 'elsewhere', href, textContent: 'elsewhere' });
    document.body.append(a);
    window.__marker = 1;
  }, other.url + 'blog/');
  await page.click('#elsewhere');
  await page.waitForURL(other.url + 'blog/');
  await started(page);
  assert.equal(await marker(page), false, 'another origin: a full load');
  assert.ok(!fetches.includes('/blog/'));
  await ctx.close();
});

test('a link whose page is not a dx page of this app falls back to a full load', async () => {
  const { page, fetches, docs } = await open('/');
  await page.click('#go-missing');
  await page.waitForURL(/\/missing\/$/);
  await page.waitForLoadState();
  assert.equal(await marker(page), false, '404: a full load');
  assert.deepEqual(fetches, ['/missing/']);
  assert.deepEqual(docs, ['/', '/missing/']);
  await page.goBack();
  await started(page);
  await page.evaluate(() => { window.__marker = 1; });
  await page.click('#go-plain');
  await page.waitForURL(/\/plain\.html$/);
  assert.equal(await page.textContent('#plain'), 'A static file of the app that is not a dx page: a link to it is a full load.');
  assert.equal(await marker(page), false, 'not a dx page: a full load');
  await page.close();
});

test('window.__dx.navigate, and a fetch that fails: a full load', async () => {
  const { page, docs } = await open('/');
  await page.evaluate(() => window.__dx.navigate('/long/'));
  assert.equal(path(page), '/long/');
  assert.equal(await page.textContent('h1'), 'Long');
  assert.ok(await marker(page));
  // The network drops dx.js's fetch (not the browser's own load).
  await page.route('**/about/', (r) => (r.request().resourceType() === 'fetch' ? r.abort() : r.continue()));
  await page.click('#go-about');
  await page.waitForURL(/\/about\/$/);
  await started(page);
  assert.equal(await marker(page), false);
  assert.equal(await page.textContent('#team'), 'Ada');
  assert.deepEqual(docs, ['/', '/about/']);
  await page.close();
});

test('a page of another build (a deploy since the first load) is a full load, not a resume with the old module', async () => {
  const { page, docs, errors } = await open('/');
  // dx.js's fetch of /about/ answers what a newer build would: its data-build differs.
  await page.route('**/about/', async (r) => {
    if (r.request().resourceType() !== 'fetch') return r.continue();
    const res = await r.fetch();
    const body = (await res.text()).replace(/data-build="[0-9a-f]{16}"/, 'data-build="0123456789abcdef"');
    assert.match(body, /data-build="0123456789abcdef"/);
    return r.fulfill({ response: res, body });
  });
  await page.click('#go-about');
  await page.waitForURL(/\/about\/$/);
  await started(page);
  assert.equal(await marker(page), false, 'another build: a full load');
  assert.equal(await page.textContent('#team'), 'Ada');
  assert.deepEqual(docs, ['/', '/about/']);
  assert.deepEqual(errors, []);
  await page.close();
});

test("data-params: the fetched page's route params go to dx_params before dx_start, encoded as ABI.md says", async (t) => {
  const wasm = new WebAssembly.Module(readFileSync(`${dist}/app.wasm`));
  if (!WebAssembly.Module.exports(wasm).some((e) => e.name === 'dx_params')) return t.skip('this runtime has no dx_params');
  const { page, errors } = await open('/');
  const params = { id: '42', 'naïve': 'ü/✓', '': '' };
  let entry; // the portal page's data-page
  // The portal page (no snapshot: dx_start runs) as a page with route params would come.
  await page.route('**/portal/', async (r) => {
    const res = await r.fetch();
    const html = (await res.text()).replace(/ data-page="(\d+)"/, (m, n) => (entry = +n, ` data-params='${JSON.stringify(params)}'${m}`));
    await r.fulfill({ response: res, body: html });
  });
  // Watch the new instance's calls (a navigation instantiates the compiled module with WebAssembly.instantiate).
  await page.evaluate(() => {
    const instantiate = WebAssembly.instantiate;
    window.__calls = [];
    WebAssembly.instantiate = async (...args) => {
      const ex = (await instantiate.apply(WebAssembly, args)).exports;
      let at = 0;
      return { exports: { ...ex,
        dx_input: (n) => (at = ex.dx_input(n)),
        dx_params: (n) => (window.__calls.push(['params', [...new Uint8Array(ex.memory.buffer, at, n)]]), ex.dx_params(n)),
        dx_start: (p) => (window.__calls.push(['start', p]), ex.dx_start(p)) } };
    };
  });
  await page.click('#go-portal');
  await navigated(page, 1);
  const bytes = [];
  for (const s of Object.entries(params).flat()) {
    const u = Buffer.from(s, 'utf8'), n = Buffer.alloc(4);
    n.writeUInt32LE(u.length);
    bytes.push(...n, ...u);
  }
  assert.deepEqual(await page.evaluate(() => window.__calls), [['params', bytes], ['start', entry]]);
  await page.click('#portal-inc');
  assert.equal(await page.textContent('#portal-inc'), 'portal n = 1');
  assert.deepEqual(errors, []);
  await page.close();
});
