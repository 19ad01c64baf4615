// samples/todomvc in Chromium, item by item of the TodoMVC app spec: add (trimmed), toggle, toggle all both
// ways, edit (double-click, then Enter / Escape / blur; an empty title deletes), delete, the All / Active /
// Completed filters from the URL hash (links, back/forward), clear completed, the counter's plural, main and
// footer hidden without todos, and persistence in localStorage across a reload.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { build, launch, open, serve } from './harness.mjs';

const KEY = 'todos-dx';
let browser, server, page, errors;
before(async () => { browser = await launch(); server = await serve(build('todomvc')); });
after(async () => { await server?.stop(); await browser?.close(); });
afterEach(async () => {
  await page?.close();
  assert.deepEqual(errors, [], 'no console errors');
});
beforeEach(async () => {
  ({ page, errors } = await open(browser, server.url));
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.goto(server.url);
  await ready();
});

const ready = () => page.waitForFunction(() => window.__dx && window.__dx.stats.batches > 0);
const titles = () => page.locator('.todo-list li label').allTextContents();
const count = () => page.locator('.todo-count').textContent();
const stored = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
async function add(...items) {
  for (const t of items) {
    await page.fill('.new-todo', t);
    await page.press('.new-todo', 'Enter');
  }
}
const item = (i) => page.locator('.todo-list li').nth(i);

test('empty list: main and footer hidden, new-todo focused', async () => {
  assert.equal(await page.locator('.new-todo').getAttribute('placeholder'), 'What needs to be done?');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'new-todo', 'autofocus');
  assert.equal(await page.locator('section.main').count(), 0);
  assert.equal(await page.locator('footer.footer').count(), 0);
});

test('add: trimmed, empty ignored, input cleared, counter plural', async () => {
  await add('  buy milk  ');
  assert.deepEqual(await titles(), ['buy milk']);
  assert.equal(await page.inputValue('.new-todo'), '', 'the input is cleared');
  assert.equal(await count(), '1 item left');
  assert.equal(await page.locator('.todo-count strong').textContent(), '1');
  await add('   ');
  assert.deepEqual(await titles(), ['buy milk'], 'a blank title adds nothing');
  await add('walk dog');
  assert.deepEqual(await titles(), ['buy milk', 'walk dog']);
  assert.equal(await count(), '2 items left');
  assert.equal(await page.locator('section.main').count(), 1);
  assert.equal(await page.locator('footer.footer').count(), 1);
  assert.equal(await page.locator('.clear-completed').count(), 0, 'no clear-completed while none is completed');
});

test('toggle one, toggle all both ways', async () => {
  await add('a', 'b', 'c');
  await item(1).locator('.toggle').check();
  assert.equal(await item(1).getAttribute('class'), 'completed');
  assert.equal(await count(), '2 items left');
  assert.equal(await page.locator('.toggle-all').isChecked(), false);
  await page.click('label[for=toggle-all]');
  assert.equal(await page.locator('.todo-list li.completed').count(), 3);
  assert.equal(await page.locator('.toggle-all').isChecked(), true);
  assert.equal(await count(), '0 items left');
  await page.click('label[for=toggle-all]');
  assert.equal(await page.locator('.todo-list li.completed').count(), 0);
  assert.equal(await page.locator('.toggle-all').isChecked(), false);
  assert.equal(await count(), '3 items left');
  for (let i = 0; i < 3; i++) await item(i).locator('.toggle').check();
  assert.equal(await page.locator('.toggle-all').isChecked(), true, 'checking every item checks toggle-all');
  await item(0).locator('.toggle').uncheck();
  assert.equal(await page.locator('.toggle-all').isChecked(), false);
  assert.equal(await item(0).locator('.toggle').isChecked(), false);
  assert.equal(await count(), '1 item left');
});

test('edit: double-click, Enter saves trimmed, Escape cancels, blur saves, empty deletes', async () => {
  await add('a', 'b', 'c');
  await item(0).locator('label').dblclick();
  assert.equal(await item(0).getAttribute('class'), 'editing');
  const edit = item(0).locator('.edit');
  assert.equal(await edit.inputValue(), 'a');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'edit', 'the edit field is focused');
  await edit.fill('  a2  ');
  await edit.press('Enter');
  assert.deepEqual(await titles(), ['a2', 'b', 'c']);
  assert.equal(await page.locator('.todo-list li.editing').count(), 0);
  assert.equal(await page.locator('.edit').count(), 0);

  await item(1).locator('label').dblclick();
  await item(1).locator('.edit').fill('changed');
  await item(1).locator('.edit').press('Escape');
  assert.deepEqual(await titles(), ['a2', 'b', 'c'], 'Escape keeps the old title');
  assert.equal(await page.locator('.todo-list li.editing').count(), 0);
  await item(1).locator('label').dblclick();
  assert.equal(await item(1).locator('.edit').inputValue(), 'b', 'editing again starts from the title');
  await item(1).locator('.edit').press('Escape');

  await item(2).locator('label').dblclick();
  await item(2).locator('.edit').fill('c blurred ');
  await page.locator('.new-todo').focus(); // blur
  assert.deepEqual(await titles(), ['a2', 'b', 'c blurred']);
  assert.equal(await page.locator('.todo-list li.editing').count(), 0);

  await item(1).locator('label').dblclick();
  await item(1).locator('.edit').fill('   ');
  await item(1).locator('.edit').press('Enter');
  assert.deepEqual(await titles(), ['a2', 'c blurred'], 'an empty edit deletes the item');
  assert.equal(await count(), '2 items left');
});

