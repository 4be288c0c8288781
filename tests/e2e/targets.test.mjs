// Targets at a glance: the 18 practices on one screen, every target set from
// the keyboard (arrow keys move, 0-4 set the level, G/I/S the scope, R or Enter
// the rationale), saved at once; the one-at-a-time editor stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, axeViolations, horizontalOverflow, screenshot, root } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const ids = catalogue.practices.map((p) => p.id);

test('a workshop sets targets from the keyboard in the grid', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(page);
  await page.getByLabel('Name').fill('Workshop');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
  const hash = await page.evaluate(() => location.hash);
  const id = hash.split('/')[2];
  await page.goto(`${server.origin}/workbench.html${hash}/targets`);
  await page.waitForSelector('.target-grid-table');
  assert.equal(await page.locator('.target-grid-table tbody tr').count(), 18);
  // Only one row is in the tab order (roving focus).
  assert.equal(await page.locator('.grid-row[tabindex="0"]').count(), 1);
  await page.focus('#target-grid-row-0');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('2');
  await page.keyboard.press('i');
  await page.keyboard.press('r');
  await page.waitForSelector('#target-grid-row-1-rationale');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'target-grid-row-1-rationale');
  await page.keyboard.type('Integrator duties come from the site contract.');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'target-grid-row-1');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'target-grid-row-17');
  await page.keyboard.press('4');
  await page.keyboard.press('s');
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `smm-navigator.v1.assessment.${id}`));
  assert.deepEqual([saved.targets[ids[0]].level, saved.targets[ids[0]].scope], [3, 'general']);
  assert.deepEqual([saved.targets[ids[1]].level, saved.targets[ids[1]].scope], [2, 'industry']);
  assert.equal(saved.targets[ids[1]].rationale, 'Integrator duties come from the site contract.');
  assert.deepEqual([saved.targets[ids[17]].level, saved.targets[ids[17]].scope], [4, 'system']);
  assert.equal(Object.keys(saved.targets).length, 3, 'only the practices touched get a target');
  // The grid shows what is stored, and the one-at-a-time editor agrees.
  assert.match(await page.textContent(`.target-grid-table tr[data-practice="${ids[1]}"]`), /2 Ad hoc.*Industry.*site contract/s);
  await page.click(`.target-grid-table tr[data-practice="${ids[1]}"] a`);
  await page.waitForSelector('.scope-choices');
  assert.ok(await page.isChecked('#target-scope-industry'));
  await page.goBack();
  await page.waitForSelector('.target-grid-table');
  await screenshot(page, 'targets-grid-desktop');
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scrolling on a phone');
  await screenshot(page, 'targets-grid-phone');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
