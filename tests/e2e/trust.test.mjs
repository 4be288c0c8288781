// The trustworthiness view: five characteristics, the radar and its table, a
// trade-off, part of the software checklist with its summary, the printed
// report, and an export/re-import that keeps everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, screenshot, axeViolations, artifacts, root } from './harness.mjs';

const bottling = JSON.parse(await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8'));
const trust = JSON.parse(await readFile(join(root, 'crates/smm-core/data/trustworthiness.json'), 'utf8'));
const KEY = `smm-navigator.v1.assessment.${bottling.id}`;

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('rate the characteristics, answer the checklist, print, export and re-import', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(bottling)]);
  await page.goto(`${server.origin}/review.html#/assessments/${bottling.id}/trustworthiness`);
  await page.reload();
  await appReady(page);
  const ratings = { safety: [3, 3, 2], security: [2, 2, null], reliability: [2, 3, 2], resilience: [1, 2, 1], privacy: [1, 1, 1] };
  for (const [id, [min, target, current]] of Object.entries(ratings)) {
    const box = page.locator(`fieldset[data-characteristic="${id}"]`);
    await box.getByRole('combobox', { name: 'Minimum' }).selectOption(String(min));
    await box.getByRole('combobox', { name: 'Target' }).selectOption(String(target));
    if (current !== null) await box.getByRole('combobox', { name: 'Current' }).selectOption(String(current));
  }
  await page.locator('fieldset[data-characteristic="safety"]').getByLabel('Why this target').fill('Operators work next to the filler.');
  // Security's current rating comes from the SMM results, not from a field.
  assert.equal(await page.locator('fieldset[data-characteristic="security"]').getByRole('combobox', { name: 'Current' }).count(), 0);
  const securityRow = await page.textContent('.trust-table tr[data-characteristic="security"]');
  assert.match(securityRow, /\(SMM\)/);
  assert.equal(await page.locator('.chart-svg.radar svg').count(), 1);
  // A trade-off.
  await page.getByLabel('Trade-off', { exact: true }).fill('PLC patches wait for the annual shutdown, leaving known flaws open.');
  const form = page.locator('.tradeoff-form');
  await form.getByLabel('Security').check();
  await form.getByLabel('Reliability').check();
  await form.getByRole('button', { name: 'Add the trade-off' }).click();
  await page.waitForSelector('.tradeoffs li.tradeoff');
  // Part of the checklist: the first three items of the first phase.
  const phase = trust.phases[0].id;
  const items = trust.items.filter((i) => i.phase === phase).slice(0, 3);
  const answers = ['yes', 'partly', 'no'];
  for (const [n, item] of items.entries()) {
    await page.check(`#ck-${item.id.replace('.', '-')}-${answers[n]}`);
  }
  await page.locator(`li.check-item[data-item="${items[0].id}"]`).getByLabel('Notes').fill('Concept of operations v3, signed');
  await page.locator('fieldset[data-characteristic="privacy"]').getByLabel('Why this minimum').fill('Only process data, no personal data.');
  assert.match(await page.textContent('fieldset[data-characteristic="security"] .smm-link'), /practices on or above target/);
  const row = await page.$$eval(`.checklist-summary tr[data-group="${phase}"] td`, (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(row.slice(0, 3), ['1', '1', '1']);
  assert.equal(row[5], '50%', '(1 + 0.5) / 3');
  await screenshot(page, 'trust-desktop');
  assert.deepEqual(await axeViolations(page), []);

  // The printed report carries the radar and the checklist summary.
  await page.goto(`${server.origin}/review.html#/assessments/${bottling.id}/report`);
  await appReady(page);
  assert.equal(await page.locator('.report-body .chart-svg.radar svg').count(), 1);
  assert.equal(await page.locator('.report-body .checklist-summary').count(), 1);
  await page.emulateMedia({ media: 'print' });
  await writeFile(join(artifacts, 'trust-report-A4.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });

  // Export, clear, re-import: everything intact.
  const before = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(before.trustworthiness.characteristics.safety.target, 3);
  assert.equal(before.trustworthiness.tradeoffs.length, 1);
  assert.equal(Object.keys(before.trustworthiness.checklist).length, 3);
  assert.equal(before.trustworthiness.checklist[items[0].id].notes, 'Concept of operations v3, signed');
  assert.equal(before.trustworthiness.characteristics.privacy.minimum_rationale, 'Only process data, no personal data.');
  await page.goto(`${server.origin}/workbench.html#/assessments/${bottling.id}`);
  await appReady(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this assessment' }).click()]);
  const file = join(artifacts, 'trust-export.smm.json');
  await download.saveAs(file);
  await page.evaluate(() => localStorage.clear());
  await page.goto(server.origin + '/workbench.html#/assessments');
  await page.reload();
  await appReady(page);
  await page.setInputFiles('.file-pick input[type=file]', file);
  await page.waitForSelector('.transfer-message .notice.ok');
  assert.deepEqual(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY)), before);
  // An older-version file still imports.
  await page.setInputFiles('.file-pick input[type=file]', join(root, 'tests/fixtures/assessment-v1.smm.json'));
  await page.getByRole('button', { name: 'Keep both' }).click();
  await page.waitForFunction(() => /migrated version 3 to 4/.test(document.querySelector('.transfer-message').textContent));
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});
