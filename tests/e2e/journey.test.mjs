// The assessment workflow as a new user goes through it: create an assessment,
// set all 18 targets, assess all 18 practices, read results and roadmap, reload,
// take a snapshot, change two answers, see the trend, print the report to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, appReady, screenshot, axeViolations, tabUntil, artifacts, root, storedItems, horizontalOverflow } from './harness.mjs';

const catalogue = JSON.parse(await readFile(join(root, 'crates/smm-core/data/catalogue.json'), 'utf8'));
const practices = catalogue.practices;
/** Whether an indicator counts for an asset owner (no `roles` means every role). */
const forOwner = (ind) => !ind.roles || ind.roles.includes('asset-owner');
// Our plan: target level per practice, and the level whose indicators we tick.
const TARGET = [2, 2, 3, 2, 3, 2, 3, 3, 3, 2, 2, 3, 3, 4, 2, 2, 3, 3];
const ACHIEVE = [2, 1, 3, 3, 1, 2, 2, 3, 2, 2, 0, 1, 3, 2, 2, 1, 1, 3];

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = storedItems;

test('the whole workflow, with a reload, a snapshot, the trend and a printed report', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  assert.match(await page.textContent('.empty'), /No assessment yet/);

  // Create.
  await page.getByLabel('Name').fill('Packaging line 2027');
  await page.getByLabel('Your role for this system').selectOption('asset-owner');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-[a-z0-9]+-[a-z0-9]+$/.test(location.hash));
  const base = await page.evaluate(() => location.hash);
  const id = base.split('/')[2];
  assert.equal((await page.textContent('#smm-main h1')).trim(), 'Packaging line 2027');
  await page.getByLabel('Organisation').fill('Acme Foods');
  await page.getByLabel('System under assessment').fill('Line 2: cartoner & <b>palletiser</b>');
  await page.waitForSelector('.save-status .saved');

  // Priorities and all 18 targets.
  await page.goto(`${server.origin}/${base}/targets`);
  await appReady(page);
  await page.getByLabel('Hardening (domain)').selectOption('high');
  for (const [i, p] of practices.entries()) {
    await page.goto(`${server.origin}/${base}/targets/${p.id}`);
    await page.waitForSelector(`.target-editor[data-practice="${p.id}"]`);
    await page.click(`label[for="target-level-${TARGET[i]}"]`);
    if (TARGET[i] === 4) {
      await page.waitForSelector('.gentle-prompt');
      await page.getByLabel('Why this target fits').fill('OTA updates reach 4,000 field devices; a failed rollout stops the line.');
      await page.waitForSelector('.gentle-prompt', { state: 'detached' });
    }
  }
  // One practice does not apply.
  await page.goto(`${server.origin}/${base}/targets/physical-protection`);
  await page.waitForSelector('.target-editor');
  await page.getByLabel('This practice does not apply to this system').check();
  await page.getByLabel('Why it does not apply (required)').fill('Covered by the site owner under the lease.');
  await screenshot(page, 'journey-target-desktop');

  let data = await stored(page);
  let saved = JSON.parse(data[`smm-navigator.v1.assessment.${id}`]);
  assert.equal(Object.keys(saved.targets).length, 18, 'all 18 targets stored');
  assert.equal(saved.priorities.domains.hardening, 'high');
  assert.equal(saved.targets['physical-protection'].not_applicable.reason, 'Covered by the site owner under the lease.');

  // Assess all 18 by ticking indicators of levels 1..ACHIEVE[i].
  for (const [i, p] of practices.entries()) {
    await page.goto(`${server.origin}/${base}/assess/${p.id}`);
    await page.waitForSelector(`.checklist-page[data-practice="${p.id}"]`);
    if (ACHIEVE[i] === 0) {
      await page.getByRole('button', { name: 'Nothing is met yet: record level 0' }).click();
    }
    for (const level of p.levels.filter((l) => l.level <= ACHIEVE[i])) {
      // The indicators that count for an asset owner; those for other roles are folded away.
      for (const ind of level.indicators.filter(forOwner)) await page.check(`input[data-indicator="${ind.id}"]`);
    }
    const live = await page.textContent('.live-level');
    assert.match(live, new RegExp(`Derived level ${ACHIEVE[i]}`), `${p.id}: ${live}`);
  }
  assert.match(await page.textContent('.checklist-page .muted'), /18 of 18 practices assessed/);
  await screenshot(page, 'journey-assess-desktop');

  // Results.
  await page.goto(`${server.origin}/${base}/results`);
  await appReady(page);
  const rows = await page.$$eval('#gap-table tbody tr', (trs) => trs.map((tr) => ({
    id: tr.dataset.practice, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
  assert.equal(rows.length, 18);
  const expectStatus = (i) => (practices[i].id === 'physical-protection' ? 'Not applicable'
    : ACHIEVE[i] < TARGET[i] ? 'Below target' : ACHIEVE[i] > TARGET[i] ? 'Above target' : 'On target');
  for (const [i, r] of rows.entries()) {
    assert.ok(r.cells[2].startsWith(expectStatus(i)), `${r.id}: ${r.cells[2]} vs ${expectStatus(i)}`);
    if (practices[i].id !== 'physical-protection') {
      assert.equal(r.cells[3], String(Math.max(0, TARGET[i] - ACHIEVE[i])), `${r.id} shortfall`);
      assert.equal(r.cells[4], String(Math.max(0, ACHIEVE[i] - TARGET[i])), `${r.id} excess`);
    }
  }
  assert.equal(await page.locator('.chart-svg svg').count(), 2, 'two charts drawn');
  await page.getByText('How is this computed?').first().click();
  assert.match(await page.textContent('.figure details[open]'), /SMM Navigator's own/);
  await screenshot(page, 'journey-results-desktop');
  assert.deepEqual(await axeViolations(page), []);

  // Roadmap: plan the first step and export the CSV.
  await page.goto(`${server.origin}/${base}/roadmap`);
  await appReady(page);
  const firstStep = await page.getAttribute('.step', 'data-step');
  assert.match(firstStep, /@\d$/);
  const stepPractice = firstStep.split('@')[0];
  const domainOf = (pid) => catalogue.domains.find((d) => d.subdomains.some((s) => s.id === practices.find((p) => p.id === pid).subdomain)).id;
  assert.equal(domainOf(stepPractice), 'hardening', 'high-priority domain first');
  const fid = firstStep.replace('@', '-');
  await page.fill(`#owner-${fid}`, 'Dana "Ops" Kovač');
  await page.fill(`#due-${fid}`, '2027-03-31');
  await page.selectOption(`#status-${fid}`, 'in-progress');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the roadmap as CSV' }).click(),
  ]);
  const csvPath = join(artifacts, 'journey-roadmap.csv');
  await download.saveAs(csvPath);
  const csv = await readFile(csvPath);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = csv.toString('utf8');
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  // Owner, due date and status, then the (empty) reference and the status change just made.
  assert.ok(text.includes(`,"Dana ""Ops"" Kovač",2027-03-31,In progress,,${today} in-progress\r\n`), 'quoted owner, due, status, reference, history');
  assert.equal(text.split('\r\n').filter((l) => /^\d+,/.test(l)).length, await page.locator('.step').count());
  await screenshot(page, 'journey-roadmap-desktop');

  // Reload: everything is still there.
  const before = await stored(page);
  await page.reload();
  await appReady(page);
  assert.equal(await page.inputValue(`#owner-${fid}`), 'Dana "Ops" Kovač');
  assert.deepEqual(await stored(page), before, 'nothing changed by reloading');
  saved = JSON.parse(before[`smm-navigator.v1.assessment.${id}`]);
  assert.equal(Object.keys(saved.results).length, 18);
  assert.equal(saved.plan[firstStep].status, 'in-progress');

  // Snapshot, then change two answers.
  await page.goto(`${server.origin}/${base}/history`);
  await appReady(page);
  await page.getByLabel('Label (optional)').fill('Baseline');
  await page.getByRole('button', { name: 'Take a snapshot' }).click();
  await page.waitForSelector('.snapshot-list li');
  const up = practices.findIndex((p) => p.id === 'compliance-management');
  const down = practices.findIndex((p) => p.id === 'threat-modeling');
  await page.goto(`${server.origin}/${base}/assess/compliance-management`);
  await page.waitForSelector('.checklist-page');
  for (const ind of practices[up].levels[1].indicators.filter(forOwner)) await page.check(`input[data-indicator="${ind.id}"]`);
  await page.goto(`${server.origin}/${base}/assess/threat-modeling`);
  await page.waitForSelector('.checklist-page');
  await page.uncheck('input[data-indicator="threat-modeling.2.a"]');
  await page.goto(`${server.origin}/${base}/history`);
  await appReady(page);
  const trendCells = (pid) => page.$$eval(`.trend-table tr[data-practice="${pid}"] td`, (tds) => tds.map((td) => td.textContent.trim()));
  assert.deepEqual(await trendCells('compliance-management'), ['1', '2 ▲', String(TARGET[up])]);
  assert.deepEqual(await trendCells('threat-modeling'), ['3', '1 ▼', String(TARGET[down])]);
  assert.match(await page.textContent('.compare-summary'), /1 practice\(s\) improved, 1 regressed/);
  await screenshot(page, 'journey-history-desktop');

  // Report, printed to PDF on A4 and Letter.
  await page.goto(`${server.origin}/${base}/report`);
  await appReady(page);
  assert.ok((await page.innerHTML('.report-body')).includes('cartoner &amp; &lt;b&gt;palletiser&lt;/b&gt;'), 'user text is inert');
  await screenshot(page, 'journey-report-desktop');
  await page.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    await writeFile(join(artifacts, `journey-report-${format}.pdf`), pdf);
    assert.ok(pdf.length > 20000, `${format} PDF has content`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Phone widths of the same pages.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const s of ['targets/access-control', 'assess/access-control', 'results', 'roadmap', 'history', 'report']) {
    await page.goto(`${server.origin}/${base}/${s}`);
    await appReady(page);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `${s} overflows by ${overflow}px on a phone`);
    await screenshot(page, `journey-${s.split('/')[0]}-phone`);
  }

  assert.deepEqual(foreign(), [], 'no request beyond the app');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an assessor goes through the checklist by keyboard only', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  await page.getByLabel('Name').fill('Keyboard run');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
  const base = await page.evaluate(() => location.hash);
  await page.goto(`${server.origin}/${base}/assess/${practices[0].id}`);
  await page.waitForSelector('.checklist-page');
  for (let n = 0; n < 3; n++) {
    const p = practices[n];
    // Tab to each level-1 indicator and tick it with the space bar.
    for (const ind of p.levels[0].indicators.filter(forOwner)) {
      await tabUntil(page, (want) => document.activeElement?.dataset?.indicator === want, 60, ind.id);
      await page.keyboard.press('Space');
    }
    assert.match(await page.textContent('.live-level'), /Derived level 1/);
    // Tab to "Next" and follow it.
    await tabUntil(page, () => document.activeElement?.getAttribute('rel') === 'next', 120);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.checklist-page[data-practice="${practices[n + 1].id}"]`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 2000 });
  }
  assert.match(await page.textContent('.checklist-page .muted'), /3 of 18 practices assessed/);
  await context.close();
});

test('an asset owner reaches level 3 on a practice with a supplier-only indicator; the same ticks give a supplier level 2', async () => {
  const { page, context, foreign, errors } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  await page.getByLabel('Name').fill('Water works telemetry');
  await page.getByLabel('Your role for this system').selectOption('asset-owner');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-[a-z0-9]+-[a-z0-9]+$/.test(location.hash));
  const base = await page.evaluate(() => location.hash);
  const id = base.split('/')[2];
  const practice = practices.find((p) => p.id === 'situational-awareness-and-information-sharing');
  const supplierOnly = practice.levels[2].indicators.filter((i) => i.roles && !i.roles.includes('asset-owner'));
  assert.ok(supplierOnly.some((i) => i.id.endsWith('.3.d')), 'publishing CSAF advisories is for product suppliers');
  await page.goto(`${server.origin}/${base}/assess/${practice.id}`);
  await page.waitForSelector('.checklist-page');
  // The supplier's indicators are folded under level 3, marked with their role.
  const level3 = page.locator('fieldset.checklist-level.level-3');
  const folded = level3.locator('details.other-roles');
  assert.match(await folded.locator('summary').textContent(), new RegExp(`${supplierOnly.length} indicators? for other roles`));
  assert.equal(await level3.locator(`input[data-indicator="${supplierOnly[0].id}"]`).isVisible(), false, 'folded until opened');
  for (const l of practice.levels.filter((l) => l.level <= 3)) {
    for (const ind of l.indicators.filter(forOwner)) await page.check(`input[data-indicator="${ind.id}"]`);
  }
  assert.match(await page.textContent('.live-level'), /Derived level 3/);
  assert.match(await level3.locator('legend').textContent(), /all met/);
  // Opened, a supplier's indicator can be ticked as extra evidence: the level stays 3.
  await folded.locator('summary').click();
  assert.match(await folded.textContent(), /For product suppliers/);
  await page.check(`input[data-indicator="${supplierOnly[0].id}"]`);
  assert.match(await page.textContent('.live-level'), /Derived level 3/);
  await screenshot(page, 'role-folded-indicators');
  let saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `smm-navigator.v1.assessment.${id}`));
  assert.ok(saved.results[practice.id].indicators_met.includes(supplierOnly[0].id), 'the extra evidence is kept');
  // The same ticks, read for a product supplier: its own level-3 indicators are not all met.
  await page.goto(`${server.origin}/${base}`);
  await page.waitForSelector('.metadata-form');
  await page.getByRole('combobox', { name: /^Role/ }).selectOption('product-supplier');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).metadata.role === 'product-supplier', `smm-navigator.v1.assessment.${id}`);
  await page.goto(`${server.origin}/${base}/assess/${practice.id}`);
  await page.waitForSelector('.checklist-page');
  assert.match(await page.textContent('.live-level'), /Derived level 2/);
  assert.equal(await page.locator(`input[data-indicator="${supplierOnly[0].id}"]`).isVisible(), true, 'a supplier sees its own indicators unfolded');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('delete asks first and can be undone', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  await page.getByLabel('Name').fill('To be deleted');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForFunction(() => /^#\/assessments\/a-/.test(location.hash));
  await page.goto(server.origin + '/workbench.html#/assessments');
  await appReady(page);
  const count = await page.locator('.assessment-row').count();
  await page.getByRole('button', { name: 'Delete To be deleted' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await page.locator('.assessment-row').count(), count);
  await page.getByRole('button', { name: 'Delete To be deleted' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  assert.equal(await page.locator('.assessment-row').count(), count - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('.assessment-row').count(), count);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('.assessment-row').count(), count, 'the undo was saved');
  // Duplicate and rename.
  const row = page.locator('.assessment-row', { hasText: 'To be deleted' }).first();
  await row.getByRole('button', { name: 'Duplicate' }).click();
  assert.equal(await page.locator('.assessment-row', { hasText: 'To be deleted (copy)' }).count(), 1);
  const copyId = await page.locator('.assessment-row', { hasText: 'To be deleted (copy)' }).getAttribute('data-assessment');
  const copy = page.locator(`.assessment-row[data-assessment="${copyId}"]`);
  await copy.getByRole('button', { name: 'Rename' }).click();
  await copy.getByLabel('New name').fill('Renamed copy');
  await copy.getByRole('button', { name: 'Save name' }).click();
  assert.equal(await page.locator('.assessment-row', { hasText: 'Renamed copy' }).count(), 1);
  await context.close();
});
