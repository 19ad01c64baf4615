// Correctness checks, run on one fresh page per app before anything is measured. Each step throws with what
// differed; `log` receives one line per passed step.
import { click, openPage, waitFor } from './page.mjs';
import { idAt, rowsAre, selectedAt } from './ops.mjs';

const BUTTONS = ['run', 'runlots', 'add', 'update', 'clear', 'swaprows'];
// The markup every app must produce, with texts left out and class tokens sorted (see canon below).
const SHELL = '<div id="main"><div class="container"><div class="jumbotron"><div class="row"><div class="col-md-6"><h1></h1></div>' +
  '<div class="col-md-6"><div class="row">' +
  BUTTONS.map((id) => `<div class="col-sm-6 smallpad"><button class="btn btn-block btn-primary" id="${id}" type="button"></button></div>`).join('') +
  '</div></div></div></div><table class="table table-hover table-striped test-data"><tbody></tbody></table>' +
  '<span aria-hidden="true" class="glyphicon glyphicon-remove preloadicon"></span></div></div>';
const ROW = (cls) => `<tr${cls}><td class="col-md-1">#</td><td class="col-md-4"><a>#</a></td><td class="col-md-1"><a><span aria-hidden="true" class="glyphicon glyphicon-remove"></span></a></td><td class="col-md-6"></td></tr>`;

// In the page: a canonical form of an element (attributes sorted, class tokens sorted, empty class dropped,
// whitespace-only text dropped; text replaced by "#" when `texts` is "#", dropped when it is "").
function canon([selector, texts, rowIndex]) {
  const root = rowIndex === undefined ? document.querySelector(selector) : document.querySelector('tbody').children[rowIndex];
  if (!root) return `(no ${selector})`;
  const walk = (n) => {
    if (n.nodeType === 3) return n.data.trim() ? texts : '';
    if (n.nodeType !== 1) return '';
    const attrs = [...n.attributes].filter((a) => !(a.name === 'class' && !a.value.trim()))
      .map((a) => [a.name, a.name === 'class' ? a.value.trim().split(/\s+/).sort().join(' ') : a.value]).sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => ` ${k}="${v}"`).join('');
    const tag = n.tagName.toLowerCase();
    return `<${tag}${attrs}>${[...n.childNodes].map(walk).join('')}</${tag}>`;
  };
  return walk(root);
}

// In the page: every row's [id, label], and a mark (an expando property) per tr so identity can be checked later.
function snapshot([mark]) {
  const rows = [...document.querySelector('tbody').children];
  if (mark) rows.forEach((tr, i) => { tr.__jsfbMark = i; });
  return rows.map((tr) => [tr.children[0].textContent, tr.children[1].textContent, tr.__jsfbMark ?? null]);
}

const WORDS = /^(pretty|large|big|small|tall|short|long|handsome|plain|quaint|clean|elegant|easy|angry|crazy|helpful|mushy|odd|unsightly|adorable|important|inexpensive|cheap|expensive|fancy) (red|yellow|blue|green|pink|brown|purple|white|black|orange) (table|chair|house|bbq|desk|car|pony|cookie|sandwich|burger|pizza|mouse|keyboard)$/;

function expect(cond, what) { if (!cond) throw new Error(what); }
function sameRows(rows, firstId, what) {
  rows.forEach(([id, label], i) => {
    expect(id === String(firstId + i), `${what}: row ${i} has id ${JSON.stringify(id)}, expected ${firstId + i}`);
    expect(/^\w+ \w+ \w+$/.test(label) && WORDS.test(label), `${what}: row ${i} has label ${JSON.stringify(label)}`);
  });
}