test('delete with the destroy button; the last one hides main and footer', async () => {
  await add('a', 'b');
  await item(0).hover();
  await item(0).locator('.destroy').click();
  assert.deepEqual(await titles(), ['b']);
  await item(0).hover();
  await item(0).locator('.destroy').click();
  assert.deepEqual(await titles(), []);
  assert.equal(await page.locator('section.main').count(), 0);
  assert.equal(await page.locator('footer.footer').count(), 0);
});

test('filters follow the hash: links, back/forward, a reload on #/completed', async () => {
  await add('a', 'b', 'c');
  await item(1).locator('.toggle').check();
  const selected = () => page.locator('.filters a.selected').getAttribute('href');
  // hashchange is a task after the navigation: wait until the filter link shows it, then check the list.
  const filtered = (href) => page.waitForSelector(`.filters a.selected[href="${href}"]`, { timeout: 5000 });
  assert.equal(await selected(), '#/');
  await page.click('a[href="#/active"]');
  await filtered('#/active');
  assert.equal(new URL(page.url()).hash, '#/active');
  assert.deepEqual(await titles(), ['a', 'c']);
  assert.equal(await page.locator('.filters a.selected').count(), 1, 'one filter is selected');
  await page.click('a[href="#/completed"]');
  await filtered('#/completed');
  assert.deepEqual(await titles(), ['b']);
  await item(0).locator('.toggle').click(); // uncheck() would re-check the state of a row that is gone
  assert.deepEqual(await titles(), [], 'an item that stops matching the filter leaves the list');
  await page.goBack();
  await filtered('#/active');
  assert.equal(new URL(page.url()).hash, '#/active');
  assert.deepEqual(await titles(), ['a', 'b', 'c'], 'back: #/active, where all three are active now');
  await page.goBack();
  await filtered('#/');
  assert.deepEqual(await titles(), ['a', 'b', 'c']);
  await page.goForward();
  await filtered('#/active');
  await page.goForward();
  await filtered('#/completed');
  assert.deepEqual(await titles(), []);
  await page.click('a[href="#/"]');
  await filtered('#/');
  assert.deepEqual(await titles(), ['a', 'b', 'c']);
  await item(2).locator('.toggle').check();
  await page.click('a[href="#/completed"]');
  await filtered('#/completed');
  await page.reload();
  await ready();
  assert.equal(await selected(), '#/completed', 'the filter is read from the hash at start');
  assert.deepEqual(await titles(), ['c']);
});

test('clear completed: shown only when some are completed', async () => {
  await add('a', 'b', 'c');
  assert.equal(await page.locator('.clear-completed').count(), 0);
  await item(0).locator('.toggle').check();
  await item(2).locator('.toggle').check();
  assert.equal(await page.locator('.clear-completed').textContent(), 'Clear completed');
  await page.click('.clear-completed');
  assert.deepEqual(await titles(), ['b']);
  assert.equal(await page.locator('.clear-completed').count(), 0);
  assert.equal(await count(), '1 item left');
});

test('persistence: a reload keeps the todos and their completed state', async () => {
  await add('one', 'two', 'three');
  await item(1).locator('.toggle').check();
  await item(2).locator('label').dblclick();
  await item(2).locator('.edit').fill('3');
  await item(2).locator('.edit').press('Enter');
  assert.deepEqual((await stored()).map((t) => [t.title, t.completed]), [['one', false], ['two', true], ['3', false]]);
  await page.reload();
  await ready();
  assert.deepEqual(await titles(), ['one', 'two', '3']);
  assert.equal(await item(1).getAttribute('class'), 'completed');
  assert.equal(await item(1).locator('.toggle').isChecked(), true);
  assert.equal(await count(), '2 items left');
  await add('four'); // ids continue after the stored ones
  const ids = (await stored()).map((t) => t.id);
  assert.equal(new Set(ids).size, 4, `ids stay unique: ${ids}`);
  await item(0).hover();
  await item(0).locator('.destroy').click();
  await page.reload();
  await ready();
  assert.deepEqual(await titles(), ['two', '3', 'four']);
  await page.click('label[for=toggle-all]');
  await page.click('.clear-completed');
  assert.deepEqual(await stored(), []);
  await page.reload();
  await ready();
  assert.equal(await page.locator('section.main').count(), 0, 'a stored empty list shows no main');
});
