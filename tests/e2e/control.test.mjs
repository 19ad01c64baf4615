// tests/e2e/apps/control: <Index> updates rows in place and grows/shrinks at the end; <Switch>/<Match> switches
// branches and disposes the old branch's effects; <Portal> renders outside the app root and leaves with its
// owner; <Dynamic> switches between two components and a tag name, passing props through; a recursive
// component renders a recursive record (a tree view); timers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, launch, open, serve } from './harness.mjs';

let browser, server, portalServer, portalDist;
before(async () => {
  browser = await launch();
  server = await serve(build('../tests/e2e/apps/control'));
  portalServer = await serve(portalDist = build('../tests/e2e/apps/control-portal'));
});
after(async () => { await server?.stop(); await portalServer?.stop(); await browser?.close(); });

test('control flow: Index, Switch/Match, Portal, Dynamic', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();

  // <Index>: rows keyed by position; a changed value updates the row's text, the <li> stays the same node.
  const rows = page.locator('#idx > li');
  assert.deepEqual(await rows.allTextContents(), ['0:a', '1:b', '2:c']);
  await rows.evaluateAll((lis) => lis.forEach((li, k) => { li.__mark = `m${k}`; }));
  const marks = () => rows.evaluateAll((lis) => lis.map((li) => li.__mark ?? ''));
  await page.click('#idx-set');
  assert.deepEqual(await rows.allTextContents(), ['0:a', '1:B', '2:c']);
  assert.deepEqual(await marks(), ['m0', 'm1', 'm2'], 'the changed row kept its DOM node');
  await page.click('#idx-grow');
  await page.click('#idx-grow');
  assert.deepEqual(await rows.allTextContents(), ['0:a', '1:B', '2:c', '3:n3', '4:n4']);
  assert.deepEqual(await marks(), ['m0', 'm1', 'm2', '', ''], 'growing appends rows, the others stay');
  await page.click('#idx-shrink');
  assert.deepEqual(await rows.allTextContents(), ['0:a', '1:B', '2:c']);
  assert.deepEqual(await marks(), ['m0', 'm1', 'm2'], 'shrinking removes rows at the end only');
  await page.click('#idx-shrink');
  await page.click('#idx-shrink');
  assert.equal(await rows.count(), 0);
  await page.click('#idx-grow');
  assert.deepEqual(await rows.allTextContents(), ['0:n0']);

  // <For> rows with an index accessor: i() follows the row as rows come, go and move; the nodes move with them.
  const fori = page.locator('#fori > li');
  assert.deepEqual(await fori.allTextContents(), ['0.p', '1.q', '2.r', '3.s']);
  await fori.evaluateAll((lis) => lis.forEach((li) => { li.__mark = li.textContent.split('.')[1]; }));
  const foriMarks = () => fori.evaluateAll((lis) => lis.map((li) => li.__mark ?? ''));
  const classes = () => fori.evaluateAll((lis) => lis.map((li) => li.className));
  await page.click('#fori-pre');
  assert.deepEqual(await fori.allTextContents(), ['0.n1', '1.p', '2.q', '3.r', '4.s']);
  assert.deepEqual(await foriMarks(), ['', 'p', 'q', 'r', 's'], 'the kept rows are the same nodes');
  assert.deepEqual(await classes(), ['even', 'odd', 'even', 'odd', 'even']);
  await page.click('#fori-rev');
  assert.deepEqual(await fori.allTextContents(), ['0.s', '1.r', '2.q', '3.p', '4.n1']);
  assert.deepEqual(await foriMarks(), ['s', 'r', 'q', 'p', '']);
  await fori.nth(1).click();  // its handler reads i() as it is now: 1
  assert.deepEqual(await fori.allTextContents(), ['0.s', '1.q', '2.p', '3.n1']);
  await fori.nth(3).click();
  assert.deepEqual(await fori.allTextContents(), ['0.s', '1.q', '2.p']);
  assert.deepEqual(await classes(), ['even', 'odd', 'even']);

  // The same written as JSX expressions: ternaries (nested, with a null branch), &&, .map with an index, style objects.
  const html = (sel) => page.locator(sel).innerHTML();
  assert.equal(await html('#who'), '<i>anonymous</i><!---->');
  assert.equal(await html('#lvl'), '<span>zero</span><!---->');
  assert.equal(await html('#hello'), '<!---->');
  assert.equal(await text('#acc'), 'nobody');
  assert.equal(await text('#pill'), 'lvl 0');
  assert.equal(await page.getAttribute('#pill > span', 'class'), 'pill');
  assert.equal(await page.getAttribute('#pill > span', 'data-size'), '3', 'the default while the prop is undefined');
  assert.equal(await page.getAttribute('#pill > span', 'data-tag'), 'b');
  assert.equal(await page.getAttribute('#pill2 > span', 'data-size'), '7');
  assert.equal(await text('#chip'), 'lvl 0!.');
  assert.equal(await page.getAttribute('#chip > span', 'class'), 'chip');
  assert.equal(await page.getAttribute('#chip > em', 'class'), null, 'class={undefined}: no attribute');
  assert.equal(await page.getAttribute('#chip > b', 'class'), 'calm');
  assert.equal(await page.getAttribute('#chip > span', 'data-size'), '3');
  assert.equal(await page.getAttribute('#pill2 > span', 'data-tag'), 'i');
  // Rows that take their item apart: ({ name, age }) => …
  assert.deepEqual(await page.locator('#people > li').allTextContents(), ['ann: 31', 'bo: 4']);
  assert.equal(await text('#names'), '0ann1bo');
  await page.click('#person');
  assert.deepEqual(await page.locator('#people > li').allTextContents(), ['zed: 9', 'ann: 31', 'bo: 4']);
  assert.equal(await text('#names'), '0zed1ann2bo');
  assert.equal(await text('#sorted'), '_x apple Apple banana Cherry éclair', 'the server\'s localeCompare (dx_collate.h) agrees with ICU here');
  assert.equal(await text('#tone'), '0');
  assert.equal(await page.getAttribute('#tone', 'class'), 'sad');
  assert.deepEqual(await page.locator('#empty > li').allTextContents(), ['no long notes']);
  await page.click('#login');
  assert.equal(await html('#who'), '<b>signed in</b><!---->');
  assert.equal(await text('#acc'), 'ann', '<Show>\'s function child reads the value through its accessor');
  assert.equal(await html('#hello'), '<em>hello</em><!---->');
  await page.click('#level');
  assert.equal(await text('#lvl'), 'one');
  await page.click('#level');
  assert.equal(await html('#lvl'), '<!----><!---->', 'the null branch renders nothing (two anchors: the nested ternary)');
  await page.click('#level');
  assert.equal(await text('#lvl'), 'zero');
  await page.click('#login');
  assert.equal(await html('#who'), '<i>anonymous</i><!---->');
  const notes = page.locator('#notes > li');
  assert.deepEqual(await notes.allTextContents(), ['0:x*', '1:y']);
  await notes.nth(0).evaluate((li) => { li.__mark = 1; });
  await page.click('#note-pre');
  assert.deepEqual(await notes.allTextContents(), ['0:n2*', '1:x', '2:y'], 'the index follows the moved rows');
  assert.equal(await notes.nth(1).evaluate((li) => li.__mark), 1, 'a kept row is the same node');
  await page.click('#note-long');
  assert.deepEqual(await page.locator('#empty > li').allTextContents(), ['a long one'], 'the fallback leaves when a row comes');
  await page.click('#note-long');
  assert.deepEqual(await page.locator('#empty > li').allTextContents(), ['a long one', 'a long one']);
  const badges = page.locator('#badges > .badge');
  assert.equal(await badges.nth(0).getAttribute('style'), 'color: gray;');
  const visible = (k) => badges.nth(k).evaluate((el) => el.innerHTML.replace(/<!---->/g, ''));
  assert.equal(await visible(0), 'plain');
  assert.equal(await visible(1), 'hot<i class="note">N2</i>+');
  await page.click('#level');
  assert.equal(await badges.nth(1).getAttribute('style'), 'color: red; font-weight: 700;');
  assert.equal(await text('#tone'), '5');
  assert.equal(await text('#pill'), 'lvl 1', 'a destructured prop stays reactive');
  assert.equal(await page.getAttribute('#pill > span', 'class'), 'pill hot');
  assert.equal(await page.getAttribute('#pill2 > span', 'data-size'), '3', 'undefined again: the default');
  assert.equal(await text('#chip'), 'lvl 1!.', 'a prop taken apart in the body stays reactive');
  assert.equal(await page.getAttribute('#chip > span', 'class'), 'chip hot');
  assert.equal(await page.getAttribute('#chip > em', 'class'), 'flag');
  assert.equal(await page.getAttribute('#chip > b', 'class'), null, 'a class set to undefined is removed');
  assert.equal(await page.getAttribute('#chip > span', 'data-size'), '5');
  assert.equal(await page.getAttribute('#tone', 'class'), 'happy');
  assert.equal(await badges.nth(1).locator('b.flame').count(), 1);
  await page.click('#level');
  await page.click('#level');

  // <Switch>/<Match>: the first true Match renders; switching destroys the old branch (its effect stops).
  const runner = () => page.locator('#switch').innerHTML();
  assert.match(await runner(), /^<p class="runner">A at 0<\/p>/);
  assert.equal(await text('#runs'), '1 0 0', 'the effect of branch A ran once when it was created');
  await page.click('#tick');
  assert.equal(await text('#switch .runner'), 'A at 1');
  assert.equal(await text('#runs'), '2 0 0');
  await page.click('#mode');
  assert.equal(await text('#switch .runner'), 'B at 1');
  assert.equal(await page.locator('#switch .runner').count(), 1, 'the old branch is gone');
  assert.equal(await text('#runs'), '2 1 0');
  await page.click('#tick');
  assert.equal(await text('#runs'), '2 2 0', 'only the live branch\'s effect re-runs');
  await page.click('#mode');
  await page.click('#tick');
  assert.equal(await text('#switch .runner'), 'C at 3');
  assert.equal(await text('#runs'), '2 2 2');
  await page.click('#mode');
  assert.equal(await text('#switch .none'), 'none', 'no Match is true: the fallback');
  assert.equal(await page.locator('#switch .runner').count(), 0);
  await page.click('#tick');
  assert.equal(await text('#runs'), '2 2 2', 'no effect of a disposed branch runs');
  await page.click('#mode');
  assert.equal(await text('#switch .runner'), 'A at 4');
  assert.equal(await page.locator('#switch .none').count(), 0);
  assert.equal(await text('#runs'), '3 2 2', 'branch A was created anew');

  // <Portal>: children render into #overlay (outside the app root) or document.body, stay reactive, handle
  // events, and are removed when their owner (the <Show>) hides.
  assert.equal(await page.locator('#portal-text').count(), 0);
  await page.click('#open');
  assert.equal(await text('#owner'), 'owner');
  assert.equal(await page.locator('#overlay > #portal-text').count(), 1, 'rendered into the mount node');
  assert.equal(await page.locator('#dx-root #portal-text').count(), 0, 'not inside the app root');
  assert.equal(await page.locator('body > #body-portal').count(), 1, 'no mount: document.body');
  await page.click('#portal-btn');
  await page.click('#portal-btn');
  assert.equal(await text('#portal-text'), 'clicked 2', 'events inside the portal reach their handler; text updates');
  await page.click('#open');
  assert.equal(await page.locator('#owner').count(), 0);
  assert.equal(await page.locator('#portal-text, #portal-btn, #body-portal').count(), 0, 'removed with the owner');
  assert.equal(await page.locator('#overlay').count(), 1, 'the mount node itself stays');
  await page.click('#open');
  assert.equal(await text('#portal-text'), 'clicked 2');
  assert.equal(await page.locator('#overlay > *').count(), 2);

  // <Dynamic>: a component, another component, a tag name; props pass through and stay reactive.
  const dyn = async () => (await page.locator('#dyn').innerHTML()).replaceAll('<!---->', '');
  assert.equal(await dyn(), '<b class="red">red x</b>');
  await page.click('#label');
  assert.equal(await dyn(), '<b class="red">red xy</b>');
  await page.locator('#dyn b').evaluate((b) => { b.__mark = 1; });
  await page.click('#label');
  assert.equal(await page.locator('#dyn b').evaluate((b) => b.__mark), 1, 'a prop change updates the component in place');
  await page.click('#kind');
  assert.equal(await dyn(), '<i class="blue">blue xyy</i>');
  await page.click('#kind');
  assert.equal(await dyn(), '<em label="xyy"></em>');
  await page.click('#label');
  assert.equal(await page.getAttribute('#dyn em', 'label'), 'xyyy');
  await page.click('#kind');
  assert.equal(await dyn(), '<b class="red">red xyyy</b>');

  // `ok && run()` as a handler's body: runs on Enter only.
  await page.focus('#enter-box');
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await page.keyboard.press('b');
  await page.keyboard.press('Enter');
  assert.equal(await text('#entered'), '2');

  // untrack(() => …): what it reads is no dependency (of a memo, of a text binding).
  const untracked = async () => [await text('#usum'), await text('#ub-untracked'), await text('#ub-now')].join('|');
  assert.equal(await untracked(), '21|10|10');
  await page.click('#ub');
  assert.equal(await untracked(), '21|10|11', 'b changed: nothing that reads it untracked updates');
  await page.click('#ua');
  assert.equal(await untracked(), '24|10|11', 'a changed: the memo runs again and reads b as it is now');

  assert.deepEqual(errors, []);
  await page.close();
});

