// Shared helpers for the browser tests: build a sample with dxc, serve it with dx-server on 127.0.0.1
// (port 0: the server prints the real URL), and launch Debian's chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dxc = process.env.DXC ?? path.join(root, 'build/dev/compiler/dxc');
const dxServer = process.env.DX_SERVER ?? path.join(root, 'build/dev/runtime-server/dx-server');
const outRoot = process.env.DX_E2E_OUT ?? path.join(root, 'build/e2e-out');

export function build(sample, subdir = '', flags = []) {
  const out = path.join(outRoot, subdir, path.basename(sample));
  mkdirSync(outRoot, { recursive: true });
  const r = spawnSync(dxc, ['build', path.join(root, 'samples', sample), '-o', out, '--quiet', ...flags], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dxc build ${sample} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return out;
}

export const outDir = outRoot;

// A plain static file server (not dx-server) over `dir`, for checking that a dist/ works from a sub-path.
export function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    let p = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!p.startsWith(dir)) { res.writeHead(400).end(); return; }
    try { if (statSync(p).isDirectory()) p = path.join(p, 'index.html'); res.writeHead(200, { 'Content-Type': types[path.extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p)); }
    catch { res.writeHead(404).end(); }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((done) => server.close(done)) })));
}

// Starts `command args…`, waits for it to print dx-server's URL line; resolves with
// { url, child, output() (stdout + stderr so far), stop(signal = 'SIGTERM') → exit code }.
export function serve(dist, flags = []) { return start(dxServer, [dist, '--port', '0', '--host', '127.0.0.1', ...flags]); }
export function dxcServe(project, out) { return start(dxc, ['serve', project, '-o', out, '--port', '0']); }

function start(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`dx-server did not start:\n${out}\n${err}`)); }, 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          output: () => out + err,
          stop: (signal = 'SIGTERM') => new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
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

// Records every DOM mutation from DOMContentLoaded on, as "type NODENAME", in window.__mutations (a resumed
// page must make none).
export async function recordMutations(page) {
  await page.addInitScript(() => {
    window.__mutations = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((ms) => window.__mutations.push(...ms.map((m) => `${m.type} ${m.target.nodeName}`)))
        .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

export const stats = (page) => page.evaluate(() => ({ ...window.__dx.stats }));
