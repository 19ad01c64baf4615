// tests/e2e/apps/kitchen: the paths the samples do not cover — reactive props into a child component,
// memo chains, number formatting and Math against JavaScript's own results, loops, keyed moves that keep
// DOM nodes, rows reading a parent signal (selection), nested <For>, <Show> inside rows, boolean attributes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { build, launch, open, serve, stats } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(build('../tests/e2e/apps/kitchen')); });
after(async () => { await server?.stop(); await browser?.close(); });

const js = (xs) => xs.map(String).join(' ');

test('kitchen sink', async () => {
  const { page, scripts, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();
  const nums = (n) => js([n, n * 2, n * 4, n * 0.1, 1 / 3, 0.1 + 0.2, -0, 1 / 0, -1e21, 123456789012345680000]);
  const math = (n) => js([Math.round(2.5), Math.round(-2.5), Math.floor(-1.5), Math.ceil(1.2), Math.abs(-3), Math.min(4, n, 9),
    Math.max(1, 2, 3), Math.sign(-7), 7 % 3, -7 % 3, 5.5 % 2]);
  // Texts that are one number each (TEXT_NUM: printed by dx-server when it prerendered the page, then by dx.js)
  const oneNums = (n) => [n, n * 0.1, -0 * n, n / 0, 0 / 0 + n, n * 1e21, (n + 1) * 5e-7, 1 / 3, -1e-7].map(String);
  const bs = () => page.locator('#one-nums > b').allTextContents();
  assert.deepEqual(await bs(), oneNums(0));
  assert.equal(await text('#nums'), nums(0));
  assert.equal(await text('#math'), math(0));
  assert.equal(await text('#strings'), `n=0 ok=false name=ab ge same odd 3 ${'x' + 1 + true}`);
  assert.equal(await text('#badge'), 'ab: 0');
  assert.equal(await text('#effects'), 'even yes 1', 'createEffect ran once after render, onMount ran');
  const cards = page.locator('#cards > section.card');
  assert.equal(await cards.count(), 2);
  assert.deepEqual(await cards.locator('h2').allTextContents(), ['n is 0', 'empty']);
  assert.equal(await text('#card-body'), 'inside: 0 ab', 'children render inside the child, with the caller state');
  assert.deepEqual(await cards.nth(0).evaluate((s) => [...s.children].map((c) => c.tagName)), ['H2', 'H3', 'P', 'FOOTER']);
  assert.deepEqual(await cards.locator('h3').allTextContents(), ['ab', 'no subtitle'], 'an omitted optional prop is undefined');
  assert.equal(await cards.nth(0).locator('h3').getAttribute('title'), 'ab');
  assert.equal(await cards.nth(1).locator('h3').getAttribute('title'), null, 'an undefined attribute is not set');
  assert.equal(await cards.nth(1).locator('p').count(), 0);
  assert.equal(await page.getAttribute('#badge', 'class'), 'cold');
  assert.equal(await page.getAttribute('#badge', 'data-shout'), 'no');

  for (let i = 1; i <= 3; i++) await page.click('#inc');
  assert.deepEqual(await bs(), oneNums(3));
  assert.equal(await text('#nums'), nums(3));
  assert.equal(await text('#math'), math(3));
  assert.equal(await text('#badge'), 'ab: 3', 'a parent signal flows into the child through a prop');
  assert.equal(await text('#effects'), 'odd yes 4', 'the effect re-ran once per change of n');
  assert.equal(await page.getAttribute('#badge', 'class'), 'hot');
  await page.click('#rename');
  await page.click('#rename');
  assert.equal(await text('#badge'), 'abcc: 3');
  assert.equal(await text('#card-body'), 'inside: 3 abcc', 'children update with the caller state');
  assert.equal(await page.locator('#cards h2').first().textContent(), 'n is 3');
  assert.equal(await page.getAttribute('#badge', 'data-shout'), 'yes', 'a child function of props recomputes');
  assert.equal(await page.getAttribute('#inc', 'disabled'), null);
  await page.click('#inc');
  await page.click('#inc');
  assert.equal(await page.getAttribute('#inc', 'disabled'), '', 'boolean attribute set');
  assert.match(await text('#strings'), /^n=5 ok=true name=abcc ge diff/);

  const rows = page.locator('#rows > tr');
  await page.click('#add');
  assert.equal(await rows.count(), 3);
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['1', '2', '3']);
  assert.deepEqual(await rows.locator('a.select').allTextContents(), ['odd 1', 'even 2', 'odd 3']);
  assert.equal(await text('#total'), '8', 'memo over rows plus n');
  await rows.nth(1).locator('a.select').click();
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.className)), ['', 'danger', '']);
  await rows.nth(0).evaluate((tr) => { tr.dataset.mark = 'first'; });
  await rows.nth(2).evaluate((tr) => { tr.dataset.mark = 'last'; });
  await page.click('#swap');
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['3', '2', '1']);
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.mark ?? '')), ['last', '', 'first'],
    'swap moves the existing rows');
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.className)), ['', 'danger', '']);
  await rows.nth(1).locator('a.remove').click();
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['3', '1']);
  await page.click('#add');
  assert.deepEqual(await rows.locator('td:first-child').allTextContents(), ['3', '1', '4', '5', '6']);
  assert.equal(await text('#total'), '10');
  await page.click('#clear');
  assert.equal(await rows.count(), 0);
  assert.equal(await text('#total'), '5');

  const sections = page.locator('#groups > section');
  assert.equal(await sections.count(), 1);
  assert.deepEqual(await sections.nth(0).locator('li').allTextContents(), ['a!', 'b!']);
  assert.equal(await sections.nth(0).locator('em').textContent(), 'short');
  await page.click('#grow');
  assert.equal(await sections.count(), 2);
  assert.equal(await sections.nth(1).locator('h3').textContent(), 'g2');
  assert.deepEqual(await sections.nth(1).locator('li').allTextContents(), ['x!', 'y!', 'z!']);
  assert.equal(await sections.nth(1).locator('strong').textContent(), 'long');

  assert.equal((await stats(page)).dispatches, 14, "one wasm dispatch per click");
  assert.deepEqual(scripts.map((s) => s.split('/').pop()), ['dx.js']);

  // createSelector + batch; cached bindings: selecting another row sends exactly its two class changes
  // and the text, nothing for the row whose class stays "".
  const picks = page.locator('#picks li');
  assert.deepEqual(await picks.evaluateAll((ls) => ls.map((l) => l.className)), ['picked', '', '']);
  const before = (await stats(page)).ops;
  await picks.nth(2).click();
  assert.deepEqual(await picks.evaluateAll((ls) => ls.map((l) => l.className)), ['', '', 'picked']);
  assert.equal(await text('#picked'), 'p3');
  assert.equal((await stats(page)).ops - before, 3, 'two CLASS ops and one TEXT op');

  // An optional callback prop: given, ?.() calls it; omitted, the click does nothing (and throws nothing).
  await page.click('#chips button:nth-child(2)');
  assert.equal(await text('#picked'), 'p3');
  await page.click('#chips button:nth-child(1)');
  assert.equal(await text('#picked'), 'chip X');
  assert.deepEqual(errors, []);
  await page.close();
});
