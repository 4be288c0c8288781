// Assess once, read it against several frameworks: the frameworks view with
// NIST CSF 2.0 and ISO/IEC 27001:2022 beside 62443 (coverage per group as a
// table and a chart, the crosswalk matrix), a user's own framework catalogue
// and mapping, and an old version 1 mapping file, loaded in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, axeViolations, horizontalOverflow, screenshot, storedItems, root, artifacts, smm } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const example = await readFile(join(root, 'examples/bottling-line-asset-owner.smm.json'), 'utf8');
const id = JSON.parse(example).id;
const data = (p) => readFile(join(root, 'crates/smm-core/data', p), 'utf8').then(JSON.parse);

async function open(viewport) {
  const ctx = await openPage(browser, server.origin, viewport);
  await ctx.page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(ctx.page);
  await ctx.page.evaluate(([k, v]) => localStorage.setItem(k, v), [`smm-navigator.v1.assessment.${id}`, example]);
  await ctx.page.goto(`${server.origin}/review.html#/assessments/${id}/requirements`);
  await ctx.page.reload();
  await appReady(ctx.page);
  return ctx;
}

test('the same assessment read against CSF 2.0 and ISO/IEC 27001: coverage, chart and crosswalk', async () => {
  const { page, context, foreign, errors } = await open();
  const csf = await data('frameworks/csf-2.0.json');
  const csfMap = await data('mappings/indicative-csf-2.0.json');
  await page.selectOption('#req-framework', 'csf-2.0');
  await page.waitForFunction(() => document.querySelector('.coverage-table tbody tr[data-group="GV"]'));
  assert.equal(await page.locator('#req-role').count(), 0, 'CSF has no roles to pick');
  assert.equal(await page.locator('.levels-note').count(), 0, 'the 62443 scale note is for 62443');
  // Every listed requirement is a CSF subcategory the mapping reaches from a targeted practice.
  const reqs = await page.$$eval('.requirement-table tbody tr', (trs) => trs.map((t) => t.dataset.requirement));
  const ids = new Set(csf.requirements.map((r) => r.id));
  const mapped = new Set(csfMap.rows.map((r) => r.requirement));
  assert.ok(reqs.length > 0 && reqs.every((r) => ids.has(r) && mapped.has(r)), reqs.join());
  // The coverage table's top-level rows add up to the list.
  const tops = await page.$$eval('.coverage-table tbody tr.depth-0', (trs) => trs.map((t) => [...t.querySelectorAll('td')].slice(0, 2).map((d) => Number(d.textContent))));
  assert.equal(tops.length, 6, 'six functions');
  assert.equal(tops.reduce((n, [implied]) => n + implied, 0), reqs.length);
  const coveredRows = await page.locator('.requirement-table tbody tr.covered').count();
  assert.equal(tops.reduce((n, [, covered]) => n + covered, 0), coveredRows);
  // The `smm` command finds the same requirements and the same coverage.
  const stdout = await smm(['requirements',
    join(root, 'examples/bottling-line-asset-owner.smm.json'), '--framework', 'csf-2.0']);
  const cli = JSON.parse(stdout);
  assert.deepEqual(cli.requirements.map((r) => r.requirement), reqs, 'same requirements as smm requirements --framework csf-2.0');
  assert.deepEqual(cli.coverage.filter((g) => g.group.length === 2).map((g) => [g.implied, g.covered]), tops);
  // CSV export of the checklist.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the checklist as CSV' }).click()]);
  assert.match(download.suggestedFilename(), /csf-2\.0\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  assert.equal(csv.trim().split('\r\n').length, reqs.length + 1, 'one CSV line per requirement and a header');
  // The chart draws one bar per function with the same figures.
  const svg = await page.innerHTML('.coverage-chart .chart-svg');
  for (const [implied, covered] of tops) assert.ok(svg.includes(`${covered} of ${implied}`), `chart shows ${covered} of ${implied}`);
  // Crosswalk: 18 practices by 6 functions; a practice without a target shows dashes.
  assert.equal(await page.locator('.crosswalk-table tbody tr').count(), 18);
  assert.equal(await page.locator('.crosswalk-table thead th').count(), 7);
  const a = JSON.parse(example);
  const untargeted = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8')).practices.map((p) => p.id).find((p) => !a.targets[p]);
  if (untargeted) {
    const cells = await page.$$eval(`.crosswalk-table tr[data-practice="${untargeted}"] td`, (tds) => tds.map((t) => t.textContent));
    assert.ok(cells.every((c) => c === '–'), cells.join());
  }
  await screenshot(page, 'frameworks-csf-desktop');
  assert.deepEqual(await axeViolations(page), []);
  // ISO/IEC 27001: four themes, ids and short titles.
  await page.selectOption('#req-framework', 'iso27001-2022');
  await page.waitForFunction(() => document.querySelectorAll('.coverage-table tbody tr.depth-0').length === 4);
  assert.equal(await page.locator('.crosswalk-table thead th').count(), 5);
  assert.match(await page.textContent('.requirement-table tbody'), /Threat intelligence|Logging|Access control/);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `overflow ${overflow}px on a phone`);
  await screenshot(page, 'frameworks-iso-phone');
  assert.deepEqual(await axeViolations(page), []);
  // The report includes a chosen framework's coverage.
  await page.goto(`${server.origin}/review.html#/assessments/${id}/report`);
  await appReady(page);
  await page.getByLabel('NIST Cybersecurity Framework').check();
  await page.waitForSelector('.report-framework[data-framework="csf-2.0"] .coverage-table');
  assert.equal(await page.locator('.report-framework').count(), 1);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a user framework catalogue with its mapping, and an old version 1 mapping, load in the page', async () => {
  const { page, context } = await open();
  await page.goto(`${server.origin}/workbench.html#/assessments`);
  await appReady(page);
  const fw = { ...(await data('frameworks/iso27001-2022.json')), id: 'plant-controls', name: 'Plant control set' };
  const map = { ...(await data('mappings/indicative-iso27001-2022.json')), id: 'plant-mapping', name: 'Plant mapping', framework: 'plant-controls' };
  const load = async (name, body) => {
    const file = join(artifacts, name);
    await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body));
    const previous = await page.textContent('.transfer-message');
    await page.setInputFiles('.file-pick input[type=file]', file);
    await page.waitForFunction((p) => {
      const t = document.querySelector('.transfer-message')?.textContent ?? '';
      return t.length > 0 && t !== p;
    }, previous);
    return page.textContent('.transfer-message');
  };
  // A mapping whose framework is unknown is refused, and nothing is stored.
  const before = await storedItems(page);
  assert.match(await load('plant-mapping-first.json', map), /load its framework catalogue first/);
  assert.deepEqual(await storedItems(page), before);
  // A framework that is too large is refused with its path.
  const huge = { ...fw, id: 'huge', requirements: Array.from({ length: 5001 }, (_, i) => ({ ...fw.requirements[0], id: `X-${i}` })) };
  const text = await load('huge-framework.json', huge);
  assert.ok(text.includes('at most 5000') && text.includes('at `requirements`'), text);
  assert.deepEqual(await storedItems(page), before);
  assert.match(await load('plant-framework.json', fw), /Loaded the framework catalogue “Plant control set” \(93 requirements\)/);
  assert.match(await load('plant-mapping.json', map), /Loaded the mapping “Plant mapping”/);
  // A version 1 mapping file of an earlier release: migrated on import.
  const v1 = JSON.parse(await readFile(join(root, 'tests/fixtures/mapping-v1.json'), 'utf8'));
  assert.match(await load('old-mapping.json', { ...v1, id: 'old-tables', name: 'Old tables' }), /Loaded the mapping “Old tables”/);
  await page.goto(`${server.origin}/review.html#/assessments/${id}/requirements`);
  await appReady(page);
  await page.selectOption('#req-mapping', 'old-tables');
  const oldReqs = await page.$$eval('.requirement-table tbody tr', (trs) => trs.length);
  assert.ok(oldReqs > 0, 'the migrated mapping is used');
  await page.selectOption('#req-framework', 'plant-controls');
  await page.waitForFunction(() => document.querySelectorAll('.coverage-table tbody tr.depth-0').length === 4);
  const own = await page.$$eval('.requirement-table tbody tr', (trs) => trs.map((t) => t.dataset.requirement));
  await page.selectOption('#req-framework', 'iso27001-2022');
  await page.waitForFunction(() => document.querySelector('#req-mapping option')?.value === 'indicative-iso27001-2022');
  const builtin = await page.$$eval('.requirement-table tbody tr', (trs) => trs.map((t) => t.dataset.requirement));
  assert.deepEqual(own, builtin, 'the loaded framework and mapping read like the built-in ones');
  // Both survive a reload (kept in this browser).
  await page.reload();
  await appReady(page);
  assert.ok(await page.locator('#req-framework option[value="plant-controls"]').count() === 1);
  await context.close();
});