export async function runChecks(browser, url, log) {
  const { page, errors } = await openPage(browser, url);
  try {
    const shell = await page.evaluate(canon, ['#main', '']);
    expect(shell === SHELL, `static markup differs:\n  got      ${shell}\n  expected ${SHELL}`);
    log('markup of the static shell');

    await click(page, '#run'); await rowsAre(page, 1000);
    let rows = await page.evaluate(snapshot, [false]);
    sameRows(rows, 1, 'after run'); // labels match /^\w+ \w+ \w+$/ and the jsfb word lists
    for (const i of [0, 1, 500, 999]) {
      const got = await page.evaluate(canon, ['tr', '#', i]);
      expect(got === ROW(''), `row ${i} markup differs:\n  got      ${got}\n  expected ${ROW('')}`);
    }
    log('run: 1000 rows, ids 1..1000, labels "adjective colour noun", row markup');

    await click(page, '#update');
    await waitFor(page, 'row 0 to end with " !!!"', () => document.querySelector('tbody').children[0].children[1].textContent.endsWith(' !!!'));
    const updated = await page.evaluate(snapshot, [false]);
    updated.forEach(([id, label], i) => expect(label === rows[i][1] + (i % 10 === 0 ? ' !!!' : ''),
      `update: row ${i} label ${JSON.stringify(label)} (was ${JSON.stringify(rows[i][1])})`));
    log('update: rows 0, 10, 20, … end with " !!!", the others unchanged');

    await page.evaluate(snapshot, [true]);
    for (const row of [5, 8]) {
      await click(page, `tbody>tr:nth-of-type(${row})>td:nth-of-type(2)>a`);
      await selectedAt(page, row);
      const mark = await page.evaluate(() => document.querySelector('tbody>tr.danger').__jsfbMark);
      expect(mark === row - 1, `select: the tr.danger is not the clicked row's node (mark ${mark})`);
    }
    const sel = await page.evaluate(canon, ['tr', '#', 7]);
    expect(sel === ROW(' class="danger"'), `selected row markup differs:\n  got      ${sel}\n  expected ${ROW(' class="danger"')}`);
    log('select: exactly one tr.danger, the clicked one');

    rows = await page.evaluate(snapshot, [true]);
    await click(page, '#swaprows'); await idAt(page, 2, rows[998][0]);
    const swapped = await page.evaluate(snapshot, [false]);
    swapped.forEach(([id, , mark], i) => {
      const from = i === 1 ? 998 : i === 998 ? 1 : i;
      expect(mark === from && id === rows[from][0], `swap: position ${i} holds node ${mark} (id ${id}), expected node ${from} (id ${rows[from][0]})`);
    });
    log('swap: rows 1 and 998 swapped, the same tr nodes moved');

    rows = await page.evaluate(snapshot, [true]);
    await click(page, 'tbody>tr:nth-of-type(5)>td:nth-of-type(3)>a>span:nth-of-type(1)'); await rowsAre(page, 999);
    const removed = await page.evaluate(snapshot, [false]);
    removed.forEach(([id, , mark], i) => {
      const from = i < 4 ? i : i + 1;
      expect(mark === from && id === rows[from][0], `remove: position ${i} holds node ${mark} (id ${id}), expected node ${from} (id ${rows[from][0]})`);
    });
    log('remove: the row is gone, the other tr nodes kept');

    await click(page, '#runlots'); await rowsAre(page, 10000);
    sameRows(await page.evaluate(snapshot, [false]), 1001, 'after runlots');
    log('runlots: 10000 rows, ids 1001..11000 (ids keep counting)');

    await click(page, '#run'); await rowsAre(page, 1000);
    rows = await page.evaluate(snapshot, [true]);
    await click(page, '#add'); await rowsAre(page, 2000);
    const added = await page.evaluate(snapshot, [false]);
    sameRows(added, 11001, 'after add');
    added.slice(0, 1000).forEach(([, , mark], i) => expect(mark === i, `add: existing row ${i} was re-created or moved`));
    log('add: 2000 rows, the first 1000 nodes kept');

    await click(page, '#clear'); await rowsAre(page, 0);
    log('clear: 0 rows');
    expect(errors.length === 0, `page errors: ${errors.join(' | ')}`);
  } finally {
    await page.close();
  }
}
