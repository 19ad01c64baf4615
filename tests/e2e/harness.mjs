// Shared helpers for the browser tests: build a sample with dxc, serve it with dx-server on 127.0.0.1
// (port 0: the server prints the real URL), and launch Debian's chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dxc = process.env.DXC ?? path.join(root, 'build/dev/compiler/dxc');
const dxServer = process.env.DX_SERVER ?? path.join(root, 'build/dev/runtime-server/dx-server');
const outRoot = process.env.DX_E2E_OUT ?? path.join(root, 'build/e2e-out');

export function build(sample) {
  const out = path.join(outRoot, sample);
  mkdirSync(outRoot, { recursive: true });
  const r = spawnSync(dxc, ['build', path.join(root, 'samples', sample), '-o', out, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dxc build ${sample} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

// Starts dx-server on a free port; resolves with { url, stop }.
export function serve(dist) {
  return new Promise((resolve, reject) => {
    const child = spawn(dxServer, [dist, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`dx-server did not start:\n${out}\n${err}`)); }, 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGTERM'); }),
        });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`dx-server exited (${code}):\n${out}\n${err}`)); });
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Opens `url` in a fresh page, recording every script the page loads and every console error.
export async function open(browser, url) {
  const page = await browser.newPage();
  const scripts = [];
  const errors = [];
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__dx && window.__dx.stats && window.__dx.stats.batches > 0, null, { timeout: 10000 });
  return { page, scripts, errors };
}

export const stats = (page) => page.evaluate(() => ({ ...window.__dx.stats }));
