// Browser and page helpers shared by the checks and the measurements.
import { chromium } from 'playwright-core';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
      // as the public harness: window.gc() for the forced GC before each measured click
      '--js-flags=--expose-gc', '--window-size=1000,800',
      // nothing but 127.0.0.1
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

// A fresh page in a fresh context (browser.newPage), so no cache or state carries over; page errors are kept.
export async function openPage(browser, url, { network } = {}) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${new URL(r.url()).pathname}`); });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  const cdp = await page.context().newCDPSession(page);
  if (network) await network(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await waitFor(page, 'the page shows #run and a tbody', () => !!document.querySelector('#run') && !!document.querySelector('tbody'));
  return { page, cdp, errors };
}

// Polls `fn(arg)` in the page every 10 ms (reading textContent, so the poll forces no layout) until it is truthy.
export async function waitFor(page, what, fn, arg, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last === true || (last && typeof last !== 'string' && last !== false)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${typeof last === 'string' ? ` (${last})` : ''}`);
    await sleep(10);
  }
}

// A real mouse click (playwright: mousedown, mouseup, click through CDP input), as the public harness does it.
export async function click(page, selector) {
  const el = await page.$(selector);
  if (!el) throw new Error(`no element ${selector} to click`);
  try { await el.click({ timeout: 10000 }); }
  catch (e) { throw new Error(`cannot click ${selector}: ${String(e.message).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 4).join(' / ')}`); }
  await el.dispose();
}

export const gc = (page) => page.evaluate(() => window.gc && window.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' }));