test('timers: an interval set while the server rendered runs in the browser; clearInterval; gone with its component; onCleanup', async () => {
  const { page, errors } = await open(browser, server.url);
  const ticks = () => page.locator('#timers .ticks').textContent().then(Number);
  await page.waitForFunction(() => Number(document.querySelector('#timers .ticks')?.textContent) >= 3);
  await page.waitForFunction(() => document.querySelector('#timers .late')?.textContent === 'done');
  await page.click('#timers .stop');
  const stopped = await ticks();
  await page.waitForTimeout(120);  // six periods: a live interval would have moved
  assert.equal(await ticks(), stopped, 'clearInterval stopped it');
  assert.equal(await page.locator('#gone').textContent(), '0');
  await page.click('#ticking');  // the component goes, and with it any timer it set; its onCleanup runs
  assert.equal(await page.locator('#timers .ticker').count(), 0);
  assert.equal(await page.locator('#gone').textContent(), '1');
  await page.click('#ticking');  // a new one starts from 0
  await page.waitForFunction(() => Number(document.querySelector('#timers .ticks')?.textContent) >= 2);
  await page.click('#ticking');  // removed while its interval runs: the interval is cleared with it
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#gone').textContent(), '2');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a recursive component renders a recursive record and updates at any depth', async () => {
  const { page, errors } = await open(browser, server.url);
  const names = () => page.locator('#tree span').allTextContents();
  assert.deepEqual(await names(), ['r', 'r.1']);
  await page.click('#tree li li > button.add');      // under r.1
  assert.deepEqual(await names(), ['r', 'r.1', 'r.1.2']);
  await page.click('#tree li li li > button.add');   // under r.1.2
  await page.click('#tree > li > button.add');       // under r
  assert.deepEqual(await names(), ['r', 'r.1', 'r.1.2', 'r.1.2.3', 'r.4']);
  assert.equal(await page.locator('#tree li li li li span').textContent(), 'r.1.2.3');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a <Portal> on the first render: no resumption state, the client renders it', async () => {
  const html = readFileSync(path.join(portalDist, 'index.html'), 'utf8');
  assert.ok(!html.includes('dx-state'), 'the page carries no snapshot');
  const { page, errors } = await open(browser, portalServer.url);
  await page.evaluate(() => window.__dx.ready);
  assert.equal(await page.locator('#overlay > #inc').textContent(), 'n = 0');
  await page.click('#inc');
  assert.equal(await page.locator('#overlay > #inc').textContent(), 'n = 1');
  await page.click('#toggle');
  assert.equal(await page.locator('#inc').count(), 0);
  await page.click('#toggle');
  assert.equal(await page.locator('#overlay > #inc').textContent(), 'n = 1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Map, a Set and a dictionary made while the server rendered are resumed, read and changed in place', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();
  assert.equal(await text('#tag-counts'), '0:red=1');
  assert.equal(await text('#tag-picked'), 'red');
  assert.equal(await page.getAttribute('#pick-red', 'class'), 'on');
  await page.click('#bump-green');
  await page.click('#bump-red');
  await page.click('#bump-green');
  assert.equal(await text('#tag-counts'), '3:red=2,green=2');
  await page.click('#drop-red');
  await page.click('#bump-blue');
  await page.click('#bump-red');
  assert.equal(await text('#tag-counts'), '6:green=2,blue=1,red=1', 'a deleted key comes back at the end');
  await page.click('#pick-red');
  await page.click('#pick-blue');
  await page.click('#pick-green');
  assert.equal(await text('#tag-picked'), 'blue,green');
  assert.equal(await page.getAttribute('#pick-red', 'class'), '');
  assert.equal(await page.getAttribute('#pick-blue', 'class'), 'on');
  for (let i = 0; i < 40; i++) await page.click(i % 2 ? '#drop-blue' : '#bump-blue');  // churn: holes squeezed out
  assert.equal(await text('#tag-counts'), '46:green=2,red=1');
  // a dictionary in a signal: <For> over Object.entries, integer-like keys first as JS orders them
  const scores = () => page.locator('#scores > li').allTextContents();
  assert.deepEqual(await scores(), ['10=0', 'ann=1']);
  await page.click('#score-bo');
  await page.click('#score-2');
  await page.click('#scores > li:has-text("ann")');
  assert.deepEqual(await scores(), ['2=1', '10=0', 'ann=2', 'bo=1']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a discriminated union in a signal: each variant set by a click, shown by a switch over its tag', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = (sel) => page.locator(sel).textContent();
  assert.equal(await text('#load-view'), '…');
  assert.equal(await text('#load-state'), 'idle');
  await page.click('#load-fail');  // idle stays idle
  assert.equal(await text('#load-state'), 'idle');
  assert.equal(await text('#load-fails'), '1');  // the handler is a hoisted function declaration
  await page.click('#load-ok');
  assert.equal(await text('#load-view'), 'a, b');
  assert.equal(await text('#load-state'), 'done');
  await page.click('#load-fail');
  assert.equal(await text('#load-view'), 'error: after done');
  assert.equal(await text('#load-state'), 'failed');
  assert.equal(await text('#load-fails'), '2');
  assert.deepEqual(errors, []);
  await page.close();
});
