// `dxc serve` end to end, on a copy of samples/counter in a temporary directory: the page loads with the dev
// client (_dx/dev.js); an edit on disk is rebuilt and the page reloads itself (ServerEvent "reload" over
// /_dx/hbtp); a syntax error shows the overlay with the diagnostic while the last good build keeps being
// served; the fix clears it. Then Ctrl-C (SIGINT) stops dxc serve and its dx-server child, exit code 0.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { dxcServe, launch, root } from './harness.mjs';

let browser, dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(path.join(os.tmpdir(), 'dx-serve-e2e-'));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function copyCounter(name) {
  const project = path.join(dir, name);
  cpSync(path.join(root, 'samples', 'counter'), project, { recursive: true });
  return project;
}

// Resolves once the page's first paragraph shows `text` (across the reloads dev.js does).
const shows = (page, text) => page.waitForFunction((t) => document.querySelector('main p')?.textContent.includes(t), text, { timeout: 15000 });

test('dxc serve: an edit reloads the page; a syntax error shows an overlay until it is fixed', async () => {
  const project = copyCounter('live');
  const file = path.join(project, 'pages', 'index.tsx');
  const source = readFileSync(file, 'utf8');
  const server = await dxcServe(project, path.join(project, 'dist'));
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(server.url);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => new URL(s.src).pathname));
    assert.deepEqual(scripts, ['/dx.js', '/_dx/dev.js']);
    await page.waitForFunction(() => window.__dxDev?.connected && document.querySelector('#count'), null, { timeout: 10000 });
    await page.click('#inc');
    assert.equal(await page.locator('#count').textContent(), '1');

    writeFileSync(file, source.replace('Count:', 'Clicks:'));
    await shows(page, 'Clicks: 0');
    assert.match(server.output(), /dxc: rebuilt \(pages\/index\.tsx.*\) in \d+ ms/);

    // Line 13 of the counter's page holds "Count: <output id=…>": break it.
    writeFileSync(file, source.replace('Count:', 'Clicks: {{'));
    const pre = page.locator('#dx-dev-overlay pre');
    await pre.waitFor({ timeout: 15000 });
    const text = await pre.textContent();
    assert.match(text, /pages\/index\.tsx:13:\d+: error\[DX0101\]: syntax error/);
    assert.match(text, /13 \|\s+Clicks: \{\{ <output id="count">/, 'the code frame, as text');
    assert.equal(await page.locator('#dx-dev-overlay output').count(), 0, 'the diagnostics are not parsed as HTML');
    assert.match(server.output(), /dxc: build failed in \d+ ms \(\d+ errors?\); still serving the last good build/);
    const served = await (await fetch(server.url)).text();
    assert.match(served, /_dx\/dev\.js/, 'the last good build is still served');

    // A page opened while the build is broken shows the overlay at once.
    const late = await browser.newPage();
    await late.goto(server.url);
    await late.locator('#dx-dev-overlay pre').waitFor({ timeout: 10000 });
    await late.close();

    writeFileSync(file, source.replace('Count:', 'Taps:'));
    await shows(page, 'Taps: 0');
    assert.equal(await page.locator('#dx-dev-overlay').count(), 0, 'the reload cleared the overlay');
    await page.click('#inc');
    assert.equal(await page.locator('#count').textContent(), '1');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    assert.equal(await server.stop(), 0, 'SIGTERM: dxc serve exits 0');
  }
});

test('dxc serve: Ctrl-C (SIGINT) stops it and its dx-server child', async () => {
  const project = copyCounter('stop');
  const server = await dxcServe(project, path.join(project, 'dist'));
  const pid = server.child.pid;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  assert.equal(children.length, 1, 'one child: dx-server');
  assert.match(readFileSync(`/proc/${children[0]}/cmdline`, 'utf8'), /dx-server/);
  assert.equal((await fetch(server.url)).status, 200);
  assert.equal(await server.stop('SIGINT'), 0);
  assert.throws(() => process.kill(children[0], 0), { code: 'ESRCH' }, 'dx-server is gone');
  await assert.rejects(fetch(server.url), 'nothing listens any more');
  assert.match(server.output(), /dxc: stopped/);
});
