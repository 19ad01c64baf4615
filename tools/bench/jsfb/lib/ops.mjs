// The nine CPU operations with the public harness's setup, warm-up and completion checks
// (webdriver-ts/src/benchmarksPuppeteer.ts). W = warm-up count (5 there), U = update warm-ups (3 there).
import { click, waitFor } from './page.mjs';

export const idAt = (page, row, id) => waitFor(page, `row ${row} to have id ${id}`,
  ([r, want]) => { const td = document.querySelector(`tbody>tr:nth-of-type(${r})>td:nth-of-type(1)`); return td ? td.textContent === want || `it is ${td.textContent}` : `no row ${r}`; },
  [row, String(id)]);
export const rowsAre = (page, n) => waitFor(page, `${n} rows`, ([want]) => document.querySelector('tbody').children.length === want || `${document.querySelector('tbody').children.length} rows`, [n]);
const labelAt = (page, row, suffix) => waitFor(page, `row ${row}'s label to end with "${suffix}"`,
  ([r, s]) => { const a = document.querySelector(`tbody>tr:nth-of-type(${r})>td:nth-of-type(2)>a`); return !!a && new RegExp(`^\\w+ \\w+ \\w+${s}$`).test(a.textContent) || (a ? a.textContent : 'no row'); },
  [row, suffix]);
export const selectedAt = (page, row) => waitFor(page, `row ${row} alone to be selected`,
  ([r]) => { const d = document.querySelectorAll('tbody>tr.danger'); return d.length === 1 && d[0] === document.querySelector(`tbody>tr:nth-of-type(${r})`) || `${d.length} selected`; },
  [row]);

async function createClear(page, W) {
  for (let i = 0; i < W; i++) {
    await click(page, '#run');
    await idAt(page, 1, i * 1000 + 1);
    await click(page, '#clear');
    await rowsAre(page, 0);
  }
}
async function run1k(page) { await click(page, '#run'); await rowsAre(page, 1000); await idAt(page, 1000, 1000); }

export function operations({ W = 5, U = 3 } = {}) {
  const swapsOdd = (W + 2) % 2 === 1; // W + 1 warm-up swaps and the measured one
  return [
    { id: '01_run1k', label: 'create rows', throttle: 1, weight: 0.643,
      init: (p) => createClear(p, W),
      run: async (p) => { await click(p, '#run'); await idAt(p, 1000, (W + 1) * 1000); } },
    { id: '02_replace1k', label: 'replace all rows', throttle: 1, weight: 0.561,
      init: async (p) => { for (let i = 0; i < W; i++) { await click(p, '#run'); await idAt(p, 1, i * 1000 + 1); } },
      run: async (p) => { await click(p, '#run'); await idAt(p, 1, W * 1000 + 1); } },
    { id: '03_update10th1k_x16', label: 'partial update', throttle: 4, weight: 0.564,
      init: async (p) => { await run1k(p); for (let i = 0; i < U; i++) { await click(p, '#update'); await labelAt(p, 991, ' !!!'.repeat(i + 1)); } },
      run: async (p) => { await click(p, '#update'); await labelAt(p, 991, ' !!!'.repeat(U + 1)); } },
    { id: '04_select1k', label: 'select row', throttle: 4, weight: 0.193,
      init: async (p) => {
        await run1k(p);
        for (let i = 0; i <= W; i++) { await click(p, `tbody>tr:nth-of-type(${i + 5})>td:nth-of-type(2)>a`); await selectedAt(p, i + 5); }
      },
      run: async (p) => { await click(p, 'tbody>tr:nth-of-type(2)>td:nth-of-type(2)>a'); await selectedAt(p, 2); } },
    { id: '05_swap1k', label: 'swap rows', throttle: 4, weight: 0.132,
      init: async (p) => { await run1k(p); for (let i = 0; i <= W; i++) { await click(p, '#swaprows'); await idAt(p, 999, i % 2 === 0 ? 2 : 999); } },
      run: async (p) => { await click(p, '#swaprows'); await idAt(p, 999, swapsOdd ? 2 : 999); await idAt(p, 2, swapsOdd ? 999 : 2); } },
    { id: '06_remove-one-1k', label: 'remove row', throttle: 2, weight: 0.528,
      init: async (p) => {
        await run1k(p);
        for (let i = 0; i < W; i++) {
          const at = W - i + 4;
          await idAt(p, at, at);
          await click(p, `tbody>tr:nth-of-type(${at})>td:nth-of-type(3)>a>span:nth-of-type(1)`);
          await idAt(p, at, W + 5);
        }
        await idAt(p, 5, W + 5); await idAt(p, 4, 4);
        await idAt(p, 6, W + 6); // remove a row a second time
        await click(p, 'tbody>tr:nth-of-type(6)>td:nth-of-type(3)>a>span:nth-of-type(1)');
        await idAt(p, 6, W + 7);
      },
      run: async (p) => { await click(p, 'tbody>tr:nth-of-type(4)>td:nth-of-type(3)>a>span:nth-of-type(1)'); await idAt(p, 4, W + 5); } },
    { id: '07_create10k', label: 'create many rows', throttle: 1, weight: 0.564,
      init: (p) => createClear(p, W),
      run: async (p) => { await click(p, '#runlots'); await rowsAre(p, 10000); } },
    { id: '08_create1k-after1k_x2', label: 'append rows to large table', throttle: 1, weight: 0.551,
      init: (p) => run1k(p),
      run: async (p) => { await click(p, '#add'); await rowsAre(p, 2000); } },
    { id: '09_clear1k_x8', label: 'clear rows', throttle: 4, weight: 0.423,
      init: async (p) => { await createClear(p, W); await click(p, '#run'); await idAt(p, 1, W * 1000 + 1); },
      run: async (p) => { await click(p, '#clear'); await rowsAre(p, 0); } },
  ];
}
